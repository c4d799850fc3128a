// The built site's JavaScript is minified (scripts/minify-site.mjs, run by scripts/build) and
// still does what its source does: every Emscripten glue file in build/site/wasm and every module
// in build/site/js is smaller than its source, keeps the same exports, dynamic imports and
// import.meta uses, and the minified glue with the minified tft.js gives the same answers as the
// unminified pair. Needs ./scripts/build first (the node layer of ./scripts/test runs after it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { minify } from "terser";
import { dataDir, fixturesDir, root, wasmDir } from "./support.mjs";

const site = join(root, "build", "site");
const scratch = mkdtempSync(join(tmpdir(), "tft-minified-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

const jsIn = (dir) => readdirSync(dir).filter((n) => n.endsWith(".js")).sort();
// Each built file with its source: the glue as emcc wrote it, the modules as web/js has them.
const pairs = [
  ...jsIn(join(site, "wasm")).map((name) => ({ built: join(site, "wasm", name), source: join(wasmDir, name) })),
  ...jsIn(join(site, "js")).map((name) => ({ built: join(site, "js", name), source: join(root, "web", "js", name) })),
];
const read = (path) => readFileSync(path, "utf8");

// The module's shape as terser reprints it (no comments, one spelling of each construct), so a
// source and its minified copy can be compared: export names, and counts of import() and import.meta.
async function shape(code) {
  const printed = await minify(code, { module: true, compress: false, mangle: false, format: { ast: true } });
  const exports = [];
  for (const node of printed.ast.body) {
    if (node.TYPE !== "Export") continue;
    if (node.is_default) exports.push("default");
    else if (node.exported_names) exports.push(...node.exported_names.map((m) => m.foreign_name.name));
    else if (node.exported_definition?.definitions) exports.push(...node.exported_definition.definitions.map((d) => d.name.name));
    else exports.push(node.exported_definition.name.name);
  }
  assert.ok(exports.every((name) => typeof name === "string"), `an export form this test cannot read: ${exports}`);
  const count = (pattern) => (printed.code.match(pattern) ?? []).length;
  return { exports: exports.sort(), dynamicImports: count(/\bimport\(/g), importMeta: count(/\bimport\.meta\b/g) };
}

test("the site has glue and modules to compare", () => {
  const glue = pairs.filter((p) => p.built.includes(`${join("site", "wasm")}`));
  assert.ok(glue.length >= 1, "no Emscripten glue in build/site/wasm");
  assert.ok(pairs.some((p) => p.built.endsWith(join("js", "tft.js"))), "no js/tft.js in build/site");
});

test("every built glue file and module is smaller than its source, the whole at most 60% of it", () => {
  let built = 0;
  let source = 0;
  for (const pair of pairs) {
    const b = readFileSync(pair.built).length;
    const s = readFileSync(pair.source).length;
    assert.ok(b < s, `${pair.built}: ${b} bytes, its source ${s}: not minified`);
    built += b;
    source += s;
  }
  // Comments, indentation and long local names are well over 40% of web/js.
  assert.ok(built <= 0.6 * source, `built ${built} bytes vs sources ${source}`);
});

test("every built glue file and module keeps its source's exports, import() and import.meta", async () => {
  for (const pair of pairs) {
    assert.deepEqual(await shape(read(pair.built)), await shape(read(pair.source)), pair.built);
  }
  const api = await shape(read(join(site, "js", "tft.js")));
  for (const name of ["createMatcher", "DataError", "AnswersError"]) assert.ok(api.exports.includes(name), name);
  assert.ok(api.dynamicImports >= 1 && api.importMeta >= 1, "tft.js imports the glue by a URL of its own");
});

// An ES-module glue file loaded in node: copied to a .mjs (build/site/wasm has no package.json
// saying "module") and handed its .wasm bytes, as a worker's fetch would.
async function instantiate(gluePath, wasmPath) {
  const copy = join(scratch, `${Math.random().toString(36).slice(2)}.mjs`);
  copyFileSync(gluePath, copy);
  const { default: factory } = await import(pathToFileURL(copy).href);
  return factory({ locateFile: (file) => file, wasmBinary: readFileSync(wasmPath) });
}

test("every minified glue file instantiates its module with the same bound functions", async () => {
  for (const name of jsIn(join(site, "wasm"))) {
    const wasm = join(site, "wasm", name.replace(/\.js$/, ".wasm"));
    const bound = (core) => Object.keys(core).filter((key) => typeof core[key] === "function").sort();
    const minified = bound(await instantiate(join(site, "wasm", name), wasm));
    assert.ok(minified.includes("search") || minified.includes("match"), `${name}: no bound core functions`);
    assert.deepEqual(minified, bound(await instantiate(join(wasmDir, name), wasm)), name);
  }
});

test("the minified tft.js and glue answer as the source tft.js and emcc's glue do", async () => {
  const readText = async (url) => readFileSync(join(dataDir, url), "utf8");
  const answers = JSON.parse(read(join(fixturesDir, "answers", "valid-ocd-leeds.json"))).answers;
  const run = async (apiPath, gluePath) => {
    const api = await import(pathToFileURL(apiPath).href);
    const tft = await api.createMatcher({
      dataUrl: "",
      readText,
      moduleFactory: () => instantiate(gluePath, join(site, "wasm", "tft-core.wasm")),
    });
    let error = null;
    try {
      tft.match({ age: -4 });
    } catch (e) {
      error = { isAnswersError: e instanceof api.AnswersError, name: e.name, errors: e.errors };
    }
    return {
      search: tft.search("anxeity", { limit: 5 }),
      entry: tft.entry("attachment-based"),
      match: tft.match(answers, { limit: 5, today: "2026-11-30" }),
      places: tft.places("Lee", { limit: 3 }),
      error,
    };
  };
  const minified = await run(join(site, "js", "tft.js"), join(site, "wasm", "tft-core.js"));
  const source = await run(join(root, "web", "js", "tft.js"), join(wasmDir, "tft-core.js"));
  assert.ok(minified.search.hits.length > 0 && minified.match.matches.length > 0, "answers worth comparing");
  assert.equal(minified.error?.isAnswersError, true);
  assert.deepEqual(minified, source);
});
