// Issue 13's styling, measured in the browser rather than read from the stylesheet:
// - every visible button keeps readable text (4.5:1) at rest, hovered and pressed (the states are
//   forced through the DevTools protocol, as a mouse or finger would set them);
// - radios and checkboxes are GOV.UK size (40 px, or the small 24 px in filters) with the first
//   line of their label centred on the box;
// - whatever has keyboard focus shows an indicator (outline or shadow, at least 2 px) with 3:1 or
//   more against what surrounds it, on every page and background (the green header included);
// - the header is one short row at 360 px with a Menu button that keyboard and screen-reader users
//   can work, and without JavaScript every link shows.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, LOADING_MS, openPage } from "./support.mjs";
import { contrast, over, parseColour, parseShadows } from "./contrast.mjs";
import { VISITOR, assertCleanRecord, completeQuestionnaire, openFind, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const WHITE = { r: 255, g: 255, b: 255, a: 1 };

// In the page: the element's colours and the first opaque background behind it.
function looksOf(node) {
  const s = getComputedStyle(node);
  let around = "rgb(255, 255, 255)";
  for (let n = node.parentElement; n; n = n.parentElement) {
    const bg = getComputedStyle(n).backgroundColor;
    if (bg !== "transparent" && !/,\s*0\)$/.test(bg)) {
      around = bg;
      break;
    }
  }
  const r = node.getBoundingClientRect();
  return {
    name: `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""} "${(node.textContent || node.value || "").trim().slice(0, 40)}"`,
    color: s.color,
    background: s.backgroundColor,
    around,
    outlineStyle: s.outlineStyle,
    outlineWidth: Number.parseFloat(s.outlineWidth),
    outlineColor: s.outlineColor,
    boxShadow: s.boxShadow,
    visible: r.width > 0 && r.height > 0,
  };
}

/** The best contrast any part of a focus indicator has against what it is drawn on. */
export function indicatorContrast(look) {
  const around = over(parseColour(look.around), WHITE);
  const own = parseColour(look.background);
  const inside = own.a > 0 ? over(own, around) : around;
  const parts = [];
  if (look.outlineStyle !== "none" && look.outlineWidth >= 2) parts.push({ colour: parseColour(look.outlineColor), on: around, what: "outline" });
  for (const sh of parseShadows(look.boxShadow)) {
    if (Math.max(Math.abs(sh.x), Math.abs(sh.y), sh.spread) < 2) continue;
    parts.push({ colour: sh.colour, on: sh.inset ? inside : around, what: "shadow" });
  }
  const usable = parts.filter((p) => p.colour.a > 0.99);
  if (!usable.length) return { ratio: 0, what: "no outline or shadow" };
  const best = usable.map((p) => ({ ratio: contrast(p.colour, p.on), what: p.what })).sort((a, b) => b.ratio - a.ratio)[0];
  return best;
}

/** Presses Tab through the page (at most `max` stops) and returns how each focused element looks. */
async function tabThrough(page, max = 90) {
  await page.evaluate(() => document.activeElement?.blur());
  const seen = [];
  const keys = new Set();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const look = await page.evaluate((fn) => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      if (!a.dataset.tabProbe) a.dataset.tabProbe = String(Math.random());
      // eslint-disable-next-line no-new-func
      return { key: a.dataset.tabProbe, ...new Function(`return (${fn})`)()(a) };
    }, looksOf.toString());
    if (!look || keys.has(look.key)) break;
    keys.add(look.key);
    seen.push(look);
  }
  return seen;
}

function assertFocusVisible(looks, where) {
  assert.ok(looks.length >= 3, `${where}: Tab reached ${looks.length} elements`);
  const weak = [];
  for (const look of looks) {
    if (!look.visible) continue;
    const best = indicatorContrast(look);
    if (best.ratio < 3) weak.push(`${look.name} on ${look.around}: ${best.what} ${best.ratio.toFixed(2)}:1`);
  }
  assert.deepEqual(weak, [], `${where}: focus indicators under 3:1`);
}

