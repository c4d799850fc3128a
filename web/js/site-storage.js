// @ts-check
// What this site stores on a visitor's device, and how to remove it: the only module that names
// a storage key or the offline copy's caches, and the only "Clear everything" (the privacy page's
// button and the find page's both call clearSiteData()).
//
// The one rule for every module that stores anything: its key is in SITE_KEYS and starts with
// STORAGE_PREFIX, "tft:". Nothing is stored unless the visitor opts in, and only ids (never
// answers). clearSiteStorage() removes exactly the keys with that prefix, from localStorage and
// sessionStorage, so "Clear everything" cannot miss a key a later module adds, and never touches
// keys, cookies or databases that are not ours (browsers already keep other origins apart; the
// prefix also keeps us clear of anything else served from the same origin, such as a partner page).
//
// Storage can be missing or throw (blocked cookies, private modes): every function here copes and
// reports what it could do instead of throwing.

export const STORAGE_PREFIX = "tft:";

/** Every key the site writes. shortlist: the ids of an opted-in shortlist (shortlist.js). */
export const SITE_KEYS = Object.freeze({ shortlist: `${STORAGE_PREFIX}shortlist` });

/** The name of every cache holding the site's offline copy starts with this (web/sw.js, which
 * cannot import modules, spells it out again). */
export const CACHE_PREFIX = "tft-site-";
const siteRoot = new URL("../", import.meta.url);

/**
 * One of the browser's stores behind calls that never throw. Reading `localStorage` itself throws
 * when the browser blocks site data or the page is in a cross-origin frame (a partner's embed),
 * and writing throws when the quota is full; here each gives null or false instead, so no page
 * fails to start over storage it only needs for an opt-in extra.
 *   get(key) → the string or null; set(key, value) → true once stored; remove(key) → true once gone.
 */
export function safeStorage(name = "localStorage", win = globalThis) {
  const store = () => {
    try {
      return win[name] ?? null;
    } catch {
      return null;
    }
  };
  const attempt = (fn, failed) => {
    try {
      const s = store();
      return s ? fn(s) : failed;
    } catch {
      return failed;
    }
  };
  return {
    get: (key) => attempt((s) => s.getItem(key), null),
    set: (key, value) => attempt((s) => (s.setItem(key, value), true), false),
    remove: (key) => attempt((s) => (s.removeItem(key), true), false),
  };
}

function storages(win) {
  const out = [];
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      if (win[name]) out.push(win[name]);
    } catch {
      // Access itself throws when the browser blocks site data.
    }
  }
  return out;
}

/** The site's keys currently stored, across localStorage and sessionStorage. */
export function siteKeys(win = globalThis) {
  const keys = [];
  for (const store of storages(win)) {
    try {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key !== null && key.startsWith(STORAGE_PREFIX)) keys.push(key);
      }
    } catch {
      // Unreadable: it holds nothing we can list.
    }
  }
  return keys;
}

/**
 * Removes every key starting with "tft:" from localStorage and sessionStorage.
 * Returns { removed, ok }: how many keys went, and false if storage could not be read.
 */
export function clearSiteStorage(win = globalThis) {
  const stores = storages(win);
  let removed = 0;
  let ok = stores.length > 0;
  for (const store of stores) {
    try {
      const ours = [];
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key !== null && key.startsWith(STORAGE_PREFIX)) ours.push(key);
      }
      for (const key of ours) store.removeItem(key);
      removed += ours.length;
    } catch {
      ok = false;
    }
  }
  return { removed, ok };
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

/**
 * "Clear everything": the site's storage keys (clearSiteStorage) and its offline copy
 * (clearOfflineCopy). Returns { removed, ok, caches }.
 * @param {any} [win]
 */
export async function clearSiteData(win = globalThis) {
  const { removed, ok } = clearSiteStorage(win);
  const caches = await clearOfflineCopy();
  return { removed, ok, caches };
}
