// Published-directory half of ./scripts/bench: what a visitor downloads and what loading it costs in
// the WebAssembly module, for the JSON directory and for the packed one (`tft pack`) side by side
// in this one process, timed in CPU milliseconds. Each measurement starts from a fresh module, so "memory" is the module's
// linear memory after that load (it only grows), the figure a phone has to find.
//
//   node tests/bench/bench_published.mjs NAME PACKED_DIR ANSWERS[,ANSWERS...] [JSON_SHARD...]
//
// Without JSON shards the JSON side is left out ("json": null).
//
// For each answers file, as the find page's worker does it: the manifest, the shards those answers
// need, a match, the profile files of the 20 matches shown, the match again. Bytes are summed per
// file, raw and gzip -6 (what a server's on-the-fly compression sends). Prints one JSON object.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { loadCore, readData } from "../node/support.mjs";
import { sha256Hex, stageBytes } from "../../web/js/tft.js";

const [name, packedDir, answersArg, ...jsonShards] = process.argv.slice(2);
const MiB = 1048576;
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
const gz = (bytes) => gzipSync(bytes, { level: 6 }).length;
// Times are this process's CPU time, not the wall clock: on a shared machine the wall clock counts
// whatever else runs, while the module runs on one thread and its CPU time is what it costs.
const clock = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// TFT_BENCH_WASM_DIR: another build's modules (say, main's), to time before and after in one run.
const otherDir = process.env.TFT_BENCH_WASM_DIR;
async function loadModule() {
  if (!otherDir) return loadCore();
  const { default: factory } = await import(pathToFileURL(join(otherDir, "tft-core.js")).href);
  return factory({ wasmBinary: readFileSync(join(otherDir, "tft-core.wasm")) });
}

async function freshCore() {
  const core = await loadModule();
  const errors = JSON.parse(core.loadDataset(readData("glossary.json"), readData("concerns.json"),
    readData("questionnaire.json"), readData("crisis.json"), readData("places-gb.json")));
  if (errors.length) throw new Error(errors[0].text);
  return core;
}
const check = (text) => {
  const errors = JSON.parse(text);
  if (errors.length) throw new Error(errors[0].text);
};
// As the worker does (web/js/tft.js): each file hashed by crypto.subtle, the bytes staged in the
// module's memory with one copy (stageBytes) and the digest handed to the core, which compares it
// with the manifest. Older modules (TFT_BENCH_WASM_DIR) took the bytes as an argument, which Embind
// copied byte by byte; those from before digests were handed in took no digest either (Embind
// refuses a third argument before anything runs) and hash the bytes themselves.
let takesDigest = null;
async function added(add, core, ...args) {
  const bytes = args.pop();
  if (core.publishedBuffer) {
    const sha256 = await sha256Hex(bytes);
    stageBytes(core, bytes);
    return add(...args, sha256);
  }
  if (takesDigest === null) {
    try {
      add(-1, ...args.slice(1), bytes, "");
      takesDigest = true;
    } catch {
      takesDigest = false;
    }
  }
  return takesDigest ? add(...args, bytes, await sha256Hex(bytes)) : add(...args, bytes);
}

// The JSON directory: every shard's text handed to the module, parsed, checked, appended.
async function jsonLoad() {
  const core = await freshCore();
  let raw = 0, gzip = 0, ms = 0;
  jsonShards.forEach((file, i) => {
    const text = readFileSync(file, "utf8");
    raw += Buffer.byteLength(text);
    gzip += gz(Buffer.from(text));
    const t0 = clock();
    check(i === 0 ? core.loadDirectory(basename(file), text) : core.appendDirectory(basename(file), text));
    core.match('{"who":"myself","format":["video"]}', 1);  // builds the matcher, as the first match does
    ms += clock() - t0;
  });
  return { raw, gzip, load_ms: round(ms), memory_mib: round(core.HEAP8.length / MiB) };
}

const manifestText = readFileSync(join(packedDir, "directory.json"), "utf8");
const manifest = JSON.parse(manifestText);
const fileBytes = new Map();
const bytesOf = (file) => {
  if (!fileBytes.has(file)) fileBytes.set(file, new Uint8Array(readFileSync(join(packedDir, file))));
  return fileBytes.get(file);
};
const sizeOf = (files) => ({ raw: files.reduce((n, f) => n + bytesOf(f).length, 0), gzip: files.reduce((n, f) => n + gz(bytesOf(f)), 0) });

// The packed directory read as the worker reads it. answers null: every shard and profile file.
async function packedLoad(answers) {
  const core = await freshCore();
  check(core.openPublished("directory.json", manifestText));
  const shards = JSON.parse(core.publishedShardsToLoad(answers ?? "")).files;
  shards.forEach((f) => bytesOf(f.file));  // read from disk before the clock starts
  let t0 = clock();
  for (const f of shards) check(await added(core.addPublishedShard, core, f.shard, bytesOf(f.file)));
  const shardsMs = clock() - t0;
  const first = JSON.parse(core.match(answers ?? '{"who":"myself","format":["video"]}', 20));
  const loadMs = clock() - t0;
  const profiles = answers === null
    ? manifest.shards.flatMap((s, shard) => s.profiles.map((p, profile) => ({ shard, profile, file: p.file })))
    : JSON.parse(core.publishedProfilesToLoad(first.matches.map((m) => m.id).join("\n"))).files;
  profiles.forEach((f) => bytesOf(f.file));
  t0 = clock();
  for (const f of profiles) check(await added(core.addPublishedProfiles, core, f.shard, f.profile, bytesOf(f.file)));
  const profilesMs = clock() - t0;
  // Matching alone, now that everything it needs is loaded: median of 9 after 3 warm-ups.
  const text = answers ?? '{"who":"myself","format":["video"]}';
  for (let w = 0; w < 3; w++) core.match(text, 20);
  const times = [];
  for (let r = 0; r < 9; r++) {
    const t = clock();
    core.match(text, 20);
    times.push(clock() - t);
  }
  times.sort((a, b) => a - b);
  const files = ["directory.json", ...shards.map((f) => f.file), ...profiles.map((f) => f.file)];
  const size = sizeOf(files.slice(1));
  return {
    therapists_loaded: shards.reduce((n, f) => n + manifest.shards[f.shard].therapists, 0),
    files: files.length,
    raw: size.raw + Buffer.byteLength(manifestText),
    gzip: size.gzip + gz(Buffer.from(manifestText)),
    load_ms: round(loadMs),
    shards_ms: round(shardsMs),  // of load_ms: hashing and adding the shards; the rest is the first match (matcher prepared)
    profiles_ms: round(profilesMs),
    match_ms: round(times[4], 2),
    memory_mib: round(core.HEAP8.length / MiB),
  };
}

const matching = sizeOf(manifest.shards.map((s) => s.matching.file));
const profiles = sizeOf(manifest.shards.flatMap((s) => s.profiles.map((p) => p.file)));
const visitors = {};
for (const file of answersArg.split(",")) visitors[basename(file).replace(/^answers-|\.json$/g, "")] = await packedLoad(readFileSync(file, "utf8"));
console.log(JSON.stringify({
  name,
  therapists: manifest.therapists,
  shards: manifest.shards.length,
  json: jsonShards.length ? await jsonLoad() : null,  // none given at 1M (see scripts/bench)
  packed: { matching, profiles, all: await packedLoad(null) },
  visitors,
}));