// Forces :hover / :active on each visible, enabled button through the DevTools protocol and
// returns the text and background colours in each state (one read of every button per state).
async function buttonStates(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const n = await page.evaluate((sel) => {
    let i = 0;
    for (const b of document.querySelectorAll(sel)) {
      delete b.dataset.buttonProbe;
      if (b.disabled || !b.getClientRects().length || getComputedStyle(b).visibility === "hidden") continue;
      b.dataset.buttonProbe = String(i++);
    }
    return i;
  }, selector);
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "[data-button-probe]" });
  const out = [];
  for (const state of [[], ["hover"], ["active"], ["hover", "active"]]) {
    for (const nodeId of nodeIds) await cdp.send("CSS.forcePseudoState", { nodeId, forcedPseudoClasses: state });
    const looks = await page.evaluate((fn) => {
      const look = new Function(`return (${fn})`)();
      return [...document.querySelectorAll("[data-button-probe]")].map((b) => look(b));
    }, looksOf.toString());
    out.push(...looks.map((l) => ({ state: state.join("+") || "rest", ...l })));
  }
  for (const nodeId of nodeIds) await cdp.send("CSS.forcePseudoState", { nodeId, forcedPseudoClasses: [] });
  await cdp.detach();
  assert.equal(out.length, n * 4);
  return out;
}

function assertReadableButtons(states, where) {
  assert.ok(states.length >= 4, `${where}: found buttons`);
  const bad = [];
  for (const s of states) {
    const around = over(parseColour(s.around), WHITE);
    const face = over(parseColour(s.background), around);
    const ratio = contrast(over(parseColour(s.color), face), face);
    if (ratio < 4.5) bad.push(`${s.name} ${s.state}: ${s.color} on ${s.background} = ${ratio.toFixed(2)}:1`);
  }
  assert.deepEqual(bad, [], `${where}: buttons whose text is unreadable`);
}

const BUTTONS = "button, .button, .chip";

// Radios and checkboxes: the box size and where the first line of its label sits.
async function choiceGeometry(page, scope) {
  return page.$$eval(`${scope} input[type=radio], ${scope} input[type=checkbox]`, (inputs) =>
    inputs
      .filter((i) => i.getClientRects().length)
      .map((input) => {
        const label = (input.id && document.querySelector(`label[for="${input.id}"]`)) || input.closest("label");
        const box = input.getBoundingClientRect();
        let line = null;
        if (label) {
          const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT, { acceptNode: (t) => (t.textContent.trim() ? 1 : 3) });
          const text = walker.nextNode();
          if (text) {
            const range = document.createRange();
            range.selectNodeContents(text);
            const r = [...range.getClientRects()].find((x) => x.width > 0);
            if (r) line = { top: r.top, bottom: r.bottom, left: r.left };
          }
        }
        return {
          name: `${input.name}=${input.value}`,
          small: Boolean(input.closest(".choice--small, .choice--inline")),
          w: box.width,
          h: box.height,
          centre: box.top + box.height / 2,
          right: box.right,
          line,
        };
      }),
  );
}

function assertChoices(geometry, where, least = 2) {
  assert.ok(geometry.length >= least, `${where}: found radios or checkboxes`);
  for (const g of geometry) {
    const size = g.small ? 24 : 40;
    assert.ok(Math.abs(g.w - size) <= 0.5 && Math.abs(g.h - size) <= 0.5, `${where} ${g.name}: ${g.w}x${g.h} px, expected ${size} px`);
    assert.ok(g.line, `${where} ${g.name}: has a label`);
    const lineCentre = (g.line.top + g.line.bottom) / 2;
    assert.ok(Math.abs(lineCentre - g.centre) <= 2.5, `${where} ${g.name}: label line centred ${lineCentre.toFixed(1)} vs box ${g.centre.toFixed(1)}`);
    const gap = g.line.left - g.right;
    assert.ok(gap >= 4 && gap <= 24, `${where} ${g.name}: ${gap.toFixed(1)} px between box and label`);
  }
}

