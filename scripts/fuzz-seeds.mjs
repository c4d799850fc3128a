// Writes the seed corpus of each libFuzzer target (tests/fuzz) into OUT/<target>/, from the
// repository's own data/ and tests/fixtures/: small, valid and broken examples of each input, so
// the fuzzer starts from inputs that reach deep into the code. Crash inputs kept as fixtures
// (tests/fixtures/fuzz/<target>/) are seeds too, so every run retries them first.
//   node scripts/fuzz-seeds.mjs build/fuzz/seeds
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const read = (...p) => readFileSync(join(root, ...p), "utf8");
const json = (...p) => JSON.parse(read(...p));

export function seeds() {
  const out = { directory: [], answers: [], search: [], site: [] };
  const sample = json("data", "therapists.sample.json");
  for (const t of sample.therapists.slice(0, 12)) out.directory.push(JSON.stringify({ fictional: true, notice: sample.notice, therapists: [t] }));
  out.directory.push(JSON.stringify({ fictional: true, therapists: sample.therapists.slice(12, 16) }, null, 2));
  for (const c of json("tests", "fixtures", "directory-errors.json").cases) out.directory.push(c.text);
  const hostile = json("tests", "fixtures", "hostile", "cases.json").cases;
  for (const c of hostile) {
    const bytes = readFileSync(join(root, "tests", "fixtures", "hostile", c.file));
    (c.kind === "answers" ? out.answers : out.directory).push(bytes);
  }
  for (const name of readdirSync(join(root, "tests", "fixtures", "answers"))) {
    const f = json("tests", "fixtures", "answers", name);
    out.answers.push(f.text ?? JSON.stringify(f.answers));
  }
  for (const q of json("tests", "fixtures", "search-queries.json").queries) out.search.push(q.query);
  for (const p of json("data", "places-gb.json").places.slice(0, 40)) out.search.push(p.name);
  for (const e of json("data", "glossary.json").entries) out.site.push(JSON.stringify({ entries: [{ ...e, related: [] }] }));
  for (const target of Object.keys(out)) {
    const kept = join(root, "tests", "fixtures", "fuzz", target);
    if (existsSync(kept)) for (const name of readdirSync(kept)) out[target].push(readFileSync(join(kept, name)));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || "build/fuzz/seeds";
  for (const [target, list] of Object.entries(seeds())) {
    rmSync(join(dir, target), { recursive: true, force: true });
    mkdirSync(join(dir, target), { recursive: true });
    list.forEach((s, i) => writeFileSync(join(dir, target, `seed-${String(i).padStart(4, "0")}`), s));
    console.log(`fuzz-seeds: ${list.length} seeds for ${target}`);
  }
}
