// The Content-Security-Policy the site is served with, read from the real server for every file
// of the built site (and a missing one), and from any <meta http-equiv> policy in the pages. It
// fails on any weakening: 'unsafe-inline', 'unsafe-eval' or 'unsafe-hashes'; a wildcard; a
// scheme-wide or other-origin source; a missing frame-ancestors, base-uri, form-action or a
// default-src that is not 'none' or 'self'. A stricter policy (fewer sources, nonces or hashes,
// Trusted Types) passes. tests/browser/sinks.test.mjs checks that Chromium enforces it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { root } from "./support.mjs";

const siteDir = join(root, "build", "site");

// Sources each directive may hold beyond 'self' and 'none'. Anything else (a host, a scheme, a
// wildcard, an unsafe keyword) is a weakening.
const EXTRA_SOURCES = {
  "script-src": ["'wasm-unsafe-eval'", "'strict-dynamic'", "'report-sample'"],
  "script-src-elem": ["'strict-dynamic'", "'report-sample'"],
  "style-src": ["'report-sample'"],
  "img-src": ["data:"],
};
const SOURCE_LISTS = new Set([
  "default-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem", "style-src-attr",
  "img-src", "font-src", "connect-src", "media-src", "object-src", "frame-src", "child-src", "worker-src",
  "manifest-src", "prefetch-src", "form-action", "base-uri", "frame-ancestors",
]);
const NOT_SOURCE_LISTS = new Set(["require-trusted-types-for", "trusted-types", "upgrade-insecure-requests", "block-all-mixed-content", "sandbox", "report-uri", "report-to"]);
const NONCE_OR_HASH = /^'(nonce-[A-Za-z0-9+/_=-]+|sha(256|384|512)-[A-Za-z0-9+/_=-]+)'$/;

function parsePolicy(text) {
  const directives = new Map();
  const repeated = [];
  for (const part of text.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    if (directives.has(key)) repeated.push(key); // browsers ignore all but the first
    else directives.set(key, values);
  }
  return { directives, repeated };
}

// Every way `policy` is weaker than the site's rules; [] when it is as strict or stricter.
// `header`: a served policy (frame-ancestors and friends only work there, not in <meta>).
// `framedByPartners`: the embeddable pages, whose frame-ancestors partners' sites must pass.
function weaknesses(policyText, { header = true, framedByPartners = false } = {}) {
  const { directives, repeated } = parsePolicy(policyText);
  const found = repeated.map((d) => `${d} appears twice (only the first counts)`);
  for (const [name, values] of directives) {
    for (const v of values) {
      const lower = v.toLowerCase();
      if (/^'unsafe-(inline|eval|hashes|allow-redirects)'$/.test(lower)) found.push(`${name} allows ${v}`);
      else if (v.includes("*") && !(name === "frame-ancestors" && framedByPartners)) found.push(`${name} has a wildcard source ${v}`);
    }
    if (NOT_SOURCE_LISTS.has(name)) {
      if (name === "report-uri" && values.some((v) => !v.startsWith("/"))) found.push("report-uri sends reports to another origin");
      continue;
    }
    if (!SOURCE_LISTS.has(name)) {
      found.push(`unknown directive ${name}`);
      continue;
    }
    if (name === "frame-ancestors" && framedByPartners) continue;
    const allowed = new Set(["'self'", "'none'", ...(EXTRA_SOURCES[name] ?? [])]);
    for (const v of values) {
      const lower = v.toLowerCase();
      if (allowed.has(lower) || (name.startsWith("script-src") || name.startsWith("style-src")) && NONCE_OR_HASH.test(v)) continue;
      if (/^'unsafe-/.test(lower) || v.includes("*")) continue; // reported above
      found.push(`${name} allows ${v} (another origin, a whole scheme or an unknown keyword)`);
    }
    if (values.includes("'none'") && values.length > 1) found.push(`${name} mixes 'none' with other sources`);
  }
  const effective = (name) => directives.get(name) ?? directives.get("default-src");
  if (header) {
    const defaults = directives.get("default-src");
    if (!defaults) found.push("no default-src");
    else if (!defaults.every((v) => ["'none'", "'self'"].includes(v))) found.push(`default-src is ${defaults.join(" ")}`);
    for (const needed of ["frame-ancestors", "base-uri", "form-action"]) if (!directives.has(needed)) found.push(`no ${needed}`);
    if (!(effective("object-src") ?? []).every((v) => v === "'none'")) found.push("object-src is not 'none'");
    if (!effective("script-src")) found.push("no script-src and no default-src");
  }
  return found;
}

function builtFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}

