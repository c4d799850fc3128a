// Safety first: a visitor who reports risk sees UK crisis contacts immediately, before any other
// question or result (urgent contacts first when they do not feel safe), can then carry on, and
// finds the contacts again at the top of the results.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./support.mjs";
import { readData } from "../node/support.mjs";
import { VISITOR, assertCleanRecord, assertNoAxeViolations, completeQuestionnaire, openFind, shot, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const crisis = JSON.parse(readData("crisis.json"));
const urgentPhones = crisis.contacts.filter((c) => c.urgent && c.phone).map((c) => `tel:${c.phone}`);

for (const width of [360, 1280]) {
  test(`"not safe right now" interrupts with urgent crisis contacts before anything else (${width} px)`, async () => {
    const { page, record, context } = await openPage(site, { width, height: 800 });
    await openFind(page, site.baseUrl);
    let crisisPage = null;
    const seen = await completeQuestionnaire(page, { ...VISITOR, safety: "urgent", format: ["video"] }, {
      onCrisis: async (p, h1) => {
        crisisPage = {
          h1,
          hasQuestion: await p.locator("form.question").count(),
          // The urgent contacts, in data order, are the first links in the panel.
          firstLinks: await p.$$eval(".crisis-panel a[href^='tel:']", (as) => as.slice(0, 3).map((a) => a.getAttribute("href"))),
          contacts: await p.locator(".crisis-contact").count(),
          focused: await p.evaluate(() => document.activeElement.tagName),
        };
        await assertNoAxeViolations(p, `crisis interruption at ${width} px`);
        await shot(p, `find-crisis-urgent-${width}`);
      },
    });
    const safetyAt = seen.findIndex((s) => s.id === "safety");
    assert.ok(safetyAt >= 0);
    assert.deepEqual(seen[safetyAt + 1], { crisis: "Please get help now" }, "the crisis page comes straight after the safety answer");
    assert.equal(crisisPage.hasQuestion, 0, "no question on the crisis page");
    assert.deepEqual(crisisPage.firstLinks, urgentPhones.slice(0, 3));
    assert.equal(crisisPage.contacts, crisis.contacts.length, "every contact from crisis.json is listed");
    assert.equal(crisisPage.focused, "H1", "focus moves to the crisis heading");

    await showMatches(page);
    // The results open with the crisis contacts, above the matches.
    const order = await page.evaluate(() => {
      const panel = document.querySelector("#flow .crisis-panel");
      const title = document.querySelector("#results-title");
      return panel && title ? Boolean(panel.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
    });
    assert.equal(order, true, "crisis contacts come before the results heading");
    assert.ok((await page.locator(".match-card").count()) > 0, "the visitor can still see matches");
    await assertNoAxeViolations(page, `results with crisis contacts at ${width} px`);
    await shot(page, `find-results-crisis-${width}`);
    assertCleanRecord(record, site.baseUrl);
    await context.close();
  });
}

test("'sometimes, but safe' shows every contact calmly, then the visitor carries on", async () => {
  const { page, record, context } = await openPage(site);
  await openFind(page, site.baseUrl);
  let h1;
  let contacts;
  await completeQuestionnaire(page, { ...VISITOR, safety: "some", format: ["phone"] }, {
    onCrisis: async (p, heading) => {
      h1 = heading;
      contacts = await p.locator(".crisis-contact").count();
      assert.equal(await p.locator(".crisis-contact--urgent").count(), 0);
      await assertNoAxeViolations(p, "crisis page for 'some'");
    },
  });
  assert.equal(h1, "You do not have to wait to talk to someone");
  assert.equal(contacts, crisis.contacts.length);
  await showMatches(page);
  assert.equal(await page.locator("#flow .crisis-panel--some").count(), 1);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
