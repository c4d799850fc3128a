// @ts-check
// The shortlist: therapists the visitor saved, in memory. Nothing is written to the device unless
// the visitor ticks "Remember my shortlist on this device"; then only therapist ids are stored
// (never an answer), under the one key site-storage.js gives it, and unticking removes it.
// "Clear everything" is site-storage.js's clearSiteStorage(); clear() here empties the memory.
import { SITE_KEYS, safeStorage } from "./site-storage.js";

export const STORAGE_KEY = SITE_KEYS.shortlist;

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
