// The results page's rules without a browser: what the filters, chips and relax buttons do to the
// answers (a changed value never becomes a must-have), distances in miles, and the first-message
// draft built only from what the visitor ticks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { applyRefine, applyRelax, dropMustHave, orderMatches } from "../../web/js/refine-model.js";
import { KM_PER_MILE, kmFromMiles, limitMiles, milesText } from "../../web/js/miles.js";
import { draftFirstMessage, firstMessageParts } from "../../web/js/first-message.js";

const draft = (over) => ({ sort: "best", format: ["video"], fee: "", budgetMust: false, distance: undefined, ...over });

test("changing the budget in the filters never makes it a must-have", () => {
  const values = { format: ["video"] };
  const out = applyRefine(values, new Set(), draft({ fee: "80" }));
  assert.equal(out.values.budget, 80);
  assert.deepEqual([...out.mustHave], []);
  assert.equal(values.budget, undefined, "the visitor's answers are not changed until applied");
  // Raising a budget that already is a must-have keeps it one, because the box is still ticked.
  const must = applyRefine({ format: ["video"], budget: 50 }, new Set(["budget"]), draft({ fee: "70", budgetMust: true }));
  assert.deepEqual([...must.mustHave], ["budget"]);
  // Only the visitor's tick adds it; untick or clear the box to drop it.
  assert.deepEqual([...applyRefine({}, new Set(), draft({ fee: "70", budgetMust: true })).mustHave], ["budget"]);
  assert.deepEqual([...applyRefine({}, new Set(["budget"]), draft({ fee: "70", budgetMust: false })).mustHave], []);
  const cleared = applyRefine({ budget: 60 }, new Set(["budget", "languages"]), draft({ fee: "" }));
  assert.equal(cleared.values.budget, undefined);
  assert.deepEqual([...cleared.mustHave], ["languages"]);
});

test("filters report what is wrong instead of guessing", () => {
  assert.deepEqual(applyRefine({}, new Set(), draft({ format: [] })), { error: "Select at least one way of meeting", field: "format" });
  assert.equal(applyRefine({}, new Set(), draft({ fee: "lots" })).field, "fee");
});

test("a chip's × drops only that must-have and keeps its value", () => {
  const must = new Set(["budget", "languages"]);
  assert.deepEqual([...dropMustHave(must, "budget")], ["languages"]);
  assert.deepEqual([...must], ["budget", "languages"], "a copy, not the original");
});

test("each relax suggestion changes exactly what it says, on copies", () => {
  const values = { format: ["in-person"], max_distance_km: 10, budget: 40 };
  const mustHave = new Set(["languages", "budget"]);
  const before = structuredClone({ values, must: [...mustHave] });
  const phone = applyRelax(values, mustHave, { relax: "format", add: "phone" });
  assert.deepEqual(phone.values, { ...values, format: ["in-person", "phone"] });
  assert.deepEqual(applyRelax(phone.values, mustHave, { relax: "format", add: "phone" }).values.format, ["in-person", "phone"], "added once");
  const far = applyRelax(values, mustHave, { relax: "max_distance_km", to: kmFromMiles(25) });
  assert.equal(limitMiles(far.values.max_distance_km), 25);
  assert.deepEqual([...far.mustHave], ["languages", "budget"]);
  assert.equal(applyRelax(values, mustHave, { relax: "budget", to: 60 }).values.budget, 60);
  const lang = applyRelax(values, mustHave, { relax: "must_have", field: "languages" });
  assert.deepEqual([...lang.mustHave], ["budget"]);
  assert.deepEqual(lang.values, values, "the answer itself is kept; only the must-have goes");
  assert.deepEqual(applyRelax(values, mustHave, { relax: "budget" }), { values, mustHave }, "no target, no change");
  assert.deepEqual({ values, must: [...mustHave] }, before, "the originals are untouched");
});

test("sorting by distance or fee keeps those who list a concern first and the core's order among equals", () => {
  const m = (id, lists_concern, distance_km, fee) => ({ id, lists_concern, distance_km, fees: { min: fee } });
  const core = [m("a", true, 9, 80), m("b", true, undefined, 40), m("c", true, 2, 80), m("d", false, 1, 20), m("e", true, 2, 60)];
  const ids = (list) => list.map((x) => x.id).join("");
  assert.equal(ids(orderMatches(core, "distance")), "ceabd", "nearest first, no place last, concern group first");
  assert.equal(ids(orderMatches(core, "fee")), "beacd", "cheapest first; a and c tie at £80 and keep the core's order");
  assert.equal(ids(orderMatches(core, "best")), "abcde");
  assert.equal(ids(core), "abcde", "the core's list is not reordered in place");
});

test("miles: whole miles, no false precision, and limits come back exactly", () => {
  assert.equal(KM_PER_MILE, 1.609344);
  assert.equal(milesText(0.3), "less than a mile");
  assert.equal(milesText(1.609344), "1 mile");
  assert.equal(milesText(4.2), "3 miles");
  assert.equal(milesText(160.9344), "100 miles");
  for (const m of [1, 5, 15, 25, 100]) assert.equal(limitMiles(kmFromMiles(m)), m);
  assert.equal(limitMiles(15), 9, "a 15 km answer reads as 9 miles");
});

const labels = { concerns: new Map([["ocd", "Obsessive thoughts or OCD"], ["anxiety", "Anxiety or worry"]]) };
const values = { who: "myself", age: 34, concerns: ["ocd", "anxiety"], format: ["video", "phone"], availability: ["weekday-evening"], budget: 60 };

test("the first message starts with what help is wanted and how to meet; more only when ticked", () => {
  const parts = firstMessageParts(values, labels);
  const ticked = parts.filter((p) => p.checked).map((p) => p.id);
  assert.deepEqual(ticked, ["concerns", "format", "space", "call"]);
  const text = draftFirstMessage("Rhian Jenkins", parts);
  assert.match(text, /^Hello Rhian,\n/);
  assert.match(text, /I would like help with obsessive thoughts or OCD and anxiety or worry\./);
  assert.match(text, /I would prefer to meet by video or by phone\./);
  assert.doesNotMatch(text, /£60|evening|34/, "budget, times and age stay out until ticked");
  for (const p of parts) p.checked = true;
  const all = draftFirstMessage("Rhian Jenkins", parts);
  assert.match(all, /I am 34 and looking for a therapist\./);
  assert.match(all, /I can usually make weekday evenings\./);
  assert.match(all, /I can pay up to £60 a session\./);
  assert.match(all, /\[your name\]$/);
});

test("the first message has no answers the visitor did not give", () => {
  const parts = firstMessageParts({ who: "couple", format: ["in-person"] }, labels);
  assert.deepEqual(parts.map((p) => p.id), ["who", "format", "space", "call"]);
  parts[0].checked = true;
  assert.match(draftFirstMessage("Sam Lee", parts), /counselling for my partner and me/);
});
