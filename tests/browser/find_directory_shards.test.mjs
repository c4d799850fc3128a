// The find page downloads only the parts of the published directory a visitor's answers need
// (docs/directory-format.md, "Loading only what a visitor needs"): the manifest at start, the
// national remote shards and the region shards within reach when they ask for matches, then the
// profile files of the cards shown. Checked on the bundled sample and on a generated national
// directory of 100,000 therapists, where the page must show its progress, stay usable and still
// count everyone it left out (checked against the native CLI, which reads every shard).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { launch, openPage, siteDir } from "./support.mjs";
import { packNationalSite } from "./national-site.mjs";
import { root, runCli } from "../node/support.mjs";
import { VISITOR, assertCleanRecord, completeQuestionnaire, openFind, showMatches } from "./find-flow.mjs";

const NATIONAL = 100000;
const nationalDir = join(root, "build", "test-national");

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const directoryFiles = (record, baseUrl) =>
  record.requests.map((r) => r.url).filter((u) => u.startsWith(`${baseUrl}directory/`)).map((u) => u.slice(`${baseUrl}directory/`.length));

// Great-circle distance (km) from a point to the nearest point of a box, by sampling the box's
// edges finely: an oracle independent of the core's exact geometry, good to about 1 km.
function kmToBox(lat, lon, b) {
  const rad = Math.PI / 180;
  const hav = (la1, lo1, la2, lo2) => {
    const h = Math.sin(((la2 - la1) * rad) / 2) ** 2 + Math.cos(la1 * rad) * Math.cos(la2 * rad) * Math.sin(((lo2 - lo1) * rad) / 2) ** 2;
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  };
  if (lat >= b.south && lat <= b.north && lon >= b.west && lon <= b.east) return 0;
  let best = Infinity;
  for (let i = 0; i <= 400; i++) {
    const f = i / 400;
    const la = b.south + (b.north - b.south) * f, lo = b.west + (b.east - b.west) * f;
    best = Math.min(best, hav(lat, lon, la, b.west), hav(lat, lon, la, b.east), hav(lat, lon, b.south, lo), hav(lat, lon, b.north, lo));
  }
  return best;
}

