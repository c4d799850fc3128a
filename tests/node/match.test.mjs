// The WASM match() and places() against the native CLI on the shared answer fixtures
// (tests/fixtures/answers/*.json): byte-identical results, identical error lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createMatcher, AnswersError } from "../../web/js/tft.js";
import { dataDir, fixturesDir, loadBundledCore, loadCore, readData, runCli } from "./support.mjs";

const core = await loadBundledCore();
const dir = join(fixturesDir, "answers");
const fixtures = readdirSync(dir)
  .filter((n) => n.endsWith(".json"))
  .sort()
  .map((name) => {
    const f = JSON.parse(readFileSync(join(dir, name), "utf8"));
    return { name, text: "text" in f ? f.text : JSON.stringify(f.answers), errors: f.errors };
  });

test("the fixture set has valid and invalid answers", () => {
  assert.ok(fixtures.filter((f) => f.name.startsWith("valid-")).length >= 10);
  assert.ok(fixtures.filter((f) => f.name.startsWith("invalid-")).length >= 15);
});

for (const f of fixtures) {
  test(`${f.name}: WASM and CLI agree byte for byte`, () => {
    for (const limit of [20, 0]) {
      const cli = runCli(["match", "--answers", "-", "--limit", String(limit)], f.text);
      const wasm = core.match(f.text, limit, "", "km");
      if (f.name.startsWith("valid-")) {
        assert.equal(cli.status, 0, cli.stderr);
        assert.equal(wasm + "\n", cli.stdout);
        const result = JSON.parse(wasm);
          assert.deepEqual(Object.keys(result), ["crisis", "signposts", "summary", "approaches", "matches", "excluded", "suggestions"]);
      } else {
        assert.equal(cli.status, 1);
        assert.equal(cli.stdout, "");
        assert.deepEqual(cli.stderr.trimEnd().split("\n"), f.errors);
        assert.deepEqual(JSON.parse(wasm).errors.map((e) => e.text), f.errors);
      }
    }
  });
}

test("a reference day and miles give the same bytes from the CLI and WASM, and bad options are named", () => {
  const text = readFileSync(join(dir, "valid-ocd-leeds.json"), "utf8");
  const answers = JSON.stringify(JSON.parse(text).answers);
  const cli = runCli(["match", "--answers", "-", "--limit", "20", "--today", "2026-11-30", "--units", "miles"], answers);
  assert.equal(cli.status, 0, cli.stderr);
  const wasm = core.match(answers, 20, "2026-11-30", "miles");
  assert.equal(wasm + "\n", cli.stdout);
  const result = JSON.parse(wasm);
  assert.equal(result.summary.today, "2026-11-30");
  assert.ok(!/\d km\b/.test(JSON.stringify([result.matches.map((m) => [m.reasons, m.caveats]), result.suggestions])), "no km in the words");
  // Without a date, the directory's newest "updated" day is the reference.
  const newest = JSON.parse(readData("therapists.sample.json")).therapists.map((t) => t.updated).sort().at(-1);
  assert.equal(JSON.parse(core.match(answers, 1, "", "km")).summary.today, newest);

  const bad = JSON.parse(core.match(answers, 5, "tomorrow", "leagues"));
  assert.deepEqual(bad.errors.map((e) => e.text), [
    'options:$.today: expected a date written YYYY-MM-DD, found "tomorrow"',
    'options:$.units: unknown value "leagues"; expected one of: km, miles',
  ]);
  const cliBad = runCli(["match", "--answers", "-", "--today", "tomorrow"], answers);
  assert.equal(cliBad.status, 2);
  assert.match(cliBad.stderr, /--today: expected a date written YYYY-MM-DD/);
});

test("match never throws on hostile text, and the module still works after", () => {
  for (const text of ["", "\u0000", "[".repeat(100000), `{"who":"${"x".repeat(1 << 20)}"}`, '{"who":"myself","format":["video"],"age":1e999}']) {
    const out = JSON.parse(core.match(text, 5, "", "km"));
    assert.ok(Array.isArray(out.errors) && out.errors.length > 0, JSON.stringify(text.slice(0, 20)));
  }
  const ok = JSON.parse(core.match('{"who":"myself","format":["video"]}', 3, "", "km"));
  assert.equal(ok.matches.length, 3);
});

test("createMatcher: match() gives plain objects, throws AnswersError naming the field, and places() fills the place box", async () => {
  const moduleFactory = () => loadCore();
  const readText = async (url) => readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8");
  const tft = await createMatcher({ moduleFactory, readText });

  const result = tft.match({ who: "couple", concerns: ["relationships"], format: ["video"] }, { limit: 3 });
  assert.equal(result.matches.length, 3);
  for (const m of result.matches) assert.ok(m.clients.includes("couples"));

  assert.throws(
    () => tft.match({ who: "myself", format: ["in-person"], location: { place: "Leds" } }),
    (e) => e instanceof AnswersError && e.errors[0].path === "$.location.place" && /did you mean Leeds/.test(e.errors[0].message),
  );

  const lee = tft.places("lee");
  assert.equal(lee[0].name, "Leeds");
  assert.ok(lee.length <= 8);
  assert.deepEqual(Object.keys(lee[0]), ["name", "county", "region", "lat", "lon", "label"]);
  assert.equal(tft.places("saint alb", { limit: 3 })[0].name, "St Albans");
  assert.deepEqual(tft.places(""), []);
});
