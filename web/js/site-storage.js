// What this site stores on a visitor's device, and how to remove it.
//
// The one rule for every module that stores anything: keys start with STORAGE_PREFIX, "tft:"
// (for example the opt-in shortlist, "tft:shortlist"). Nothing is stored unless the visitor opts
// in, and only ids (never answers). clearSiteStorage() removes exactly the keys with that prefix,
// from localStorage and sessionStorage, so "Clear everything" cannot miss a key a later module
// adds, and never touches keys that are not ours (browsers already keep other origins apart; the
// prefix also keeps us clear of anything else served from the same origin).
//
// Storage can be missing or throw (blocked cookies, private modes): every function here copes and
// reports what it could do instead of throwing.

export const STORAGE_PREFIX = "tft:";

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
