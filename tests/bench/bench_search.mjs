// Glossary search: the WebAssembly core against the search libraries a web developer would reach
// for instead (MiniSearch, FlexSearch, Fuse.js, pinned in package.json), on the same entries and
// the project's quality set (tests/fixtures/search-queries.json, the queries of the Catch2 quality
// gate). Reports hit@1 and per-query latency (median, p95) per library, every library measured
// side by side in this one node process after a warm-up, rounds interleaved so a pause from other
// work on a shared machine hits every library alike. A program that prints numbers, not a test.
//
//   node --no-liftoff tests/bench/bench_search.mjs [ROUNDS] [--json FILE]   (ROUNDS 30 by default)
//
// Prints a markdown section (scripts/bench appends it to build/bench/results.md); --json also
// writes the raw figures.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import FlexSearch from "flexsearch";
import Fuse from "fuse.js";
import { createGlossary } from "../../web/js/tft.js";
import { loadCore } from "../node/support.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dataDir = join(root, "data");

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const rounds = Number(args[0] ?? 30);
const limit = 10;
const WARM_UP_S = 5, BUDGET_S = 20;

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
const { entries } = readJson(join(dataDir, "glossary.json"));
const concernLabels = new Map(readJson(join(dataDir, "concerns.json")).concerns.map((c) => [c.id, c.label]));
const { queries } = readJson(join(root, "tests", "fixtures", "search-queries.json"));

// The fields the core indexes (src/core/search.h), flattened to strings as a developer would hand them
// to a JavaScript library: the name, the other names, the summary, the concerns the approach is
// used for (their labels), and every body section.
const docs = entries.map((e) => ({
  id: e.slug,
  name: e.name,
  aliases: e.aliases.join(" "),
  summary: e.summary,
  concerns: e.concerns.map((c) => concernLabels.get(c.id) ?? c.id).join(", "),
  body: [e.how_it_works, e.who_for, e.session, ...e.benefits, ...e.faqs.map((f) => `${f.q} ${f.a}`), e.evidence_summary].join("\n"),
}));
// The core's field weights (name 10, alias 8, summary 3, concerns 1.5, body 1), given to each library.
const boost = { name: 10, aliases: 8, summary: 3, concerns: 1.5, body: 1 };
const fields = Object.keys(boost);

