// The site's offline copy (docs/offline.md): registers the service worker (sw.js at the site
// root) once a page has loaded, and removes the copy for "Clear everything".
// The copy holds the site's own published files only, never answers; see web/sw.js.
export const CACHE_PREFIX = "tft-site-";
const siteRoot = new URL("../", import.meta.url);

export function registerOffline() {
  if (!("serviceWorker" in navigator) || siteRoot.protocol === "file:") return;
  // Not inside a frame: the only framed page is the partner embed, which stores nothing the
  // visitor did not ask for (docs/embedding.md), and an offline copy there is of no use.
  if (window.self !== window.top) return;
  const register = () => navigator.serviceWorker.register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname }).catch(() => {});
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

/**
 * Deletes this site's offline copy (every cache named tft-site-…) and unregisters its service
 * worker. Returns how many caches went. Never throws: a browser without these APIs has no copy.
 */
export async function clearOfflineCopy() {
  let removed = 0;
  try {
    for (const key of await caches.keys()) if (key.startsWith(CACHE_PREFIX) && (await caches.delete(key))) removed++;
  } catch {
    // No Cache API (or blocked): nothing was stored through it.
  }
  try {
    for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? [])
      if (new URL(registration.scope).href.startsWith(siteRoot.href)) await registration.unregister();
  } catch {
    // Nothing registered.
  }
  return removed;
}

registerOffline();
