// Offline and installable (issue 13): after one visit the questionnaire and the results work with
// the network really off (the test's server is shut down and the browser context set offline);
// the caches hold only published files, byte for byte; a new build is picked up on the visit after
// it is published and the old cache goes; "Clear everything" removes the caches; the site is
// installable (Chromium reports no installability errors for the manifest and icons). All under
// the real server's CSP, with no request to another origin.
//
// Each test serves its own copy of build/site, so the update test can publish a change.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, LOADING_MS, siteDir } from "./support.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { offlineBuild, writeOfflineManifest } from "../../scripts/offline-manifest.mjs";
import { VISITOR, completeQuestionnaire, showMatches } from "./find-flow.mjs";

let site; // only its browser is used
const copies = [];
const running = new Set(); // servers still up, stopped after the tests even when one fails
before(async () => (site = await launch()));
after(async () => {
  for (const stop of running) await stop();
  await site?.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

// A private copy of the built site, served on its own port.
async function serveCopy(port = 0) {
  const dir = mkdtempSync(join(tmpdir(), "tft-offline-"));
  copies.push(dir);
  cpSync(siteDir, dir, { recursive: true });
  return { dir, ...(await serveDir(dir, port)) };
}
async function serveDir(dir, port = 0) {
  const server = await startServer({ root: dir, port });
  const stop = () =>
    new Promise((ok) => {
      running.delete(stop);
      server.closeAllConnections?.();
      server.close(() => ok());
    });
  running.add(stop);
  return { server, port: server.address().port, baseUrl: `http://127.0.0.1:${server.address().port}/`, stop };
}

async function newContext(width = 360) {
  const context = await site.browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: "allow" });
  const page = await context.newPage();
  const record = { requests: [], pageErrors: [], cspViolations: [] };
  context.on("request", (r) => record.requests.push(r.url()));
  page.on("pageerror", (e) => record.pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) record.cspViolations.push(m.text());
  });
  return { context, page, record };
}

// Waits until the service worker controls the page and has finished installing (its cache full).
async function untilOffline(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LOADING_MS });
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

function assertSameOrigin(record, baseUrl) {
  for (const url of record.requests) assert.ok(url.startsWith(baseUrl) || url.startsWith("blob:") || url.startsWith("data:"), `request to another origin: ${url}`);
  assert.deepEqual(record.cspViolations, [], "CSP violations");
  assert.deepEqual(record.pageErrors, [], "page errors");
}

test("after one visit, with the network off, the questionnaire and the results work; the caches hold only published files", async () => {
  const served = await serveCopy();
  const build = offlineBuild(served.dir);
  const { context, page, record } = await newContext();
  await page.goto(`${served.baseUrl}find.html`);
  await page.waitForSelector("body[data-ready]", { timeout: LOADING_MS });
  await untilOffline(page);
  assert.deepEqual(await cacheNames(page), [`tft-site-${build.version}`], "one cache, named for this build");

  // The network off for real: the server is gone, and the browser is told it is offline.
  await served.stop();
  await context.setOffline(true);
  await page.goto(`${served.baseUrl}find.html`);
  await page.waitForSelector("body[data-ready]", { timeout: LOADING_MS });
  await completeQuestionnaire(page, { ...VISITOR, concerns: ["anxiety"], languages: [] });
  await showMatches(page);
  assert.ok((await page.locator(".match-card").count()) > 0, "matches shown offline");
  assert.match(await page.textContent("#results-count"), /therapists? /);
  // Other pages too: the glossary and an entry, reached by link as a visitor would.
  await page.goto(`${served.baseUrl}glossary/index.html`);
  assert.ok((await page.locator(".az-list > li").count()) > 40);

  // What is cached: published files only, exactly as published. The visitor's answers (age 47,
  // anxiety) were given after the cache was filled; nothing was added since but published files.
  const cached = await page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).arrayBuffer();
        const digest = await crypto.subtle.digest("SHA-256", body);
        out.push({ name, url: request.url, method: request.method, sha: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("") });
      }
    }
    return out;
  });
  const published = new Set(build.files);
  assert.ok(cached.length >= build.precache.length, `${cached.length} cached, ${build.precache.length} precached`);
  for (const entry of cached) {
    const url = new URL(entry.url);
    assert.equal(url.origin, new URL(served.baseUrl).origin, entry.url);
    assert.equal(url.search, "", `no query in a cached URL: ${entry.url}`);
    assert.equal(entry.method, "GET");
    const path = decodeURIComponent(url.pathname.slice(1));
    assert.ok(published.has(path), `${path} is a published file`);
    const onDisk = createHash("sha256").update(readFileSync(join(served.dir, path))).digest("hex");
    assert.equal(entry.sha, onDisk, `${path} cached exactly as published`);
  }
  for (const must of ["find.html", "js/find-page.js", "js/matcher-worker.js", "wasm/tft-find.wasm", "wasm/tft-glossary.wasm", "wasm/tft-core.wasm", "data/questionnaire.json", "data/therapists.sample.json", "css/site.css"])
    assert.ok(cached.some((e) => e.url.endsWith(`/${must}`)), `${must} cached`);
  assertSameOrigin(record, served.baseUrl);
  await context.close();
});

