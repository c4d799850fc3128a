// Questions that fit (issue 13): every question speaks about the person the therapy is for, the
// long concerns list sits under a few headings with a filter box, optional questions say so,
// "See matches now" appears once the required questions are answered, "Question N of M" never
// jumps, and distances are asked in miles (the core still gets kilometres).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, LOADING_MS, openPage } from "./support.mjs";
import { readData } from "../node/support.mjs";
import { assertCleanRecord, openFind } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const questionnaire = JSON.parse(readData("questionnaire.json")).questions;
const byId = new Map(questionnaire.map((q) => [q.id, q]));
const concernCount = JSON.parse(readData("concerns.json")).concerns.length;
// Everyone is asked the questions without a shows_if rule; follow-ups belong to the one before.
const everyone = questionnaire.filter((q) => !q.shows_if).length;

// How each page's heading must speak for each answer to "Who is the therapy for?".
const SPEAKS_OF = {
  myself: /\byou\b|\byour\b/i,
  couple: /\bboth\b|either of you|couples/i,
  family: /\byour family\b|\banyone in your family\b/i,
  child: /\byour child\b|\bthey\b/i,
};

const current = (page) => page.getAttribute("form.question", "data-question");
async function next(page, buttonId = "continue") {
  const before = await current(page);
  await page.click(`#${buttonId}`);
  await page.waitForFunction((prev) => document.querySelector("form.question")?.dataset.question !== prev, before);
}

// Answers what is required with plain choices (in person, so the place and distance follow-ups
// show) and leaves optional questions blank. Returns what each page showed.
async function walk(page, who, { stopAt } = {}) {
  await openFind(page, site.baseUrl);
  await page.click("#start");
  await page.waitForSelector("form.question");
  const pages = [];
  for (let i = 0; i < 20; i++) {
    if (await page.locator("#show-matches").count()) return pages;
    const id = await current(page);
    pages.push({
      id,
      h1: (await page.textContent("form.question h1")).trim(),
      progress: await page.textContent("#progress"),
      seeMatches: await page.locator("#see-matches").count(),
    });
    if (id === stopAt) return pages;
    if (id === "who") await page.check(`input[name=who][value=${who}]`);
    else if (id === "age") await page.fill("#q-age", who === "child" ? "9" : "40");
    else if (id === "concerns") await page.check("input[name=concerns][value=anxiety]");
    else if (id === "safety") await page.check("input[name=safety][value=none]");
    else if (id === "format") await page.check("input[name=format][value=in-person]");
    else if (id === "location") {
      await page.fill("#q-location", "Leeds");
      await page.locator("#q-location-list [role=option]").first().waitFor();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
    } else if (id === "max_distance_km") await page.fill("#q-max_distance_km", "20");
    await next(page);
  }
  assert.fail("never reached Check your answers");
}

