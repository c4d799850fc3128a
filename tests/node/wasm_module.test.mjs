// The WebAssembly build of the core against the native CLI and the shared fixtures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createMatcher, DataError } from "../../web/js/tft.js";
import { dataDir, loadBundledCore, loadCore, readData, readFixture, runCli } from "./support.mjs";

const core = await loadBundledCore();

test("entry returns the same bytes as `tft entry` for every glossary entry", () => {
  const slugs = JSON.parse(core.entries()).map((e) => e.slug);
  assert.ok(slugs.includes("attachment-based"));
  for (const slug of slugs) {
    const cli = runCli(["entry", slug]);
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(core.entry(slug) + "\n", cli.stdout, `entry ${slug}`);
  }
});

test("entry of an unknown slug is null, not a crash", () => {
  assert.equal(core.entry("no-such-approach"), "null");
  assert.equal(core.entry("<script>alert(1)</script>"), "null");
});

test("directory loader gives the fixture errors exactly, as the C++ tests expect", () => {
  const fixture = readFixture("directory-errors.json");
  const fresh = loadBundledCore();
  return fresh.then((c) => {
    for (const { name, text, errors } of fixture.cases) {
      const got = JSON.parse(c.loadDirectory("fixture.json", text)).map((e) => e.text);
      assert.deepEqual(got, errors, name);
    }
  });
});

test("validateProfile checks an entry with paths from its root", () => {
  const good = readFixture("directory-errors.json").good_therapist;
  assert.deepEqual(JSON.parse(core.validateProfile(JSON.stringify(good))), []);
  const errors = JSON.parse(core.validateProfile(JSON.stringify({ ...good, gender: "robot" })));
  assert.equal(errors.length, 1);
  assert.equal(errors[0].path, "$.gender");
  assert.equal(JSON.parse(core.validateProfile("{not json"))[0].path, "$");
});

test("createMatcher hands out plain objects and reports broken data files", async () => {
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  const { wasmDir } = await import("./support.mjs");
  const moduleFactory = () =>
    require(join(wasmDir, "tft-core-node.js"))({ wasmBinary: readFileSync(join(wasmDir, "tft-core-node.wasm")) });
  const readText = async (url) => readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8");
  const tft = await createMatcher({ moduleFactory, readText });
  const entry = tft.entry("attachment-based");
  assert.equal(entry.slug, "attachment-based");
  assert.ok(entry.faqs.length >= 3);
  assert.equal(tft.entry("nope"), null);
  assert.ok(tft.directory().therapists > 0);

  const broken = async (url) => (url.endsWith("crisis.json") ? '{"contacts": 5}' : readText(url));
  await assert.rejects(createMatcher({ moduleFactory, readText: broken }), (e) => {
    assert.ok(e instanceof DataError);
    assert.ok(e.errors.some((x) => x.text === "crisis.json:$.last_checked: is required"));
    return true;
  });
});

test("loadDataset never throws on hostile text", async () => {
  const c = await loadCore();
  for (const text of ["", "[", "\u0000", "[".repeat(100000), '{"entries":"x"}']) {
    const errors = JSON.parse(c.loadDataset(text, text, text, text, text));
    assert.ok(errors.length >= 5, `errors for ${JSON.stringify(text.slice(0, 10))}`);
  }
  // The module still works after all that.
  assert.equal(JSON.parse(c.loadDataset(readData("glossary.json"), readData("concerns.json"), readData("questionnaire.json"), readData("crisis.json"), readData("places-gb.json"))).length, 0);
});
