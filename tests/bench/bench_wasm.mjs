// WebAssembly half of ./scripts/bench: the same steps as bench_native.cpp, through the node build
// of the module (tft-core-node), timed in this one process with performance.now(). Prints one JSON
// object shaped like the native one:
// {"therapists", "json": {"load_ms", "memory_mib"} or null, "packed": {"load_ms", "prepare_ms",
//  "memory_mib"}, "js_floor_ms": [min, median], "runs", "sets": {NAME: [median ms, min ms, passing]}}.
// Each directory is loaded into a fresh module, so memory is the module's linear memory after that load.
//
//   node tests/bench/bench_wasm.mjs RUNS ANSWERS[,ANSWERS...] PACKED_DIR [JSON_SHARD...]
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadCore, readData } from "../node/support.mjs";

const [runsArg, answersArg, packedDir, ...shards] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg) || 1);
const MiB = 1048576;
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const check = (text) => {
  const errors = JSON.parse(text);
  if (errors.length) throw new Error(errors[0].text);
};

async function freshCore() {
  const core = await loadCore();
  check(core.loadDataset(readData("glossary.json"), readData("concerns.json"), readData("questionnaire.json"),
    readData("crisis.json"), readData("places-gb.json")));
  return core;
}

// The JSON directory: each shard's text is read first so the timing covers what the browser pays
// after download: handing the text to the module, parsing, checking and appending, and the matcher
// built (the first call that needs it, here a one-letter place look-up).
async function jsonLoad() {
  const core = await freshCore();
  let ms = 0;
  shards.forEach((file, i) => {
    const text = readFileSync(file, "utf8");
    const t0 = performance.now();
    check(i === 0 ? core.loadDirectory(basename(file), text) : core.appendDirectory(basename(file), text));
    ms += performance.now() - t0;
  });
  const t0 = performance.now();
  core.places("a", 1);
  ms += performance.now() - t0;
  return { load_ms: round(ms), memory_mib: round(core.HEAP8.length / MiB) };
}

const json = shards.length ? await jsonLoad() : null;

// The packed directory, every matching file already in memory ("once fetched").
const core = await freshCore();
const manifestText = readFileSync(join(packedDir, "directory.json"), "utf8");
const manifest = JSON.parse(manifestText);
const files = manifest.shards.map((s) => new Uint8Array(readFileSync(join(packedDir, s.matching.file))));
let t0 = performance.now();
check(core.openPublished("directory.json", manifestText));
files.forEach((bytes, i) => check(core.addPublishedShard(i, bytes)));
const packedLoadMs = performance.now() - t0;
t0 = performance.now();
core.places("a", 1);
const prepareMs = performance.now() - t0;
const therapists = JSON.parse(core.directoryInfo()).therapists;

// For reference beside the native floor: one pass over the same bytes in JavaScript, as 32-bit words.
const floorTimes = [];
let sink = 0;
for (let pass = 0; pass < 21; pass++) {
  const t = performance.now();
  for (const bytes of files) {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
    for (let i = 0; i < words.length; i++) sink = (sink + words[i]) | 0;
  }
  floorTimes.push(performance.now() - t);
}

const sets = {};
for (const file of answersArg.split(",")) {
  const answers = readFileSync(file, "utf8");
  const times = [];
  // Untimed warm-up: V8 first runs WebAssembly through its baseline compiler and swaps in the
  // optimised code when it is ready; timing the first calls would measure the compiler.
  let out = "";
  for (let w = 0; w < 3; w++) out = core.match(answers, 20, "", "km");
  if (out.startsWith('{"errors"')) throw new Error(`${file}: ${out}`);
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    core.match(answers, 20, "", "km");
    times.push(performance.now() - t);
  }
  sets[basename(file)] = [round(median(times), 3), round(Math.min(...times), 3), JSON.parse(out).summary.passing];
}
console.log(JSON.stringify({
  therapists,
  json,
  packed: { load_ms: round(packedLoadMs, 2), prepare_ms: round(prepareMs, 2), memory_mib: round(core.HEAP8.length / MiB) },
  js_floor_ms: [round(Math.min(...floorTimes), 4), round(median(floorTimes), 4)],
  sink: sink & 1,
  runs,
  sets,
}));
