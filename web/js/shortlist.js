// The shortlist: therapists the visitor saved, in memory. Nothing is written to the device unless
// the visitor ticks "Remember my shortlist on this device"; then only therapist ids are stored
// (never an answer), under one localStorage key, and unticking removes it. clearEverything()
// empties memory and every key this site could have stored (local, session, cookies, IndexedDB).
import { STORAGE_PREFIX, safeStorage } from "./site-storage.js";

// Every key this site stores starts with STORAGE_PREFIX ("tft:"), so the privacy page's
// "Clear everything" button (site-storage.js) removes it too.
export const STORAGE_KEY = `${STORAGE_PREFIX}shortlist`;

// `storage` is a safeStorage() (site-storage.js): it never throws, so a browser that blocks site
// data still gets a working shortlist, kept in memory only.
export function createShortlist({ storage = safeStorage("localStorage") } = {}) {
  const items = new Map(); // id → public profile
  let remember = false;
  let stored = true; // whether the last write reached the device
  const listeners = new Set();

  const changed = () => {
    if (remember) stored = storage.set(STORAGE_KEY, JSON.stringify([...items.keys()]));
    for (const fn of listeners) fn();
  };

  return {
    onChange: (fn) => listeners.add(fn),
    has: (id) => items.has(id),
    list: () => [...items.values()],
    get size() {
      return items.size;
    },
    get remember() {
      return remember;
    },
    /** False when the visitor asked to remember but the browser would not store it. */
    get stored() {
      return stored;
    },
    add(therapist) {
      items.set(therapist.id, therapist);
      changed();
    },
    remove(id) {
      items.delete(id);
      changed();
    },
    toggle(therapist) {
      if (items.has(therapist.id)) items.delete(therapist.id);
      else items.set(therapist.id, therapist);
      changed();
    },
    /** Returns false when remembering was asked for but the browser refused to store it. */
    setRemember(on) {
      remember = Boolean(on);
      if (!remember) storage.remove(STORAGE_KEY);
      stored = true;
      changed();
      return !remember || stored;
    },
    /** Ids stored by an earlier visit that opted in, or [] (a bad value is treated as none). */
    storedIds() {
      try {
        const ids = JSON.parse(storage.get(STORAGE_KEY) ?? "[]");
        return Array.isArray(ids) ? ids.filter((id) => typeof id === "string").slice(0, 50) : [];
      } catch {
        return [];
      }
    },
    /** Restores a stored shortlist (the visitor opted in before, so keep remembering). */
    restore(therapists) {
      for (const t of therapists) items.set(t.id, t);
      remember = true;
      changed();
    },
    clear() {
      items.clear();
      remember = false;
      for (const fn of listeners) fn();
    },
  };
}

/** Removes everything this origin may have stored on the device. */
export async function clearDeviceStorage() {
  try {
    localStorage.clear();
  } catch {}
  try {
    sessionStorage.clear();
  } catch {}
  try {
    // Reading document.cookie throws in a sandboxed frame; there is nothing of ours to clear then.
    for (const cookie of document.cookie.split(";")) {
      const name = cookie.split("=")[0].trim();
      if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    }
  } catch {}
  try {
    const dbs = (await indexedDB.databases?.()) ?? [];
    for (const db of dbs) if (db.name) indexedDB.deleteDatabase(db.name);
  } catch {}
}
