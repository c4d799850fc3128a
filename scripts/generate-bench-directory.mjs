// generate-bench-directory.mjs — writes a large FICTIONAL directory for ./scripts/bench.
//
//     node scripts/generate-bench-directory.mjs COUNT OUTDIR
//
// Each therapist copies one of the 240 in data/therapists.sample.json (in turn) under a new id,
// with its locations moved up to about 30 km, its fees moved by up to £10 and its
// accepting-new flag redrawn, so filters and scores see realistic variety. The directory is split
// into shards of at most 25,000 therapists (about 23 MB each, under the loader's 64 MiB limit), as
// docs/directory-format.md says how a large directory is published. Deterministic: one mulberry32 generator with a
// fixed seed, no clock; the same sample gives the same bytes. Prints the shard paths, one a line.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { mulberry32 } from "./seeded-random.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [count, outDir] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !outDir) {
  console.error("usage: node scripts/generate-bench-directory.mjs COUNT OUTDIR");
  process.exit(2);
}
const SHARD = 25000;

const rand = mulberry32(0x5eed2026);
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
const round4 = (v) => Math.round(v * 10000) / 10000;

const sample = JSON.parse(readFileSync(path.join(root, "data", "therapists.sample.json"), "utf8")).therapists;
mkdirSync(outDir, { recursive: true });
const shards = [];
for (let start = 0, n = 0; start < count; start += SHARD, n++) {
  const therapists = [];
  for (let i = start; i < Math.min(count, start + SHARD); i++) {
    const t = structuredClone(sample[i % sample.length]);
    t.id = `t-${String(i + 1).padStart(7, "0")}`;
    for (const l of t.locations) {
      l.lat = round4(clamp(l.lat + (rand() - 0.5) * 0.5, 49.9, 60.8));
      l.lon = round4(clamp(l.lon + (rand() - 0.5) * 0.8, -8.1, 1.7));
    }
    const shift = Math.floor(rand() * 21) - 10;
    t.fees.min = Math.max(0, t.fees.min + shift);
    t.fees.max = Math.max(t.fees.min, t.fees.max + shift);
    t.accepting_new = rand() < 0.85;
    therapists.push(t);
  }
  const file = path.join(outDir, `directory-${count}-${String(n).padStart(3, "0")}.json`);
  writeFileSync(file, JSON.stringify({ fictional: true, notice: "Fictional benchmark directory.", therapists }));
  shards.push(file);
}
console.log(shards.join("\n"));
