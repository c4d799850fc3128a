// @ts-check
// The privacy page's "Clear everything" button: removes the site's "tft:" storage keys and its
// offline copy (both through site-storage.js). The result is announced in a status message, so
// someone using a screen reader hears that it worked without losing their place.
import { clearSiteData } from "./site-storage.js";

const button = document.getElementById("clear-storage-button");
const status = /** @type {HTMLElement} */ (document.getElementById("clear-storage-status"));

button?.addEventListener("click", async () => {
  const { removed, ok, caches } = await clearSiteData(window);
  const offline = caches ? " The copy of this site saved for offline use has been removed too." : "";
  if (!ok) status.textContent = `Your browser is blocking this site's storage, so nothing is stored here.${offline}`;
  else if (removed === 0) status.textContent = `Done. There was nothing stored by this site on this device.${offline}`;
  else status.textContent = `Done. We removed everything this site had stored on this device (${removed} ${removed === 1 ? "item" : "items"}).${offline}`;
});
