// Results that can be refined without starting again: filters and sort re-run the match in the
// worker, relax suggestions are one-click buttons that give exactly the promised extra matches,
// an empty result says so plainly, and the left-out counts are in words that add up.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./support.mjs";
import { VISITOR, assertCleanRecord, assertNoAxeViolations, completeQuestionnaire, openFind, resultsSettled, shot, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

// How many fit, from the summary's own words: "12 therapists list … and fit …. 156 more fit but …",
// "168 therapists fit …" or "None of the 168 therapists who fit your other answers …".
const passing = async (page) => {
  const text = await page.textContent("#results-count");
  const num = (s) => (/^one$/i.test(s) ? 1 : Number(s.replace(/,/g, "")));
  const none = text.match(/^None of the (one|[\d,]+) therapists?/);
  if (none) return num(none[1]);
  const first = text.match(/^(One|[\d,]+) therapists? /);
  if (!first) return 0;
  const more = text.match(/ (One|[\d,]+) more therapists? fits? but/i);
  return num(first[1]) + (more ? num(more[1]) : 0);
};
const settled = resultsSettled;
// The lowest fee on each card, list by list (those who list a chosen concern come first).
const lowestFees = (page) =>
  page.$$eval(".match-list", (lists) =>
    lists.map((list) => [...list.querySelectorAll(".match-card__fees")].map((p) => Number(p.textContent.match(/£(\d+)/)[1]))),
  );

// In person only, within 6 miles (under 10 km) of Aberystwyth, at most £40: nobody in the sample fits.
const STRICT = { ...VISITOR, format: ["in-person"], max_distance_km: "6", budget: "40", languages: [] };

test("an empty result says so plainly and a relax button adds exactly the promised matches", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, STRICT);
  await showMatches(page);
  assert.equal(await page.locator(".match-card").count(), 0);
  assert.match(await page.textContent(".empty-state"), /No matches yet/);
  assert.match(await page.textContent("#results-count"), /No therapists/);
  await assertNoAxeViolations(page, "empty results at 360 px");
  await shot(page, "find-results-empty-360");

  // Left-out counts, in words, add up to the total.
  const excluded = await page.textContent(".excluded");
  const total = Number(excluded.match(/We left out ([\d,]+) therapists/)[1].replace(/,/g, ""));
  const items = await page.$$eval(".excluded li", (lis) => lis.map((li) => li.textContent));
  const sum = items.reduce((n, t) => n + Number(t.match(/: ([\d,]+)$/)[1].replace(/,/g, "")), 0);
  assert.equal(sum, total, `${items.join("; ")} add up to ${total}`);

  const button = page.locator(".suggestion__button").first();
  const gain = Number((await button.textContent()).match(/to see (\d+|one) more therap/)[1]);
  assert.ok(gain > 0);
  await button.click();
  await settled(page);
  assert.equal(await passing(page), gain, "the suggestion gave exactly the matches it promised");
  assert.ok((await page.locator(".match-card").count()) > 0);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("sort and filters re-run the match without starting again", async () => {
  const { page, record, context } = await openPage(site, { width: 1280 });
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, { ...VISITOR, budget: "" });
  await showMatches(page);
  const before = await passing(page);
  assert.ok(before > 5);

  await page.click(".refine summary");
  await page.selectOption("#refine-sort", "fee");
  await page.click(".refine button[type=submit]");
  await settled(page);
  for (const fees of await lowestFees(page)) assert.deepEqual(fees, [...fees].sort((a, b) => a - b), "lowest fee first");
  assert.equal(await passing(page), before, "sorting changes the order, not who fits");

  // A budget typed in the filters is a preference: it reorders but leaves out nobody.
  await page.fill("#refine-fee", "50");
  await page.click(".refine button[type=submit]");
  await settled(page);
  assert.equal(await passing(page), before, "a budget alone is not a must-have");
  assert.equal(await page.locator(".chip").count(), 0, "no must-have chip appeared");
  // Ticking the box makes it one, shown as a chip.
  await page.check("#refine-budget-must");
  await page.click(".refine button[type=submit]");
  await settled(page);
  const after50 = await passing(page);
  assert.ok(after50 < before && after50 > 0, `a £50 must-have leaves fewer (${after50} of ${before})`);
  for (const fee of (await lowestFees(page)).flat()) assert.ok(fee <= 50, `fee ${fee} within £50`);
  assert.match(await page.textContent(".chip"), /Budget: up to £50/);

  await page.uncheck("#refine-format-video");
  await page.click(".refine button[type=submit]");
  await settled(page);
  assert.ok((await passing(page)) <= after50);

  // No way of meeting at all is an error shown with the GOV.UK summary, not a silent reset.
  await page.uncheck("#refine-format-in-person");
  await page.click(".refine button[type=submit]");
  await page.locator(".refine .error-summary").waitFor();
  assert.match(await page.textContent(".refine .error-summary"), /Select at least one way of meeting/);
  await assertNoAxeViolations(page, "results with a filter error");
  await shot(page, "find-results-refine-1280");

  // What the visitor submitted survives an error, so they correct it instead of starting again.
  assert.equal(await page.isChecked("#refine-format-in-person"), false);
  await page.check("#refine-format-in-person");
  await page.fill("#refine-fee", "about forty");
  await page.click(".refine button[type=submit]");
  await page.locator("#refine-fee-error").waitFor();
  assert.equal(await page.inputValue("#refine-fee"), "about forty");
  assert.equal(await page.isChecked("#refine-format-in-person"), true);
  assert.equal(await page.inputValue("#refine-sort"), "fee");

  // The answers page reflects the refined answers: Back keeps one set of answers.
  await page.click(".back-link");
  await page.waitForSelector(".summary-list");
  assert.match(await page.textContent(".summary-list"), /£50/);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
