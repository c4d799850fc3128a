// Sizes of what a partner's page downloads for the embed (docs/embedding.md): the loader, which
// must stay at most 3 KB gzipped (LOADER_BUDGET), and the frame's own page and scripts. Sizes, not
// times, so they are the same on any machine; tests/node/embed_publish.test.mjs holds the loader
// to its budget with loaderSize().
//
//   node scripts/embed-size.mjs [build/site]     prints a table (bytes, and gzip -9 bytes)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { LOADER_PATH } from "./embed-snippet.mjs";

export const LOADER_BUDGET = 3 * 1024;

// The frame's page and the modules it starts with (the flow's shared modules are find.html's).
const FRAME_FILES = ["embed/v1/matcher.html", "js/embed-frame.js", "js/embed-options.js"];

/** { raw, gzip } bytes of a built file. */
export function fileSize(siteDir, path) {
  const bytes = readFileSync(join(siteDir, path));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export const loaderSize = (siteDir) => fileSize(siteDir, LOADER_PATH);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const siteDir = process.argv[2] ?? "build/site";
  const rows = [LOADER_PATH, ...FRAME_FILES].map((path) => ({ path, ...fileSize(siteDir, path) }));
  console.log("| file | bytes | gzip -9 bytes |\n|---|---:|---:|");
  for (const r of rows) console.log(`| ${r.path} | ${r.raw} | ${r.gzip} |`);
  const loader = rows[0];
  console.log(`\nloader: ${loader.gzip} of ${LOADER_BUDGET} bytes gzipped (${loader.gzip <= LOADER_BUDGET ? "within" : "OVER"} budget)`);
  if (loader.gzip > LOADER_BUDGET) process.exitCode = 1;
}
