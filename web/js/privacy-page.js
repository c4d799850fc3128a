// The privacy page's "Clear everything" button: removes the site's "tft:" storage keys and its
// offline copy (the service worker's caches, web/js/offline.js). The result is announced in a
// status message, so someone using a screen reader hears that it worked without losing their place.
import { clearSiteStorage } from "./site-storage.js";
import { clearOfflineCopy } from "./offline.js";

const button = document.getElementById("clear-storage-button");
const status = document.getElementById("clear-storage-status");

button?.addEventListener("click", async () => {
  const { removed, ok } = clearSiteStorage(window);
  const caches = await clearOfflineCopy();
  const offline = caches ? " The copy of this site saved for offline use has been removed too." : "";
  if (!ok) status.textContent = `Your browser is blocking this site's storage, so nothing is stored here.${offline}`;
  else if (removed === 0) status.textContent = `Done. There was nothing stored by this site on this device.${offline}`;
  else status.textContent = `Done. We removed everything this site had stored on this device (${removed} ${removed === 1 ? "item" : "items"}).${offline}`;
});
