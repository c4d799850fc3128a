// The build-time page shell (scripts/render-pages.mjs) and the server's 404 handling
// (scripts/serve.mjs), run on a small throwaway site so each rule is seen on its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crisisList, markCurrentLink, needHelpBlock, renderSite, rootFor } from "../../scripts/render-pages.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { readData } from "./support.mjs";

const HEADER = readFileSync(new URL("../../web/partials/header.html", import.meta.url), "utf8");
const FOOTER = readFileSync(new URL("../../web/partials/footer.html", import.meta.url), "utf8");
const page = (title) =>
  `<!doctype html><html lang="en-GB"><head><title>${title}</title>` +
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

test("crisis text is written into the pages as text: markup in the data file stays escaped", () => {
  const crisis = {
    last_checked: "2026-01-02",
    contacts: [{ name: "<b>Line</b> & co", how: 'Call <i>"now"</i>', when: "<script>x</script>", for: "<u>all</u>", phone: "999", sms: "", urgent: true }],
  };
  for (const html of [needHelpBlock(crisis), crisisList(crisis)]) {
    assert.doesNotMatch(html, /<(b|i|u|script)>/, html);
    assert.match(html, /&lt;b&gt;Line&lt;\/b&gt; &amp; co|Call &lt;i&gt;&quot;now&quot;&lt;\/i&gt;/);
  }
  assert.match(crisisList(crisis), /&lt;script&gt;x&lt;\/script&gt;/);
});

test("the 'Need help now?' block lists the urgent contacts only, in the data file's order", () => {
  const crisis = JSON.parse(readData("crisis.json"));
  const names = [...needHelpBlock(crisis).matchAll(/<strong>([^<]*)<\/strong>/g)].map((m) => m[1]);
  const urgent = crisis.contacts.filter((c) => c.urgent).map((c) => c.name.replace(/'/g, "&#39;"));
  assert.ok(urgent.length >= 1 && urgent.length < crisis.contacts.length, "the data has both kinds");
  assert.deepEqual(names, urgent);
});
