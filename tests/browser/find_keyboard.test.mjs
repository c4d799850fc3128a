// A visitor on a phone-sized screen completes the questionnaire by keyboard alone (Tab, Space,
// Enter, arrows, typing: no mouse) and reaches results that explain themselves; every step passes
// axe-core, and nothing logs an error or breaks the Content-Security-Policy.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./support.mjs";
import { readData } from "../node/support.mjs";
import { VISITOR, assertCleanRecord, assertNoAxeViolations, completeQuestionnaire, heading, nextPage, openFind, shot, showMatches, tabTo } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const questionnaire = JSON.parse(readData("questionnaire.json")).questions;
const perinatalLabel = JSON.parse(readData("concerns.json")).concerns.find((c) => c.id === "perinatal").label;

test("a visitor completes the questionnaire by keyboard alone and sees explained results", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await openFind(page, site.baseUrl);
  await assertNoAxeViolations(page, "start page at 360 px");
  await shot(page, "find-start-360");

  const seen = await completeQuestionnaire(page, VISITOR, {
    by: "keyboard",
    onPage: async (p, { id, step }) => {
      await assertNoAxeViolations(p, `question ${id} at 360 px`);
      if (step < 3 || id === "location") await shot(p, `find-question-${id}-360`);
    },
  });

  // Follow-ups appeared because in-person was chosen; they share the number of the question
  // before them, so "of M" never changes (M: the questions everyone is asked).
  const ids = seen.map((s) => s.id);
  const expected = questionnaire.map((q) => q.id); // every question shows for this visitor
  assert.deepEqual(ids, expected);
  const unconditional = questionnaire.filter((q) => !q.shows_if).length;
  assert.equal(seen[0].progress, `Question 1 of ${unconditional}`);
  for (const s of seen) assert.match(s.progress, new RegExp(` of ${unconditional}$`), s.id);
  assert.equal(seen.at(-1).progress, `Question ${unconditional} of ${unconditional}`);

  // Check your answers shows what was given, with a Change button per answer.
  const summary = await page.textContent(".summary-list");
  for (const text of ["47 years", "Aberystwyth", "£63", perinatalLabel, "37 miles"]) assert.ok(summary.includes(text), `${text} in ${summary}`);
  assert.equal(await page.locator(".summary-list__actions button").count(), questionnaire.length);
  await assertNoAxeViolations(page, "check your answers at 360 px");
  await shot(page, "find-check-360");

  await showMatches(page, { by: "keyboard" });
  assert.equal(await heading(page), "Your matches", await page.textContent("#flow"));
  const cards = page.locator(".match-card");
  assert.ok((await cards.count()) > 0, "some therapists match");
  const first = cards.first();
  assert.ok((await first.locator(".match-card__reasons li").count()) > 0, "the first match says why it fits");
  assert.match(await first.textContent(), /What doesn't fit/);
  assert.match(await first.locator(".match-card__fit").textContent(), /^(Strong|Good|Partial) fit · /, "the fit in words, not a score");
  assert.match(await first.textContent(), /checked \d{1,2} [A-Z][a-z]+ \d{4}/, "registration with its last-checked date");
  assert.ok((await first.locator("a[href^='glossary/']").count()) > 0, "approaches link to their glossary pages");
  assert.match(await page.textContent("#fictional-notice"), /invented/i);
  assert.ok((await page.locator(".approach-names a[href^='glossary/']").count()) > 0, "approaches link to the glossary");
  await assertNoAxeViolations(page, "results at 360 px");
  await shot(page, "find-results-360");

  // Back (keyboard) returns to Check your answers with every answer kept.
  await tabTo(page, ".back-link", { backwards: true, max: 40 });
  const beforeBack = await heading(page);
  await page.keyboard.press("Enter");
  await nextPage(page, beforeBack);
  assert.equal(await heading(page), "Check your answers");
  assert.match(await page.textContent(".summary-list"), /Aberystwyth/);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("validation shows an error summary that links to the field and keeps what was typed", async () => {
  const { page, record, context } = await openPage(site, { width: 1280 });
  await openFind(page, site.baseUrl);
  await page.click("#start");
  await page.click("#continue");
  const summary = page.locator(".error-summary");
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("error-summary")), true, "focus moves to the summary");
  assert.match(await summary.textContent(), /Select who the therapy is for/);
  await summary.locator("a").click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "q-who");
  assert.equal(new URL(page.url()).hash, "", "the error link does not change the address");
  await assertNoAxeViolations(page, "question with an error");
  await shot(page, "find-error-1280");

  await page.check("#q-who");
  await page.click("#continue");
  await page.waitForSelector("form[data-question=age]");
  await page.fill("#q-age", "forty");
  await page.click("#continue");
  await page.waitForSelector(".error-summary");
  assert.match(await page.textContent(".error-summary"), /whole number/);
  assert.equal(await page.inputValue("#q-age"), "forty");
  assert.equal(await page.getAttribute("#q-age", "aria-invalid"), "true");
  await page.fill("#q-age", "200");
  await page.click("#continue");
  await page.waitForFunction(() => /120 years or less/.test(document.querySelector(".error-summary")?.textContent ?? ""));

  // Back keeps answers: go back to "who", the choice is still made.
  await page.click(".back-link");
  await page.waitForSelector("form[data-question=who]");
  assert.equal(await page.isChecked("#q-who"), true);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("find.html?approach=<slug> preselects that approach and leaves nothing in the address", async () => {
  const { page, record, context } = await openPage(site);
  await openFind(page, site.baseUrl, "?approach=emdr");
  assert.equal(new URL(page.url()).search, "");
  await completeQuestionnaire(page, { ...VISITOR, format: ["video"], approaches: undefined });
  assert.match(await page.textContent(".summary-list"), /EMDR|Eye movement/i);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("'Use my location' keeps the browser's coordinates in memory and measures distances from them", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await context.grantPermissions(["geolocation"], { origin: site.baseUrl.replace(/\/$/, "") });
  await context.setGeolocation({ latitude: 53.8008, longitude: -1.5491 }); // Leeds
  await openFind(page, site.baseUrl);
  await page.click("#start");
  const answer = async (id, fn) => {
    await page.waitForSelector(`form[data-question=${id}]`);
    await fn();
    await page.click("#continue");
  };
  await answer("who", () => page.check("#q-who"));
  await answer("age", () => page.fill("#q-age", "30"));
  await answer("concerns", () => page.check("#q-concerns"));
  await answer("safety", () => page.check("#q-safety"));
  await answer("format", () => page.check("#q-format"));
  await page.waitForSelector("form[data-question=location]");
  await page.click("text=Use my location");
  await page.locator(".place-located").waitFor({ state: "visible" });
  await page.click("#continue");
  await answer("max_distance_km", () => page.fill("#q-max_distance_km", "12"));
  for (let i = 0; i < 10 && !(await page.locator("#show-matches").count()); i++) {
    const id = await page.getAttribute("form.question", "data-question");
    await page.click("#continue");
    await page.waitForFunction((prev) => document.querySelector("form.question")?.dataset.question !== prev, id);
  }
  assert.match(await page.textContent(".summary-list"), /Your current location/);
  await page.click("#show-matches");
  await page.waitForSelector("#results-title");
  // Distances are measured from the browser's coordinates and shown in whole miles, within the
  // 12 miles asked for.
  const distances = await page.$$eval(".match-card__distance", (spans) => spans.map((s) => s.textContent));
  assert.ok(distances.length > 0, "in-person matches show a distance");
  for (const d of distances) {
    const m = d.match(/^(less than a mile|1 mile|(\d+) miles) away in \S/);
    assert.ok(m, d);
    assert.ok(!m[2] || Number(m[2]) <= 12, `${d} is within 12 miles`);
  }
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("for a child, an age band can stand in for an exact age and is matched", async () => {
  const band = questionnaire.find((q) => q.id === "age").bands.options.find((b) => b.min === 5);
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await openFind(page, site.baseUrl);
  await page.click("#start");
  await page.waitForSelector("form[data-question=who]");
  await page.check("#q-who-child");
  await page.click("#continue");
  await page.waitForSelector("form[data-question=age]");
  await page.check(`#q-age-band-${band.id}`);
  await assertNoAxeViolations(page, "age page with bands");
  await shot(page, "find-question-age-bands-360");
  await page.click("#continue");
  for (let i = 0; i < 20 && !(await page.locator("#show-matches").count()); i++) {
    const id = await page.getAttribute("form.question", "data-question");
    if (id === "concerns" || id === "format") await page.check(`form.question input[value=${id === "concerns" ? "anxiety" : "video"}]`);
    if (id === "safety") await page.check("#q-safety");
    await page.click("#continue");
    await page.waitForFunction((prev) => document.querySelector("form.question")?.dataset.question !== prev, id);
  }
  assert.ok((await page.textContent(".summary-list")).includes(band.label));
  await page.click("#show-matches");
  await page.waitForSelector("#results-title");
  assert.ok((await page.locator(".match-card").count()) > 0, "therapists who see children of that age");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
