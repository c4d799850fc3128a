// The home page: both paths reachable by keyboard alone, search that works without JavaScript,
// the privacy promise, and no WebAssembly loaded just to show it.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshot } from "./support.mjs";
import { assertClean, tabTo } from "./pages_support.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

for (const [linkText, target] of [
  ["Find a therapist", "find.html"],
  ["Learn about therapy approaches", "glossary/index.html"],
]) {
  test(`home → "${linkText}" by keyboard reaches ${target}`, async () => {
    const { page, record, context } = await openPage(site, { width: 360, height: 740 });
    await page.goto(site.baseUrl);
    await tabTo(page, (a) => a.tag === "A" && a.cls.includes("home-path__link") && a.text === linkText);
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    assert.equal(new URL(page.url()).pathname, `/${target}`);
    assert.equal(response.status(), 200);
    assert.ok((await page.locator("h1").count()) >= 1, "the page has a heading");
    assert.notEqual(await page.title(), "Page not found – Time for Therapy");
    assertClean(record, site.baseUrl);
    await context.close();
  });
}

test("the home page explains the service, links the privacy page and loads no WebAssembly", async () => {
  const { page, record, context } = await openPage(site);
  await page.goto(site.baseUrl);
  await page.waitForLoadState("networkidle");
  assert.match(await page.locator("h1").textContent(), /therapist/i);
  const privacy = page.locator("main a[href='privacy.html']");
  assert.equal(await privacy.count(), 1);
  assert.match(await page.locator(".home-privacy").textContent(), /never|stay/i);
  assert.equal(await page.locator(".need-help").count(), 1, "the Need help now? block");
  const wasm = record.requests.filter((r) => /\.wasm$|tft-core|\.json$/.test(r.url));
  assert.deepEqual(wasm, [], "nothing heavy is fetched on the home page");
  assertClean(record, site.baseUrl);
  await context.close();
});

test("the home search box is a plain form that asks the glossary page, found by keyboard", async () => {
  const { page, context } = await openPage(site, { width: 360, height: 740 });
  await page.goto(site.baseUrl);
  await tabTo(page, (a) => a.tag === "INPUT" && a.id === "home-search-q");
  const form = page.locator("form[role=search]");
  assert.equal(await form.getAttribute("action"), "glossary/index.html");
  assert.equal(await form.getAttribute("method"), "get");
  assert.equal(await page.getAttribute("#home-search-q", "name"), "q");
  // The label names the box for screen readers.
  assert.match(await page.locator("label[for=home-search-q]").textContent(), /CBT/);
  await screenshot(page, "pages-home-360");
  await context.close();
});