let server;
let base;
before(async () => {
  server = await startServer({ root: siteDir, port: 0 });
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(() => new Promise((ok) => server.close(ok)));

test("the rules accept the strict policy and stricter ones, and reject each weakening", () => {
  const strict =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";
  assert.deepEqual(weaknesses(strict), []);
  assert.deepEqual(weaknesses(`${strict}; require-trusted-types-for 'script'; trusted-types tft`), []);
  assert.deepEqual(weaknesses(strict.replace("img-src 'self' data:", "img-src 'self'").replace("frame-ancestors 'self'", "frame-ancestors 'none'")), []);
  assert.deepEqual(weaknesses(strict.replace("script-src 'self'", "script-src 'self' 'sha256-abc+/='")), []);
  const weaker = {
    "unsafe-inline": strict.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
    "unsafe-eval": strict.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
    "style unsafe-inline": strict.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    "wildcard": strict.replace("connect-src 'self'", "connect-src *"),
    "host wildcard": strict.replace("img-src 'self' data:", "img-src 'self' https://*.example.org"),
    "other origin": strict.replace("script-src 'self'", "script-src 'self' https://cdn.example.org"),
    "whole scheme": strict.replace("connect-src 'self'", "connect-src 'self' https:"),
    "data: scripts": strict.replace("script-src 'self'", "script-src 'self' data:"),
    "no frame-ancestors": strict.replace("; frame-ancestors 'self'", ""),
    "framed by anyone": strict.replace("frame-ancestors 'self'", "frame-ancestors *"),
    "no base-uri": strict.replace("; base-uri 'none'", ""),
    "no form-action": strict.replace("; form-action 'self'", ""),
    "open default": strict.replace("default-src 'none'", "default-src *"),
    "no default": strict.replace("default-src 'none'; ", ""),
    "weaker repeat": `${strict}; script-src *`,
    "the planted bug": strict.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src * 'unsafe-inline' 'unsafe-eval'"),
  };
  for (const [what, policy] of Object.entries(weaker)) assert.notDeepEqual(weaknesses(policy), [], what);
});

test("every file the server sends, and its 404 page, carries a policy with no weakening", async () => {
  const paths = builtFiles(siteDir).map((f) => `/${relative(siteDir, f).split("\\").join("/")}`);
  assert.ok(paths.length > 50 && paths.some((p) => p.endsWith("glossary-worker.js")), `${paths.length} files`);
  const problems = [];
  for (const path of [...paths, "/no-such-page.html", "/"]) {
    const response = await fetch(new URL(path.slice(1), base));
    await response.arrayBuffer();
    const policy = response.headers.get("content-security-policy");
    if (!policy) {
      problems.push(`${path}: no Content-Security-Policy header`);
      continue;
    }
    for (const w of weaknesses(policy, { framedByPartners: path.startsWith("/embed/") })) problems.push(`${path}: ${w}`);
  }
  assert.deepEqual(problems, []);
});

test("any policy a page carries in a <meta> tag is no weaker either", () => {
  const problems = [];
  for (const file of builtFiles(siteDir).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(file, "utf8");
    for (const m of html.matchAll(/<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/gi)) {
      const content = m[0].match(/content=("([^"]*)"|'([^']*)')/i);
      if (!content) problems.push(`${relative(siteDir, file)}: a CSP meta tag without content`);
      else for (const w of weaknesses(content[2] ?? content[3], { header: false })) problems.push(`${relative(siteDir, file)}: ${w}`);
    }
  }
  assert.deepEqual(problems, []);
});
