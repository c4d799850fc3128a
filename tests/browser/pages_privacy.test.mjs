// The privacy page's "Clear everything" button removes this site's tft: keys (local and session
// storage), keeps keys that are not ours, and cannot touch another origin's storage.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshot } from "./support.mjs";
import { assertClean, tabTo } from "./pages_support.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const seed = () => {
  localStorage.setItem("tft:shortlist", JSON.stringify(["t-000001", "t-000002"]));
  localStorage.setItem("tft:remember", "yes");
  localStorage.setItem("not-ours", "keep me");
  sessionStorage.setItem("tft:draft", "x");
};
const dump = () => ({
  local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
  session: Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])),
});

test("Clear everything, pressed by keyboard, removes the tft: keys and nothing else", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 740 });
  // Another origin (same server, other host name) holds its own tft: key.
  const other = site.baseUrl.replace("127.0.0.1", "localhost");
  const otherPage = await context.newPage();
  await otherPage.goto(`${other}privacy.html`);
  await otherPage.evaluate(() => localStorage.setItem("tft:shortlist", "other origin"));

  await page.goto(`${site.baseUrl}privacy.html`);
  await page.evaluate(seed);
  await tabTo(page, (a) => a.id === "clear-storage-button");
  await page.keyboard.press("Enter");
  await page.locator("#clear-storage-status").filter({ hasText: "Done" }).waitFor();
  assert.match(await page.locator("#clear-storage-status").textContent(), /3 items/);
  assert.deepEqual(await page.evaluate(dump), { local: { "not-ours": "keep me" }, session: {} });
  assert.equal(await otherPage.evaluate(() => localStorage.getItem("tft:shortlist")), "other origin");

  // Pressing it again says there was nothing left.
  await page.keyboard.press("Enter");
  await page.locator("#clear-storage-status").filter({ hasText: "nothing stored" }).waitFor();
  await screenshot(page, "pages-privacy-cleared-360");
  assertClean(record, site.baseUrl);
  await context.close();
});

test("a shortlist the visitor chose to remember is gone after Clear everything on the privacy page", async () => {
  const { page, record, context } = await openPage(site);
  await page.goto(`${site.baseUrl}privacy.html`);
  // The find page's own shortlist module, opted in, as a visitor who ticked "Remember" would have it.
  const key = await page.evaluate(async () => {
    const { createShortlist, STORAGE_KEY } = await import("./js/shortlist.js");
    const list = createShortlist();
    list.add({ id: "t-000001", name: "Rhian Jenkins" });
    list.setRemember(true);
    return STORAGE_KEY;
  });
  assert.ok(key.startsWith("tft:"), key);
  assert.deepEqual(await page.evaluate(dump), { local: { [key]: '["t-000001"]' }, session: {} });
  await page.click("#clear-storage-button");
  await page.locator("#clear-storage-status").filter({ hasText: "1 item" }).waitFor();
  assert.deepEqual(await page.evaluate(dump), { local: {}, session: {} });
  assertClean(record, site.baseUrl);
  await context.close();
});

test("the privacy page says where things run, what is stored and that nothing goes elsewhere", async () => {
  const { page, record, context } = await openPage(site);
  await page.goto(`${site.baseUrl}privacy.html`);
  const text = await page.locator("main").textContent();
  for (const needle of [/WebAssembly/, /public files/, /only the directory ids/i, /No analytics/, /No cookies/, /Content Security Policy/, /browser's settings/])
    assert.match(text, needle);
  // Visiting the page stores nothing.
  assert.deepEqual(await page.evaluate(dump), { local: {}, session: {} });
  assertClean(record, site.baseUrl);
  await context.close();
});
