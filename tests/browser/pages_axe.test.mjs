// Every page this work owns, at a phone width and a desktop width: axe-core finds no WCAG 2.2
// A/AA violation, nothing errors in the console, the CSP is never violated and no request goes
// to another origin. Screenshots of each are saved to build/screenshots/ for review.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, LOADING_MS, openPage, screenshot } from "./support.mjs";
import { axeViolations, describeViolations } from "./axe.mjs";
import { assertClean } from "./pages_support.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const PAGES = [
  { name: "home", path: "index.html" },
  { name: "privacy", path: "privacy.html" },
  { name: "crisis", path: "crisis.html" },
  { name: "partners", path: "partners.html" },
  { name: "404", path: "no/such/page.html", status: 404 },
  { name: "professionals", path: "professionals.html", ready: "#pro-form[data-ready]" },
  {
    name: "professionals-errors",
    path: "professionals.html",
    ready: "#pro-form[data-ready]",
    async act(page) {
      await page.fill("#pro-fee-min", "90");
      await page.fill("#pro-fee-max", "50");
      await page.click("#pro-check");
      await page.locator("#error-summary:focus").waitFor();
    },
  },
];

// One page per width, taken from test to test: a fresh page costs a new renderer process (about a
// second each). Each test starts with a full load of its own page and an empty record, so it checks
// only what that load did (anything the page before it did late would fail it, never pass it).
const pageAt = new Map();
async function openAt(width) {
  if (!pageAt.has(width)) pageAt.set(width, await openPage(site, { width }));
  const opened = pageAt.get(width);
  for (const list of Object.values(opened.record)) list.length = 0;
  return opened;
}

for (const width of [360, 1280]) {
  for (const p of PAGES) {
    test(`${p.name} at ${width} px: no axe violations, console errors, CSP violations or other-origin requests`, async () => {
      const { page, record } = await openAt(width);
      const response = await page.goto(`${site.baseUrl}${p.path}`);
      assert.equal(response.status(), p.status ?? 200);
      if (p.ready) await page.locator(p.ready).waitFor({ timeout: LOADING_MS });
      if (p.act) await p.act(page);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${p.path} at ${width}px:\n${describeViolations(violations)}`);
      // Nothing is wider than the screen (no sideways scrolling on a phone).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${p.path} at ${width}px scrolls sideways by ${overflow}px`);
      // Exactly one link in the header says it is the current page, where the page is in the nav.
      const current = await page.locator('.site-header [aria-current="page"]').allTextContents();
      const expected = { home: ["Time for Therapy"], privacy: ["Privacy"], crisis: ["Need help now?"], partners: [], professionals: ["For professionals"], "professionals-errors": ["For professionals"], 404: [] }[p.name];
      assert.deepEqual(current, expected);
      await screenshot(page, `pages-${p.name}-${width}`);
      assertClean(record, site.baseUrl, { expected404: p.status === 404 ? `${site.baseUrl}${p.path}` : undefined });
    });
  }
}

test("the header's Need help now? link stands out from the other nav links on every page", async () => {
  const { page, context } = await openPage(site, { width: 360 });
  for (const path of ["index.html", "privacy.html", "professionals.html", "no/such/page.html"]) {
    await page.goto(`${site.baseUrl}${path}`);
    const styles = await page.evaluate(() => {
      const look = (a) => {
        const s = getComputedStyle(a);
        return { bg: s.backgroundColor, border: s.borderTopWidth, weight: s.fontWeight };
      };
      return { help: look(document.querySelector(".site-nav__help")), other: look(document.querySelector(".site-nav a:not(.site-nav__help)")) };
    });
    assert.notEqual(styles.help.bg, styles.other.bg, path);
    assert.notEqual(styles.help.border, "0px", path);
    assert.ok(Number(styles.help.weight) >= 700, path);
    assert.equal(await page.getAttribute(".site-nav__help", "href"), path.startsWith("no/") ? "/crisis.html" : "crisis.html");
  }
  await context.close();
});

test("the crisis page shows when the numbers were checked and each number is a large tap target", async () => {
  const { page, context } = await openPage(site, { width: 360 });
  await page.goto(`${site.baseUrl}crisis.html`);
  const checked = page.locator(".crisis-checked time");
  assert.match(await checked.textContent(), /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  assert.equal(await checked.isVisible(), true);
  // The checked date comes before the list, so nobody has to scroll past every number to see it.
  assert.equal(await page.evaluate(() => !!(document.querySelector(".crisis-checked").compareDocumentPosition(document.querySelector(".crisis-list")) & Node.DOCUMENT_POSITION_FOLLOWING)), true);
  const sizes = await page.locator("main a[href^='tel:'], main a[href^='sms:']").evaluateAll((links) => links.map((a) => ({ h: a.getBoundingClientRect().height, w: a.getBoundingClientRect().width, text: a.textContent })));
  assert.ok(sizes.length >= 8);
  for (const s of sizes) assert.ok(s.h >= 44 && s.w >= 44, `${s.text} is ${s.w}x${s.h}`);
  assert.equal(await page.locator("main h1").count(), 1);
  // One section per group (anywhere in the UK, then each nation) with a heading, each contact named
  // under it.
  assert.deepEqual(await page.locator("main .crisis-group > h2").allTextContents(), ["Anywhere in the UK", "England", "Wales", "Scotland", "Northern Ireland"]);
  assert.ok((await page.locator("main .crisis-list h3").count()) >= 12);
  await context.close();
});
