// @ts-check
// find.html: the questionnaire → (crisis contacts) → check your answers → results → shortlist.
// This module owns the flow and the visitor's answers, which live only here, in memory: nothing
// goes in the URL or in history (each view is a history entry holding only a step number, so the
// phone's Back button works, but the address never changes and browsers, which keep history state
// on disk, never see which question or crisis page it was), and nothing is stored unless the
// visitor opts in for the shortlist.
// All matching happens in the worker (matcher-client.js); views render with textContent only.
// The same flow runs inside partners' frames (embed-frame.js, docs/embedding.md) through
// startFindFlow(options); there its views are kept in memory rather than in the tab's history.
import { createMatcherClient } from "./matcher-client.js";
import { el, focusOn, count, replace } from "./dom.js";
import { prepareQuestions, visibleQuestions, toAnswers, worded, safetyRisk, questionNumbers, requiredAnswered } from "./questionnaire-model.js";
import { renderQuestion, renderCheckAnswers, backButton } from "./questionnaire-view.js";
import { renderCrisisInterruption, renderNeedHelp } from "./crisis-view.js";
import { renderResults, optionLabels, summaryText } from "./results-view.js";
import { shortlistSection, MAX_COMPARE } from "./compare-view.js";
import { createShortlist } from "./shortlist.js";
import { clearSiteData } from "./site-storage.js";
import { applyRefine, applyRelax, dropMustHave } from "./refine-model.js";

const flow = /** @type {HTMLElement} */ (document.getElementById("flow"));
const status = /** @type {HTMLElement} */ (document.getElementById("flow-status"));
// Every page's "Need help now?" block lists every nation's urgent lines; once the results know
// where the visitor is, it lists theirs (showNeedHelp). The start page puts the full list back.
const needHelpList = document.querySelector(".need-help__groups");
const needHelpAll = needHelpList ? [...needHelpList.childNodes].map((n) => n.cloneNode(true)) : [];
const matcher = createMatcherClient();
const shortlist = createShortlist();

/**
 * What the visitor has told us and where they are in the flow: in memory only.
 * @typedef {{
 *   values: Record<string, any>, mustHave: Set<string>, visited: Set<string>,
 *   errors: Record<string, string>, raw: Record<string, string>, changing: boolean,
 *   refine: { sort: "best" | "distance" | "fee" }, refineError: { message: string, field?: string } | null,
 *   refineDraft?: object | null, refineOpen?: boolean, limit: number,
 *   result: import("./tft.js").MatchResult | null, compareIds: Set<string>, compareOpen: boolean,
 *   compareError: string | null, cleared?: boolean
 * }} FlowState
 */
/** @returns {FlowState} */
const fresh = () => ({
  values: {},
  mustHave: new Set(),
  visited: new Set(),
  errors: {},
  raw: {},
  changing: false,
  refine: { sort: "best" },
  refineError: null,
  limit: 20,
  result: null,
  compareIds: new Set(),
  compareOpen: false,
  compareError: null,
});
let state = fresh();
/**
 * What the worker loaded (matcher-worker.js load()). Set by main() before any view renders, so
 * the views read it without a null check.
 * @type {{ directory: ReturnType<import("./tft.js").Matcher["directory"]>, questionnaire: any, concerns: any[],
 *   entries: import("./tft.js").EntrySummary[], crisis: ReturnType<import("./tft.js").Matcher["crisis"]>,
 *   directoryErrors: number, directoryChoice: import("./tft.js").DirectoryChoice | null }}
 */
let data = /** @type {any} */ (null);
/** @type {any[]} */
let questions = [];
/** @type {{ formats: Map<string, string>, languages: Map<string, string>, availability: Map<string, string> } | null} */
let labels = null;
let approachNames = new Map();
let concernLabels = new Map();
let numbering = { numbers: new Map(), total: 0 };
/** @type {any[]} */
let concernGroups = []; // headings for the long concerns list (data/concern-groups.json); layout only
/** @typedef {{ name: string, id?: string, level?: "some" | "urgent", answer?: string }} View */
/** @type {View} */
let view = { name: "start" };
let flowOptions = { embed: false };
// In a partner's frame the views are a stack in memory: history entries made by a frame show in
// the partner page's history.length, which would count the visitor's steps.
let frameViews = [];
const say = (text) => {
  status.textContent = "";
  // A fresh node each time so screen readers announce a repeated message too.
  requestAnimationFrame(() => (status.textContent = text));
};

