// For Professionals in plain language (issue 13): the C++ validator still decides what is wrong,
// but every error reads as an instruction ("Enter the oldest age as a number, like 65"), never as
// checker text ("expected a whole number, found a string", "$.ages.max"); the page makes the id
// and finds a town's position itself (no id or latitude boxes); and it says where to send the entry.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, LOADING_MS, openPage } from "./support.mjs";
import { assertClean } from "./pages_support.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

async function openForm() {
  const opened = await openPage(site, { width: 360, height: 800 });
  await opened.page.goto(`${site.baseUrl}professionals.html`);
  await opened.page.locator("#pro-form[data-ready]").waitFor({ timeout: LOADING_MS });
  return opened;
}
const summary = (page) => page.locator("#error-summary-list a").allTextContents();
async function type(page, selector, text) {
  await page.fill(selector, text);
  await page.locator(selector).blur();
}

// An instruction (GOV.UK): says what to do, in words a therapist uses, never how the checker works.
const INSTRUCTION = /^(Enter|Select|Choose|Add|Give|Use|Write|Check|Remove) |^[A-Z][^:]* must (be|not) /;
const CHECKER_WORDS = /expected|found a|\$\.|is required|unknown|min is greater|\[\d+\]/;

test("every error on an empty form, and on wrong answers, reads as an instruction", async () => {
  const { page, record, context } = await openForm();
  await page.click("#pro-check");
  await page.locator("#error-summary:focus").waitFor();
  const empty = await summary(page);
  assert.ok(empty.length >= 8, `${empty.length} problems on an empty form`);
  for (const text of empty) {
    assert.match(text, INSTRUCTION, `an instruction: "${text}"`);
    assert.doesNotMatch(text, CHECKER_WORDS, `no checker words: "${text}"`);
  }

  // Wrong values: each named in the brief's way, inline and in the summary.
  await type(page, "#pro-age-min", "18");
  await type(page, "#pro-age-max", "sixty-five");
  await type(page, "#pro-fee-min", "90");
  await type(page, "#pro-fee-max", "50");
  await type(page, "#pro-phone", "12345");
  await type(page, "#pro-website", "http://example.org");
  await page.click("#pro-check");
  const wrong = await summary(page);
  for (const want of [
    "Enter the oldest age as a number, like 65",
    "Your lowest fee must not be more than your highest fee",
    "Enter a UK phone number, like 0113 496 0000",
    "Enter a website address that starts with https://, like https://www.example.org",
  ])
    assert.ok(wrong.includes(want), `"${want}" in ${JSON.stringify(wrong)}`);
  // The inline message sits by the field it is about.
  assert.match(await page.locator("#pro-ages .field-error").textContent(), /Enter the oldest age as a number, like 65/);
  for (const text of wrong) assert.doesNotMatch(text, CHECKER_WORDS, text);
  assertClean(record, site.baseUrl);
  await context.close();
});

test("the page makes the id from the name and finds the town's position: no id, latitude or longitude boxes", async () => {
  const { page, record, context } = await openForm();
  for (const name of [/directory id/i, /latitude/i, /longitude/i]) assert.equal(await page.getByRole("textbox", { name }).count(), 0, String(name));
  await type(page, "#pro-name", "Sam Jones-Ó Briain");
  assert.equal(await page.textContent("#pro-id-shown"), "t-sam-jones-o-briain");

  await page.check('input[name="formats"][value="in-person"]');
  await page.click("#pro-add-location");
  const place = page.locator('[data-row="location"] [data-name="place"]');
  assert.equal(await page.locator('[data-row="location"] input:visible').count(), 1, "only the town box shows");
  await place.fill("Leeds");
  await page.locator('[data-row="location"] [data-found]', { hasText: "Found Leeds" }).waitFor();
  const lat = Number(await page.inputValue("#pro-location-1-lat"));
  const lon = Number(await page.inputValue("#pro-location-1-lon"));
  assert.ok(lat > 53.7 && lat < 53.9 && lon > -1.7 && lon < -1.4, `Leeds at ${lat}, ${lon}`);

  // A town not in the list leaves no stale position, and the problem is said as what to do.
  await place.fill("Nowhereville");
  await place.blur();
  assert.equal(await page.inputValue("#pro-location-1-lat"), "");
  await page.click("#pro-check");
  const problems = await summary(page);
  const want = "Choose the town or city from the list as you type, so its position on the map is filled in";
  assert.ok(problems.includes(want), JSON.stringify(problems));
  // Its link goes to the town box.
  await page.locator("#error-summary-list a", { hasText: want }).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.name), "place");
  assertClean(record, site.baseUrl);
  await context.close();
});

test("the page says where to send the entry", async () => {
  const { page, record, context } = await openForm();
  const send = page.locator(".pro-send");
  assert.match(await send.textContent(), /Email that file to entries@example\.org/);
  assert.equal(await send.locator("a[href^='mailto:']").getAttribute("href"), "mailto:entries@example.org?subject=Directory%20entry");
  assertClean(record, site.baseUrl);
  await context.close();
});
