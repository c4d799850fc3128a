// Issue 13's results page, measured as a visitor meets it on a 360 px phone: short (20 matches in
// at most 9,000 px, each card at most 350 px), honest (a summary sentence first, those who list
// the visitor's concern first, fit in words, distances in whole miles), and leading somewhere
// (every card, the shortlist, the comparison and the printout say how to get in touch; a first
// message is drafted on the device and never sent). Filters never surprise: a changed value is
// never made a must-have, must-haves are chips that can be removed, and loosening a filter never
// lowers the count.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./support.mjs";
import { VISITOR, assertCleanRecord, assertNoAxeViolations, completeQuestionnaire, openFind, resultsSettled, shot, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

// Leeds, OCD, in person within 9 miles (14.5 km) or by video, £60 as a preference: plenty of matches.
const LEEDS = {
  ...VISITOR,
  age: "34",
  concerns: ["ocd"],
  location: { type: "Leed", pick: "Leeds" },
  max_distance_km: "9", // miles
  budget: "60",
  languages: [],
};

const settled = resultsSettled;
const countOf = async (page) => {
  const text = await page.textContent("#results-count");
  const num = (s) => (/^(one)$/i.test(s) ? 1 : Number(s.replace(/,/g, "")));
  const none = text.match(/^None of the (one|[\d,]+) therapists?/);
  if (none) return num(none[1]);
  const first = text.match(/^(One|[\d,]+) therapists? /);
  const more = text.match(/ (One|[\d,]+) more therapists? fits? but/i);
  return first ? num(first[1]) + (more ? num(more[1]) : 0) : 0;
};

async function resultsFor(page, answers) {
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, answers);
  await showMatches(page);
  await settled(page);
}

