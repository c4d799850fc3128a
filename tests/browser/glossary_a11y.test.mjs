// axe-core WCAG 2.2 A/AA on the glossary pages and on the glossary search with its results open,
// at a phone width and a desktop width. The home and crisis pages (the other pages with the search
// box or the crisis list) are scanned in the same states by pages_axe.test.mjs.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshot, typeAndSettle } from "./support.mjs";
import { axeViolations, describeViolations } from "./axe.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

// One page per width, taken from page to page: a fresh page costs a new renderer process (about a
// second each), and every scan below starts from a full load of its own page.
test("glossary pages pass axe-core at 360 px and 1280 px", async () => {
  for (const width of [360, 1280]) {
    const { page, record, context } = await openPage(site, { width });
    for (const path of ["glossary/index.html", "glossary/attachment-based.html", "glossary/emdr.html"]) {
      await page.goto(`${site.baseUrl}${path}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${path} at ${width}px:\n${describeViolations(violations)}`);
      assert.ok(await page.evaluate((w) => document.documentElement.scrollWidth <= w, width), `${path} scrolls sideways at ${width}px`);
      await screenshot(page, `${path.replace(/\W+/g, "-")}-${width}`);
    }
    assert.deepEqual(record.cspViolations, []);
    await context.close();
  }
});

test("the open search results pass axe-core", async () => {
  for (const width of [360, 1280]) {
    const { page, context } = await openPage(site, { width });
    await page.goto(`${site.baseUrl}glossary/index.html`);
    await typeAndSettle(page, page.getByRole("combobox"), "cbt");
    assert.ok((await page.getByRole("option").count()) > 0);
    await page.keyboard.press("ArrowDown");
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `open results at ${width}px:\n${describeViolations(violations)}`);
    await context.close();
  }
});
