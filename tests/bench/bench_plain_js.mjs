// Plain-JavaScript half of ./scripts/bench: JSON.parse every shard (the load a web developer's page
// would do), then time plain_js_matcher.mjs on each answer set RUNS times after 3 untimed warm-ups.
// Prints one JSON object: {"therapists", "parse_ms", "sets": {NAME: [median ms, passing]}}.
//
//   node tests/bench/bench_plain_js.mjs RUNS ANSWERS_FILE[,ANSWERS_FILE...] SHARD [SHARD...]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { performance } from "node:perf_hooks";
import { loadPlaces, matchPlain } from "./plain_js_matcher.mjs";

const [runsArg, answersArg, ...shards] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg) || 1);
const places = loadPlaces(new URL("../../data/places-gb.json", import.meta.url));

let parseMs = 0;
const therapists = [];
for (const file of shards) {
  const text = readFileSync(file, "utf8");
  const t0 = performance.now();
  const list = JSON.parse(text).therapists;
  for (const t of list) therapists.push(t);
  parseMs += performance.now() - t0;
}

const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
const sets = {};
for (const file of answersArg.split(",")) {
  const answers = JSON.parse(readFileSync(file, "utf8"));
  let passing = 0;
  for (let w = 0; w < 3; w++) passing = matchPlain(therapists, answers, places, 20).passing;
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    matchPlain(therapists, answers, places, 20);
    times.push(performance.now() - t0);
  }
  sets[basename(file)] = [Math.round(median(times) * 1000) / 1000, passing];
}
console.log(JSON.stringify({ therapists: therapists.length, parse_ms: Math.round(parseMs * 10) / 10, sets }));
