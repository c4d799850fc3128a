// @ts-check
// The site's offline copy (docs/offline.md): registers the service worker (sw.js at the site
// root) once a page has loaded. The copy holds the site's own published files only, never
// answers; see web/sw.js. "Clear everything" removes it (site-storage.js clearOfflineCopy).
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

registerOffline();
