// Every valid answers fixture against an independent oracle: tests/node/reference-matcher.mjs, a
// second matcher written from docs/matching.md alone. The fixture keeps what the reference gives
// ("expected": the best 20 with scores, how many pass, excluded by filter) so a reviewer sees the
// expected ids and order; the CLI must agree on every passing therapist, in order, score for score.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./support.mjs";
import { expectedFor, greatCircleKm, loadReferenceData, referenceMatch } from "./reference-matcher.mjs";

const data = loadReferenceData(join(root, "data"));
const dir = join(root, "tests", "fixtures", "answers");
const fixtures = readdirSync(dir)
  .filter((f) => f.startsWith("valid-") && f.endsWith(".json"))
  .map((name) => ({ name, ...JSON.parse(readFileSync(join(dir, name), "utf8")) }));
const cli = join(root, "build", "native", "tft");
const coreMatch = (answers, limit) =>
  JSON.parse(execFileSync(cli, ["match", "--answers", "-", "--limit", String(limit)], { input: JSON.stringify(answers) }));

test("the reference's own distance agrees with published UK distances", () => {
  // London-Edinburgh 534 km and Land's End-John o' Groats 970 km as the crow flies.
  assert.ok(Math.abs(greatCircleKm(51.5074, -0.1278, 55.9533, -3.1883) - 534) < 5);
  assert.ok(Math.abs(greatCircleKm(50.0657, -5.7132, 58.6373, -3.0689) - 970) < 9);
});

test("the fixtures cover empty, small and large results", () => {
  assert.ok(fixtures.length >= 12);
  const passing = fixtures.map((f) => f.expected?.passing ?? -1);
  assert.ok(passing.includes(0) && passing.some((n) => n > 0 && n < 20) && passing.some((n) => n > 100), String(passing));
});

for (const fixture of fixtures) {
  test(`${fixture.name}: the stored expectation is what the design gives on the bundled data`, () => {
    assert.ok(fixture.expected, "run: node tests/node/reference-matcher.mjs --write-expected");
    assert.deepEqual(expectedFor(data, fixture.answers ?? JSON.parse(fixture.text)), fixture.expected,
      "the data or the reference changed: review, then node tests/node/reference-matcher.mjs --write-expected");
  });

  test(`${fixture.name}: the core passes, orders and scores every therapist as the reference does`, () => {
    const answers = fixture.answers ?? JSON.parse(fixture.text);
    const reference = referenceMatch(data, answers);
    const all = coreMatch(answers, 0);
    assert.deepEqual(all.matches.map((m) => [m.id, m.score]), reference.matches.map((m) => [m.id, m.score]));
    assert.deepEqual(all.excluded, reference.excluded);
    assert.deepEqual(Object.keys(all.excluded.by), Object.keys(reference.excluded.by), "excluded.by in filter order");
    const top = coreMatch(answers, 20);
    assert.deepEqual(top.matches.map((m) => [m.id, m.score]), fixture.expected.top);
  });
}