async function toQuestion(page, id) {
  await openFind(page, site.baseUrl);
  await page.click("#start");
  for (let i = 0; i < 20; i++) {
    await page.waitForSelector("form.question");
    if ((await page.getAttribute("form.question", "data-question")) === id) return;
    const current = await page.getAttribute("form.question", "data-question");
    const first = page.locator("form.question input").first();
    if (current === "who") await page.check("input[value=myself]");
    else if (current === "age") await page.fill("#q-age", "40");
    else if (current === "concerns") await page.check("input[name=concerns][value=anxiety]");
    else if (current === "safety") await page.check("input[name=safety][value=none]");
    else if (current === "format") await page.check("input[name=format][value=video]");
    else if ((await first.getAttribute("type")) === "text") await first.fill("");
    await page.click("#continue");
    await page.waitForFunction((prev) => document.querySelector("form.question")?.dataset.question !== prev, current);
  }
  assert.fail(`never reached the ${id} question`);
}

test("buttons stay readable hovered and pressed; radios and checkboxes are GOV.UK size and aligned; focus shows at 3:1 (question pages, crisis page, professionals, privacy)", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 800 });
  await toQuestion(page, "who");
  assertChoices(await choiceGeometry(page, "form.question"), "who");
  assertFocusVisible(await tabThrough(page), "the who question");
  await toQuestion(page, "concerns");
  assertChoices(await choiceGeometry(page, "form.question"), "concerns");
  await toQuestion(page, "budget");
  assertChoices(await choiceGeometry(page, "form.question"), "budget must-have", 1);
  assertReadableButtons(await buttonStates(page, BUTTONS), "a question page");

  // The crisis interruption's "Carry on" is the secondary button the issue saw go blank.
  await toQuestion(page, "safety");
  await page.check("input[name=safety][value=some]");
  await page.click("#continue");
  await page.waitForSelector("#crisis-continue");
  assertReadableButtons(await buttonStates(page, BUTTONS), "the crisis page");
  assertFocusVisible(await tabThrough(page), "the crisis page (warm background)");

  await page.goto(`${site.baseUrl}professionals.html`);
  await page.locator("#pro-form[data-ready]").waitFor({ timeout: LOADING_MS });
  assertChoices(await choiceGeometry(page, "#pro-form"), "For Professionals");
  assertReadableButtons(await buttonStates(page, BUTTONS), "For Professionals");
  assertFocusVisible(await tabThrough(page, 120), "For Professionals");

  await page.goto(`${site.baseUrl}privacy.html`);
  assertReadableButtons(await buttonStates(page, `${BUTTONS}, a`), "privacy");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("focus shows at 3:1 on the home page, a glossary entry and the crisis page, on the green header and light backgrounds", async () => {
  for (const [width, paths] of [[360, ["index.html", "glossary/cbt.html", "crisis.html"]], [1280, ["index.html"]]]) {
    const { page, record, context } = await openPage(site, { width, height: 800 });
    for (const path of paths) {
      await page.goto(`${site.baseUrl}${path}`);
      const looks = await tabThrough(page);
      assert.ok(looks.some((l) => /Time for Therapy/.test(l.name)), `${path}: the header brand was reached`);
      assertFocusVisible(looks, `${path} at ${width} px`);
    }
    assertCleanRecord(record, site.baseUrl);
    await context.close();
  }
});