test("a new version is picked up on the next visit, and the old cache is removed", { timeout: 120000 }, async () => {
  const served = await serveCopy();
  const first = offlineBuild(served.dir).version;
  const { context, page, record } = await newContext(1280);
  await page.goto(`${served.baseUrl}index.html`);
  await untilOffline(page);
  assert.deepEqual(await cacheNames(page), [`tft-site-${first}`]);

  // Publish a change: a new sentence on the home page, and the worker's list rebuilt.
  const home = join(served.dir, "index.html");
  writeFileSync(home, readFileSync(home, "utf8").replace("<h1>", '<p id="new-version">Published later.</p>\n    <h1>'));
  const second = writeOfflineManifest(served.dir).version;
  assert.notEqual(second, first);

  // The visit that finds the new worker is still served the copy it has (cache first)…
  await page.goto(`${served.baseUrl}index.html`);
  assert.equal(await page.locator("#new-version").count(), 0);
  // …the browser's own update check on that visit finds the new worker, which installs and takes
  // over (waited for through the registration's events), removing the old cache…
  await page.evaluate(async (want) => {
    const registration = await navigator.serviceWorker.getRegistration();
    const updated = async () => JSON.stringify(await caches.keys()) === JSON.stringify([want]);
    let worker = registration.installing || registration.waiting;
    if (!worker && (await updated())) return; // it has already taken over
    if (!worker) worker = await new Promise((found) => registration.addEventListener("updatefound", () => found(registration.installing), { once: true }));
    await new Promise((activated) => {
      const check = () => worker.state === "activated" && activated();
      worker.addEventListener("statechange", check);
      check();
    });
  }, `tft-site-${second}`);
  assert.deepEqual(await cacheNames(page), [`tft-site-${second}`], "only the new version's cache is left");
  // …and the next visit shows the new version, even offline.
  await served.stop();
  await context.setOffline(true);
  await page.goto(`${served.baseUrl}index.html`);
  assert.equal(await page.textContent("#new-version"), "Published later.");
  assertSameOrigin(record, served.baseUrl);
  await context.close();
});

test("Clear everything on the privacy page removes the offline copy and its worker", async () => {
  const served = await serveCopy();
  const { context, page, record } = await newContext();
  await page.goto(`${served.baseUrl}privacy.html`);
  await untilOffline(page);
  assert.equal((await cacheNames(page)).length, 1);
  await page.click("#clear-storage-button");
  await page.locator("#clear-storage-status", { hasText: "offline use has been removed" }).waitFor();
  assert.deepEqual(await cacheNames(page), []);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  await served.stop();
  assertSameOrigin(record, served.baseUrl);
  await context.close();
});

test("installable: every page links the manifest; its icons are real PNGs of the sizes it says; Chromium finds no installability error", async () => {
  const served = await serveCopy();
  const { context, page, record } = await newContext(1280);
  for (const path of ["index.html", "find.html", "glossary/index.html", "glossary/cbt.html", "privacy.html", "professionals.html", "crisis.html"]) {
    await page.goto(`${served.baseUrl}${path}`);
    assert.equal(await page.locator('head link[rel="manifest"]').count(), 1, path);
  }
  await page.goto(`${served.baseUrl}index.html`);
  await untilOffline(page);
  const manifest = JSON.parse(readFileSync(join(served.dir, "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.display, "standalone");
  for (const icon of manifest.icons.filter((i) => i.type === "image/png")) {
    const bytes = readFileSync(join(served.dir, icon.src));
    assert.equal(bytes.subarray(1, 4).toString("ascii"), "PNG", icon.src);
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes, icon.src);
  }
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // A test browser context is always incognito-like, which Chromium reports as "in-incognito":
  // that is about the test's browser, not the site. Anything else is the site's.
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== "in-incognito"), [], "Chromium's installability check");
  const { url, errors } = await cdp.send("Page.getAppManifest");
  assert.ok(url.endsWith("/manifest.webmanifest"));
  assert.deepEqual(errors, []);
  await served.stop();
  assertSameOrigin(record, served.baseUrl);
  await context.close();
});