// ---- navigation: history entries hold a step number; the views stay here -----------------------
// The crisis view's level, a question id: all of it lives in `steps`, in memory. An entry whose
// step is not in memory (after Clear everything, or a reload) shows the start page.
let steps = new Map();
let lastStep = 0;
function historyEntry(next) {
  steps.set(++lastStep, next);
  return { step: lastStep };
}
function go(next, { replace = false } = {}) {
  view = next;
  if (flowOptions.embed) {
    if (replace) frameViews.pop();
    frameViews.push(next);
  } else if (replace) history.replaceState(historyEntry(next), "");
  else history.pushState(historyEntry(next), "");
  render();
}
function back() {
  if (!flowOptions.embed) return history.back();
  if (frameViews.length > 1) frameViews.pop();
  view = frameViews.at(-1) ?? { name: "start" };
  render();
}
window.addEventListener("popstate", (event) => {
  view = steps.get(event.state?.step) ?? { name: "start" };
  if (!data) return;
  render();
});

function render() {
  window.scrollTo(0, 0);
  if (view.name === "question" && questions.some((q) => q.id === view.id)) return showQuestion(view.id);
  if (view.name === "check") return showCheck();
  if (view.name === "crisis") return showCrisis(view);
  if (view.name === "results") return state.result ? showResults() : runMatch();
  if (view.name === "shortlist") return showShortlistOnly();
  return showStart({ focus: true });
}

// ---- start -----------------------------------------------------------------------------------
/** @param {{ loading?: boolean, failure?: string | null, focus?: boolean }} [options] */
function showStart({ loading = false, failure = null, focus = false } = {}) {
  showNeedHelp(null);
  const h1 = el("h1", {}, "Find a therapist who fits you");
  const start = el(
    "button",
    { type: "button", class: "button button--start", id: "start", disabled: loading || Boolean(failure), onclick: () => go({ name: "question", id: firstQuestion() }) },
    "Start now",
  );
  replace(flow, 
    h1,
    el("p", { class: "lead" }, "Answer a few short questions, one at a time, and we will show you therapists who could suit you, and why. It takes about 3 minutes."),
    el(
      "ul",
      { class: "start-list" },
      el("li", {}, "You can go back and change any answer."),
      el("li", {}, "Some questions are optional: leave them if they do not matter to you."),
      el("li", {}, "You do not need a diagnosis or a referral."),
    ),
    el(
      "div",
      { class: "privacy-promise" },
      el("h2", {}, "Your answers stay on this device"),
      el("p", {}, "They are matched here, in your browser, and are never sent to us or anyone else. Nothing is saved unless you choose to save a shortlist. ", el("a", { href: "privacy.html" }, "How we protect your privacy"), "."),
    ),
    state.cleared ? el("p", { class: "notice notice--success", id: "cleared-message" }, "Everything has been cleared. Nothing from your visit is kept on this device.") : null,
    loading
      ? el("div", { class: "loading", id: "loading" }, el("progress", { "aria-labelledby": "loading-text" }), el("p", { id: "loading-text" }, "Loading the therapist directory…"))
      : null,
    failure ? el("div", { class: "error-summary", role: "alert", tabindex: "-1" }, el("h2", { class: "error-summary__title" }, "Sorry, the therapist directory could not load"), el("p", {}, "Please reload the page to try again. ", failure)) : null,
    shortlist.size
      ? el("p", {}, `You have ${count(shortlist.size, "saved therapist")}. `, el("button", { type: "button", class: "link-button", onclick: () => go({ name: "shortlist" }) }, "View your shortlist"))
      : null,
    el("div", { class: "button-group" }, start),
  );
  if (state.cleared) focusOn(document.getElementById("cleared-message"));
  else if (focus) focusOn(h1);
}

const firstQuestion = () => visibleQuestions(questions, state.values)[0].id;

