// The hostile corpus of issue #12, shared by hostile.test.mjs and the WASM child it starts per
// case (hostile-wasm-load.mjs): the committed files of tests/fixtures/hostile/ with their expected
// errors (cases.json), the inputs too big to commit (made here, at test time), and the check of
// what a load printed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixturesDir, readData, readFixture } from "./support.mjs";

export const MiB = 1 << 20;
const hostileDir = join(fixturesDir, "hostile");
const manifest = JSON.parse(readFileSync(join(hostileDir, "cases.json"), "utf8"));
export const good = readFixture("directory-errors.json").good_therapist;
export const TIME_LIMIT_MS = 120_000;
// The documented bound (docs/security.md), above the same program loading a one-entry directory.
export const allowance = (bytes) => 8 * bytes + 4 * MiB;
// And whatever the input, no load's whole process (CLI) or heap (WASM) passes this (issue #12).
export const CEILING = 512 * MiB;

// `open` + copies of `item` joined by commas + `close`, `bytes` long or just under.
function fill(open, item, close, bytes) {
  const count = Math.floor((bytes - open.length - close.length + 1) / (item.length + 1));
  return open + `${item},`.repeat(count - 1) + item + close;
}

// The inputs too big to commit. Each gives its errors exactly, or their shape where the place a
// limit stops at depends on the allocator's arithmetic.
export function generatedCases() {
  const glossary = JSON.parse(readData("glossary.json"));
  const n = glossary.entries.length;
  glossary.entries.push({ ...glossary.entries[0], slug: "index", name: "Index therapy", aliases: [] });
  const cases = [
    {
      name: "64 MiB directory of empty objects",
      kind: "directory",
      make: () => fill('{"fictional":true,"therapists":[', "{}", "]}", 64 * MiB),
      firstError: "FILE:$.therapists[0].id: is required",
      lastError: "FILE:$: too many errors; only the first 200 are shown",
      count: 201,
    },
    {
      name: "64 MiB array of empty objects (defect 6: 2.4 GB natively, WASM aborted)",
      kind: "directory",
      make: () => fill("[", "{}", "]", 64 * MiB),
      match: /^FILE:\$\[\d+\]: the file holds more values than a file of its size should, so reading stopped here to keep memory bounded$/,
    },
    {
      name: "64 MiB array of zeros (defect 6: the WASM heap grew to 1.7 GB for good)",
      kind: "directory",
      make: () => fill("[", "0", "]", 64 * MiB),
      match: /^FILE:\$\[\d+\]: the file holds more values than a file of its size should, so reading stopped here to keep memory bounded$/,
    },
    {
      name: "a million and one therapists that are numbers",
      kind: "directory",
      make: () => fill('{"fictional":true,"therapists":[', "0", "]}", 2 * 1_000_001 + 33),
      firstError: "FILE:$.therapists[0]: expected an object, found a number",
      lastError: "FILE:$: too many errors; only the first 200 are shown",
      count: 201,
    },
    {
      name: "a million-element array in an unknown field",
      kind: "directory",
      make: () => `{"fictional":true,"therapists":[],"x":[${"1,".repeat(999_999)}1]}`,
      match: /^FILE:\$\.x\[\d+\]: the file holds more values than a file of its size should, so reading stopped here to keep memory bounded$/,
    },
    {
      name: "one therapist with a million languages",
      kind: "directory",
      make: () => JSON.stringify({ fictional: true, therapists: [{ ...good, languages: Array(1_000_000).fill("en") }] }),
      match: /^FILE:\$\.therapists\[0\]\.languages\[\d+\]: the file holds more values than a file of its size should, so reading stopped here to keep memory bounded$/,
    },
    {
      name: "50 MB unterminated string (defect 10: a 52 MB error line)",
      kind: "directory",
      make: () => '{"a":"' + "x".repeat(50_000_000),
      errors: ["FILE:$: a string starting at line 1, column 6 is longer than 65536 bytes or never closed"],
    },
    {
      name: "a number of 70,000 digits",
      kind: "directory",
      make: () => `{"fictional":true,"therapists":[],"n":${"9".repeat(70_000)}}`,
      errors: ["FILE:$: a number starting at line 1, column 39 is longer than 65536 bytes"],
    },
    {
      name: "nesting 100,000 deep",
      kind: "directory",
      make: () => `{"fictional":true,"therapists":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      errors: ["FILE:$: nested more than 32 levels deep"],
    },
    {
      name: "a glossary entry with the slug index (defect 11: it overwrote the A to Z page)",
      kind: "glossary",
      make: () => JSON.stringify(glossary),
      errors: [`FILE:$.entries[${n}].slug: "index" is reserved for the A to Z page; choose another slug`],
    },
  ];
  // Made when first read: a WASM child process needs only its own case.
  for (const c of cases) {
    let text;
    Object.defineProperty(c, "text", { get: () => (text ??= c.make()) });
  }
  return cases;
}


export const committedCases = () => manifest.cases.map((c) => ({ ...c, name: c.file, text: readFileSync(join(hostileDir, c.file)) }));
export const allCases = () => [...committedCases(), ...generatedCases()];

export function checkErrors(c, lines, label) {
  const want = (e) => e.replace(/^FILE:/, `${c.file ?? "hostile.json"}:`);
  const errors = (label === "WASM" && c.errors_wasm) || c.errors;
  if (errors) assert.deepEqual(lines, errors.map(want), `${label}: ${c.name}`);
  if (c.errors_start) {
    assert.equal(lines.length, c.errors_start.length, `${label}: ${c.name}`);
    c.errors_start.forEach((e, i) => assert.ok(lines[i].startsWith(want(e)), `${label}: ${c.name}: ${lines[i]}`));
  }
  if (c.match) {
    assert.equal(lines.length, 1, `${label}: ${c.name}: ${lines.join("\n")}`);
    assert.match(lines[0].replace(/^[^:]*:/, "FILE:"), c.match, label);
  }
  if (c.firstError) {
    assert.equal(lines.length, c.count, `${label}: ${c.name}`);
    assert.equal(lines[0], want(c.firstError), label);
    assert.equal(lines.at(-1), want(c.lastError), label);
  }
  // Whatever the input, an error line is one printable line of a few hundred characters.
  for (const line of lines) {
    assert.ok([...line].length <= 520, `${label}: ${c.name}: a line of ${[...line].length} characters`);
    assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\u200b]/u, label);
  }
}

