// The small page modules that do not need a browser: clearing the site's storage, and the
// For Professionals form's fixed choices, held to the C++ validator (WASM build) that checks them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { STORAGE_PREFIX, clearSiteStorage, siteKeys } from "../../web/js/site-storage.js";
import { COMMON_LANGUAGES, REGISTRATION_BODIES, numberOrText } from "../../web/js/profile-form.js";
import { loadBundledCore, readData, root } from "./support.mjs";

class MemoryStorage {
  constructor(entries = {}) {
    this.map = new Map(Object.entries(entries));
  }
  get length() {
    return this.map.size;
  }
  key(i) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
}

test("clearSiteStorage removes every tft: key from local and session storage and keeps the rest", () => {
  const win = {
    localStorage: new MemoryStorage({ "tft:shortlist": "[]", "tft:remember": "1", "tftx": "keep", theme: "dark" }),
    sessionStorage: new MemoryStorage({ "tft:draft": "x", other: "y" }),
  };
  assert.equal(STORAGE_PREFIX, "tft:");
  assert.deepEqual(siteKeys(win).sort(), ["tft:draft", "tft:remember", "tft:shortlist"]);
  assert.deepEqual(clearSiteStorage(win), { removed: 3, ok: true });
  assert.deepEqual([...win.localStorage.map.keys()], ["tftx", "theme"]);
  assert.deepEqual([...win.sessionStorage.map.keys()], ["other"]);
  assert.deepEqual(clearSiteStorage(win), { removed: 0, ok: true });
});

test("clearSiteStorage reports blocked storage instead of throwing", () => {
  const blocked = {
    get localStorage() {
      throw new Error("SecurityError");
    },
    get sessionStorage() {
      throw new Error("SecurityError");
    },
  };
  assert.deepEqual(clearSiteStorage(blocked), { removed: 0, ok: false });
});

test("numbers typed in the form reach the validator as numbers, anything else as the text typed", () => {
  assert.equal(numberOrText(" 60 "), 60);
  assert.equal(numberOrText("-1.55"), -1.55);
  assert.equal(numberOrText("60ish"), "60ish");
  assert.equal(numberOrText(""), undefined);
});

const sample = JSON.parse(readData("therapists.sample.json")).therapists[0];

test("the registration bodies the form offers match the ones the validator accepts", async () => {
  const core = await loadBundledCore();
  const errors = JSON.parse(core.validateProfile(JSON.stringify({ ...sample, registrations: [{ ...sample.registrations[0], body: "NOPE" }] })));
  // The message lists the first 12 accepted bodies; each must be on the form.
  const listed = /expected one of: (.*)$/.exec(errors[0].message)[1].split(/,\s*/).filter((s) => s !== "...");
  assert.ok(listed.length >= 12);
  for (const body of listed) assert.ok(REGISTRATION_BODIES.includes(body), `${body} is missing from the form`);
  // And each body the form offers is accepted.
  for (const body of REGISTRATION_BODIES) {
    const entry = { ...sample, registrations: [{ ...sample.registrations[0], body }] };
    assert.deepEqual(JSON.parse(core.validateProfile(JSON.stringify(entry))), [], body);
  }
});

test("every fixed choice on the For Professionals page is a value the validator accepts", async () => {
  const core = await loadBundledCore();
  const html = readFileSync(join(root, "web", "professionals.html"), "utf8");
  const values = (name) => [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, "g"))].map((m) => m[1]);
  const lists = { clients: values("clients"), formats: values("formats"), availability: values("availability"), identity: values("identity") };
  assert.deepEqual(lists.clients, ["individuals", "couples", "families"]);
  assert.equal(lists.formats.length, 4);
  assert.equal(lists.availability.length, 3);
  assert.equal(lists.identity.length, 5);
  const profile = { ...sample, ...lists };
  // At most 20 languages per entry: check the offered ones in two halves.
  for (const languages of [COMMON_LANGUAGES.slice(0, 11), COMMON_LANGUAGES.slice(11)])
    assert.deepEqual(JSON.parse(core.validateProfile(JSON.stringify({ ...profile, languages }))), [], languages.join());
  for (const gender of values("gender")) {
    const errors = JSON.parse(core.validateProfile(JSON.stringify({ ...profile, gender })));
    assert.deepEqual(errors, [], gender);
  }
  assert.deepEqual(values("gender"), ["female", "male", "non-binary", "undisclosed"]);
});