// ---- questions ---------------------------------------------------------------------------------
function nextView(afterId) {
  const visible = visibleQuestions(questions, state.values);
  const rest = visible.slice(visible.findIndex((q) => q.id === afterId) + 1);
  const next = state.changing ? rest.find((q) => !state.visited.has(q.id)) : rest[0];
  if (next) return { name: "question", id: next.id };
  state.changing = false;
  return { name: "check" };
}

function showQuestion(id) {
  // Worded for who the therapy is for ("your child", "either of you"), from the data.
  const question = worded(questions.find((q) => q.id === id), state.values.who);
  renderQuestion(flow, {
    question,
    value: state.raw[id] ?? state.values[id],
    values: state.values,
    mustHave: state.mustHave.has(id),
    position: numbering.numbers.get(id),
    total: numbering.total,
    groups: question.options_from === "concerns" ? concernGroups : null,
    // Offered on pages after the required questions, when the rest are all optional.
    canSeeMatches: !question.required && requiredAnswered(questions, state.values),
    error: state.errors[id],
    matcher,
    onBack: back,
    onContinue: ({ value, error, raw }, must, { seeMatches = false } = {}) => {
      if (error) {
        state.errors[id] = error;
        if (raw !== undefined) state.raw[id] = raw;
        else delete state.raw[id];
        showQuestion(id);
        return;
      }
      delete state.errors[id];
      delete state.raw[id];
      if (value === undefined) delete state.values[id];
      else state.values[id] = value;
      if (must) state.mustHave.add(id);
      else state.mustHave.delete(id);
      state.visited.add(id);
      state.result = null;
      const risk = id === "safety" ? safetyRisk(question, value) : "none";
      if (risk !== "none") go({ name: "crisis", level: risk, answer: value });
      else if (seeMatches && requiredAnswered(questions, state.values)) {
        state.changing = false;
        state.limit = 20;
        go({ name: "results" });
      } else go(nextView(id));
    },
  });
}

// The contacts come from the core for the answers so far (the person's age puts Childline first;
// the nation is not known yet, so every nation's routes are grouped). Should that ever fail, the
// full grouped list still shows: a visitor at risk never meets an error instead of a number.
/** @param {View} crisisView */
async function showCrisis({ level, answer }) {
  const { value } = await matcher.safetyRoutes(toAnswers(questions, state.values, state.mustHave));
  if (view.name !== "crisis") return; // the visitor moved on while the worker answered
  const part = value?.crisis ?? { level, nation: null, contacts: data.crisis.contacts, groups: data.crisis.groups };
  renderCrisisInterruption(flow, { level, answer, part, lastChecked: data.crisis.last_checked, onBack: back, onContinue: () => go(nextView("safety")) });
}

function showCheck() {
  state.changing = false;
  renderCheckAnswers(flow, {
    questions: visibleQuestions(questions, state.values).map((q) => worded(q, state.values.who)),
    values: state.values,
    mustHave: state.mustHave,
    onBack: back,
    onChange: (id) => {
      state.changing = true;
      go({ name: "question", id });
    },
    onSubmit: () => {
      // Required questions the visitor has not reached (after a change revealed one) come first.
      const missing = visibleQuestions(questions, state.values).find((q) => q.required && state.values[q.id] === undefined);
      if (missing) return go({ name: "question", id: missing.id });
      state.limit = 20;
      state.result = null;
      go({ name: "results" });
    },
  });
}

