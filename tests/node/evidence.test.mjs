// The evidence model through the WebAssembly build: the glossary loader's tag rules and the NICE
// personas, from the same fixtures the Catch2 tests read (tests/unit/loaders_test.cpp,
// tests/unit/persona_test.cpp), so the browser's core is held to the same rules as the native one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadBundledCore, loadCore, readData, readFixture } from "./support.mjs";

test("the glossary loader gives the fixture's errors for each evidence tag case", async () => {
  const fixture = readFixture("glossary-evidence-errors.json");
  const core = await loadCore();
  for (const { name, concerns, errors } of fixture.cases) {
    const glossary = JSON.stringify({ entries: [{ ...fixture.good_entry, concerns }] });
    const got = JSON.parse(
      core.loadDataset(glossary, readData("concerns.json"), readData("questionnaire.json"), readData("crisis.json"), readData("places-gb.json")),
    ).map((e) => e.text);
    assert.deepEqual(got, errors, name);
  }
});

test("personas get the approaches NICE recommends for their age", async () => {
  const { personas } = readFixture("personas.json");
  assert.ok(personas.length >= 20);
  const core = await loadBundledCore();
  for (const { name, answers, expect, mode } of personas) {
    // Crisis-route personas (safety_personas.test.mjs) have no approaches; "partial" ones cannot be matched.
    if (mode === "partial" || !expect.approaches) continue;
    const result = JSON.parse(core.match(JSON.stringify(answers), 1));
    assert.equal(result.errors, undefined, `${name}: ${JSON.stringify(result.errors)}`);
    const listed = result.approaches.map((a) => a.slug);
    const want = expect.approaches;
    const where = `${name} (listed: ${listed.join(", ")})`;
    if (want.first) assert.equal(listed[0], want.first, where);
    if (want.top) for (const slug of want.top.include) assert.ok(listed.slice(0, want.top.n).includes(slug), `${where}: ${slug} in top ${want.top.n}`);
    for (const slug of want.never ?? []) assert.ok(!listed.includes(slug), `${where}: never ${slug}`);
    for (const slug of want.not_strong ?? [])
      for (const a of result.approaches.filter((x) => x.slug === slug))
        for (const reason of a.reasons) assert.ok(!reason.startsWith("Strong evidence"), `${where}: ${slug} not strong: ${reason}`);
    for (const part of want.first_reason_contains ?? [])
      assert.ok(result.approaches[0].reasons[0].includes(part), `${where}: first reason has ${part}`);
  }
});
