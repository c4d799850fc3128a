// @ts-check
// The privacy page's "Clear everything" button. The result is announced in a status message, so
// someone using a screen reader hears that it worked without losing their place.
import { clearSiteStorage } from "./site-storage.js";

const button = document.getElementById("clear-storage-button");
const status = /** @type {HTMLElement} */ (document.getElementById("clear-storage-status"));

button?.addEventListener("click", () => {
  const { removed, ok } = clearSiteStorage(window);
  if (!ok) status.textContent = "Your browser is blocking this site's storage, so nothing is stored here.";
  else if (removed === 0) status.textContent = "Done. There was nothing stored by this site on this device.";
  else status.textContent = `Done. We removed everything this site had stored on this device (${removed} ${removed === 1 ? "item" : "items"}).`;
});
