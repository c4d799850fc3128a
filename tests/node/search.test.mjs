// The WebAssembly search against the native CLI, query by query, over the shared quality set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createMatcher } from "../../web/js/tft.js";
import { dataDir, loadBundledCore, loadCore, readFixture, runCli } from "./support.mjs";

const core = await loadBundledCore();
const { queries } = readFixture("search-queries.json");

test("WASM search returns the same bytes as `tft search` for every query in the quality set", () => {
  assert.ok(queries.length >= 70);
  for (const { query } of queries) {
    for (const limit of [3, 10]) {
      const cli = runCli(["search", query, "--limit", String(limit)]);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(core.search(query, limit) + "\n", cli.stdout, `search ${JSON.stringify(query)} --limit ${limit}`);
    }
  }
});

test("WASM search agrees with the CLI on hostile and partial queries", () => {
  for (const query of ["", " ", "a", "the", "é", "ÉMDR", "🙂 therapy", '"<script>', "x".repeat(400), "cbt "]) {
    const cli = runCli(["search", query]);
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(core.search(query, 10) + "\n", cli.stdout, JSON.stringify(query));
  }
});

test("highlights are UTF-16 ranges JavaScript can slice", () => {
  const { hits } = JSON.parse(core.search("eye movements trauma", 5));
  assert.equal(hits[0].slug, "emdr");
  const words = hits.flatMap((h) => h.highlights.map(([start, length]) => h.snippet.slice(start, start + length)));
  assert.ok(words.length > 0);
  for (const w of words) assert.match(w.toLowerCase(), /^(eye|movements?|trauma|traumatic)$/);
});

test("createMatcher with directoryUrl null loads no directory and still searches", async () => {
  const moduleFactory = () => loadCore();
  const asked = [];
  const readText = async (url) => {
    asked.push(url);
    return readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8");
  };
  const tft = await createMatcher({ moduleFactory, readText, directoryUrl: null });
  assert.ok(!asked.some((u) => u.includes("therapists")), `asked for ${asked.join(", ")}`);
  assert.deepEqual(tft.directoryErrors, []);
  assert.equal(tft.directory().therapists, 0);
  const result = tft.search("atachment", { limit: 5 });
  assert.equal(result.query, "atachment");
  assert.equal(result.hits[0].slug, "attachment-based");
  assert.ok(result.hits.length <= 5);
});
