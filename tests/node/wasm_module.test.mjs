// The WebAssembly build of the core against the native CLI and the shared fixtures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createMatcher, DataError } from "../../web/js/tft.js";
import { dataDir, fixturesDir, loadBundledCore, loadCore, readData, readFixture, runCli } from "./support.mjs";

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
  const moduleFactory = () => loadCore();
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

// tft.js over the WASM build, reading data/ and, in place of the sample, `directoryText`.
async function matcherWith(directoryText) {
  const moduleFactory = () => loadCore();
  const readText = async (url) =>
    url.endsWith("therapists.sample.json") && directoryText !== undefined
      ? directoryText
      : readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8");
  return createMatcher({ moduleFactory, readText });
}

test("the place box's look-ups come from the core: labels name the county only where names are shared", async () => {
  const tft = await matcherWith();
  assert.deepEqual(tft.places("aberys", { limit: 3 }).map((p) => p.label), ["Aberystwyth"]);
  const newports = tft.places("Newport", { limit: 8 }).filter((p) => p.name === "Newport");
  assert.ok(newports.length >= 2, "several places are called Newport");
  for (const p of newports) assert.equal(p.label, `Newport, ${p.county}`);
  // Every label reads back to the same place, which is what the answers carry.
  for (const p of [...newports, ...tft.places("Leeds", { limit: 3 })]) {
    const back = tft.resolvePlace(p.label).place;
    assert.deepEqual([back.name, back.county, back.lat, back.lon], [p.name, p.county, p.lat, p.lon], p.label);
  }
  assert.equal(tft.resolvePlace("aberystwyth").place.lat, 52.4155);
  assert.equal(tft.resolvePlace("St. Albans").place.name, "St Albans");
  const miss = tft.resolvePlace("Aberystwith");
  assert.equal(miss.place, null);
  assert.ok(miss.suggestions.includes("Aberystwyth"), miss.suggestions.join(", "));
  assert.deepEqual(tft.resolvePlace(""), { place: null, suggestions: [] });
});

test("with invalid entries in the directory, counts and saved profiles come only from the valid ones", async () => {
  // Eight entries: five valid (t-000105 takes no new clients), three the loader refuses.
  const tft = await matcherWith(readFileSync(join(fixturesDir, "directory-with-invalid-entries.json"), "utf8"));
  assert.deepEqual(
    tft.directoryErrors.map((e) => e.path),
    ["$.therapists[5].fees.min", "$.therapists[6].gender", "$.therapists[7].approaches[0]"],
  );
  assert.equal(tft.directory().therapists, 5);
  const result = tft.match({ who: "myself", age: 30, concerns: ["anxiety"], format: ["video"], safety: { risk: "none" } }, { limit: 0 });
  assert.equal(result.summary.passing, 4);
  assert.equal(result.excluded.total, 1);
  assert.deepEqual(result.matches.map((m) => m.id).sort(), ["t-000101", "t-000102", "t-000103", "t-000104"]);
  // A shortlist remembered from before the file changed: refused and unknown ids are left out.
  const saved = tft.therapists(["t-000106", "t-000105", "t-999999", "t-000101", "t-000107"]);
  assert.deepEqual(saved.map((t) => t.id), ["t-000105", "t-000101"]);
  assert.equal(saved[1].name, "Ada Fixture");
  assert.deepEqual(saved[1].fees, { min: 50, max: 70, concessions: true, low_cost_places: false });
});
