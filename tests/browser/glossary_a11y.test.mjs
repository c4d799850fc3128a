// axe-core WCAG 2.2 A/AA on the glossary pages and the pages that carry the search box, at a
// phone width and a desktop width, with the search results open as well as closed.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshot, typeAndSettle } from "./support.mjs";
import { axeViolations, describeViolations } from "./axe.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

test("glossary, home and crisis pages pass axe-core at 360 px and 1280 px", async () => {
  for (const width of [360, 1280]) {
    for (const path of ["glossary/index.html", "glossary/attachment-based.html", "glossary/emdr.html", "index.html", "crisis.html"]) {
      const { page, record, context } = await openPage(site, { width });
      await page.goto(`${site.baseUrl}${path}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${path} at ${width}px:\n${describeViolations(violations)}`);
      assert.ok(await page.evaluate((w) => document.documentElement.scrollWidth <= w, width), `${path} scrolls sideways at ${width}px`);
      if (path.startsWith("glossary/")) await screenshot(page, `${path.replace(/\W+/g, "-")}-${width}`);
      assert.deepEqual(record.cspViolations, []);
      await context.close();
    }
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
