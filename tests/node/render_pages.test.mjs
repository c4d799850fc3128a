// The build-time page shell (scripts/render-pages.mjs) and the server's 404 handling
// (scripts/serve.mjs), run on a small throwaway site so each rule is seen on its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crisisFromCore, crisisList, markCurrentLink, needHelpBlock, renderSite, rootFor } from "../../scripts/render-pages.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { cliPath, dataDir, readData } from "./support.mjs";

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
  renderSite(site, crisisFromCore(cliPath, dataDir));
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

const escaped = (s) => s.replace(/&/g, "&amp;").replace(/'/g, "&#39;");
const between = (html, from, to) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));

test("every page's Need help now? block has every urgent line, each under its nation", () => {
  const crisis = JSON.parse(readData("crisis.json"));
  const block = between(read("privacy.html"), '<aside class="need-help"', "</aside>");
  for (const c of crisis.contacts.filter((x) => x.urgent)) assert.ok(block.includes(escaped(c.name)), c.name);
  // Only the urgent lines: the others (helplines, listening lines) are on crisis.html.
  for (const c of crisis.contacts.filter((x) => !x.urgent)) assert.ok(!block.includes(`<strong>${escaped(c.name)}</strong>`), c.name);
  // A static page cannot know where its reader is: lines for every nation appear, each after its
  // own nation's heading (Lifeline under Northern Ireland, NHS 111 Wales under Wales).
  const titles = [...block.matchAll(/<dt class="need-help__nation">([^<]+)<\/dt>/g)].map((m) => m[1]);
  assert.deepEqual(titles, ["Anywhere in the UK", "England", "Wales", "Scotland", "Northern Ireland"]);
  const after = (title) => block.slice(block.indexOf(`>${title}</dt>`)).split("</dd>")[0];
  assert.match(after("Northern Ireland"), /href="tel:08088088000"/);
  assert.doesNotMatch(after("Northern Ireland"), /tel:111"/);
  assert.match(after("Wales"), /NHS 111 Wales, press 2/);
  assert.match(after("Scotland"), /NHS 24/);
  assert.match(after("Anywhere in the UK"), /href="tel:999"/);
});

test("the crisis page lists every contact once, grouped by nation, after the last-checked date", () => {
  const crisis = JSON.parse(readData("crisis.json"));
  const page = read("crisis.html");
  assert.match(page, new RegExp(`<time datetime="${crisis.last_checked}">`));
  for (const c of crisis.contacts) assert.equal(page.split(`<h3>${escaped(c.name)}</h3>`).length - 1, 1, c.name);
  const sections = [...page.matchAll(/<section class="crisis-group"[^>]*><h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
  assert.deepEqual(sections, ["Anywhere in the UK", "England", "Wales", "Scotland", "Northern Ireland"]);
  const section = (title) => page.slice(page.indexOf(`>${title}</h2>`)).split("</section>")[0];
  assert.match(section("Wales"), /Live Fear Free/);
  assert.match(section("Scotland"), /Breathing Space/);
  assert.doesNotMatch(section("Northern Ireland"), /tel:111"/);
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
  const contact = { id: "x", name: "<b>Line</b> & co", how: 'Call <i>"now"</i>', when: "<script>x</script>", for: "<u>all</u>", phone: "999", sms: "", urgent: true };
  const group = { nation: "uk", title: "<i>Anywhere</i>", contacts: ["x"] };
  const crisis = { last_checked: "2026-01-02", contacts: [contact], groups: [group], need_help: [group] };
  for (const html of [needHelpBlock(crisis), crisisList(crisis)]) {
    assert.doesNotMatch(html, /<(b|i|u|script)>/, html);
    assert.match(html, /&lt;b&gt;Line&lt;\/b&gt; &amp; co|Call &lt;i&gt;&quot;now&quot;&lt;\/i&gt;/);
    assert.match(html, /&lt;i&gt;Anywhere&lt;\/i&gt;/);
  }
  assert.match(crisisList(crisis), /&lt;script&gt;x&lt;\/script&gt;/);
});
