// The build-time page shell (scripts/render-pages.mjs) and the server's 404 handling
// (scripts/serve.mjs), run on a small throwaway site so each rule is seen on its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addSecurityMeta, markCurrentLink, renderSite, rootFor } from "../../scripts/render-pages.mjs";
import { PAGE_POLICY } from "../../scripts/site-policy.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { readData } from "./support.mjs";

const HEADER = readFileSync(new URL("../../web/partials/header.html", import.meta.url), "utf8");
const FOOTER = readFileSync(new URL("../../web/partials/footer.html", import.meta.url), "utf8");
const page = (title) =>
  `<!doctype html><html lang="en-GB"><head>\n<meta charset="utf-8">\n<title>${title}</title>` +
  `<link rel="stylesheet" href="{{root}}css/site.css"></head><body><!--#include header--><main id="main">` +
  `<h1>${title}</h1><!--#crisis-list--></main><!--#include footer--></body></html>`;

let site;
before(() => {
  site = mkdtempSync(join(tmpdir(), "tft-render-"));
  mkdirSync(join(site, "partials"));
  mkdirSync(join(site, "data"));
  mkdirSync(join(site, "glossary"));
  writeFileSync(join(site, "partials", "header.html"), HEADER);
  writeFileSync(join(site, "partials", "footer.html"), FOOTER);
  writeFileSync(join(site, "data", "crisis.json"), readData("crisis.json"));
  for (const p of ["index.html", "privacy.html", "professionals.html", "crisis.html", "404.html"])
    writeFileSync(join(site, p), page(p));
  writeFileSync(join(site, "glossary", "index.html"), page("A to Z"));
  writeFileSync(join(site, "glossary", "cbt.html"), page("CBT"));
  renderSite(site);
});
after(() => rmSync(site, { recursive: true, force: true }));

const read = (p) => readFileSync(join(site, p), "utf8");
const currentLinks = (html) =>
  [...html.matchAll(/<a [^>]*aria-current="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[1]}:${m[2]}`);

test("the nav link to the page being shown carries aria-current=page, and only that one", () => {
  assert.deepEqual(currentLinks(read("privacy.html")), ["page:Privacy"]);
  assert.deepEqual(currentLinks(read("professionals.html")), ["page:For professionals"]);
  assert.deepEqual(currentLinks(read("crisis.html")), ["page:Need help now?"]);
  assert.deepEqual(currentLinks(read("glossary/index.html")), ["page:Therapy approaches"]);
});

test("a page inside a section marks the section's index link with aria-current=true", () => {
  assert.deepEqual(currentLinks(read("glossary/cbt.html")), ["true:Therapy approaches"]);
});

test("the home page marks the brand link, which is the only link to it", () => {
  assert.deepEqual(currentLinks(read("index.html")), ["page:Time for Therapy"]);
});

test("{{root}} is relative to the page's folder, and absolute on the 404 page", () => {
  assert.equal(rootFor("index.html"), "");
  assert.equal(rootFor("glossary/cbt.html"), "../");
  assert.equal(rootFor("404.html"), "/");
  assert.match(read("glossary/cbt.html"), /href="\.\.\/css\/site\.css"/);
  assert.match(read("glossary/cbt.html"), /href="\.\.\/privacy\.html"/);
  assert.match(read("404.html"), /href="\/css\/site\.css"/);
  assert.match(read("404.html"), /href="\/index\.html"/);
  for (const p of ["index.html", "404.html", "glossary/cbt.html"]) assert.doesNotMatch(read(p), /\{\{|<!--#/);
});

test("every page gets the urgent crisis contacts and the crisis page gets the last-checked date", () => {
  const crisis = JSON.parse(readData("crisis.json"));
  for (const c of crisis.contacts.filter((x) => x.urgent))
    assert.ok(read("privacy.html").includes(c.name.replace(/'/g, "&#39;")), c.name);
  assert.match(read("crisis.html"), new RegExp(`<time datetime="${crisis.last_checked}">`));
});

test("markCurrentLink leaves links that already say aria-current alone", () => {
  const header = '<a href="{{root}}a.html" aria-current="page">A</a><a href="{{root}}b.html">B</a>';
  assert.equal(markCurrentLink(header, "b.html"), '<a href="{{root}}a.html" aria-current="page">A</a><a href="{{root}}b.html" aria-current="page">B</a>');
});

test("the server answers unknown paths with the site's 404 page under the full security headers", async () => {
  const server = await startServer({ root: site, port: 0 });
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    const ok = await fetch(`${base}/privacy.html`);
    const missing = await fetch(`${base}/no/such/page.html`);
    assert.equal(ok.status, 200);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get("content-type"), /^text\/html/);
    assert.match(await missing.text(), /<h1>404\.html<\/h1>/);
    for (const h of ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy"])
      assert.equal(missing.headers.get(h), ok.headers.get(h), h);
    const escape = await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`);
    assert.notEqual(escape.status, 200);
  } finally {
    await new Promise((ok) => server.close(ok));
  }
});

test("every page carries the CSP and referrer policy as <meta> tags before anything else loads", () => {
  for (const p of ["index.html", "privacy.html", "404.html", "glossary/index.html", "glossary/cbt.html"]) {
    const html = read(p);
    const head = html.slice(0, html.indexOf("<title>"));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(head);
    assert.ok(csp, `${p}: CSP meta in <head> before the title`);
    assert.equal(csp[1].replaceAll("&#39;", "'"), PAGE_POLICY.join("; "), p);
    // frame-ancestors is ignored (with a console warning) in a <meta> policy; the server sends it.
    assert.doesNotMatch(csp[1], /frame-ancestors/, p);
    assert.match(head, /<meta name="referrer" content="no-referrer">/, p);
    assert.equal(html.match(/http-equiv="Content-Security-Policy"/g).length, 1, `${p}: exactly one policy tag`);
  }
  // Rendering twice changes nothing; a page without <meta charset> is a build error, not a page
  // silently left without its policy.
  assert.equal(addSecurityMeta(read("index.html")), read("index.html"));
  assert.throws(() => addSecurityMeta("<html><head><title>x</title></head></html>", "bare.html"), /bare\.html: needs <meta charset/);
});
