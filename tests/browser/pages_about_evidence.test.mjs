// The "About the evidence" page: it renders with the site's header and footer, axe-core finds no
// WCAG 2.2 A/AA violation at a phone and a desktop width, and a visitor reaches it from a glossary
// entry's evidence section and from the approaches in their results.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshot } from "./support.mjs";
import { axeViolations, describeViolations } from "./axe.mjs";
import { assertClean } from "./pages_support.mjs";
import { VISITOR, completeQuestionnaire, openFind, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

// What the page must explain (issue #9), by the id of its section heading.
const SECTIONS = {
  levels: /What the levels mean/,
  nice: /What NICE is/,
  "offer-consider": /What “offer” and “consider” mean/,
  reviews: /What a systematic review is/,
  "less-studied": /Less studied is not the same as “does not work”/,
};

for (const width of [360, 1280]) {
  test(`About the evidence at ${width} px: every section, the shared header and footer, no axe violations`, async () => {
    const { page, record, context } = await openPage(site, { width });
    const response = await page.goto(`${site.baseUrl}about-evidence.html`);
    assert.equal(response.status(), 200);
    assert.equal(await page.textContent("main h1"), "About the evidence");
    for (const [id, title] of Object.entries(SECTIONS)) assert.match(await page.textContent(`h2#${id}`), title);
    for (const level of ["Strong evidence", "Moderate evidence", "Emerging evidence"])
      assert.equal(await page.locator(`.evidence-levels dt:text-is("${level}")`).count(), 1, level);
    // Rendered by scripts/render-pages.mjs like every page: header, footer and the crisis block.
    assert.equal(await page.locator(".site-header .brand").count(), 1);
    assert.ok((await page.locator(".need-help a[href^='tel:']").count()) > 0, "the Need help now? block has numbers");
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `about-evidence.html at ${width}px:\n${describeViolations(violations)}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `about-evidence.html at ${width}px scrolls sideways by ${overflow}px`);
    await screenshot(page, `pages-about-evidence-${width}`);
    assertClean(record, site.baseUrl);
    await context.close();
  });
}

test("a glossary entry's evidence section links to About the evidence", async () => {
  const { page, record, context } = await openPage(site, { width: 360 });
  await page.goto(`${site.baseUrl}glossary/cbt-ed.html`);
  const link = page.locator("#evidence a", { hasText: "What the evidence levels mean" });
  assert.equal(await link.count(), 1);
  await Promise.all([page.waitForURL(/about-evidence\.html$/), link.click()]);
  assert.equal(await page.textContent("main h1"), "About the evidence");
  assertClean(record, site.baseUrl);
  await context.close();
});

test("the approaches in a visitor's results link to About the evidence", async () => {
  const { page, context } = await openPage(site, { width: 1280 });
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, VISITOR);
  await showMatches(page);
  const link = page.locator("section.approaches a", { hasText: "What the evidence levels mean" });
  assert.equal(await link.count(), 1);
  await Promise.all([page.waitForURL(/about-evidence\.html$/), link.click()]);
  assert.equal(await page.textContent("main h1"), "About the evidence");
  await context.close();
});
