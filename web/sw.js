// The service worker (docs/offline.md): after one visit the whole site works with the network off,
// the questionnaire and the results included, because everything they need is a published static
// file. It keeps copies of published files only: the list below is every file the build wrote,
// answers never go into a URL or a request, and nothing else is ever put in the cache.
//
// BUILD is written by scripts/offline-manifest.mjs at build time: the version (a hash of every
// published file, so any change to any file makes a new version and a new cache name), the files
// to fetch on install (the pages, styles, scripts, the WebAssembly module and the data) and the
// files that may be kept when first used (a larger directory's parts, fetched only if needed).
// Served straight from web/ (never built), BUILD stays null and this worker does nothing.
const BUILD = null;

const CACHE_PREFIX = "tft-site-";
const CACHE = BUILD ? `${CACHE_PREFIX}${BUILD.version}` : null;
const scope = new URL(self.registration.scope);
const published = new Set(BUILD ? BUILD.files : []);

// "/glossary/" → "glossary/index.html"; null for anything outside this site's published files.
function publishedPath(url) {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  let path = url.pathname.slice(scope.pathname.length);
  if (path === "" || path.endsWith("/")) path += "index.html";
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  return published.has(path) ? path : null;
}

self.addEventListener("install", (event) => {
  if (!BUILD) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // "reload": straight from the server, not from the browser's HTTP cache of an older version.
      await cache.addAll(BUILD.precache.map((path) => new Request(new URL(path, scope), { cache: "reload", credentials: "same-origin" })));
      // The new version takes over at once: the page that found it keeps the files it has, and
      // the next page the visitor opens comes from the new cache.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  if (!BUILD || event.request.method !== "GET") return;
  const url = new URL(event.request.url);
  const path = publishedPath(url);
  if (!path) return; // not ours: the browser handles it as if there were no worker
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // The query part is ignored: the glossary's ?q= search form lands on the same A–Z page.
      const key = new URL(path, scope).href;
      const hit = await cache.match(key);
      if (hit) return hit;
      const response = await fetch(event.request);
      if (response.ok && response.type === "basic" && !url.search) await cache.put(key, response.clone());
      return response;
    })(),
  );
});
