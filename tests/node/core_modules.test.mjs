// The three browser modules built from src/wasm/bindings.cpp (docs/matching.md, "Module size"):
// each binds only what its pages call, and what it binds answers exactly as the whole core does.
// The find module's matching is held to the CLI by published_directory.test.mjs, which loads it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createGlossary, createMatcher } from "../../web/js/tft.js";
import { dataDir, loadBundledCore, loadCore, readData, readFixture, wasmDir } from "./support.mjs";

// What each page calls, from web/js: the glossary worker searches and reads entries; the matcher
// worker over a published directory loads the data, reads shards and profiles, matches and routes
// to crisis help; only the whole core reads JSON directories and checks a professional's entry.
const SHARED = ["concerns", "entries"];
const GLOSSARY = [...SHARED, "entry", "loadGlossary", "search"];
const FIND = [
  ...SHARED,
  "addPublishedProfiles",
  "addPublishedShard",
  "crisis",
  "directoryInfo",
  "loadDataset",
  "match",
  "openPublished",
  "places",
  "publishedBuffer",
  "publishedProfilesToLoad",
  "publishedShardsToLoad",
  "questionnaire",
  "resolvePlace",
  "safetyRoutes",
  "therapists",
];
const JSON_DIRECTORY = ["appendDirectory", "directoryCatalogue", "loadDirectory", "selectDirectory", "validateProfile"];
const EVERY = [...new Set([...GLOSSARY, ...FIND, ...JSON_DIRECTORY])];

const bound = (core) => EVERY.filter((name) => typeof core[name] === "function").sort();

test("each module binds exactly the functions its pages call", async () => {
  assert.deepEqual(bound(await loadCore("tft-glossary")), [...GLOSSARY].sort());
  assert.deepEqual(bound(await loadCore("tft-find")), [...FIND].sort());
  assert.deepEqual(bound(await loadCore("tft-core")), [...EVERY].sort());
});

test("createGlossary reads only glossary.json and concerns.json, and answers as the whole core does", async () => {
  const asked = [];
  const readText = async (url) => {
    asked.push(url);
    return readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8");
  };
  const glossary = await createGlossary({ moduleFactory: () => loadCore("tft-glossary"), readText });
  assert.deepEqual(asked.sort(), ["data/concerns.json", "data/glossary.json"]);
  const whole = await loadBundledCore();
  const parse = (text) => JSON.parse(text);
  assert.deepEqual(glossary.entries(), parse(whole.entries()));
  assert.deepEqual(glossary.concerns(), parse(whole.concerns()));
  for (const { slug } of glossary.entries()) assert.deepEqual(glossary.entry(slug), parse(whole.entry(slug)), slug);
  // Every query of the quality set, and each one half typed, gives the whole core's hits.
  const { queries } = readFixture("search-queries.json");
  for (const { query } of queries)
    for (const q of [query, query.slice(0, Math.ceil(query.length / 2))])
      assert.deepEqual(glossary.search(q, { limit: 10 }), parse(whole.search(q, 10)), q);
});

test("a broken glossary stops createGlossary with errors naming the file and place", async () => {
  // A concerns file without "anxiety": every glossary tag for anxiety now names an unknown concern.
  const concerns = '{"concerns": [{"id": "depression", "label": "Low mood", "description": "Feeling down."}]}';
  const readText = async (url) =>
    url.endsWith("concerns.json") ? concerns : readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8");
  await assert.rejects(createGlossary({ moduleFactory: () => loadCore("tft-glossary"), readText }), (e) => {
    assert.equal(e.name, "DataError");
    assert.ok(e.errors.some((x) => /^glossary\.json:\$\.entries\[\d+\]\.concerns\[\d+\]\.id: unknown concern id "anxiety"/.test(x.text)), e.message);
    return true;
  });
});

test("the find module's matcher has no search, whole entries or entry checker, and says so by leaving them out", async () => {
  const readText = async (url) => readData(url.replace(/^data\//, ""));
  const tft = await createMatcher({ moduleFactory: () => loadCore("tft-find"), readText, directoryUrl: null });
  assert.equal(tft.search, undefined);
  assert.equal(tft.validateProfile, undefined);
  assert.equal(tft.entry, undefined);
  assert.equal(typeof tft.match, "function");
  const whole = await createMatcher({ moduleFactory: () => loadCore("tft-core"), readText, directoryUrl: null });
  assert.equal(typeof whole.search, "function");
  assert.equal(typeof whole.validateProfile, "function");
});

// The CRC-32 of packed files (src/core/packed_directory.cpp) uses four 256-entry tables built on
// first use. The optimiser once evaluated that initializer at build time and stored the tables:
// 4 kB of numbers gzip cannot shrink, 4.6 kB of the find module gzipped (docs/matching.md, "Module
// size", wave 11). Any eight consecutive entries of any of the tables, as the module would store
// them, must not be in its bytes.
test("no module stores the CRC-32 tables: they are built when first used", () => {
  const first = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    first[i] = c >>> 0;
  }
  const tables = [first];
  for (let s = 1; s < 4; s++) tables.push(tables[s - 1].map((v) => ((v >>> 8) ^ first[v & 0xff]) >>> 0));
  // Entries 1..8 of each table, little-endian as WebAssembly's memory holds them.
  const runs = tables.map((t) => Buffer.from(new Uint32Array(t.slice(1, 9)).buffer));
  for (const module of ["tft-core", "tft-find", "tft-glossary"]) {
    const bytes = readFileSync(join(wasmDir, `${module}.wasm`));
    runs.forEach((run, s) => assert.equal(bytes.indexOf(run), -1, `${module}.wasm stores CRC-32 table ${s}`));
  }
});
