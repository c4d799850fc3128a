// What the find page leaves behind on a shared device (issue #12, defects 1 and 7): history
// entries hold no answer (browsers keep history state on disk and show it to whoever presses Back
// next), "Clear everything" leaves nothing Back can bring back, and a browser that blocks site
// data still gets a working page.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./support.mjs";
import { VISITOR, assertCleanRecord, completeQuestionnaire, heading, openFind, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

// Everything the page put in history.state, as text.
const stateText = (page) => page.evaluate(() => JSON.stringify(history.state));

test("history holds only step numbers, and after Clear everything Back never shows the crisis page", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 800 });
  await openFind(page, site.baseUrl);
  const states = [];
  await completeQuestionnaire(page, { ...VISITOR, safety: "urgent", format: ["video"] }, {
    onPage: async (p) => states.push(await stateText(p)),
    onCrisis: async (p, h1) => {
      assert.equal(h1, "Please get help now");
      states.push(await stateText(p));
    },
  });
  await showMatches(page);
  states.push(await stateText(page));
  // Every entry is {"step": n}: no view name, question id, crisis level or answer.
  for (const s of states) assert.match(s, /^\{"step":\d+\}$/, s);

  // A click: Tab would pass every result card first (find_keyboard proves the keyboard path).
  await page.click("#clear-everything");
  await page.locator("#cleared-message").waitFor();
  assert.match(await stateText(page), /^\{"step":\d+\}$/);
  // The next person presses Back, again and again: the start page, never an earlier view.
  for (let i = 0; i < 6; i++) {
    await page.goBack();
    if (!page.url().endsWith("/find.html")) break;
    await page.waitForFunction(() => document.querySelector("#flow h1"));
    const h1 = await heading(page);
    assert.equal(h1, "Find a therapist who fits you", `Back ${i + 1} showed "${h1}"`);
    assert.equal(await page.locator(".crisis-panel, #crisis-continue").count(), 0);
  }
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("Back after the crisis page still shows it while the visit goes on (the level is kept in memory)", async () => {
  const { page, context } = await openPage(site);
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, { ...VISITOR, safety: "urgent", format: ["video"] });
  // From "Check your answers", Back walks the questions in reverse; the crisis page is among them.
  // Each Back waits for the view to change: the crisis page fills in once the worker has answered,
  // so until then the previous question's heading is still shown.
  const seen = [await heading(page)];
  for (let i = 0; i < 25 && !seen.includes("Please get help now") && page.url().endsWith("/find.html"); i++) {
    await page.goBack();
    await page.waitForFunction((before) => {
      const h1 = document.querySelector("#flow h1");
      return !location.pathname.endsWith("/find.html") || (h1 && h1.textContent !== before);
    }, seen.at(-1));
    seen.push(await heading(page));
  }
  assert.ok(seen.includes("Please get help now"), seen.join(" | "));
  await context.close();
});

// Reading localStorage throws when site data is blocked, and inside a cross-origin frame.
function blockStorage() {
  for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(window, name, {
      get() {
        throw new DOMException("The user denied access to site data", "SecurityError");
      },
    });
  }
  Object.defineProperty(Document.prototype, "cookie", {
    get() {
      throw new DOMException("Access is denied for this document", "SecurityError");
    },
    set() {
      throw new DOMException("Access is denied for this document", "SecurityError");
    },
  });
}

test("find.html starts and works when every storage access throws", async () => {
  const { page, record, context } = await openPage(site);
  await page.addInitScript(blockStorage);
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, VISITOR);
  await showMatches(page);
  assert.ok((await page.locator(".match-card").count()) > 0);
  // Saving and asking to remember work in memory, and the page says it cannot store.
  await page.locator(".save-button").first().click();
  await page.locator("#remember-shortlist").check();
  await page.locator("#flow-status").filter({ hasText: "cannot be remembered" }).waitFor();
  await page.locator("#clear-everything").click();
  await page.locator("#cleared-message").waitFor();
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
