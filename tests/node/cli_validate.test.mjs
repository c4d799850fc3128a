// `tft validate` and `tft entry` as a person at a terminal meets them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readData, readFixture, runCli } from "./support.mjs";

const tmp = mkdtempSync(join(tmpdir(), "tft-cli-"));

test("validate passes the bundled data with a one-line summary", () => {
  const r = runCli(["validate"]);
  assert.equal(r.status, 0, r.stderr);
  const entries = JSON.parse(readData("glossary.json")).entries.length;
  const concerns = JSON.parse(readData("concerns.json")).concerns.length;
  const published = JSON.parse(readData("directories.json")).directories.length;
  const summary = String.raw`^ok: ${entries} glossary entries, ${concerns} concerns, \d+ questions, \d+ crisis contacts, \d+ places, \d+ therapists \(fictional sample\), ${published} published directories\n$`;
  assert.match(r.stdout, new RegExp(summary));
});

test("validate prints one FILE:PATH: message line per problem in a broken directory", () => {
  const fixture = readFixture("directory-errors.json");
  const several = fixture.cases.find((c) => c.name === "several problems are all reported");
  const file = join(tmp, "broken.json");
  writeFileSync(file, several.text);
  const r = runCli(["validate", "--directory", file]);
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split("\n");
  assert.deepEqual(lines.slice(0, -1), several.errors.map((e) => e.replace(/^fixture\.json/, file)));
  assert.equal(lines.at(-1), "3 problems found");
});

test("validate names an unreadable file instead of crashing", () => {
  const r = runCli(["validate", "--directory", join(tmp, "missing.json")]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing\.json:\$: cannot be read/);
});

test("validate survives a directory that is not JSON at all", () => {
  const file = join(tmp, "binary.json");
  writeFileSync(file, Buffer.from([0, 255, 1, 2, 3, 0x7b]));
  const r = runCli(["validate", "--directory", file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /binary\.json:\$: not valid JSON/);
});

test("entry of an unknown slug fails with a message, and bad command lines exit 2", () => {
  const r = runCli(["entry", "no-such-approach"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no glossary entry has the slug "no-such-approach"/);
  assert.equal(runCli(["frobnicate"]).status, 2);
  assert.equal(runCli(["validate", "--bogus", "x"]).status, 2);
  assert.equal(runCli(["entry"]).status, 2);
});