test("20 matches at 360 px: a summary first, short cards with contact, fit in words, miles", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await page.clock.setFixedTime(new Date("2026-11-30T10:00:00"));
  await resultsFor(page, LEEDS);
  const cards = page.locator(".match-list__item");
  assert.equal(await cards.count(), 20, "the first page shows 20 matches");

  // The summary sentence comes straight after the heading and counts the OCD listers apart.
  const afterH1 = await page.evaluate(() => document.querySelector("#results-title").nextElementSibling.id);
  assert.equal(afterH1, "results-count");
  const summary = await page.textContent("#results-count");
  assert.match(summary, /^(One|\d+) therapists? lists? obsessive thoughts or OCD and fits? what you told us/);
  assert.match(summary, /within 9 miles|none (is|are) within 9 miles/, "the 9 miles asked for, as the core reports its kilometres back");
  assert.match(summary, /more therapists? fits? but do(es)? not list it\./);

  // Heights, measured: the brief's limits for a phone.
  const heights = await page.$$eval(".match-list__item", (items) => items.map((li) => Math.round(li.getBoundingClientRect().height)));
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`# results at 360 px: page ${pageHeight} px; cards ${Math.min(...heights)}-${Math.max(...heights)} px, mean ${Math.round(heights.reduce((a, b) => a + b, 0) / heights.length)} px`);
  for (const [i, h] of heights.entries()) assert.ok(h <= 350, `card ${i + 1} is ${h} px tall (limit 350)`);
  assert.ok(pageHeight <= 9000, `the page is ${pageHeight} px tall (limit 9,000)`);

  // Every card says how to get in touch, with links a phone can use.
  const contacts = await page.$$eval(".match-card", (all) =>
    all.map((card) => [...card.querySelectorAll(".match-card__contact a")].map((a) => a.getAttribute("href"))),
  );
  for (const [i, hrefs] of contacts.entries()) {
    assert.ok(hrefs.length >= 1, `card ${i + 1} has a contact link`);
    for (const h of hrefs) assert.match(h, /^(mailto:[^@\s]+@example\.org|tel:(01134960|07700900)\d{3}|https:\/\/[a-z0-9-]+\.example\.org)$/);
  }

  // Fit in words, no two-digit score; distances in whole miles; no kilometres anywhere.
  const text = await page.locator("#flow").innerText();
  assert.doesNotMatch(text, /out of 100/);
  assert.doesNotMatch(text, /\d\s?km\b|kilomet/i);
  assert.doesNotMatch(text, /\d\.\d+ miles?/);
  const bands = await page.$$eval(".match-card__fit .fit", (all) => all.map((b) => b.textContent));
  assert.equal(bands.length, 20);
  for (const b of bands) assert.match(b, /^(Strong|Good|Partial) fit$/);
  // The first group lists the concern; its cards come before the rest.
  const groups = await page.$$eval(".match-list", (lists) => lists.map((l) => l.id));
  assert.equal(groups[0], "match-list");
  // No card contradicts itself about the budget.
  for (const t of await page.$$eval(".match-card", (all) => all.map((c) => c.textContent)))
    assert.ok(!(/close to your budget/.test(t) && /over your/.test(t)), t);

  // "More about …" holds the rest, and the breakdown is in words.
  const first = page.locator(".match-card").first();
  await first.locator(".match-card__more summary").click();
  assert.match(await first.locator(".fit-breakdown").textContent(), /What you would like help with(Fully|Partly|Not) met/);
  await first.locator(".match-card__more summary").click();

  await shot(page, "find-results-scan-360");
  await assertNoAxeViolations(page, "results at 360 px");
  await page.setViewportSize({ width: 1280, height: 900 });
  await assertNoAxeViolations(page, "results at 1280 px");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("the page judges freshness by the visitor's own date: long after the sample was confirmed, every card says so first", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await page.clock.setFixedTime(new Date("2028-01-15T10:00:00"));
  await resultsFor(page, LEEDS);
  const cards = await page.$$eval(".match-card", (all) =>
    all.map((c) => ({ stale: c.classList.contains("match-card--stale"), caveat: c.querySelector(".match-card__caveat")?.textContent ?? "" })),
  );
  assert.equal(cards.length, 20);
  for (const c of cards) {
    assert.ok(c.stale, "marked as not recently confirmed");
    assert.match(c.caveat, /^What doesn't fit: Last confirmed these details on \d{1,2} \w+ 20\d\d, more than 6 months ago/);
  }
  // On the sample's own day most entries are current.
  await page.clock.setFixedTime(new Date("2026-11-20T10:00:00"));
  await page.click(".refine summary");
  await page.click("#refine-submit");
  await settled(page);
  const stale = await page.locator(".match-card--stale").count();
  assert.ok(stale < 20, `${stale} of 20 cards stale on 20 November 2026`);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("filters: loosening never lowers the count, a changed value is never a must-have, chips remove must-haves", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await resultsFor(page, LEEDS);
  let count = await countOf(page);
  assert.ok(count > 20, `enough to see a change (${count})`);
  assert.equal(await page.locator(".chip").count(), 0);

  await page.click(".refine summary");
  // The count follows the filters as they change, before anything is applied.
  await page.fill("#refine-fee", "90");
  await page.locator("#refine-submit", { hasText: /^Show [\d,]+ therapists?$/ }).waitFor();
  const previewed = Number((await page.textContent("#refine-submit")).match(/[\d,]+/)[0].replace(/,/g, ""));
  assert.ok(previewed >= count, `raising the budget previews ${previewed}, not fewer than ${count}`);
  await page.click("#refine-submit");
  await settled(page);
  const afterBudget = await countOf(page);
  assert.equal(afterBudget, previewed, "the preview was the real count");
  assert.ok(afterBudget >= count, `raising the budget never lowers the count (${count} -> ${afterBudget})`);
  assert.equal(await page.locator(".chip").count(), 0, "a typed budget did not become a must-have");
  count = afterBudget;

  // Travel further: 30 miles is looser than 9.
  await page.selectOption("#refine-distance", { label: "Up to 30 miles" });
  await page.click("#refine-submit");
  await settled(page);
  const afterDistance = await countOf(page);
  assert.ok(afterDistance >= count, `a longer distance never lowers the count (${count} -> ${afterDistance})`);
  count = afterDistance;

  // The visitor makes the budget a must-have themselves: a chip says so, and its × undoes it.
  await page.fill("#refine-fee", "45");
  await page.check("#refine-budget-must");
  await page.click("#refine-submit");
  await settled(page);
  const strict = await countOf(page);
  assert.ok(strict < count, `a £45 must-have leaves fewer (${strict} of ${count})`);
  const chip = page.locator(".chip", { hasText: "Budget: up to £45" });
  assert.equal(await chip.getAttribute("aria-label"), "Remove must-have Budget: up to £45");
  await chip.click();
  await settled(page);
  assert.equal(await page.locator(".chip").count(), 0);
  assert.equal(await countOf(page), count, "removing the chip brings back everyone the budget left out");
  assert.equal(await page.inputValue("#refine-fee"), "45", "the value stays as a preference");
  await assertNoAxeViolations(page, "results with filters open at 360 px");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("a first message is drafted from what the visitor ticks, copied on the device and never sent", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.baseUrl });
  await resultsFor(page, LEEDS);
  const card = page.locator(".match-card").first();
  const name = await card.locator(".match-card__name").evaluate((h) => h.firstChild.textContent);
  const toggle = card.locator(".first-message__toggle");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const panel = card.locator(".first-message");
  const box = panel.locator("textarea");
  let draft = await box.inputValue();
  assert.match(draft, new RegExp(`^Hello ${name.split(" ")[0]},`));
  assert.match(draft, /I would like help with obsessive thoughts or OCD\./);
  assert.doesNotMatch(draft, /£60|34/, "budget and age stay out until ticked");
  await panel.locator("label", { hasText: /Your budget/ }).click();
  draft = await box.inputValue();
  assert.match(draft, /I can pay up to £60 a session\./);

  // The visitor's own words stay theirs; ticking no longer rewrites them.
  const token = "ZEBRA-QUINCE-4417";
  await box.fill(`${draft}\nP.S. ${token}`);
  await panel.locator("label", { hasText: /Who the therapy is for/ }).click();
  assert.match(await box.inputValue(), new RegExp(token));
  await panel.locator(".first-message__copy").click();
  await panel.locator(".first-message__status", { hasText: "Copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await box.inputValue());
  assert.ok((await panel.locator(".contact-list a").count()) >= 1, "the helper says where to send it");
  await assertNoAxeViolations(page, "first-message helper at 360 px");

  // Nothing the visitor wrote or ticked left the page.
  for (const r of record.requests) {
    const all = `${r.url} ${r.body ?? ""} ${JSON.stringify(r.headers)}`;
    assert.ok(!all.includes(token) && !/help with|obsessive/i.test(all), `request carries the message: ${r.url}`);
  }
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("the shortlist, the comparison and the printout say how to get in touch", async () => {
  const { page, record, context } = await openPage(site, { width: 1280, height: 900 });
  await resultsFor(page, LEEDS);
  const saved = [];
  for (const i of [0, 1]) {
    const card = page.locator(".match-card").nth(i);
    saved.push(await card.getAttribute("data-id"));
    await card.locator(".save-button").click();
  }
  const items = page.locator(".shortlist__item");
  assert.equal(await items.count(), 2);
  for (let i = 0; i < 2; i++) assert.ok((await items.nth(i).locator(".contact-list a").count()) >= 1);
  await page.check(`#compare-${saved[0]}`);
  await page.check(`#compare-${saved[1]}`);
  await page.click("#compare-button");
  const contactRow = page.locator("#compare-table tr", { has: page.locator("th", { hasText: "Contact" }) });
  assert.equal(await contactRow.locator("td .contact-list").count(), 2);

  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".match-list").first().isVisible(), false, "the printout is the shortlist only");
  for (let i = 0; i < 2; i++) {
    const links = items.nth(i).locator(".contact-list__item");
    assert.ok((await links.count()) >= 1);
    assert.equal(await links.first().isVisible(), true, "contact details print");
  }
  const printed = await page.locator("#shortlist").innerText();
  assert.match(printed, /@example\.org|0113 496|07700 900|example\.org/);
  await page.emulateMedia({ media: "screen" });
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
