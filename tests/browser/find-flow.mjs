// Drives find.html the way a visitor does, shared by the find_*.test.mjs files. Two ways through
// the same questions with the same answers:
//   - by keyboard only (Tab, Shift+Tab, Space, Enter, arrows, typing: no clicks), which
//     find_keyboard.test.mjs (and the embed test, inside the partner's frame) asks for with
//     { by: "keyboard" } to prove the flow works without a mouse;
//   - by pointer (click, check, fill), the default: every other test is about what happens
//     after the answers, and a Tab walk costs a round trip per focus stop (about 250 key presses
//     per walk, several minutes of the browser layer when every file walked by keyboard).
import assert from "node:assert/strict";
import { axeViolations, describeViolations } from "./axe.mjs";
import { LOADING_MS, screenshot } from "./support.mjs";

// The distinctive answers the privacy test hunts for in every request and every storage write.
export const VISITOR = {
  who: "myself",
  age: "47",
  concerns: ["perinatal", "anxiety"],
  safety: "none",
  format: ["in-person", "video"],
  location: { type: "Aberys", pick: "Aberystwyth" },
  max_distance_km: "37", // miles
  budget: "63",
  low_cost: "no",
  therapist_gender: "any",
  languages: ["en", "cy"],
  availability: [],
  identity: [],
  approaches: [],
};

const active = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a ? { id: a.id, name: a.getAttribute("name"), value: a.value, tag: a.tagName } : null;
  });

/** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
export async function tabTo(page, selector, { max = 150, backwards = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  assert.fail(`could not reach ${selector} with the Tab key (focus is on ${JSON.stringify(await active(page))})`);
}

export const heading = (page) => page.evaluate(() => document.querySelector("#flow h1")?.textContent ?? "");

/** Waits until the page's h1 differs from `before` (the next page has rendered). */
export async function nextPage(page, before) {
  await page.waitForFunction((prev) => {
    const h = document.querySelector("#flow h1")?.textContent;
    return h && h !== prev;
  }, before, { timeout: LOADING_MS });
}

export async function openFind(page, baseUrl, query = "") {
  await page.goto(`${baseUrl}find.html${query}`);
  await page.waitForSelector("body[data-ready]", { timeout: LOADING_MS });
}

export async function assertNoAxeViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
}

async function answerByKeyboard(page, id, kind, want) {
  if (kind === "radio") {
    await tabTo(page, `input[name="${id}"]`);
    await page.keyboard.press("Space");
    for (let i = 0; i < 12 && (await active(page)).value !== want; i++) await page.keyboard.press("ArrowDown");
    assert.equal((await active(page)).value, want, `could not choose ${want} for ${id}`);
  } else if (kind === "checkbox") {
    for (const v of want) {
      await tabTo(page, `input[name="${id}"][value="${v}"]`, { max: 200 });
      await page.keyboard.press("Space");
    }
  } else if (kind === "text") {
    await tabTo(page, `#q-${id}`);
    await page.keyboard.type(want);
  } else if (kind === "place") {
    await tabTo(page, `#q-${id}`);
    await page.keyboard.type(want.type);
    await page.locator(`#q-${id}-list[data-query="${want.type}"] [role=option]`).first().waitFor();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("ArrowDown");
      const text = await page.evaluate((listId) => document.querySelector(`#${listId} [aria-selected=true]`)?.textContent, `q-${id}-list`);
      if (text?.startsWith(want.pick)) break;
    }
    await page.keyboard.press("Enter");
    assert.equal(await page.inputValue(`#q-${id}`), want.pick);
  }
}

/** The same answers as answerByKeyboard, given by pointer: a click per choice, text filled in. */
async function answerByPointer(page, id, kind, want) {
  if (kind === "radio") {
    await page.check(`form.question input[name="${id}"][value="${want}"]`);
  } else if (kind === "checkbox") {
    for (const v of want) await page.check(`form.question input[name="${id}"][value="${v}"]`);
  } else if (kind === "text") {
    await page.fill(`#q-${id}`, want);
  } else if (kind === "place") {
    await page.fill(`#q-${id}`, want.type);
    const options = page.locator(`#q-${id}-list[data-query="${want.type}"] [role=option]`);
    await options.first().waitFor();
    await options.filter({ hasText: new RegExp(`^${want.pick}`) }).first().click();
    assert.equal(await page.inputValue(`#q-${id}`), want.pick);
  }
}

/** Moves on with the button `selector`: Tab to it and Enter, or a click. */
async function press(page, selector, by) {
  if (by === "keyboard") {
    await tabTo(page, selector);
    await page.keyboard.press("Enter");
  } else {
    await page.click(selector);
  }
}