test("results: every button readable in every state, filter boxes small-size and aligned, focus at 3:1 through the cards", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 800 });
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, { ...VISITOR, concerns: ["anxiety"], languages: [] });
  await showMatches(page);
  await page.click(".refine summary");
  // The filters are built on the details' toggle event, a task after the click (results-view.js).
  await page.locator(".refine input[type=checkbox]").first().waitFor();
  assertChoices(await choiceGeometry(page, ".refine"), "the filters");
  assertReadableButtons(await buttonStates(page, BUTTONS), "results");
  assertFocusVisible(await tabThrough(page, 120), "results");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("header at 360 px: one short row; Menu opens and closes the links by keyboard with the state announced; at 1280 px no button", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 700 });
  await page.goto(`${site.baseUrl}privacy.html`);
  const header = page.locator(".site-header");
  const height = (await header.boundingBox()).height;
  console.log(`# header at 360 px: ${Math.round(height)} px`);
  assert.ok(height <= 64, `the header is ${height} px tall at 360 px`);
  const button = page.getByRole("button", { name: "Menu" });
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await page.getByRole("link", { name: "Need help now?" }).isVisible(), true, "help stays in view");
  const navLink = (file) => page.locator(`.site-nav a[href$="${file}"]`);
  assert.equal(await navLink("find.html").isVisible(), false);
  // The closed links are out of the tab order: Tab goes brand → help → Menu → page content.
  await page.keyboard.press("Tab"); // skip link
  const order = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => document.activeElement.textContent.trim()));
  }
  assert.deepEqual(order.slice(0, 3), ["Time for Therapy", "Need help now?", "Menu"]);
  assert.notEqual(order[3], "Find a therapist");
  // Open with Enter from the keyboard: the four links follow the button in the tab order.
  await button.focus();
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const links = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    links.push(await page.evaluate(() => document.activeElement.textContent.trim()));
  }
  assert.deepEqual(links, ["Find a therapist", "Therapy approaches", "For professionals", "Privacy"]);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-current")), "page");
  // Escape closes it and puts focus back on the button.
  await page.keyboard.press("Escape");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.activeElement.id), "site-menu-button");
  assert.equal(await navLink("privacy.html").isVisible(), false);
  // Space toggles it too (a real button).
  await page.keyboard.press("Space");
  assert.equal(await navLink("privacy.html").isVisible(), true);

  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await page.locator("#site-menu-button").isVisible(), false);
  for (const name of ["Find a therapist", "Therapy approaches", "For professionals", "Privacy", "Need help now?"])
    assert.equal(await page.getByRole("link", { name }).first().isVisible(), true, name);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("header without JavaScript at 360 px: no menu button, every link visible, nothing wider than the screen", async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 700 }, javaScriptEnabled: false, serviceWorkers: "block" });
  const page = await context.newPage();
  for (const path of ["index.html", "glossary/index.html"]) {
    await page.goto(`${site.baseUrl}${path}`);
    assert.equal(await page.locator("#site-menu-button").isVisible(), false, path);
    for (const name of ["Find a therapist", "Therapy approaches", "For professionals", "Privacy", "Need help now?"])
      assert.equal(await page.getByRole("link", { name, exact: true }).first().isVisible(), true, `${path}: ${name}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow} px`);
  }
  await context.close();
});

test("results with risk reported at 360 px: the crisis part is compact, Show all contacts opens every contact, 20 matches fit in 9,000 px", async () => {
  const { page, record, context } = await openPage(site, { width: 360, height: 780 });
  await openFind(page, site.baseUrl);
  await completeQuestionnaire(page, {
    ...VISITOR,
    safety: "urgent",
    concerns: ["anxiety"],
    location: { type: "Leed", pick: "Leeds" },
    languages: [],
  });
  await showMatches(page);
  const panel = page.locator("#flow .crisis-panel");
  const panelHeight = (await panel.boundingBox()).height;
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`# results with the crisis part at 360 px: panel ${Math.round(panelHeight)} px, page ${pageHeight} px`);
  assert.equal(await page.locator(".match-list__item").count(), 20);
  assert.ok(panelHeight <= 480, `the crisis part is ${panelHeight} px tall`);
  assert.ok(pageHeight <= 9000, `the page is ${pageHeight} px tall`);
  // Leeds is in England: 999, NHS 111 and the lines for anyone are one tap away at once.
  const quick = await panel.locator(".crisis-quick a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const tel of ["tel:999", "tel:111", "tel:116123"]) assert.ok(quick.includes(tel), `${tel} in ${quick}`);
  const toggle = panel.getByRole("button", { name: "Show all contacts" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await panel.locator(".crisis-contact").first().isVisible(), false);
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await panel.locator("button.crisis-panel__toggle").getAttribute("aria-expanded"), "true");
  const names = await panel.locator(".crisis-contact__name").allTextContents();
  assert.ok(names.includes("Samaritans") && names.length > quick.length, `every contact, more than the quick list: ${names}`);
  assert.equal(await panel.locator(".crisis-contact").first().isVisible(), true);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
