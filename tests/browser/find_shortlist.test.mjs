// The shortlist lives in memory until the visitor opts in; then only therapist ids are stored,
// and "Clear everything" removes everything the site stored and nothing it did not (a cookie or
// key another script on the origin set). Also: compare two or three side by side on a 360 px
// screen, print and download.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openPage } from "./support.mjs";
import { VISITOR, assertCleanRecord, assertNoAxeViolations, completeQuestionnaire, openFind, shot, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

/** Everything this origin has stored on the device, by kind. */
export async function deviceStorage(page) {
  return page.evaluate(async () => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    cookies: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: globalThis.caches ? await caches.keys() : [],
  }));
}
const EMPTY = { local: [], session: [], cookies: "", indexedDB: [], caches: [] };

async function toResults(page) {
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, VISITOR);
  await showMatches(page);
  await page.locator(".match-card").first().waitFor();
}

test("the shortlist is stored only after opting in, holds only ids, and Clear everything removes it all", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await toResults(page);
  const saves = page.locator(".save-button");
  assert.ok((await saves.count()) >= 3, "at least three matches to save");
  const ids = [];
  for (let i = 0; i < 3; i++) {
    await saves.nth(i).click();
    assert.equal(await saves.nth(i).getAttribute("aria-pressed"), "true");
    ids.push(await saves.nth(i).getAttribute("data-id"));
  }
  assert.match(await page.textContent("#shortlist-title"), /\(3\)/);
  assert.deepEqual(await deviceStorage(page), EMPTY, "saving alone stores nothing");

  await page.check("#remember-shortlist");
  const stored = await deviceStorage(page);
  assert.deepEqual(stored.local.map(([k]) => k), ["tft:shortlist"]);
  assert.deepEqual(JSON.parse(stored.local[0][1]), ids, "only the therapist ids are stored");
  assert.deepEqual({ ...stored, local: [] }, EMPTY);

  // Compare two side by side; the table fits a 360 px screen without sideways scrolling.
  await page.check(`#compare-${ids[0]}`);
  await page.check(`#compare-${ids[1]}`);
  await page.click("#compare-button");
  const table = page.locator("#compare-table");
  await table.waitFor();
  assert.equal(await table.locator("thead th").count(), 2);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling at 360 px");
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "build/screenshots/find-compare-360.png" });
  await assertNoAxeViolations(page, "results with the comparison open at 360 px");
  // Three side by side on a desktop.
  await page.check(`#compare-${ids[2]}`);
  await page.click("#compare-button");
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await table.locator("thead th").count(), 3);
  await table.screenshot({ path: "build/screenshots/find-compare-1280.png" });

  // Download: a plain-text file with the therapists, nothing from the answers.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-shortlist")]);
  const text = readFileSync(await download.path(), "utf8");
  for (const id of ids) {
    const name = await page.textContent(`#match-${id}-name`);
    assert.ok(text.includes(name.replace(/ \(.*\)$/, "")), `download names ${name}`);
  }
  for (const secret of ["Aberystwyth", "perinatal", "Pregnancy"]) assert.ok(!text.includes(secret), `download leaks ${secret}`);
  assert.doesNotMatch(text, /\b(47|63|37)\b/);

  // Print shows the shortlist and hides the rest of the page.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("#match-list").isVisible(), false);
  assert.equal(await page.locator("#shortlist").isVisible(), true);
  await page.emulateMedia({ media: "screen" });

  // A later visit on this device finds the remembered shortlist.
  await openFind(page, site.baseUrl);
  assert.match(await page.textContent("#flow"), /You have 3 saved therapists/);
  await page.click("text=View your shortlist");
  assert.equal(await page.locator(".shortlist__item").count(), 3);
  assert.equal(await page.isChecked("#remember-shortlist"), true);
  await assertNoAxeViolations(page, "the remembered shortlist");

  await page.click("#clear-everything");
  await page.locator("#cleared-message").waitFor();
  assert.deepEqual(await deviceStorage(page), EMPTY, "Clear everything leaves nothing stored");
  await openFind(page, site.baseUrl);
  assert.doesNotMatch(await page.textContent("#flow"), /saved therapist/);
  assert.deepEqual(await deviceStorage(page), EMPTY);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("without the opt-in the shortlist is gone after a reload and nothing was stored", async () => {
  const { page, record, context } = await openPage(site, { width: 1280 });
  await toResults(page);
  await page.locator(".save-button").first().click();
  await page.check("#remember-shortlist");
  await page.uncheck("#remember-shortlist");
  assert.deepEqual(await deviceStorage(page), EMPTY, "unticking removes the stored shortlist");
  await openFind(page, site.baseUrl);
  assert.doesNotMatch(await page.textContent("#flow"), /saved therapist/);
  assert.deepEqual(await deviceStorage(page), EMPTY);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("Clear everything on the find page removes the site's keys and leaves what the site did not write", async () => {
  const { page, record, context } = await openPage(site);
  // A cookie and a key some other script on this origin set, and a remembered shortlist.
  await context.addCookies([{ name: "partner_pref", value: "keep", url: site.baseUrl }]);
  await context.addInitScript(() => {
    if (sessionStorage.getItem("seeded")) return;
    localStorage.setItem("tft:shortlist", JSON.stringify(["t-000001", "t-000002"]));
    localStorage.setItem("not-ours", "keep me");
    sessionStorage.setItem("seeded", "1");
  });
  await openFind(page, site.baseUrl);
  await page.click("text=View your shortlist");
  assert.equal(await page.locator(".shortlist__item").count(), 2);
  await page.click("#clear-everything");
  await page.locator("#cleared-message").waitFor();
  const after = await deviceStorage(page);
  assert.deepEqual(after.local, [["not-ours", "keep me"]], "only the site's tft: key went");
  assert.deepEqual(after.session, [["seeded", "1"]], "a key the site did not write stays");
  assert.equal(after.cookies, "partner_pref=keep", "a cookie the site did not set stays");
  assert.doesNotMatch(await page.textContent("#flow"), /saved therapist/);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
