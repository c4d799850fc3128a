// The published directories (data/directories.json, docs/embedding.md) say what they hold, and
// hold it: checked against the sample directory and the places' nations, not against the list
// itself, so a regenerated sample that moves therapists makes this fail rather than the labels lie.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readData } from "./support.mjs";

const { directories } = JSON.parse(readData("directories.json"));
const sample = JSON.parse(readData("therapists.sample.json")).therapists;
const nationOf = new Map(JSON.parse(readData("places-gb.json")).places.map((p) => [p.name, p.nation]));
const byName = (name) => directories.find((d) => d.name === name);

test("the default directory is the whole fictional sample", () => {
  assert.deepEqual(directories.filter((d) => d.default).map((d) => [d.name, d.file, d.therapists]), [["sample", "therapists.sample.json", undefined]]);
});

test("'wales' lists exactly the sample's therapists who meet clients somewhere in Wales", () => {
  const welsh = sample.filter((t) => (t.locations ?? []).some((l) => nationOf.get(l.place) === "wales")).map((t) => t.id);
  assert.ok(welsh.length >= 5, `the sample has ${welsh.length} therapists in Wales`);
  assert.deepEqual([...byName("wales").therapists].sort(), welsh.sort());
  assert.match(byName("wales").label, /Wales/);
});

test("the partner's own list: every counsellor meets clients in the town its label names", () => {
  const own = byName("oakfield-counselling");
  const town = /Counselling, ([A-Z][a-z]+) \(/.exec(own.label)?.[1];
  assert.ok(town, own.label);
  const ids = new Map(sample.map((t) => [t.id, t]));
  for (const id of own.therapists) assert.ok(ids.get(id)?.locations?.some((l) => l.place === town), `${id} meets clients in ${town}`);
});
