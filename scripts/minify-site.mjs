// Minifies the JavaScript a browser downloads from a built site, in place (docs/minify.md):
//   wasm/*.js  every Emscripten glue file (one per module the build makes), and
//   js/*.js    the site's own modules (tft.js, the workers, the pages).
// The sources in web/ stay as written; only the built copies change. Each file stays an ES module
// (exports, import.meta.url and dynamic import() are kept: terser's module mode). The site's own
// modules keep their function and class names, so a stack trace still names the functions; a
// source map of each file goes to MAPS (outside the site: never published, never precached), and
// `--where FILE:LINE:COLUMN` turns a position in a minified file back into the source's.
// Left as they are: sw.js (offline-manifest.mjs fills its BUILD line afterwards) and embed/ (the
// partner loader, read by partners' developers; its integrity hash is taken after this runs).
//
//   node scripts/minify-site.mjs SITE MAPS        e.g. build/site.tmp build/site-maps
//   node scripts/minify-site.mjs --where js/tft.js:1:2345 [MAPS]
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

/** Where the minified files are, relative to the site, and how each folder is minified. */
export const FOLDERS = [
  // The glue's names are Emscripten's internals: mangling them saves about 700 bytes gzipped, and
  // the source map names them when it matters.
  { dir: "wasm", source: "build/wasm-cmake/wasm", keepNames: false },
  { dir: "js", source: "web/js", keepNames: true },
];

/** terser's options for one file. */
export function minifyOptions(keepNames) {
  return {
    module: true, // an ES module: its top level is private, its exports and import.meta are kept
    ecma: 2020, // every browser that runs module workers (the site needs them) has ES2020
    compress: true,
    mangle: true,
    keep_fnames: keepNames,
    keep_classnames: keepNames,
    format: { comments: false },
    sourceMap: { includeSources: true },
  };
}

/** The files minified: path in the site, the name their source map gives the original, keepNames. */
export function filesToMinify(siteDir) {
  return FOLDERS.flatMap(({ dir, source, keepNames }) =>
    readdirSync(join(siteDir, dir))
      .filter((name) => name.endsWith(".js"))
      .sort()
      .map((name) => ({ path: `${dir}/${name}`, source: `${source}/${name}`, keepNames })),
  );
}

/** `source` (a file's text) minified: {code, map}. sourceName is the name the map gives the original. */
export async function minifyCode(source, sourceName, keepNames) {
  const result = await minify({ [sourceName]: source }, minifyOptions(keepNames));
  if (typeof result.code !== "string") throw new Error(`${sourceName}: terser returned no code`);
  return { code: result.code, map: String(result.map) };
}

/** Minifies the site's files in place, writing a map of each to mapsDir; returns bytes before and after. */
export async function minifySite(siteDir, mapsDir) {
  rmSync(mapsDir, { recursive: true, force: true });
  const sizes = [];
  for (const { path, source: sourceName, keepNames } of filesToMinify(siteDir)) {
    const source = readFileSync(join(siteDir, path), "utf8");
    const result = await minifyCode(source, sourceName, keepNames);
    writeFileSync(join(siteDir, path), result.code);
    mkdirSync(join(mapsDir, path, ".."), { recursive: true });
    writeFileSync(join(mapsDir, `${path}.map`), result.map);
    sizes.push({ path, before: Buffer.byteLength(source), after: Buffer.byteLength(result.code) });
  }
  return sizes;
}

/** "js/tft.js:1:2345" (line from 1, column from 1, as a stack trace prints them) → the source's position. */
export function sourcePosition(where, mapsDir) {
  const match = /^(.+):(\d+):(\d+)$/.exec(where);
  if (!match) throw new Error(`${where}: expected FILE:LINE:COLUMN, e.g. js/tft.js:1:2345`);
  const [, path, line, column] = match;
  const map = new SourceMap(JSON.parse(readFileSync(join(mapsDir, `${path}.map`), "utf8")));
  const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
  if (!entry.originalSource) return `${where}: no source position`;
  const name = entry.name ? ` (${entry.name})` : "";
  return `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}${name}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === "--where") {
    console.log(sourcePosition(args[1], args[2] ?? "build/site-maps"));
  } else {
    const [siteDir, mapsDir] = args;
    if (!siteDir || !mapsDir) throw new Error("usage: node scripts/minify-site.mjs SITE MAPS");
    const sizes = await minifySite(siteDir, mapsDir);
    const total = (key) => sizes.reduce((sum, s) => sum + s[key], 0);
    console.log(`minify-site: ${sizes.length} files, ${total("before")} -> ${total("after")} bytes`);
  }
}
