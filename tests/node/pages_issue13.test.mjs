// Issue 13's page pieces that need no browser: the concern headings cover every concern once; the
// For Professionals instructions cover what the real C++ validator (WASM build) reports for every
// field of the form; "Question N of M" numbering; and the offline manifest (version, file list).
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { instructionFor } from "../../web/js/profile-messages.js";
import { questionNumbers, requiredAnswered, shownNumber, storedNumber } from "../../web/js/questionnaire-model.js";
import { PRECACHE_LIMIT, offlineBuild, writeOfflineManifest } from "../../scripts/offline-manifest.mjs";
import { loadBundledCore, readData, root } from "./support.mjs";

test("the concern headings place every concern of data/concerns.json exactly once", () => {
  const concerns = JSON.parse(readData("concerns.json")).concerns.map((c) => c.id);
  const { groups } = JSON.parse(readData("concern-groups.json"));
  assert.ok(groups.length >= 3 && groups.length <= 7, `${groups.length} headings`);
  const placed = groups.flatMap((g) => g.concerns);
  assert.deepEqual([...placed].sort(), [...concerns].sort());
  assert.equal(new Set(placed).size, placed.length, "no concern twice");
  for (const g of groups) assert.match(g.label, /^[A-Z][a-z ,]+$/, g.label);
});

// Profiles that make the real validator complain about every field the form has.
const CHECKER_WORDS = /expected|found a|\$\.|is required|unknown|min is greater|\[\d+\]/;
const INSTRUCTION = /^(Enter|Select|Choose|Add|Give|Use|Write|Check|Remove) |^[A-Z][^:]* must (be|not) /;

test("every error the C++ validator reports on the form's fields gets an instruction with no checker words", async () => {
  const core = await loadBundledCore();
  const bad = [
    {},
    { id: "T Bad", name: "", gender: "x", registrations: [{ body: "NOPE", level: "", number: "", checked: "30/11/2026" }], approaches: ["no-such"], concerns: [], clients: [], ages: { min: "eighteen", max: "sixty" }, formats: ["in-person"], languages: ["english"], fees: { min: "fifty", max: "eighty" }, availability: [], contact: { email: "me at home", phone: "12345", website: "http://x.example.org" }, updated: "yesterday", bio: "x".repeat(1600) },
    { ages: { min: 70, max: 20 }, fees: { min: 90, max: 50 }, formats: ["in-person"], locations: [{ place: "Leeds" }], contact: {} },
    { ages: { min: -5, max: 500 }, approaches: Array.from({ length: 20 }, (_, i) => `a${i}`), locations: [{ place: "X", lat: "north", lon: 300 }] },
  ];
  let checked = 0;
  for (const profile of bad) {
    const errors = JSON.parse(core.validateProfile(JSON.stringify(profile)));
    assert.ok(errors.length > 0);
    for (const e of errors) {
      // Errors about fields the form does not have (unknown keys in a loaded file) keep the core's words.
      if (/unknown field/.test(e.message)) continue;
      const text = instructionFor(e);
      assert.ok(text, `no instruction for ${e.path}: ${e.message}`);
      assert.match(text, INSTRUCTION, `${e.path}: ${e.message} → "${text}"`);
      assert.doesNotMatch(text, CHECKER_WORDS, `${e.path}: ${e.message} → "${text}"`);
      checked++;
    }
  }
  assert.ok(checked >= 30, `${checked} errors reworded`);
  // The brief's own example, from the core's real message.
  const [age] = JSON.parse(core.validateProfile(JSON.stringify({ ages: { min: 18, max: "sixty-five" } }))).filter((e) => e.path === "$.ages.max");
  assert.equal(instructionFor(age), "Enter the oldest age as a number, like 65");
});

test("Question N of M: follow-ups share the number of the question they follow, so M is the questions everyone is asked", () => {
  const questions = JSON.parse(readData("questionnaire.json")).questions;
  const { numbers, total } = questionNumbers(questions);
  assert.equal(numbers.get("who"), 1);
  assert.equal(numbers.get("age"), 1, "age follows who");
  assert.equal(numbers.get("location"), numbers.get("format"));
  assert.equal(numbers.get("max_distance_km"), numbers.get("format"));
  assert.equal(total, numbers.get(questions.at(-1).id));
  assert.equal(total, questions.filter((q) => !q.shows_if).length);
  // Required answered: who, age, concerns, safety, format (video only, so no place or distance).
  assert.equal(requiredAnswered(questions, { who: "myself", age: 30, concerns: ["anxiety"], safety: "none" }), false);
  assert.equal(requiredAnswered(questions, { who: "myself", age: 30, concerns: ["anxiety"], safety: "none", format: ["video"] }), true);
  assert.equal(requiredAnswered(questions, { who: "myself", age: 30, concerns: ["anxiety"], safety: "none", format: ["in-person"] }), false, "in person needs the place and distance");
  // Miles in, kilometres kept: 20 miles is 32.19 km and shows as 20 again.
  const distance = questions.find((q) => q.id === "max_distance_km");
  assert.equal(distance.unit, "miles");
  assert.ok(Math.abs(storedNumber(distance, 20) - 32.18688) < 1e-9);
  assert.equal(shownNumber(distance, storedNumber(distance, 20)), 20);
});

test("the offline manifest lists every published file but the worker, and its version follows every byte", () => {
  const dir = mkdtempSync(join(tmpdir(), "tft-manifest-"));
  try {
    mkdirSync(join(dir, "data"));
    cpSync(join(root, "web", "sw.js"), join(dir, "sw.js"));
    writeFileSync(join(dir, "index.html"), "<p>one</p>");
    writeFileSync(join(dir, "data", "big.json"), Buffer.alloc(PRECACHE_LIMIT + 1, 32));
    const first = writeOfflineManifest(dir);
    assert.deepEqual(first.files, ["data/big.json", "index.html"]);
    assert.deepEqual(first.precache, ["index.html"], "a very large file is kept only when used");
    const worker = readFileSync(join(dir, "sw.js"), "utf8");
    assert.match(worker, new RegExp(`^const BUILD = \\{"version":"${first.version}"`, "m"));
    assert.doesNotMatch(worker, /^const BUILD = null;$/m);
    // Re-running on a built site is fine, and gives the same version for the same files.
    assert.equal(writeOfflineManifest(dir).version, first.version);
    writeFileSync(join(dir, "index.html"), "<p>onE</p>");
    assert.notEqual(offlineBuild(dir).version, first.version, "one changed byte, a new version");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
