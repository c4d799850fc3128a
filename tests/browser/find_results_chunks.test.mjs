// The results page adds its cards a few at a time (web/js/chunked-list.js), so no main-thread task
// runs long (issue 14). This proves nothing is lost by that: every card ends up on the page, in the
// core's order, and focus still lands where it always did (the results heading; after "Show more",
// the first new card), with the CPU slowed so that the cards really do arrive in several tasks.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./support.mjs";
import { answerQuickly, assertCleanRecord, openFind, resultsSettled } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

test("fillInChunks adds every item in order, one task at a time within its budget, and stops when cancelled", async () => {
  const { page, record, context } = await openPage(site);
  await page.goto(`${site.baseUrl}about-evidence.html`);
  const out = await page.evaluate(async () => {
    const { fillInChunks } = await import("/js/chunked-list.js");
    const lists = () => [document.createElement("ol"), document.createElement("ol")];
    const item = (n) => Object.assign(document.createElement("li"), { textContent: String(n) });
    const texts = (ol) => [...ol.children].map((li) => Number(li.textContent));
    const range = (from, n) => Array.from({ length: n }, (_, i) => from + i);
    let yields = 0;
    // A budget of 0 ms: one item a task. Each yield is a new task through a message port, not a
    // timer, so nothing here waits for a time.
    const nextTask = () =>
      new Promise((ok) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => ok(undefined);
        channel.port2.postMessage(0);
      });
    const slow = { budgetMs: 0, yieldTask: () => (yields++, nextTask()) };

    const [a, b] = lists();
    const fill = fillInChunks([{ list: a, items: range(0, 7) }, { list: b, items: range(7, 5) }], item, slow);
    const atOnce = a.children.length + b.children.length;
    const complete = await fill.done;
    const whole = { atOnce, yields, complete, a: texts(a), b: texts(b) };

    const [c, d] = lists();
    const stopped = fillInChunks([{ list: c, items: range(0, 7) }, { list: d, items: range(7, 5) }], item, slow);
    stopped.cancel();
    const cancelled = { complete: await stopped.done, added: c.children.length + d.children.length };

    const [e, f] = lists();
    const rushed = fillInChunks([{ list: e, items: range(0, 7) }, { list: f, items: range(7, 5) }], item, slow);
    rushed.finish();
    const finished = { now: [texts(e), texts(f)], complete: await rushed.done, after: e.children.length + f.children.length };

    const none = await fillInChunks([], item, slow).done;
    return { whole, cancelled, finished, none };
  });
  assert.deepEqual(out.whole, { atOnce: 0, yields: 12, complete: true, a: [0, 1, 2, 3, 4, 5, 6], b: [7, 8, 9, 10, 11] }, "none at once, then one item a task, in order");
  assert.deepEqual(out.cancelled, { complete: false, added: 0 }, "nothing is added after cancel()");
  assert.deepEqual(out.finished, { now: [[0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11]], complete: true, after: 12 }, "finish() adds the rest at once, once");
  assert.equal(out.none, true);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

// Each list's card ids, in page order.
const listIds = (page) => page.$$eval(".match-list", (lists) => lists.map((l) => ({ id: l.id, cards: [...l.querySelectorAll(".match-card")].map((c) => c.dataset.id) })));

test("with the CPU slowed, every card still arrives in order and focus lands on the heading, then on the first new card", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await openFind(page, site.baseUrl);
  await answerQuickly(page);
  // Each batch of cards added to a list, and where focus was when the matches section first showed.
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__batches = [];
    w.__focusAtFirst = null;
    const seen = new WeakSet();
    new MutationObserver(() => {
      // Cards on the page now that were not at the last look: one batch per task that added some.
      const cards = [...document.querySelectorAll(".match-list__item")].filter((li) => !seen.has(li));
      for (const li of cards) seen.add(li);
      if (cards.length) w.__batches.push(cards.length);
      if (w.__focusAtFirst === null && document.querySelector(".matches"))
        w.__focusAtFirst = { id: document.activeElement?.id, busy: document.querySelector(".matches").getAttribute("aria-busy"), cards: document.querySelectorAll(".match-card").length };
    }).observe(document.getElementById("flow"), { subtree: true, childList: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.focus("#show-matches");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#results-title", { timeout: 60000 });
  await resultsSettled(page, { timeout: 60000 });

  const first = await page.evaluate(() => ({ batches: /** @type {any} */ (window).__batches, focusAtFirst: /** @type {any} */ (window).__focusAtFirst, focus: document.activeElement?.id }));
  assert.ok(first.batches.length > 1, `the cards came in several tasks (batches ${JSON.stringify(first.batches)}), so this test exercises that`);
  assert.equal(first.batches.reduce((a, b) => a + b, 0), 20, "every card was added once");
  assert.deepEqual({ id: first.focusAtFirst.id, busy: first.focusAtFirst.busy }, { id: "results-title", busy: "true" }, "focus is on the heading as the page shows, the list still busy");
  assert.ok(first.focusAtFirst.cards < 20, `the cards were still to come when focus moved (${first.focusAtFirst.cards} there)`);
  assert.equal(first.focus, "results-title", "focus stays on the heading while the rest arrive");
  const twenty = await listIds(page);
  assert.equal(twenty.reduce((n, l) => n + l.cards.length, 0), 20);
  assert.equal(await page.locator(".matches[aria-busy]").count(), 0, "the list is no longer busy");

  // Show more: 40 cards; each list's first cards are the same ones in the same order (the core's
  // ranking does not change with the limit), and focus lands on the 21st card's name.
  await page.evaluate(() => (/** @type {any} */ (window).__batches = []));
  await page.focus("#show-more");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.classList.contains("match-card__name"), null, { timeout: 60000 });
  const forty = await listIds(page);
  assert.equal(forty.reduce((n, l) => n + l.cards.length, 0), 40, "40 cards after Show more");
  for (const before of twenty) {
    const now = forty.find((l) => l.id === before.id);
    assert.deepEqual(now.cards.slice(0, before.cards.length), before.cards, `${before.id} keeps its first cards in order`);
  }
  const focused = await page.evaluate(() => [...document.querySelectorAll(".match-card__name")].indexOf(/** @type {Element} */ (document.activeElement)));
  assert.equal(focused, 20, "focus is on the first card past the 20 shown before");
  assert.ok((await page.evaluate(() => /** @type {any} */ (window).__batches.length)) > 1, "Show more also came in several tasks");
  // The filters are built only when first opened (a shorter first task), then show the answers.
  assert.equal(await page.locator(".refine form").count(), 0, "the closed filters are not built yet");
  await page.click(".refine summary");
  assert.equal(await page.inputValue("#refine-sort"), "best", "opened, they are there with the visitor's sort");
  assert.equal(await page.isChecked("#refine-format-video"), true, "and the ways of meeting they chose");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