test("every question speaks about who the therapy is for; optional ones say so; Question N of M never jumps; See matches now after the required ones", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 800 });
  for (const who of ["myself", "couple", "family", "child"]) {
    const pages = await walk(page, who);
    const ids = pages.map((p) => p.id);
    // Every question this person is asked (age only for one person; place and distance for in person).
    const expected = questionnaire.filter((q) => !q.shows_if || q.shows_if.question !== "who" || q.shows_if.any_of.includes(who)).map((q) => q.id);
    assert.deepEqual(ids, expected, who);

    let last = 0;
    for (const p of pages) {
      const q = byId.get(p.id);
      // Wording: after the first question, every heading speaks of this person.
      if (p.id !== "who") assert.match(p.h1, SPEAKS_OF[who], `${who}: ${p.id} asks "${p.h1}"`);
      if (who !== "myself" && p.id !== "who") assert.doesNotMatch(p.h1, /^(How old are you|What would you like help with)\?/, `${who}: ${p.h1}`);
      // Optional questions are marked, required ones are not.
      assert.equal(p.h1.endsWith("(optional)"), !q.required, `${who}: ${p.id} "${p.h1}"`);
      // Question N of M: the same M throughout, N starting at 1, never going back, never skipping.
      const m = p.progress.match(/^Question (\d+) of (\d+)$/);
      assert.ok(m, p.progress);
      const [n, total] = [Number(m[1]), Number(m[2])];
      assert.equal(total, everyone, `${who}: ${p.id} says ${p.progress}`);
      assert.ok(n === last || n === last + 1, `${who}: ${p.id} jumps from ${last} to ${n}`);
      last = n;
      // "See matches now" only once what is required has been answered, on an optional page.
      const requiredDone = pages.slice(0, pages.indexOf(p)).length >= expected.filter((id) => byId.get(id).required).length;
      assert.equal(p.seeMatches, !q.required && requiredDone ? 1 : 0, `${who}: ${p.id} See matches now`);
    }
    assert.equal(last, everyone, `${who}: the last question is ${everyone} of ${everyone}`);
  }
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("See matches now goes straight to the results with this page's answer kept", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 800 });
  await walk(page, "myself", { stopAt: "budget" });
  assert.equal(await page.locator("#see-matches").textContent(), "See matches now");
  // A wrong answer on this page is still caught, as Continue would.
  await page.fill("#q-budget", "lots");
  await page.click("#see-matches");
  await page.locator(".error-summary").waitFor();
  assert.equal(await current(page), "budget");
  await page.fill("#q-budget", "45");
  await page.click("#see-matches");
  await page.waitForSelector("#results-title", { timeout: LOADING_MS });
  assert.ok((await page.locator(".match-card").count()) > 0);
  // The budget given on that page was kept: the filters show it.
  await page.click(".refine summary");
  assert.equal(await page.inputValue("#refine-fee"), "45", "the budget typed on the last page counts");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("concerns: a few headings, a filter box that narrows by words in the label or description, ticked choices stay; short at 360 px", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 800 });
  await walk(page, "myself", { stopAt: "concerns" });
  const groups = await page.$$eval("form.question .choice-group", (gs) =>
    gs.map((g) => ({ title: g.querySelector("h2").textContent, n: g.querySelectorAll("input[type=checkbox]").length, labelled: g.querySelector("[role=group]").getAttribute("aria-labelledby") === g.querySelector("h2").id })),
  );
  assert.ok(groups.length >= 3 && groups.length <= 7, `${groups.length} headings`);
  for (const g of groups) assert.ok(g.labelled && g.n > 0, JSON.stringify(g));
  assert.equal(groups.reduce((a, g) => a + g.n, 0), concernCount, "every concern once");
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`# concerns question at 360 px: ${height} px (${concernCount} options under ${groups.length} headings)`);
  assert.ok(height <= 3500, `the concerns page is ${height} px tall (was about 6,000 before grouping)`);

  await page.check("input[name=concerns][value=sleep]");
  const filter = page.getByLabel("Filter the list");
  await filter.fill("worry");
  const visible = () => page.$$eval("form.question input[name=concerns]", (is) => is.filter((i) => i.getClientRects().length).map((i) => i.value));
  const shown = await visible();
  // "worry" is in the description of anxiety ("Worry that is hard to switch off…"), not its label.
  assert.ok(shown.includes("anxiety"), shown.join());
  assert.ok(shown.includes("sleep"), "a ticked choice stays in view");
  assert.ok(shown.length < concernCount / 2, `narrowed to ${shown.length}`);
  assert.match(await page.textContent(".choice-filter__status"), new RegExp(`^Showing ${shown.length} of ${concernCount}$`));
  // Enter in the box does not send the page on.
  await filter.press("Enter");
  assert.equal(await current(page), "concerns");
  await filter.fill("zzzz");
  assert.match(await page.textContent(".choice-filter__status"), /^Nothing matches ‘zzzz’/);
  await filter.fill("");
  assert.equal((await visible()).length, concernCount);
  await next(page);
  assert.equal(await current(page), "safety");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("distance is asked in miles, checked in miles and used as kilometres by the core", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 800 });
  await walk(page, "myself", { stopAt: "max_distance_km" });
  assert.equal(await page.textContent("form.question .input-affix"), "miles");
  assert.match(await page.textContent("form.question .hint"), /miles/);
  assert.doesNotMatch(await page.textContent("form.question"), /kilomet|\bkm\b/i);
  await page.fill("#q-max_distance_km", "500");
  await page.click("#continue");
  await page.locator(".error-summary").waitFor();
  assert.match(await page.textContent(".error-summary"), /Distance must be 180 miles or less/);
  await page.fill("#q-max_distance_km", "20");
  await next(page);
  // Back to the distance: the answer comes back as typed, in miles.
  await page.click("button.back-link");
  await page.waitForSelector("form[data-question=max_distance_km]");
  assert.equal(await page.inputValue("#q-max_distance_km"), "20");
  for (let i = 0; i < 12 && !(await page.locator("#show-matches").count()); i++) {
    const before = await current(page);
    await page.click("#continue");
    await page.waitForFunction((prev) => document.querySelector("form.question")?.dataset.question !== prev || document.querySelector("#show-matches"), before);
  }
  assert.match(await page.textContent(".summary-list"), /20 miles/);
  await page.click("#show-matches");
  await page.waitForSelector("#results-title", { timeout: LOADING_MS });
  // The core got 20 miles as 32.2 km and reports its limit back; the page words it as 20 miles.
  assert.match(await page.textContent("#results-count"), /20 miles/);
  const distances = await page.$$eval(".match-card__distance", (s) => s.map((x) => x.textContent));
  for (const d of distances) {
    const m = d.match(/^(less than a mile|1 mile|(\d+) miles) away/);
    assert.ok(m, d);
    assert.ok(!m[2] || Number(m[2]) <= 20, `${d} is within 20 miles`);
  }
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
