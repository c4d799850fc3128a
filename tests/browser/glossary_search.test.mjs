// The instant search box on the glossary and home pages, driven by the keyboard only.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshot, typeAndSettle } from "./support.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

function assertClean(record) {
  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.failedResponses, []);
  for (const r of record.requests) assert.ok(r.url.startsWith(site.baseUrl), `request to another origin: ${r.url}`);
  // Nothing typed in the box is ever sent: no request carries the query.
  for (const r of record.requests) assert.ok(!r.url.includes("atachment"), `query sent in ${r.url}`);
}

test("typing 'atachment' on the A to Z page, ArrowDown and Enter open attachment-based therapy", async () => {
  const { page, record, context } = await openPage(site);
  const paths = []; // the context sees the worker's requests too
  context.on("request", (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(`${site.baseUrl}glossary/index.html`);
  const box = page.getByRole("combobox", { name: "Search therapy approaches" });
  await box.focus();
  await typeAndSettle(page, box, "atachment");
  // The glossary's own module and its two data files: nothing of matching is downloaded here
  // (docs/matching.md, "Module size").
  const fetched = (re) => [...new Set(paths.filter((p) => re.test(p)))].sort();
  assert.deepEqual(fetched(/\/wasm\//), ["/wasm/tft-glossary.js", "/wasm/tft-glossary.wasm"]);
  assert.deepEqual(fetched(/\/data\//), ["/data/concerns.json", "/data/glossary.json"]);
  const options = page.getByRole("option");
  assert.equal(await box.getAttribute("aria-expanded"), "true");
  assert.match(await options.first().textContent(), /^Attachment-based therapy/);
  assert.ok((await options.first().locator("mark").count()) > 0, "matched words are marked");
  // The core and its index live in a worker, so building the index never blocks this page.
  assert.ok(page.workers().some((w) => w.url().endsWith("/js/glossary-worker.js")), "search runs in glossary-worker.js");
  assert.equal(await page.evaluate(() => "Module" in window || "createTftCore" in window), false);
  const count = await options.count();
  const status = page.getByRole("status").filter({ hasText: /result/ });
  await status.waitFor();
  assert.equal(await status.textContent(), count === 1 ? "1 result" : `${count} results`);
  await screenshot(page, "glossary-search-open-1280");

  await page.keyboard.press("ArrowDown");
  const activeId = await box.getAttribute("aria-activedescendant");
  assert.equal(await page.locator(`#${activeId}`).getAttribute("aria-selected"), "true");
  await Promise.all([page.waitForURL(/glossary\/attachment-based\.html$/), page.keyboard.press("Enter")]);
  assert.equal(await page.locator("h1").textContent(), "Attachment-based therapy");
  assertClean(record);
  await context.close();
});

test("arrow keys move through results and Escape closes the list, then clears the box", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 800 });
  await page.goto(`${site.baseUrl}glossary/cbt.html`);
  const box = page.getByRole("combobox");
  await box.focus();
  await typeAndSettle(page, box, "therapy for trauma");
  const options = page.getByRole("option");
  assert.ok((await options.count()) >= 3);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await box.getAttribute("aria-activedescendant"), await options.nth(1).getAttribute("id"));
  await page.keyboard.press("ArrowUp");
  assert.equal(await box.getAttribute("aria-activedescendant"), await options.nth(0).getAttribute("id"));
  await screenshot(page, "glossary-search-open-360");
  await page.keyboard.press("Escape");
  assert.equal(await box.getAttribute("aria-expanded"), "false");
  assert.equal(await page.getByRole("listbox").isVisible(), false);
  assert.equal(await box.inputValue(), "therapy for trauma");
  await page.keyboard.press("Escape");
  assert.equal(await box.inputValue(), "");
  // The page is not wider than the phone screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  assertClean(record);
  await context.close();
});

test("a query with no match says so in the live region", async () => {
  const { page, context } = await openPage(site);
  await page.goto(`${site.baseUrl}glossary/index.html`);
  const box = page.getByRole("combobox");
  await box.focus();
  await typeAndSettle(page, box, "zzqxv");
  const status = page.getByRole("status").filter({ hasText: /No approaches match/ });
  await status.waitFor();
  assert.equal(await page.getByRole("option").count(), 0);
  await context.close();
});

// Issue #12, defect 2: Enter without choosing an option used to submit ?q=... to the server.
test("Enter on the home page search without choosing an option opens the best match; the query is never in a URL", async () => {
  const { page, record, context } = await openPage(site);
  await page.goto(`${site.baseUrl}index.html`);
  assert.ok((await page.locator('a[href="glossary/index.html"]').count()) >= 1);
  const box = page.locator(".home-search").getByRole("combobox");
  await box.focus();
  await typeAndSettle(page, box, "emdr therpy");
  assert.match(await page.getByRole("option").first().textContent(), /^EMDR therapy/);
  await Promise.all([page.waitForURL(/glossary\/emdr\.html$/), page.keyboard.press("Enter")]);
  assert.equal(await page.locator("h1").textContent(), "EMDR therapy");
  for (const r of record.requests) assert.doesNotMatch(decodeURIComponent(r.url), /therpy|[?&]q=/, r.url);
  assertClean(record);
  await context.close();
});

// Without JavaScript the instant search cannot work, so (issue 13) the form is hidden and the page
// offers the A to Z list instead; nothing can be typed, so nothing typed can be sent. Should a
// host or a reader's style sheet show the form anyway, its box has no name, so submitting it would
// still send nothing (issue 12, defect 2).
test("without JavaScript the search box is not offered, cannot send what is typed, and the A to Z list is", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, serviceWorkers: "block" });
  const page = await context.newPage();
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  for (const start of ["index.html", "glossary/cbt.html"]) {
    await page.goto(`${site.baseUrl}${start}`);
    const form = page.locator("form[data-glossary-search]").first();
    assert.equal(await form.isVisible(), false, start);
    assert.equal(await form.locator("input[type=search]").getAttribute("name"), null, `${start}: the box has a name`);
    assert.equal(await form.locator("[name]").count(), 0, `${start}: a named field would put its text in the URL`);
  }
  await page.goto(`${site.baseUrl}index.html`);
  await Promise.all([page.waitForURL(/glossary\/index\.html$/), page.getByRole("link", { name: "Browse every therapy approach from A to Z" }).click()]);
  assert.match(await page.locator("h1").textContent(), /A to Z|approaches/i);
  for (const url of urls) assert.doesNotMatch(decodeURIComponent(url), /[?&]q=/, url);
  await context.close();
});

test("an old link with ?q= is tidied out of the address and not acted on", async () => {
  const { page, context } = await openPage(site);
  await page.goto(`${site.baseUrl}glossary/index.html?q=panic`);
  await page.waitForFunction(() => location.search === "");
  assert.equal(await page.getByRole("combobox").inputValue(), "");
  await context.close();
});
