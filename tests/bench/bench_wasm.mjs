// WebAssembly half of ./scripts/bench: the same steps as bench_native.cpp, through the node build
// of the module (tft-core-node), timed in this one process with performance.now(). Prints one JSON
// object shaped like the native one.
//
//   node tests/bench/bench_wasm.mjs RUNS ANSWERS[,ANSWERS...] SHARD [SHARD...]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { performance } from "node:perf_hooks";
import { loadCore, readData } from "../node/support.mjs";

const [runsArg, answersArg, ...shards] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg) || 1);
const core = await loadCore();
const errors = JSON.parse(core.loadDataset(readData("glossary.json"), readData("concerns.json"),
  readData("questionnaire.json"), readData("crisis.json"), readData("places-gb.json")));
if (errors.length) throw new Error(errors[0].text);

// Each shard's text is read first so the timing covers what the browser pays after download:
// handing the text to the module, parsing, checking and appending (and rebuilding the matcher).
let loadMs = 0;
shards.forEach((file, i) => {
  const text = readFileSync(file, "utf8");
  const t0 = performance.now();
  const out = JSON.parse(i === 0 ? core.loadDirectory(basename(file), text) : core.appendDirectory(basename(file), text));
  loadMs += performance.now() - t0;
  if (out.length) throw new Error(out[0].text);
});
const therapists = JSON.parse(core.directoryInfo()).therapists;

const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
const matchMs = {};
for (const file of answersArg.split(",")) {
  const answers = readFileSync(file, "utf8");
  const times = [];
  // Untimed warm-up: V8 first runs WebAssembly through its baseline compiler and swaps in the
  // optimised code when it is ready; timing the first calls would measure the compiler.
  for (let w = 0; w < 3; w++) core.match(answers, 20, "", "km");
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const out = core.match(answers, 20, "", "km");
    times.push(performance.now() - t0);
    if (out.startsWith('{"errors"')) throw new Error(out);
  }
  matchMs[basename(file)] = [Math.round(median(times) * 100) / 100, Math.round(Math.min(...times) * 100) / 100];
}
console.log(JSON.stringify({ therapists, load_ms: Math.round(loadMs * 10) / 10, runs, match_ms: matchMs }));
