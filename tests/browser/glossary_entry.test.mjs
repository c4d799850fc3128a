// The static glossary pages written by `tft site`: complete with JavaScript off, linked to the
// questionnaire with the approach chosen, with FAQ data for search engines, under the real CSP.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshot } from "./support.mjs";
import { readData } from "../node/support.mjs";

const glossary = JSON.parse(readData("glossary.json")).entries;
const concerns = JSON.parse(readData("concerns.json")).concerns;
const expected = glossary.find((e) => e.slug === "attachment-based");

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

test("an entry page shows every section with JavaScript disabled", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(`${site.baseUrl}glossary/attachment-based.html`);
  assert.equal(response.status(), 200);
  assert.equal(await page.locator("h1").textContent(), expected.name);
  const headings = await page.locator("main h2").allTextContents();
  for (const h of [
    `What is ${expected.name}?`,
    "How does it work?",
    "Who is it for?",
    "What happens in a session?",
    `Benefits of ${expected.name}`,
    "What is the evidence?",
    "Frequently asked questions",
    "Related approaches",
  ])
    assert.ok(headings.includes(h), `missing section "${h}" in ${headings.join(" | ")}`);
  assert.equal(await page.locator("#what .lead").textContent(), expected.summary);
  assert.equal(await page.locator("#how p").count(), expected.how_it_works.split(/\n\n+/).length);
  assert.equal(await page.locator("#benefits li").count(), expected.benefits.length);
  // FAQs are a disclosure list that works without script: open one and read its answer.
  const faqs = page.locator("#faqs details");
  assert.equal(await faqs.count(), expected.faqs.length);
  assert.equal(await faqs.nth(0).locator("summary").textContent(), expected.faqs[0].q);
  assert.equal(await faqs.nth(0).locator("p").first().isVisible(), false);
  await faqs.nth(0).locator("summary").click();
  assert.equal(await faqs.nth(0).locator("p").first().isVisible(), true);
  // Evidence names each concern by its label, under its level, with the tag's model and source.
  for (const c of expected.concerns) {
    const label = concerns.find((k) => k.id === c.id).label;
    const items = page.locator(`#evidence .evidence--${c.evidence} li`);
    const texts = await items.allTextContents();
    const labels = await items.locator(".evidence__concern").allTextContents();
    assert.ok(
      texts.some((t, i) => labels[i] === label && t.includes(`Source: ${c.source}`) && t.includes(c.model ?? "")),
      `${label} under ${c.evidence} from ${c.source}`,
    );
  }
  // Related approaches are links to pages that exist.
  const related = page.locator("#related a");
  assert.equal(await related.count(), expected.related.length);
  assert.equal(await related.first().getAttribute("href"), `${expected.related[0]}.html`);
  assert.match(await page.locator(".entry__reviewed time").getAttribute("datetime"), /^\d{4}-\d{2}-\d{2}$/);
  await screenshot(page, "glossary-entry-nojs-1280");
  await context.close();
});

test("the Find a therapist link opens the questionnaire with the approach chosen", async () => {
  const { page, context } = await openPage(site);
  await page.goto(`${site.baseUrl}glossary/attachment-based.html`);
  const cta = page.locator(".entry__cta a");
  assert.equal(await cta.textContent(), "Find an attachment-based therapist");
  const href = new URL(await cta.getAttribute("href"), page.url());
  assert.equal(href.pathname, "/find.html");
  assert.equal(href.searchParams.get("approach"), "attachment-based");
  await context.close();
});

test("an entry page carries a canonical URL and FAQPage JSON-LD matching its FAQs", async () => {
  const { page, record, context } = await openPage(site);
  await page.goto(`${site.baseUrl}glossary/attachment-based.html`);
  assert.equal(
    await page.locator('link[rel="canonical"]').getAttribute("href"),
    "https://timefortherapy.co.uk/glossary/attachment-based.html",
  );
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld["@type"], "FAQPage");
  assert.deepEqual(
    ld.mainEntity.map((q) => [q.name, q.acceptedAnswer.text]),
    expected.faqs.map((f) => [f.q, f.a]),
  );
  await page.waitForLoadState("networkidle");
  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.failedResponses, []);
  for (const r of record.requests) assert.ok(r.url.startsWith(site.baseUrl), `request to another origin: ${r.url}`);
  await context.close();
});

test("the A to Z page lists every entry under its letter with a jump list", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.baseUrl}glossary/index.html`);
  assert.equal(await page.locator(".az-list > li").count(), glossary.length);
  const letters = await page.locator(".az-jump a").allTextContents();
  const firstLetters = [...new Set(glossary.map((e) => e.name[0].toUpperCase()))].sort();
  assert.deepEqual(letters, firstLetters);
  for (const letter of letters) {
    const names = await page.locator(`#letter-${letter.toLowerCase()} + .az-list > li > a`).allTextContents();
    assert.ok(names.length > 0);
    for (const n of names) assert.equal(n[0].toUpperCase(), letter);
  }
  const link = page.locator('.az-list a[href="attachment-based.html"]');
  assert.equal(await link.textContent(), expected.name);
  // Without JavaScript the search box is a plain form that lands back on this page.
  const form = page.locator("form[data-glossary-search]");
  assert.equal(await form.getAttribute("method"), "get");
  assert.equal(new URL(await form.getAttribute("action"), page.url()).pathname, "/glossary/index.html");
  await screenshot(page, "glossary-index-nojs-1280");
  await context.close();
});