test("the sample site: the manifest at start, then only a video visitor's shards and the profile files shown", async () => {
  const { context, page, record } = await openPage(site);
  await openFind(page, site.baseUrl);
  assert.deepEqual(directoryFiles(record, site.baseUrl), ["directory.json"]);
  assert.ok(!record.requests.some((r) => r.url.includes("therapists.sample.json")), "the JSON directory is not fetched");

  const manifest = JSON.parse(readFileSync(join(siteDir, "directory", "directory.json"), "utf8"));
  const video = { ...VISITOR, format: ["video"], location: undefined, max_distance_km: undefined };
  await completeQuestionnaire(page, video);
  await showMatches(page);
  const fetched = directoryFiles(record, site.baseUrl);
  const remote = manifest.shards.filter((s) => s.kind === "remote");
  const region = manifest.shards.filter((s) => s.kind === "region");
  assert.ok(region.length >= 1, "the sample has therapists who meet only in person");
  for (const s of remote) assert.ok(fetched.includes(s.matching.file), `${s.matching.file} fetched`);
  for (const s of region) assert.ok(!fetched.includes(s.matching.file), `${s.matching.file} not fetched by a video-only visitor`);
  // Cards show their names: the profile files were fetched (each file once).
  const names = await page.locator(".match-card__name").allTextContents();
  assert.ok(names.length > 0 && names.every((n) => n.trim().length > 0), names.join("|"));
  const profiles = fetched.filter((f) => f.includes(".profiles-"));
  assert.ok(profiles.length >= 1);
  assert.equal(new Set(fetched).size, fetched.length, "no file fetched twice");
  // Those left out include the region shards' therapists, counted without being downloaded.
  const regionCount = region.reduce((n, s) => n + s.therapists, 0);
  const note = await page.textContent("#excluded-not-loaded");
  assert.match(note, new RegExp(`^${regionCount} therapists of them meet only in person and you did not choose in-person sessions`));
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

// A national directory, generated from the current sample and packed by the current CLI into a
// copy of the current site (build/test-national, national-site.mjs). Rebuilt every run, since all
// three change; the generated JSON (about 90 MB) is removed once packed.
const nationalSite = () => packNationalSite(NATIONAL, nationalDir);

test("a national directory of 100,000: progress shown, only the shards within reach, and everyone counted", async () => {
  const national = nationalSite();
  const server = await startServer({ root: national.root, port: 0 });
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const record = { requests: [], consoleErrors: [], cspViolations: [], pageErrors: [], failedResponses: [] };
  page.on("request", (r) => record.requests.push({ url: r.url() }));
  page.on("response", (r) => r.status() >= 400 && record.failedResponses.push(`${r.status()} ${r.url()}`));
  page.on("pageerror", (e) => record.pageErrors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && record.consoleErrors.push(m.text()));
  // Every progress text the page shows, and the main thread's long tasks (reported, not asserted:
  // timings belong to ./scripts/bench).
  await page.addInitScript(() => {
    window.__progress = [];
    window.__longTasks = [];
    new MutationObserver(() => {
      const p = document.querySelector("#directory-progress-text");
      if (p && window.__progress.at(-1) !== p.textContent) window.__progress.push(p.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask", buffered: true });
    // The answers the page hands the worker, so the CLI can match exactly the same ones.
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.method === "match") window.__answers = message.args[0];
      return post.call(this, message, ...rest);
    };
  });
  try {
    await openFind(page, baseUrl);
    assert.deepEqual(directoryFiles(record, baseUrl), ["directory.json"]);
    await completeQuestionnaire(page, VISITOR);
    await page.click("#show-matches");
    // While the directory downloads, the page says how far it has got; then the results come.
    await page.waitForSelector("#results-title", { timeout: 120000 });
    const progress = await page.evaluate(() => window.__progress);
    assert.ok(progress.some((t) => /^Downloading the therapists within reach of you: .+ of .+ MB$/.test(t)), progress.join(" | "));

    const fetched = directoryFiles(record, baseUrl);
    assert.equal(new Set(fetched).size, fetched.length, "no file fetched twice");
    const aber = { lat: 52.4153, lon: -4.0829 };
    const reach = Math.max(37, 100);  // the widest "travel up to" suggestion is 100 km
    let regionsFetched = 0, regionsLeft = 0;
    for (const s of national.manifest.shards) {
      const got = fetched.includes(s.matching.file);
      if (s.kind === "remote") {
        assert.ok(got, `remote ${s.matching.file} fetched`);
        continue;
      }
      const km = kmToBox(aber.lat, aber.lon, s.bounds);
      if (got) regionsFetched++, assert.ok(km <= reach + 2, `${s.matching.file} is ${km.toFixed(1)} km away but was fetched`);
      else regionsLeft++, assert.ok(km >= reach - 2, `${s.matching.file} is ${km.toFixed(1)} km away but was not fetched`);
    }
    assert.ok(regionsLeft > regionsFetched, `${regionsFetched} region shards fetched, ${regionsLeft} left`);
    const profileFiles = fetched.filter((f) => f.includes(".profiles-"));
    const allProfiles = national.manifest.shards.reduce((n, s) => n + s.profiles.length, 0);
    assert.ok(profileFiles.length >= 1 && profileFiles.length <= 20, `${profileFiles.length} profile files for 20 cards`);
    assert.ok(profileFiles.length < allProfiles / 10);

    // Twenty cards with names; the left-out count covers the whole directory (as the CLI counts it).
    const names = await page.locator(".match-card__name").allTextContents();
    assert.equal(names.length, 20);
    assert.ok(names.every((n) => n.trim().length > 0));
    const leftOut = Number((await page.textContent("#excluded-title")).replace(/\D/g, "") || (await page.textContent(".excluded p")).match(/([\d,]+) therapist/)[1].replace(/,/g, ""));
    const cli = runCli(["match", "--answers", "-", "--limit", "1", "--directory", join(national.root, "directory", "directory.json")], JSON.stringify(await page.evaluate(() => window.__answers)));
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(cli.stderr, "", "the CLI read every shard without a problem");
    assert.equal(leftOut, JSON.parse(cli.stdout).excluded.total);
    assert.match(await page.textContent("#excluded-not-loaded"), /meet only in person and too far from you, so your device did not download their details/);

    // Still usable: "Show more" adds cards without downloading the shards again.
    const before = fetched.filter((f) => f.endsWith(".match.bin")).length;
    const more = page.locator("#show-more");
    if (await more.count()) {
      await more.first().focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelectorAll(".match-card__name").length > 20, null, { timeout: 60000 });
      assert.equal(directoryFiles(record, baseUrl).filter((f) => f.endsWith(".match.bin")).length, before);
    }
    const longest = Math.max(0, ...(await page.evaluate(() => window.__longTasks)));
    const bytes = national.manifest.shards.reduce((n, s) => n + (fetched.includes(s.matching.file) ? s.matching.bytes : 0) + s.profiles.reduce((m, p) => m + (fetched.includes(p.file) ? p.bytes : 0), 0), 0);
    console.log(`# national: ${fetched.length} files, ${(bytes / 1e6).toFixed(1)} MB fetched; longest main-thread task ${longest.toFixed(0)} ms`);
    assert.deepEqual(record.failedResponses, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
  }
});
