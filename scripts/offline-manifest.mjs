// Writes the service worker's BUILD line (web/sw.js → SITE/sw.js) for a built site, so the site
// works offline after one visit (docs/offline.md):
//   version   a hash of every published file (path and bytes): any change makes a new version,
//             so the worker's cache name changes and visitors get the new files on their next visit;
//   files     every published file (the only things the worker will ever keep);
//   precache  those fetched when the worker installs: all but the very large (over PRECACHE_LIMIT,
//             e.g. a national directory's parts), which are kept when first used instead.
//
//   node scripts/offline-manifest.mjs build/site
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const PRECACHE_LIMIT = 3 * 1024 * 1024;
const WORKER = "sw.js";
// The line to fill: "const BUILD = null;" in web/sw.js, or an earlier build's (re-running is fine).
const BUILD_LINE = /^const BUILD = .*;$/m;

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

/** The BUILD object for the site in `siteDir` (the worker itself excluded). */
export function offlineBuild(siteDir) {
  const hash = createHash("sha256");
  const files = [];
  const precache = [];
  for (const file of walk(siteDir)) {
    const path = relative(siteDir, file).split(sep).join("/");
    if (path === WORKER) continue;
    const bytes = readFileSync(file);
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
    files.push(path);
    if (bytes.length <= PRECACHE_LIMIT) precache.push(path);
  }
  return { version: hash.digest("hex").slice(0, 16), files, precache };
}

/** Fills the worker's BUILD line in SITE/sw.js; returns the BUILD object. */
export function writeOfflineManifest(siteDir) {
  const workerPath = join(siteDir, WORKER);
  const source = readFileSync(workerPath, "utf8");
  if (!BUILD_LINE.test(source)) throw new Error(`${workerPath}: no "const BUILD = …;" line to fill`);
  const build = offlineBuild(siteDir);
  writeFileSync(workerPath, source.replace(BUILD_LINE, () => `const BUILD = ${JSON.stringify(build)};`));
  return build;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const siteDir = process.argv[2] || "build/site";
  const build = writeOfflineManifest(siteDir);
  console.log(`offline-manifest: version ${build.version}, ${build.files.length} files (${build.precache.length} fetched on install)`);
}