/**
 * Answers every question page from `answers` until the "Check your answers" page, by pointer, or
 * by keyboard alone with options.by = "keyboard".
 * options.onPage(page, info) runs on each page before it is answered (axe checks, screenshots).
 * A safety answer of some/urgent meets the crisis page, which options.onCrisis inspects.
 * Returns the list of pages seen: [{id, progress}] and {crisis: h1} entries.
 */
export async function completeQuestionnaire(page, answers, { onPage, onCrisis, by = "pointer" } = {}) {
  const seen = [];
  let before = await heading(page);
  await press(page, "#start", by);
  for (let step = 0; step < 30; step++) {
    await nextPage(page, before);
    before = await heading(page);
    if (before === "Check your answers") return seen;
    if (await page.locator("#crisis-continue").count()) {
      seen.push({ crisis: before });
      if (onCrisis) await onCrisis(page, before);
      await press(page, "#crisis-continue", by);
      continue;
    }
    const id = await page.getAttribute("form.question", "data-question");
    const progress = await page.textContent("#progress");
    seen.push({ id, progress });
    if (onPage) await onPage(page, { id, progress, step });
    const kind = await page.evaluate((qid) => {
      const input = document.querySelector(`form.question [name="${qid}"], #q-${qid}`);
      if (input.getAttribute("role") === "combobox") return "place";
      return input.type === "radio" ? "radio" : input.type === "checkbox" ? "checkbox" : "text";
    }, id);
    const want = id === "low_cost" ? answers.low_cost : answers[id];
    const answer = by === "keyboard" ? answerByKeyboard : answerByPointer;
    if (want !== undefined && !(Array.isArray(want) && want.length === 0)) await answer(page, id, kind, want);
    await press(page, "#continue", by);
  }
  assert.fail("the questionnaire never reached Check your answers");
}

/**
 * From the start page to "Check your answers" the short way, by mouse (the keyboard walk above is
 * what proves the flow): an adult of 30 with anxiety, by video, the other questions left as they
 * are. More than 40 therapists in the sample fit.
 */
export async function answerQuickly(page) {
  await page.click("#start");
  for (let i = 0; i < 30 && !(await page.locator("#show-matches").count()); i++) {
    await page.waitForSelector("form.question, #show-matches");
    const id = await page.getAttribute("form.question", "data-question");
    if (id === null) break;
    if (id === "who") await page.check("form.question input[value=myself]");
    if (id === "age") await page.fill("#q-age", "30");
    if (id === "concerns") await page.check("form.question input[value=anxiety]");
    if (id === "safety") await page.check("form.question input[value=none]");
    if (id === "format") await page.check("form.question input[value=video]");
    await page.click("#continue");
    await page.waitForFunction((prev) => document.querySelector("form.question")?.dataset.question !== prev, id);
  }
}

/**
 * Waits until nothing in the flow is aria-busy: the match has come back from the worker and every
 * result card is on the page (the results page adds cards a few at a time, results-view.js).
 */
export const resultsSettled = (page, { timeout = 20000 } = {}) =>
  page.waitForFunction(() => !document.querySelector("#flow[aria-busy], #flow [aria-busy]"), null, { timeout });

/**
 * From "Check your answers" to the results, with every card in: a click, or { by: "keyboard" }.
 * Waits up to a minute: results come in a second or two, but CI runs these beside clang-tidy on two
 * cores, and a wait that fails only when something is wrong costs nothing when nothing is.
 */
export async function showMatches(page, { by = "pointer" } = {}) {
  await press(page, "#show-matches", by);
  try {
    await page.waitForSelector("#results-title, #flow h1:text('Sorry')", { timeout: 60000 });
  } catch (error) {
    // Say what the flow showed instead, so a failure in CI can be told apart from a slow machine
    // (still on Check your answers: the press was lost; busy with progress: still downloading).
    const shown = await page.evaluate(() => ({
      h1: document.querySelector("#flow h1")?.textContent,
      busy: document.querySelector("#flow[aria-busy], #flow [aria-busy]") !== null,
      status: document.getElementById("flow-status")?.textContent,
      progress: document.getElementById("directory-progress-text")?.textContent,
    }));
    throw new Error(`no results 60 s after Show my matches; the flow shows ${JSON.stringify(shown)}`, { cause: error });
  }
  await resultsSettled(page);
}

export async function shot(page, name) {
  await screenshot(page, name);
}

export function assertCleanRecord(record, baseUrl) {
  assert.deepEqual(record.failedResponses, [], "failed responses");
  assert.deepEqual(record.pageErrors, [], "page errors");
  assert.deepEqual(record.consoleErrors, [], "console errors");
  assert.deepEqual(record.cspViolations, [], "CSP violations");
  for (const r of record.requests) assert.ok(r.url.startsWith(baseUrl), `request to another origin: ${r.url}`);
}