// ---- results -----------------------------------------------------------------------------------
const megabytes = (/** @type {number} */ bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`);

// While the worker downloads the parts of the directory a match needs (the therapists within reach,
// then the details of the matches shown), the flow shows how far it has got.
/** @param {{ stage: string, done: number, total: number }} progress */
function showDownload({ stage, done, total }) {
  if (!total) return;
  let box = document.getElementById("directory-progress");
  if (!box) {
    const h1 = el("h1", { tabindex: "-1" }, "Finding therapists who fit");
    box = el("div", { class: "loading", id: "directory-progress" }, el("progress", { "aria-labelledby": "directory-progress-text" }), el("p", { id: "directory-progress-text" }));
    replace(flow, h1, box);
    focusOn(h1);
  }
  const bar = box?.querySelector("progress");
  const text = box?.querySelector("p");
  if (!bar || !text) return;
  bar.max = total;
  bar.value = done;
  const what = stage === "shards" ? "Downloading the therapists within reach of you" : "Downloading the details of your matches";
  text.textContent = `${what}: ${megabytes(done)} of ${megabytes(total)}`;
}

/**
 * Resolves once the results are on the page with every card (see renderResults): true then, false
 * when the match failed or a newer render took the page first.
 * @param {{ focus?: string | boolean }} [options]
 * @returns {Promise<boolean>}
 */
async function runMatch({ focus } = {}) {
  const answers = toAnswers(questions, state.values, state.mustHave);
  flow.setAttribute("aria-busy", "true");
  say("Finding therapists who fit…");
  const { value, error } = await matcher.match(answers, matchOptions(state.limit), { onProgress: showDownload });
  flow.removeAttribute("aria-busy");
  if (error) {
    const h1 = el("h1", {}, "Sorry, we could not match your answers");
    replace(flow, backButton(back), h1, el("p", {}, error.message), el("p", {}, "Please go back, check your answers and try again."));
    focusOn(h1);
    say("");
    return false;
  }
  state.result = value;
  const rendered = showResults({ focus });
  say(summaryText(value, { values: state.values, concernLabels }));
  return rendered;
}

// The visitor's own calendar day: entries not confirmed in the six months before it rank lower
// with a caveat (docs/matching.md). Local date, not UTC, so late evening is still "today".
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
const matchOptions = (limit) => ({ limit, sort: state.refine.sort, today: today(), units: "miles" });

function resultsContext(extra = {}) {
  return {
    result: state.result,
    values: state.values,
    questions,
    crisis: data.crisis,
    directory: data.directory,
    labels,
    approachNames,
    concernLabels,
    mustHave: state.mustHave,
    // Set by the core only when in-person sessions within a distance were asked for.
    maxDistanceKm: state.result?.summary?.max_distance_km,
    messageLabels: { concerns: concernLabels },
    shortlist,
    refine: state.refine,
    refineError: state.refineError?.message,
    refineErrorField: state.refineError?.field,
    refineDraft: state.refineDraft,
    refineOpen: state.refineOpen,
    onBack: back,
    onRefine: refine,
    onPreview: previewRefine,
    onDropMustHave: dropChip,
    onRelax: relax,
    onMore: async () => {
      const before = state.result?.matches.length ?? 0;
      state.limit += 20;
      // Focus goes to the first new card, so waits until the cards up to it are in (and stays
      // where it is if the visitor has asked for something else meanwhile).
      if (await runMatch({ focus: false })) focusOn(document.querySelectorAll(".match-card__name")[before]);
    },
    onToggleShortlist: (m) => {
      shortlist.toggle(profileOf(m));
      updateSaveButtons();
      replaceShortlistSection();
      say(shortlist.has(m.id) ? `${m.name} saved to your shortlist.` : `${m.name} removed from your shortlist.`);
    },
    shortlistSection: buildShortlistSection(),
    ...extra,
  };
}

/**
 * The results page; the promise says when its last card is in (renderResults).
 * @param {{ focus?: string | boolean }} [options]
 */
function showResults({ focus } = {}) {
  const rendered = renderResults(flow, resultsContext({ focus }));
  showNeedHelp(state.result?.crisis?.need_help);
  return rendered;
}

function showNeedHelp(groups) {
  if (!needHelpList) return;
  if (groups?.length) renderNeedHelp(needHelpList, groups, data.crisis.contacts);
  else replace(needHelpList, needHelpAll.map((n) => n.cloneNode(true)));
}

function refine(draft) {
  const out = applyRefine(state.values, state.mustHave, draft, questions.find((q) => q.id === "budget"));
  state.refineOpen = true;
  state.refineError = out.error ? { message: out.error, field: out.field } : null;
  // Keep what was typed so the visitor corrects it rather than starting the filter again.
  state.refineDraft = out.error ? draft : null;
  if (out.error !== undefined) {
    showResults({ focus: "refine" });
    return;
  }
  state.refine.sort = out.sort;
  state.values = out.values;
  state.mustHave = out.mustHave;
  state.limit = 20;
  runMatch({ focus: "refine" });
}

// The live count beside the filters: the same match with the draft applied, asking for one card.
async function previewRefine(draft) {
  const out = applyRefine(state.values, state.mustHave, draft, questions.find((q) => q.id === "budget"));
  if (out.error) return { error: out.error };
  const { value, error } = await matcher.match(toAnswers(questions, out.values, out.mustHave), matchOptions(1));
  if (error) return { error: error.message };
  return { passing: value.summary?.passing ?? value.passing ?? 0 };
}

function dropChip(field) {
  state.mustHave = dropMustHave(state.mustHave, field);
  state.limit = 20;
  runMatch({ focus: "refine" });
}

function relax(s) {
  ({ values: state.values, mustHave: state.mustHave } = applyRelax(state.values, state.mustHave, s));
  state.limit = 20;
  runMatch({ focus: "refine" });
}

const MATCH_ONLY = ["score", "band", "lists_concern", "stale", "breakdown", "reasons", "caveats", "distance_km", "rank"];
function profileOf(m) {
  const copy = { ...m };
  for (const k of MATCH_ONLY) delete copy[k];
  return copy;
}

// ---- shortlist -----------------------------------------------------------------------------------
function shortlistContext() {
  return {
    shortlist,
    values: state.values,
    messageLabels: { concerns: concernLabels },
    compareIds: state.compareIds,
    compareOpen: state.compareOpen,
    compareError: state.compareError,
    labels,
    approachNames,
    directory: data.directory,
    onRemove: (id) => {
      const name = shortlist.list().find((t) => t.id === id)?.name;
      shortlist.remove(id);
      state.compareIds.delete(id);
      updateSaveButtons();
      replaceShortlistSection("shortlist-title");
      say(`${name} removed from your shortlist.`);
    },
    onToggleCompare: (id) => {
      state.compareError = null;
      if (state.compareIds.has(id)) state.compareIds.delete(id);
      else if (state.compareIds.size >= MAX_COMPARE) state.compareError = `You can compare up to ${MAX_COMPARE} therapists at a time. Untick one first.`;
      else state.compareIds.add(id);
      replaceShortlistSection(`compare-${id}`);
    },
    onCompare: () => {
      const n = shortlist.list().filter((t) => state.compareIds.has(t.id)).length;
      state.compareError = n < 2 ? "Tick two or three therapists to compare them" : null;
      state.compareOpen = n >= 2;
      replaceShortlistSection(n >= 2 ? "compare-table" : "compare-button");
    },
    onRemember: (on) => {
      if (!shortlist.setRemember(on)) say("Your browser is blocking this site's storage, so your shortlist cannot be remembered. It stays until you close this page.");
      else say(on ? "Your shortlist will be remembered on this device." : "Your shortlist is no longer stored on this device.");
    },
    onClearEverything: clearEverything,
  };
}

function buildShortlistSection() {
  return shortlistSection(shortlistContext());
}

function replaceShortlistSection(focusId) {
  const old = document.getElementById("shortlist");
  if (!old) return;
  old.replaceWith(buildShortlistSection());
  const jump = document.querySelector(".shortlist-jump a");
  if (jump) jump.textContent = `Your shortlist (${shortlist.size})`;
  if (focusId) {
    const target = document.getElementById(focusId);
    if (target?.tagName === "TABLE") focusOn(target.querySelector("caption") ?? target);
    else focusOn(target);
  }
}

function updateSaveButtons() {
  for (const button of document.querySelectorAll(/** @type {"button"} */ (".save-button"))) {
    const saved = shortlist.has(button.dataset.id);
    button.setAttribute("aria-pressed", String(saved));
    // The compact card's button says "Save"; its aria-describedby names the therapist.
    const short = button.classList.contains("match-card__save");
    button.textContent = saved ? (short ? "Saved" : "Saved to shortlist") : short ? "Save" : "Save to shortlist";
  }
}

function showShortlistOnly() {
  const h1 = el("h1", {}, "Your shortlist");
  replace(flow, backButton(back), h1, buildShortlistSection());
  flow.querySelector("#shortlist-title")?.remove();
  focusOn(h1);
}

// Removes what this site stored (site-storage.js: its keys and its offline copy) and forgets
// everything held in memory; keys, cookies and databases the site did not write are not ours.
async function clearEverything() {
  await clearSiteData();
  shortlist.clear();
  state = fresh();
  state.cleared = true;
  // Forget every view, and replace this entry rather than add one: Back now finds only steps
  // this page no longer knows, which show the start page, never an earlier answer.
  frameViews = [];
  steps = new Map();
  go({ name: "start" }, { replace: true });
  say("Everything has been cleared.");
  state.cleared = false;
}

// ---- start-up ----------------------------------------------------------------------------------
// The headings the concerns list is laid out under. Layout only: without them (a failed fetch) the
// list is shown flat, exactly as before, so the questionnaire never depends on this file.
async function loadConcernGroups() {
  try {
    const response = await fetch(new URL("../data/concern-groups.json", import.meta.url), { credentials: "same-origin" });
    if (!response.ok) return [];
    const groups = (await response.json())?.groups;
    return Array.isArray(groups) ? groups.filter((g) => typeof g?.label === "string" && Array.isArray(g.concerns)) : [];
  } catch {
    return [];
  }
}

async function main() {
  // ?approach=<slug> (from a glossary page) preselects that approach; the address is then tidied
  // so nothing about the visitor's choices stays in it. The embed passes its own options.
  const preselect = flowOptions.embed ? flowOptions.approach : new URLSearchParams(location.search).get("approach");
  if (location.search) history.replaceState(null, "", location.pathname);
  showStart({ loading: true });
  const { value, error } = await matcher.load({ directory: flowOptions.directory ?? "" });
  if (error) return showStart({ failure: error.message });
  data = value;
  if (data.directoryChoice?.unknown) flowOptions.warn?.(`ignored directory=${JSON.stringify(data.directoryChoice.unknown)}: not a published directory, so the default one is used`);
  questions = prepareQuestions(data.questionnaire, data.concerns, data.entries);
  numbering = questionNumbers(questions);
  concernGroups = await loadConcernGroups();
  approachNames = new Map(data.entries.map((e) => [e.slug, e.name]));
  concernLabels = new Map(data.concerns.map((c) => [c.id, c.label]));
  labels = { formats: optionLabels(questions, "format"), languages: optionLabels(questions, "languages"), availability: optionLabels(questions, "availability") };
  if (preselect && approachNames.has(preselect)) state.values.approaches = [preselect];
  else if (preselect) flowOptions.warn?.(`ignored approach=${JSON.stringify(preselect)}: no approach has that id`);
  preselectConcerns(flowOptions.concerns);
  const ids = shortlist.storedIds();
  if (ids.length) {
    const onProgress = ({ done, total }) => {
      const text = document.getElementById("loading-text");
      if (text && total) text.textContent = `Loading your saved shortlist: ${megabytes(done)} of ${megabytes(total)}`;
    };
    const { value: saved } = await matcher.therapists(ids, { onProgress });
    if (saved?.length) shortlist.restore(saved);
  }
  if (flowOptions.embed) frameViews = [{ name: "start" }];
  else history.replaceState(historyEntry({ name: "start" }), "");
  showStart();
  document.body.dataset.ready = "true";
  flowOptions.onReady?.();
}

// The embed's concerns=… option: ids the concerns question offers, ticked before the visitor
// starts (they can untick them); any other id is left out with a warning.
function preselectConcerns(ids) {
  if (!ids?.length) return;
  const offered = new Set(questions.find((q) => q.id === "concerns")?.options.map((o) => o.id) ?? []);
  const known = ids.filter((id) => offered.has(id));
  for (const id of ids) if (!offered.has(id)) flowOptions.warn?.(`ignored the concern ${JSON.stringify(id)}: the questionnaire does not offer it`);
  if (known.length) state.values.concerns = known;
}

/**
 * Starts the flow. find.html starts it with no options; the embed (embed-frame.js) with
 * { embed: true, directory, approach, concerns, warn(text), onReady() }: a published directory's
 * name, answers to preselect, where to report ignored options, and a call once the flow can start.
 */
export function startFindFlow(options = {}) {
  flowOptions = { embed: false, ...options };
  main();
}

// The embed page marks its body; it starts the flow itself, with its options.
if (document.body.dataset.flow !== "embed") startFindFlow();
