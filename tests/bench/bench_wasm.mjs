// WebAssembly half of ./scripts/bench: the same steps as bench_native.cpp, through the whole
// module (tft-core, the ES module node tests import), timed in this one process with performance.now(). Prints one JSON
// object shaped like the native one:
// {"therapists", "json": {"load_ms", "memory_mib"} or null, "packed": {"load_ms", "prepare_ms",
//  "memory_mib"}, "wasm_floor_ms" and "js_floor_ms": [min, median] of one pass over the packed matching
//  bytes in WebAssembly and in JavaScript, "runs", "sets": {NAME: [median ms, min ms, passing]}}.
// Each directory is loaded into a fresh module, so memory is the module's linear memory after that load.
//
//   node tests/bench/bench_wasm.mjs RUNS ANSWERS[,ANSWERS...] PACKED_DIR [JSON_SHARD...]
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { sha256Hex, stageBytes } from "../../web/js/tft.js";
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
// As the worker does (web/js/tft.js): each file hashed by crypto.subtle, the digest handed in.
for (const [i, bytes] of files.entries()) {
  const sha256 = await sha256Hex(bytes);
  stageBytes(core, bytes);
  check(core.addPublishedShard(i, sha256));
}
const packedLoadMs = performance.now() - t0;
t0 = performance.now();
core.places("a", 1);
const prepareMs = performance.now() - t0;
const therapists = JSON.parse(core.directoryInfo()).therapists;

// The floor in WebAssembly: one pass summing the same bytes as 64-bit words, in a module of one
// loop written out here instruction by instruction (so no second toolchain is needed):
//   (func (export "sum") (param $p i32) (param $end i32) (result i64) (local $s i64)
//     (loop (local.set $s (i64.add (local.get $s) (i64.load (local.get $p))))
//           (br_if 0 (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 8))) (local.get $end))))
//     (local.get $s))
// with its own memory, exported as "mem".
const sumModule = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // magic, version 1
  0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7e,  // types: (i32, i32) -> i64
  0x03, 0x02, 0x01, 0x00,  // functions: one, of type 0
  0x05, 0x03, 0x01, 0x00, 0x01,  // memory: one, at least 1 page
  0x07, 0x0d, 0x02, 0x03, 0x73, 0x75, 0x6d, 0x00, 0x00, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00,  // exports "sum", "mem"
  0x0a, 0x21, 0x01, 0x1f, 0x01, 0x01, 0x7e,  // code: one body, one i64 local
  0x03, 0x40, 0x20, 0x02, 0x20, 0x00, 0x29, 0x03, 0x00, 0x7c, 0x21, 0x02,  // loop: s += load64(p)
  0x20, 0x00, 0x41, 0x08, 0x6a, 0x22, 0x00, 0x20, 0x01, 0x49, 0x0d, 0x00, 0x0b,  // p += 8; repeat while p < end
  0x20, 0x02, 0x0b,  // return s
]);
const { instance: summer } = await WebAssembly.instantiate(sumModule);
const total = files.reduce((n, b) => n + b.length, 0);
const padded = Math.ceil(Math.max(8, total) / 8) * 8;
summer.exports.mem.grow(Math.ceil(padded / 65536));
let offset = 0;
for (const bytes of files) {
  new Uint8Array(summer.exports.mem.buffer, offset, bytes.length).set(bytes);
  offset += bytes.length;
}
const wasmFloorTimes = [];
let wasmSink = 0n;
for (let pass = 0; pass < 21; pass++) {
  const t = performance.now();
  wasmSink += summer.exports.sum(0, padded);
  wasmFloorTimes.push(performance.now() - t);
}

// For reference: the same pass in JavaScript, as 32-bit words.
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
  wasm_floor_ms: [round(Math.min(...wasmFloorTimes), 4), round(median(wasmFloorTimes), 4)],
  js_floor_ms: [round(Math.min(...floorTimes), 4), round(median(floorTimes), 4)],
  sink: (sink & 1) + Number(wasmSink & 1n),
  runs,
  sets,
}));