/** Each engine: a name, how it was configured, and search(query) => slugs best first. */
async function engines() {
  // The glossary pages' own module, as glossary-worker.js loads it.
  const moduleFactory = () => loadCore("tft-glossary");
  const readText = async (url) => readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8");
  const tft = await createGlossary({ moduleFactory, readText });

  const mini = new MiniSearch({ idField: "id", fields });
  mini.addAll(docs);
  const miniOptions = { boost, prefix: true, fuzzy: 0.2 };

  // FlexSearch scores per field; a Resolver ORs the fields with their boosts into one ranking.
  const flex = new FlexSearch.Document({
    document: { id: "id", index: fields.map((field) => ({ field, tokenize: "forward", encoder: FlexSearch.Charset.LatinExtra })) },
  });
  for (const d of docs) flex.add(d);
  const flexSearch = (query) => {
    let r = new FlexSearch.Resolver({ index: flex, field: fields[0], query, boost: boost[fields[0]], suggest: true });
    for (const field of fields.slice(1)) r = r.or({ index: flex, field, query, boost: boost[field], suggest: true });
    return r.resolve({ limit });
  };

  // Fuse.js scores every string approximately on every query, so the long body text is left out:
  // with it a query took about 0.6 s on the shared machine, and no developer would ship that.
  const fuse = new Fuse(docs, {
    keys: fields.filter((f) => f !== "body").map((name) => ({ name, weight: boost[name] })),
    ignoreLocation: true, // long body text: a match anywhere counts, not only near the start
    threshold: 0.4,
  });

  return [
    { name: "WASM core (tft.js)", how: "`search(query, {limit: 10})` through web/js/tft.js: the parsed result with snippets and highlights, as the page gets it", search: (q) => tft.search(q, { limit }).hits.map((h) => h.slug) },
    { name: "MiniSearch", how: "fields boosted as the core weighs them, `prefix: true`, `fuzzy: 0.2`", search: (q) => mini.search(q, miniOptions).slice(0, limit).map((h) => h.id) },
    { name: "FlexSearch", how: "Document index, `tokenize: \"forward\"` (prefixes), `Charset.LatinExtra` (its loosest spelling short of Soundex), fields ORed by a Resolver with the same boosts, `suggest: true`", search: (q) => flexSearch(q) },
    { name: "Fuse.js", how: "name, other names, summary and concerns weighted as the core weighs them (not the body: Fuse.js compares every string approximately on every query), `ignoreLocation: true`, `threshold: 0.4`", search: (q) => fuse.search(q, { limit }).map((h) => h.item.id) },
  ];
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const list = await engines();
const results = list.map((e) => {
  const firsts = queries.map(({ query }) => e.search(query)[0] ?? null);
  const hits = queries.filter((q, i) => firsts[i] === q.expect).length;
  const misses = queries.filter((q, i) => firsts[i] !== q.expect).map((q) => q.query);
  return { name: e.name, how: e.how, hit1: hits / queries.length, hits, misses, samples: [], spent_s: 0, rounds: 0 };
});
// Warm-up: every engine runs the whole set up to 5 times (the hit@1 pass above was the first) so
// JIT tiers and caches settle; an engine slower than WARM_UP_S a set warms up on fewer.
const setSeconds = (e) => {
  const t0 = process.hrtime.bigint();
  for (const { query } of queries) e.search(query);
  return Number(process.hrtime.bigint() - t0) / 1e9;
};
for (const e of list) for (let w = 0, spent = 0; w < 4 && spent < WARM_UP_S; ++w) spent += setSeconds(e);
// Timed rounds, interleaved and rotating who goes first; an engine leaves once it has had `rounds`
// rounds or spent BUDGET_S (at least one round each), so a slow library bounds the bench's time.
for (let round = 0; round < rounds; ++round) {
  for (let k = 0; k < list.length; ++k) {
    const at = (k + round) % list.length;
    const e = list[at], r = results[at];
    if (round > 0 && r.spent_s >= BUDGET_S) continue;
    for (const { query } of queries) {
      const t0 = process.hrtime.bigint();
      e.search(query);
      const us = Number(process.hrtime.bigint() - t0) / 1000;
      r.samples.push(us);
      r.spent_s += us / 1e6;
    }
    r.rounds += 1;
  }
}
for (const r of results) {
  const s = r.samples.sort((a, b) => a - b);
  r.median_us = quantile(s, 0.5);
  r.p95_us = quantile(s, 0.95);
  delete r.samples;
}

const byName = Object.fromEntries(results.map((r) => [r.name, r]));
const wasm = byName["WASM core (tft.js)"];
const mini = byName.MiniSearch;
const speedup = mini.median_us / wasm.median_us;
const met = speedup >= 2 && wasm.hit1 >= mini.hit1;
const us = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1)) + " µs";
const pct = (v) => (v * 100).toFixed(1) + "%";
let md = "\n# Glossary search: WebAssembly against JavaScript search libraries\n\n" +
  `${entries.length} glossary entries, ${queries.length} queries from tests/fixtures/search-queries.json (names, acronyms, typos, ` +
  `spellings, half-typed words, describing phrases), each with the entry a visitor would expect first. hit@1: the expected ` +
  `entry is the first result. Latency: one query, up to ${rounds} rounds of the whole set (fewer for an engine once it has spent ` +
  `${BUDGET_S} s) after up to 5 untimed warm-up rounds, the ` +
  `libraries interleaved in one node ${process.version} process (load average ${(await import("node:os")).loadavg()[0].toFixed(1)}); ` +
  `median and p95 over every query of every round. Each library indexes the same fields (name, other names, summary, ` +
  `concern labels, body text; Fuse.js all but the body) with the core's weights (name 10, other names 8, summary 3, concerns 1.5, body 1).\n\n`;
md += "| engine | configuration | hit@1 | median | p95 | timed rounds |\n|---|---|---:|---:|---:|---:|\n";
for (const r of results) md += `| ${r.name} | ${r.how} | ${pct(r.hit1)} (${r.hits}/${queries.length}) | ${us(r.median_us)} | ${us(r.p95_us)} | ${r.rounds} |\n`;
const wasmToMini = wasm.median_us / mini.median_us;
md += `\nTarget: the WASM search at least twice as fast as MiniSearch (median at most 0.5× MiniSearch's) at equal or better hit@1. ` +
  `**${met ? "Met" : "Missed"}**: the WASM median is ${wasmToMini.toFixed(2)}× MiniSearch's (${us(wasm.median_us)} against ${us(mini.median_us)})` +
  (speedup >= 2 ? "" : `, ${(wasmToMini / 0.5).toFixed(1)}× slower than the target`) +
  `; hit@1 ${pct(wasm.hit1)} against ${pct(mini.hit1)} (${wasm.hit1 >= mini.hit1 ? "equal or better" : "worse"}).\n`;
process.stdout.write(md);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rounds, queries: queries.length, results }, null, 2) + "\n");
