// Crawls every HTML page in build/site and checks that each internal href, src and form action
// points at a file that exists (and each #fragment at an id on that page), so the site has no
// dead ends. Links to pages other work builds are reported separately, as TODO until they exist.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { siteDir } from "./support.mjs";

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith(".html")) out.push(path);
  }
  return out;
}

const decode = (s) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");

// [{ page, attr, url, target (site-relative path or null), fragment }]
function internalLinks() {
  const links = [];
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(file, "utf8");
    for (const m of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
      const url = decode(m[2]);
      if (/^(tel|sms|mailto|data|blob|javascript):/i.test(url) || /^[a-z]+:\/\//i.test(url) || url.startsWith("//")) continue;
      const [beforeHash, fragment = ""] = url.split("#");
      const path = beforeHash.split("?")[0];
      let target = null;
      if (path !== "") {
        const abs = path.startsWith("/") ? join(siteDir, path) : resolve(dirname(file), path);
        target = relative(siteDir, abs).split(sep).join("/");
      }
      links.push({ page: relative(siteDir, file).split(sep).join("/"), attr: m[1], url, target, fragment });
    }
  }
  return links;
}

function resolves(target) {
  if (target.startsWith("..")) return false;
  const abs = join(siteDir, target);
  if (!existsSync(abs)) return false;
  return statSync(abs).isDirectory() ? existsSync(join(abs, "index.html")) : true;
}

const ids = new Map();
function hasId(page, id) {
  if (!ids.has(page)) {
    const html = readFileSync(join(siteDir, page), "utf8");
    ids.set(page, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  }
  return ids.get(page).has(decodeURIComponent(id));
}

const links = internalLinks();
const dead = links.filter((l) => l.target !== null && !resolves(l.target));

test("the crawl sees every page of the site and their links", () => {
  const pages = new Set(links.map((l) => l.page));
  for (const p of ["index.html", "privacy.html", "professionals.html", "crisis.html", "404.html"]) assert.ok(pages.has(p), p);
  assert.ok(links.length > 50, `${links.length} links`);
});

test("every internal link, script, stylesheet and form action in every built page resolves", () => {
  assert.deepEqual(dead.map((l) => `${l.page}: ${l.attr}="${l.url}"`), []);
});

test("every #fragment link points at an id on its page", () => {
  const missing = links
    .filter((l) => l.fragment && (l.target === null || (l.target.endsWith(".html") && resolves(l.target))))
    .filter((l) => !hasId(l.target ?? l.page, l.fragment));
  assert.deepEqual(missing.map((l) => `${l.page}: ${l.url}`), []);
});
