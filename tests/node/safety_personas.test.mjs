// The persona stories of tests/fixtures/personas.json against the WebAssembly build: the same
// expectations tests/unit/safety_personas_test.cpp checks natively, and the WASM bytes equal the CLI's
// (`tft match` for complete answers, `tft crisis --answers` for answers part-way through).
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadBundledCore, readData, readFixture, runCli } from "./support.mjs";

const core = await loadBundledCore();
const { personas } = readFixture("personas.json");
const dials = new Map(JSON.parse(readData("crisis.json")).contacts.map((c) => [c.id, c.phone ?? c.sms]));

function run(persona) {
  const text = JSON.stringify(persona.answers);
  const partial = persona.mode === "partial";
  const wasm = partial ? core.safetyRoutes(text) : core.match(text, 1);
  const cli = partial ? runCli(["crisis", "--answers", "-"], text) : runCli(["match", "--answers", "-", "--limit", "1"], text);
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(wasm + "\n", cli.stdout, "WASM and CLI print the same bytes");
  return JSON.parse(wasm);
}

const ids = (list) => list.map((x) => (typeof x === "string" ? x : x.id));
const flat = (groups) => groups.flatMap((g) => g.contacts);

function checkCrisis(want, crisis) {
  if ("level" in want) assert.equal(crisis.level, want.level);
  if ("nation" in want) assert.equal(crisis.nation, want.nation);
  const listed = ids(crisis.contacts);
  if ("first" in want) assert.equal(listed[0], want.first, `first of ${listed}`);
  for (const id of want.includes ?? []) assert.ok(listed.includes(id), `lists ${id}: ${listed}`);
  for (const id of want.excludes ?? []) assert.ok(!listed.includes(id), `does not list ${id}: ${listed}`);
  if (want.groups) assert.deepEqual(crisis.groups.map((g) => g.nation), want.groups);
  const needHelp = flat(crisis.need_help);
  for (const id of want.need_help_includes ?? []) assert.ok(needHelp.includes(id), `need help has ${id}: ${needHelp}`);
  for (const id of want.need_help_excludes ?? []) assert.ok(!needHelp.includes(id), `need help lacks ${id}: ${needHelp}`);
}

function checkSignposts(want, signposts) {
  const shown = ids(signposts);
  for (const id of want.includes ?? []) assert.ok(shown.includes(id), `signpost ${id}: ${shown}`);
  for (const id of want.excludes ?? []) assert.ok(!shown.includes(id), `no signpost ${id}: ${shown}`);
  for (const [id, contacts] of Object.entries(want.contacts ?? {}))
    assert.deepEqual(signposts.find((s) => s.id === id)?.contacts, contacts, `contacts of ${id}`);
  for (const [id, nation] of Object.entries(want.nations ?? {})) assert.equal(signposts.find((s) => s.id === id)?.nation, nation, `nation of ${id}`);
}

test("the persona file covers every nation, under-19s, an unknown nation and the signposts", () => {
  const nations = new Set(personas.map((p) => p.expect.crisis?.nation));
  for (const n of ["england", "wales", "scotland", "northern-ireland", null]) assert.ok(nations.has(n), String(n));
  assert.ok(personas.some((p) => p.expect.crisis?.first === "childline"));
  const signposts = new Set(personas.flatMap((p) => p.expect.signposts?.includes ?? []));
  for (const id of ["psychosis", "bipolar", "eating-disorders", "perinatal", "abuse", "young-person", "nhs-talking-therapies"])
    assert.ok(signposts.has(id), id);
});

for (const persona of personas) {
  test(`persona: ${persona.name}`, () => {
    const result = run(persona);
    const want = persona.expect;
    if (want.crisis) checkCrisis(want.crisis, result.crisis);
    if (want.signposts) checkSignposts(want.signposts, result.signposts);
    const shown = new Set([...ids(result.crisis.contacts), ...flat(result.crisis.need_help), ...result.signposts.flatMap((s) => s.contacts)]);
    for (const number of want.never_dial ?? []) for (const id of shown) assert.notEqual(dials.get(id), number, `${id} dials ${number}`);
  });
}

// The shapes docs/design.md and docs/safety.md promise (and tft.d.ts types), for every persona's result: the
// shared contract check only knows the first round's {level, contacts[]}.
test("the crisis part and signposts have the documented shapes, signposts straight after crisis", () => {
  const nations = new Set(["england", "wales", "scotland", "northern-ireland"]);
  const isGroup = (g) => (g.nation === "uk" || nations.has(g.nation)) && typeof g.title === "string" && g.contacts.every((id) => dials.has(id));
  for (const persona of personas) {
    const result = persona.mode === "partial" ? JSON.parse(core.safetyRoutes(JSON.stringify(persona.answers))) : JSON.parse(core.match(JSON.stringify(persona.answers), 1));
    assert.deepEqual(Object.keys(result).slice(0, 2), ["crisis", "signposts"], persona.name);
    const { crisis, signposts } = result;
    assert.deepEqual(Object.keys(crisis), ["level", "nation", "contacts", "groups", "need_help"]);
    assert.ok(["none", "some", "urgent"].includes(crisis.level));
    assert.ok(crisis.nation === null || nations.has(crisis.nation));
    for (const c of crisis.contacts) {
      assert.ok(dials.has(c.id) && typeof c.name === "string" && typeof c.how === "string" && typeof c.urgent === "boolean");
      assert.ok(c.nations.length >= 1 && c.nations.every((n) => nations.has(n)));
    }
    assert.ok(crisis.groups.every(isGroup) && crisis.need_help.every(isGroup));
    // groups show exactly the listed contacts, each once when the nation is known
    if (crisis.nation) assert.deepEqual(flat(crisis.groups), ids(crisis.contacts));
    for (const sp of signposts) {
      assert.deepEqual(Object.keys(sp), ["id", "concern", "nation", "text", "contacts"]);
      assert.ok(sp.concern === null || typeof sp.concern === "string");
      assert.ok(sp.nation === null || nations.has(sp.nation));
      assert.ok(sp.contacts.every((id) => dials.has(id)));
    }
  }
});

test("safetyRoutes refuses answers it cannot read, naming the field, as the CLI does", () => {
  const text = JSON.stringify({ who: "robot", safety: { risk: "urgent" } });
  const wasm = JSON.parse(core.safetyRoutes(text));
  const cli = runCli(["crisis", "--answers", "-"], text);
  assert.equal(cli.status, 1);
  assert.deepEqual(wasm.errors.map((e) => e.text), cli.stderr.trimEnd().split("\n"));
  assert.match(wasm.errors[0].text, /^answers:\$\.who: /);
});

test("crisis() is what `tft crisis` prints: every contact grouped by nation", () => {
  const cli = runCli(["crisis"]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(JSON.parse(core.crisis()), JSON.parse(cli.stdout));
});
