// What the site publishes for partners (docs/embedding.md): the loader's size, the integrity
// hashes in the snippet and in the embed page (recomputed here from the built bytes), and the
// headers that let partners frame /embed/ and load the loader, and nothing else.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LOADER_BUDGET, loaderSize } from "../../scripts/embed-size.mjs";
import { securityHeaders, startServer } from "../../scripts/serve.mjs";
import { root } from "./support.mjs";

const site = join(root, "build", "site");
const LOADER = "embed/v1/tft-matcher.js";
const built = (path) => readFileSync(join(site, path));
const sha384 = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const frameAncestors = (csp) => /frame-ancestors ([^;]*)/.exec(csp)?.[1];

test("the site has been built", () => {
  assert.ok(existsSync(join(site, LOADER)), "run ./scripts/build first");
});

test("the loader is at most 3 KB gzipped (gzip -9; node scripts/embed-size.mjs prints the table)", () => {
  assert.equal(LOADER_BUDGET, 3072);
  const { gzip } = loaderSize(site);
  assert.ok(gzip <= LOADER_BUDGET, `the loader is ${gzip} bytes gzipped`);
});

// The first code block on the page, as the text a partner copies.
function snippetText(page) {
  const code = /<pre class="snippet"><code>([\s\S]*?)<\/code><\/pre>/.exec(page)?.[1] ?? "";
  const entities = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };
  return code.replace(/&(?:lt|gt|quot|#39|amp);/g, (e) => entities[e]);
}

test("the snippet on Put this on your site carries the built loader's integrity hash", () => {
  const page = built("partners.html").toString();
  const snippet = snippetText(page);
  const hash = sha384(built(LOADER));
  assert.ok(snippet.includes(`<script type="module" src="https://timefortherapy.co.uk/${LOADER}"`), snippet);
  assert.ok(snippet.includes(`integrity="${hash}"`), `the hash ${hash} in ${snippet}`);
  assert.match(snippet, /crossorigin="anonymous" referrerpolicy="no-referrer"><\/script>/);
  assert.match(snippet, /<tft-matcher partner="Your organisation">\s*<a href="https:\/\/timefortherapy\.co\.uk\/find\.html">/);
  // Shown as code: the page itself loads no loader.
  assert.doesNotMatch(page, /<script[^>]*tft-matcher/);
  assert.doesNotMatch(page, /<tft-matcher/);
});

test("the partner example pastes the same snippet", () => {
  const page = readFileSync(join(root, "build", "partner-example", "index.html"), "utf8");
  assert.ok(page.includes(`<script type="module" src="{{site}}${LOADER}"`));
  assert.ok(page.includes(`integrity="${sha384(built(LOADER))}"`));
  assert.match(page, /<tft-matcher partner="Oakfield Surgery" accent="teal">\s*<a href="\{\{site\}\}find\.html">/);
});

test("the embed page pins its own stylesheet and script with integrity hashes", () => {
  const page = built("embed/v1/matcher.html").toString();
  const tags = [...page.matchAll(/<(?:link rel="stylesheet" href|script type="module" src)="([^"]+)" integrity="([^"]+)"/g)];
  assert.deepEqual(tags.map((t) => t[1]), ["../../css/site.css", "../../js/embed-frame.js"]);
  for (const [, href, integrity] of tags) assert.equal(integrity, sha384(built(join("embed/v1", href))), href);
});

test("only /embed/ may be framed by other sites; every other page only by this one", () => {
  const embed = frameAncestors(securityHeaders("/embed/v1/matcher.html")["Content-Security-Policy"]);
  assert.equal(embed, "https: http://localhost:* http://127.0.0.1:*");
  for (const path of ["/find.html", "/", "/index.html", "/embedded.html", "/js/embed-frame.js", "/privacy.html", "/no/such.html"])
    assert.equal(frameAncestors(securityHeaders(path)["Content-Security-Policy"]), "'self'", path);
});

test("the loader alone may be read by other origins (CORS); nothing else of the site", () => {
  assert.equal(securityHeaders(`/${LOADER}`)["Access-Control-Allow-Origin"], "*");
  for (const path of ["/embed/v1/matcher.html", "/js/embed-frame.js", "/data/therapists.sample.json", "/embed/v1/tft-matcher.js.map", "/x/embed/v1/tft-matcher.js"])
    assert.equal(securityHeaders(path)["Access-Control-Allow-Origin"], undefined, path);
});

let server;
let base;
before(async () => {
  server = await startServer({ root: site, port: 0 });
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((ok) => server.close(ok)));

test("served: the loader with CORS, the embed page frameable, find.html not", async () => {
  const loader = await fetch(`${base}/${LOADER}`, { headers: { Origin: "http://localhost:9999" } });
  assert.equal(loader.status, 200);
  assert.equal(loader.headers.get("access-control-allow-origin"), "*");
  assert.match(loader.headers.get("content-type"), /^text\/javascript/);
  const embed = await fetch(`${base}/embed/v1/matcher.html?theme=dark`);
  assert.equal(embed.status, 200);
  assert.equal(frameAncestors(embed.headers.get("content-security-policy")), "https: http://localhost:* http://127.0.0.1:*");
  const find = await fetch(`${base}/find.html`);
  assert.equal(frameAncestors(find.headers.get("content-security-policy")), "'self'");
  assert.equal(find.headers.get("access-control-allow-origin"), null);
});
