// Safety first: a visitor who reports risk sees UK crisis contacts immediately, before any other
// question or result (urgent contacts first when they do not feel safe), can then carry on, and
// finds the contacts again at the top of the results, beside the signposts. The contacts fit the
// person (Childline first for a child) and their nation once it is known; before that, every
// nation's own NHS line is listed under its name. Questions speak about the person the therapy
// is for.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./support.mjs";
import { readData } from "../node/support.mjs";
import { VISITOR, assertCleanRecord, assertNoAxeViolations, completeQuestionnaire, heading, openFind, shot, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const crisis = JSON.parse(readData("crisis.json"));
// VISITOR is 47 and chose no abuse concern: Childline (under 19s), Papyrus (35 and under) and the
// domestic abuse helplines are not theirs; every other contact is, in every nation.
const notForVisitor = new Set(["childline", "papyrus", "domestic-abuse-england", "mens-advice-line", "live-fear-free", "domestic-abuse-scotland", "domestic-abuse-ni"]);
const forVisitor = crisis.contacts.filter((c) => !notForVisitor.has(c.id));

const panelFacts = (p) =>
  p.evaluate(() => {
    const panel = document.querySelector("#flow .crisis-panel");
    return {
      tel: [...panel.querySelectorAll("a[href^='tel:']")].map((a) => a.getAttribute("href")),
      names: [...panel.querySelectorAll(".crisis-contact__name")].map((h) => h.textContent),
      groups: [...panel.querySelectorAll(".crisis-group__title")].map((h) => h.textContent),
      urgent: panel.querySelectorAll(".crisis-contact--urgent").length,
      lead: panel.querySelector(".lead").textContent,
    };
  });

for (const width of [360, 1280]) {
  test(`"not safe" interrupts with every nation's urgent lines, grouped, before anything else (${width} px)`, async () => {
    const { page, record, context } = await openPage(site, { width, height: 800 });
    await openFind(page, site.baseUrl);
    let crisisPage = null;
    const seen = await completeQuestionnaire(page, { ...VISITOR, safety: "urgent", format: ["video"] }, {
      onCrisis: async (p, h1) => {
        crisisPage = {
          h1,
          hasQuestion: await p.locator("form.question").count(),
          focused: await p.evaluate(() => document.activeElement.tagName),
          ...(await panelFacts(p)),
        };
        await assertNoAxeViolations(p, `crisis interruption at ${width} px`);
        await shot(p, `find-crisis-urgent-${width}`);
      },
    });
    const safetyAt = seen.findIndex((s) => s.id === "safety");
    assert.ok(safetyAt >= 0);
    assert.deepEqual(seen[safetyAt + 1], { crisis: "Please get help now" }, "the crisis page comes straight after the safety answer");
    assert.equal(crisisPage.hasQuestion, 0, "no question on the crisis page");
    // No place is known yet: 999 and Samaritans (anywhere in the UK) first, then each nation's own
    // line under its name: NHS 111 in England and Wales, NHS 24 on 111 in Scotland, Lifeline in NI.
    assert.deepEqual(crisisPage.tel.slice(0, 6), ["tel:999", "tel:116123", "tel:111", "tel:111", "tel:111", "tel:08088088000"]);
    assert.deepEqual(crisisPage.groups.slice(0, 5), ["Anywhere in the UK", "England", "Wales", "Scotland", "Northern Ireland"]);
    assert.deepEqual(new Set(crisisPage.names), new Set(forVisitor.map((c) => c.name)), "every contact that fits a 47-year-old, once each");
    assert.equal(crisisPage.names.length, forVisitor.length);
    assert.equal(crisisPage.urgent, forVisitor.filter((c) => c.urgent).length);
    assert.equal(crisisPage.focused, "H1", "focus moves to the crisis heading");

    await showMatches(page);
    // The results open with the crisis contacts, then the signposts, above the matches.
    const order = await page.evaluate(() => {
      const panel = document.querySelector("#flow .crisis-panel");
      const signposts = document.querySelector("#flow .signposts");
      const title = document.querySelector("#results-title");
      const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return panel && signposts && title ? follows(panel, signposts) && follows(signposts, title) : null;
    });
    assert.equal(order, true, "crisis contacts, then signposts, come before the results heading");
    // VISITOR chose pregnancy and after birth: midwife, health visitor or GP, and the emergency
    // after a birth; no place, so every nation's free NHS route, grouped.
    const perinatal = await page.textContent(".signpost[data-signpost='perinatal']");
    assert.match(perinatal, /midwife, health visitor or GP/);
    assert.match(perinatal, /emergency: call 999 or go to A&E/);
    assert.equal(await page.locator(".signposts h3").textContent(), "Free NHS help where you live");
    for (const id of ["nhs-talking-therapies", "nhs-wales-online-cbt", "nhs-scotland-psychological-therapies", "ni-talking-therapy-hubs"])
      assert.equal(await page.locator(`.signpost[data-signpost='${id}']`).count(), 1, id);
    assert.ok((await page.locator(".match-card").count()) > 0, "the visitor can still see matches");
    await assertNoAxeViolations(page, `results with crisis contacts at ${width} px`);
    await shot(page, `find-results-crisis-${width}`);
    assertCleanRecord(record, site.baseUrl);
    await context.close();
  });
}

test("'Yes, but I feel safe right now' shows every contact calmly, then the visitor carries on", async () => {
  const { page, record, context } = await openPage(site);
  await openFind(page, site.baseUrl);
  let facts;
  await completeQuestionnaire(page, { ...VISITOR, safety: "some", format: ["phone"] }, {
    onCrisis: async (p, heading) => {
      facts = { heading, ...(await panelFacts(p)) };
      await assertNoAxeViolations(p, "crisis page for 'some'");
    },
  });
  assert.equal(facts.heading, "You do not have to wait to talk to someone");
  assert.equal(facts.urgent, 0);
  assert.equal(facts.names.length, forVisitor.length);
  await showMatches(page);
  assert.equal(await page.locator("#flow .crisis-panel--some").count(), 1);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("'I'd rather not say' still shows the contacts, without thanking the visitor for telling us", async () => {
  const { page, record, context } = await openPage(site);
  await openFind(page, site.baseUrl);
  let facts;
  await completeQuestionnaire(page, { ...VISITOR, safety: "prefer-not-to-say", format: ["phone"] }, {
    onCrisis: async (p, heading) => (facts = { heading, ...(await panelFacts(p)) }),
  });
  assert.equal(facts.heading, "You do not have to wait to talk to someone");
  assert.equal(facts.names.length, forVisitor.length);
  assert.match(facts.lead, /^That is fine\./);
  assert.doesNotMatch(facts.lead, /telling us/);
  await showMatches(page);
  assert.match(await page.textContent("#flow .crisis-panel .lead"), /^That is fine\./);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("for a child, the questions speak about the child and Childline comes first", async () => {
  const { page, record, context } = await openPage(site);
  await openFind(page, site.baseUrl);
  const prompts = {};
  let facts;
  await completeQuestionnaire(page, { ...VISITOR, who: "child", age: "9", concerns: ["anxiety"], safety: "urgent", format: ["video"] }, {
    onPage: async (p, { id }) => {
      prompts[id] = { h1: await heading(p), labels: await p.$$eval("form.question .choice__label", (ls) => ls.map((l) => l.textContent)) };
    },
    onCrisis: async (p) => (facts = await panelFacts(p)),
  });
  assert.equal(prompts.age.h1, "How old is your child?");
  assert.equal(prompts.safety.h1, "In the last two weeks, has your child had thoughts of harming themselves or ending their life, as far as you know?");
  assert.deepEqual(prompts.safety.labels, ["No", "Yes, but they are safe right now", "Yes, and I do not think they are safe", "I'd rather not say"]);
  assert.equal(prompts.languages.h1, "Which languages could your child have therapy in? (optional)");
  assert.equal(facts.tel[0], "tel:08001111", "Childline first for under-19s");
  assert.equal(facts.names[0], "Childline");
  // The check-your-answers page asks its questions the same way.
  assert.ok(await page.locator("dt:text('How old is your child?')").count());
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("once the results know the visitor is in Belfast, Need help now? lists Northern Ireland's lines, never NHS 111", async () => {
  const { page, record, context } = await openPage(site);
  await openFind(page, site.baseUrl);
  const needHelp = () =>
    page.evaluate(() => ({
      titles: [...document.querySelectorAll(".need-help__nation")].map((d) => d.textContent),
      tel: [...document.querySelectorAll(".need-help a[href^='tel:']")].map((a) => a.getAttribute("href")),
    }));
  const before = await needHelp();
  assert.deepEqual(before.titles, ["Anywhere in the UK", "England", "Wales", "Scotland", "Northern Ireland"]);
  await completeQuestionnaire(page, { ...VISITOR, concerns: ["anxiety"], location: { type: "Belfa", pick: "Belfast" } });
  await showMatches(page);
  const afterResults = await needHelp();
  assert.deepEqual(afterResults.titles, ["Northern Ireland"]);
  assert.ok(afterResults.tel.includes("tel:08088088000"), "Lifeline");
  assert.ok(afterResults.tel.includes("tel:999"));
  assert.ok(!afterResults.tel.includes("tel:111"), "no NHS 111 in Northern Ireland");
  assert.equal(await page.locator(".signpost[data-signpost='ni-talking-therapy-hubs']").count(), 1);
  assert.equal(await page.locator(".signpost[data-signpost='nhs-talking-therapies']").count(), 0);
  await assertNoAxeViolations(page, "results for a visitor in Belfast");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
