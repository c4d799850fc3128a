// The tests themselves: rules that keep the count honest. A browser test waits for a state, never
// for a time, and never swallows an error; a Catch2 case name never holds ";" (catch_discover_tests
// would split it into CTest entries that run nothing). scripts/run-catch2 checks the built lists
// too; this finds the mistake in the source, before a build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./support.mjs";

const filesIn = (dir, pattern) =>
  readdirSync(join(root, dir))
    .filter((f) => pattern.test(f))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(root, dir, f), "utf8") }));

// Each line that breaks a rule, as "file:line: text".
function offences(files, re) {
  const found = [];
  for (const { name, text } of files)
    text.split("\n").forEach((line, i) => {
      if (re.test(line)) found.push(`${name}:${i + 1}: ${line.trim()}`);
    });
  return found;
}

const browserTests = filesIn("tests/browser", /\.m?js$/);
const SLEEP = /waitForTimeout\s*\(|\bsetTimeout\s*\(|\bsleep\s*\(/;
const SWALLOW = /\.catch\s*\(\s*\(?\s*\w*\s*\)?\s*=>\s*(\{\s*\}|undefined|null|false)|catch\s*(\(\s*\w*\s*\))?\s*\{\s*\}/;
const NOT_RUN = /\b(test|it|describe|t)\.(skip|todo)\s*\(|\b(skip|todo)\s*:\s*(true|["'`]|\w+\()/;

test("no browser test sleeps: each waits for an element, a count or a reply", () => {
  assert.ok(browserTests.length > 10);
  assert.deepEqual(offences(browserTests, SLEEP), []);
});

test("no browser test swallows an error", () => {
  assert.deepEqual(offences(browserTests, SWALLOW), []);
});

test("no test is marked skip or todo (scripts/test counts them, and CI fails on any)", () => {
  const nodeTests = [...filesIn("tests/node", /\.test\.mjs$/), ...browserTests];
  assert.deepEqual(offences(nodeTests, NOT_RUN).filter((l) => !l.startsWith("tests/node/test_hygiene")), []);
});

test("no Catch2 case name holds a ';', so CTest runs each case exactly once", () => {
  const names = [];
  for (const { name, text } of filesIn("tests/unit", /\.cpp$/))
    for (const m of text.matchAll(/TEST_CASE\s*\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)/g))
      names.push({ file: name, name: [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1]).join("") });
  assert.ok(names.length > 50, `${names.length} cases found`);
  assert.deepEqual(names.filter((n) => n.name.includes(";")).map((n) => `${n.file}: ${n.name}`), []);
});

test("the rules above would catch what they forbid", () => {
  const planted = (text) => [{ name: "planted", text }];
  assert.equal(offences(planted('await page.waitForTimeout(300);\nawait new Promise((r) => setTimeout(r, 50));'), SLEEP).length, 2);
  assert.equal(offences(planted('await page.click("#a").catch(() => {});\ntry { f(); } catch {}\nx.catch(e => null)'), SWALLOW).length, 3);
  assert.equal(offences(planted('test("a", { todo: pendingReason(x) }, f);\ntest.skip("b", f);\ntest("c", { skip: "later" }, f)'), NOT_RUN).length, 3);
  assert.equal(offences(planted('test("a", { skip: false }, f);\nawait page.waitForFunction(() => ok);'), new RegExp(`${SLEEP.source}|${NOT_RUN.source}`)).length, 0);
});
