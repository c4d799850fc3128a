// The questionnaire rules and the place look-up behind find.html, without a browser: which
// questions show, how typed numbers are read, how values become docs/design.md answers, and how a
// typed place resolves to coordinates from the bundled list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readData } from "./support.mjs";
import { prepareQuestions, visibleQuestions, toAnswers, parseNumber, pageError, describeValue } from "../../web/js/questionnaire-model.js";

const questionnaire = JSON.parse(readData("questionnaire.json"));
const concerns = JSON.parse(readData("concerns.json")).concerns;
const entries = JSON.parse(readData("glossary.json")).entries.map((e) => ({ slug: e.slug, name: e.name }));
const questions = prepareQuestions(questionnaire, concerns, entries);
const q = (id) => questions.find((x) => x.id === id);

test("concerns and approaches options come from the concern list and the glossary", () => {
  assert.equal(q("concerns").options.length, concerns.length);
  assert.ok(q("concerns").options.some((o) => o.id === "perinatal"));
  assert.equal(q("approaches").options.length, entries.length);
});

test("follow-ups show only after the answer that reveals them", () => {
  const ids = (values) => visibleQuestions(questions, values).map((x) => x.id);
  assert.ok(!ids({}).includes("location"));
  assert.ok(!ids({ who: "couple" }).includes("age"));
  assert.ok(ids({ who: "child" }).includes("age"));
  assert.ok(ids({ format: ["video", "in-person"] }).includes("location"));
  assert.ok(!ids({ format: ["video"] }).includes("max_distance_km"));
});

test("numbers are read as whole numbers in range, with a message that says what to do", () => {
  assert.deepEqual(parseNumber(q("budget"), " £63 "), { value: 63 });
  assert.deepEqual(parseNumber(q("budget"), ""), { value: undefined });
  assert.match(parseNumber(q("age"), "forty").error, /whole number/);
  assert.match(parseNumber(q("age"), "34.5").error, /whole number/);
  assert.match(parseNumber(q("age"), "121").error, /120 years or less/);
  assert.equal(pageError(q("age"), undefined, false), "Enter the age of the person the therapy is for");
  assert.equal(pageError(q("budget"), undefined, false), null, "budget is optional");
  assert.match(pageError(q("budget"), undefined, true), /untick/);
});

test("values become the docs/design.md answers: shapes, must-haves, hidden answers left out", () => {
  const values = {
    who: "myself",
    age: 47,
    concerns: ["perinatal"],
    safety: "none",
    format: ["video"],
    location: { label: "Aberystwyth", lat: 52.4155, lon: -4.0829 }, // hidden: in-person not chosen
    budget: 63,
    low_cost: false,
    languages: [],
  };
  const answers = toAnswers(questions, values, new Set(["budget", "languages", "who"]));
  assert.deepEqual(answers, {
    who: "myself",
    age: 47,
    concerns: ["perinatal"],
    safety: { risk: "none" },
    format: ["video"],
    budget: { max_per_session: 63 },
    low_cost: false,
    must_have: ["budget"],
  });
  const inPerson = toAnswers(questions, { ...values, format: ["in-person"], max_distance_km: 37 }, new Set());
  assert.deepEqual(inPerson.location, { lat: 52.4155, lon: -4.0829 });
  const band = { band: "5-10", label: "5 to 10 (primary school)", min: 5, max: 10 };
  assert.deepEqual(toAnswers(questions, { who: "child", age: band }, new Set()).age, { min: 5, max: 10 });
  assert.equal(describeValue(q("age"), band), "5 to 10 (primary school)");
  assert.equal(describeValue(q("budget"), 63), "£63");
});
