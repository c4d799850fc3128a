// The thin slice of the foundation: an entry loaded by the C++ core, compiled to WebAssembly,
// shown in a real browser under the site's Content-Security-Policy.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshot } from "./support.mjs";
import { readData } from "../node/support.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

test("the approach page shows attachment-based therapy from the WASM core", async () => {
  const expected = JSON.parse(readData("glossary.json")).entries.find((e) => e.slug === "attachment-based");
  const { page, record, context } = await openPage(site);
  await page.goto(`${site.baseUrl}approach.html?slug=attachment-based`);
  await page.locator("#entry-name").waitFor({ state: "visible" });
  assert.equal(await page.locator("h1").textContent(), expected.name);
  assert.equal(await page.locator("#entry-summary").textContent(), expected.summary);
  assert.equal(await page.locator("#entry-benefits li").count(), expected.benefits.length);
  assert.equal(await page.locator("#entry-faqs details").count(), expected.faqs.length);
  await screenshot(page, "foundation-approach-1280");
  assert.deepEqual(record.failedResponses, []);
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(record.cspViolations, []);
  for (const r of record.requests) assert.ok(r.url.startsWith(site.baseUrl), `request to another origin: ${r.url}`);
  await context.close();
});

test("every foundation page passes axe-core WCAG 2.2 A/AA at 360 px and 1280 px", async () => {
  const { axeViolations, describeViolations } = await import("./axe.mjs");
  for (const width of [360, 1280]) {
    for (const path of ["index.html", "crisis.html", "approach.html?slug=attachment-based"]) {
      const { page, context } = await openPage(site, { width });
      await page.goto(`${site.baseUrl}${path}`);
      if (path.startsWith("approach")) await page.locator("#entry-name").waitFor({ state: "visible" });
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${path} at ${width}px:\n${describeViolations(violations)}`);
      await context.close();
    }
  }
});
