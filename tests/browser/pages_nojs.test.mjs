// No control that does nothing (issue 13): with JavaScript off, no page shows a button, box or
// form that needs a script. The glossary search box is hidden and the home page offers the A–Z
// list instead; For Professionals and "Clear everything" say what they need; the questionnaire
// says why it needs JavaScript; the header shows every link. Everything else still reads.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./support.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const PAGES = ["index.html", "find.html", "privacy.html", "professionals.html", "crisis.html", "glossary/index.html", "glossary/cbt.html", "about-evidence.html", "no/such/page.html"];

// Every control a visitor could see and use, except links and the details/summary toggles,
// which work without scripts.
const visibleControls = (page) =>
  page.$$eval("button, input:not([type=hidden]), select, textarea", (all) =>
    all.filter((c) => c.getClientRects().length && getComputedStyle(c).visibility !== "hidden").map((c) => c.outerHTML.slice(0, 120)),
  );

for (const width of [360, 1280]) {
  test(`with JavaScript off at ${width} px, no page shows a control that needs it`, async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false, serviceWorkers: "block" });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(`${site.baseUrl}${path}`);
      assert.deepEqual(await visibleControls(page), [], `${path}: controls that would do nothing`);
      for (const name of ["Find a therapist", "Therapy approaches", "For professionals", "Privacy", "Need help now?"])
        assert.equal(await page.locator(".site-header").getByRole("link", { name, exact: true }).isVisible(), true, `${path}: header link ${name}`);
    }
    await context.close();
  });
}

test("with JavaScript off, each page says what to do instead", async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false, serviceWorkers: "block" });
  const page = await context.newPage();

  // Home: the search box is replaced by the A–Z list, which works without scripts.
  await page.goto(`${site.baseUrl}index.html`);
  const az = page.getByRole("link", { name: "Browse every therapy approach from A to Z" });
  assert.equal(await az.isVisible(), true);
  await az.click();
  assert.match(page.url(), /\/glossary\/index\.html$/);
  assert.ok((await page.locator(".az-list > li").count()) > 40, "the A–Z list is the page");

  // For Professionals: why the form needs JavaScript, and where to write instead.
  await page.goto(`${site.baseUrl}professionals.html`);
  const notice = page.locator(".pro-notice--nojs");
  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.textContent(), /This form needs JavaScript/);
  assert.match(await notice.textContent(), /entries@example\.org/);
  assert.equal(await page.locator("#pro-form").isVisible(), false);

  // Privacy: the Clear everything button is replaced by what to do.
  await page.goto(`${site.baseUrl}privacy.html`);
  assert.equal(await page.locator("#clear-storage-button").isVisible(), false);
  assert.match(await page.locator(".clear-storage").textContent(), /Clearing needs JavaScript, which is off/);

  // The questionnaire explains itself and points to what works.
  await page.goto(`${site.baseUrl}find.html`);
  assert.match(await page.locator("#flow").textContent(), /This tool needs JavaScript/);
  await context.close();
});
