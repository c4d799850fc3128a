// The snippet a partner pastes to embed the matcher (docs/embedding.md), with the loader's
// Subresource Integrity hash computed from the built file, so the snippet always matches the bytes
// the site serves. Used by render-pages.mjs (the "Put this on your site" page) and to build the
// partner example:
//
//   node scripts/embed-snippet.mjs build/site examples/partner build/partner-example
//
// writes the example with the snippet filled in; its site address stays "{{site}}", filled in by
// scripts/partner-example.mjs when it serves the example, since only then is the site's port known.
import { createHash } from "node:crypto";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The published address of the site, as in the glossary pages' canonical links.
export const SITE_URL = "https://timefortherapy.co.uk/";
// The loader's versioned path: v1 is the version of its options and messages.
export const LOADER_PATH = "embed/v1/tft-matcher.js";

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The SRI value for some bytes: "sha384-" and the base64 digest. */
export function integrityOf(bytes) {
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

/** The SRI value of the built loader in `siteDir`. */
export function loaderIntegrity(siteDir) {
  return integrityOf(readFileSync(join(siteDir, LOADER_PATH)));
}

/**
 * The snippet as HTML text. attributes: the element's options ({partner: "…", accent: "teal"}),
 * written in the order given. siteUrl ends with "/".
 */
export function embedSnippet({ siteUrl = SITE_URL, integrity, attributes = {} }) {
  const options = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
  return [
    `<script type="module" src="${escapeHtml(siteUrl + LOADER_PATH)}"`,
    `        integrity="${escapeHtml(integrity)}"`,
    `        crossorigin="anonymous" referrerpolicy="no-referrer"></script>`,
    `<tft-matcher${options}>`,
    `  <a href="${escapeHtml(siteUrl)}find.html">Find a therapist who fits you, on Time for Therapy</a>`,
    `</tft-matcher>`,
  ].join("\n");
}

/** Copies the partner example to `outDir`, its <!--#embed-snippet--> filled in. */
export function buildPartnerExample(siteDir, exampleDir, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(exampleDir, outDir, { recursive: true });
  const page = join(outDir, "index.html");
  const snippet = embedSnippet({
    siteUrl: "{{site}}",
    integrity: loaderIntegrity(siteDir),
    attributes: { partner: "Oakfield Surgery", accent: "teal" },
  });
  writeFileSync(page, readFileSync(page, "utf8").replace("<!--#embed-snippet-->", () => snippet));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [siteDir, exampleDir, outDir] = process.argv.slice(2);
  buildPartnerExample(siteDir, exampleDir, outDir);
  console.log(`embed-snippet: wrote the partner example to ${outDir}`);
}
