// find.html: the questionnaire → (crisis contacts) → check your answers → results → shortlist.
// This module owns the flow and the visitor's answers, which live only here, in memory: nothing
// goes in the URL (views are pushed to history as names, so the phone's Back button works, but
// the address never changes) and nothing is stored unless the visitor opts in for the shortlist.
// All matching happens in the worker (matcher-client.js); views render with textContent only.
import { createMatcherClient } from "./matcher-client.js";
import { el, focusOn, count, replace } from "./dom.js";
import { prepareQuestions, visibleQuestions, toAnswers, parseNumber } from "./questionnaire-model.js";
import { renderQuestion, renderCheckAnswers, backButton } from "./questionnaire-view.js";
import { renderCrisisInterruption } from "./crisis-view.js";
import { renderResults, optionLabels } from "./results-view.js";
import { shortlistSection, MAX_COMPARE } from "./compare-view.js";
import { createShortlist, clearDeviceStorage } from "./shortlist.js";

const flow = document.getElementById("flow");
const status = document.getElementById("flow-status");
const matcher = createMatcherClient();
const shortlist = createShortlist();

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
let data = null; // what the worker loaded: questionnaire, concerns, entries, crisis, directory
let questions = [];
let labels = null;
let approachNames = new Map();
let concernLabels = new Map();
let view = { name: "start" };
const say = (text) => {
  status.textContent = "";
  // A fresh node each time so screen readers announce a repeated message too.
  requestAnimationFrame(() => (status.textContent = text));
};

// ---- navigation: views are history entries without URLs -------------------------------------
function go(next, { replace = false } = {}) {
  view = next;
  if (replace) history.replaceState({ view: next }, "");
  else history.pushState({ view: next }, "");
  render();
}
const back = () => history.back();
window.addEventListener("popstate", (event) => {
  view = event.state?.view ?? { name: "start" };
  if (!data) return;
  render();
});

function render() {
  window.scrollTo(0, 0);
  if (view.name === "question" && questions.some((q) => q.id === view.id)) return showQuestion(view.id);
  if (view.name === "check") return showCheck();
  if (view.name === "crisis") return showCrisis(view.level);
  if (view.name === "results") return state.result ? showResults() : runMatch();
  if (view.name === "shortlist") return showShortlistOnly();
  return showStart({ focus: true });
}

// ---- start -----------------------------------------------------------------------------------
function showStart({ loading = false, failure = null, focus = false } = {}) {
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
  const visible = visibleQuestions(questions, state.values);
  const question = questions.find((q) => q.id === id);
  const position = visible.findIndex((q) => q.id === id) + 1;
  renderQuestion(flow, {
    question,
    value: state.raw[id] ?? state.values[id],
    values: state.values,
    mustHave: state.mustHave.has(id),
    position: position || visible.length,
    total: visible.length,
    error: state.errors[id],
    matcher,
    onBack: back,
    onContinue: ({ value, error, raw }, must) => {
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
      if (id === "safety" && (value === "some" || value === "urgent")) go({ name: "crisis", level: value });
      else go(nextView(id));
    },
  });
}

function showCrisis(level) {
  renderCrisisInterruption(flow, { level, crisis: data.crisis, onBack: back, onContinue: () => go(nextView("safety")) });
}

function showCheck() {
  state.changing = false;
  renderCheckAnswers(flow, {
    questions: visibleQuestions(questions, state.values),
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
const megabytes = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`);

// While the worker downloads the parts of the directory a match needs (the therapists within reach,
// then the details of the matches shown), the flow shows how far it has got.
function showDownload({ stage, done, total }) {
  if (!total) return;
  let box = document.getElementById("directory-progress");
  if (!box) {
    const h1 = el("h1", { tabindex: "-1" }, "Finding therapists who fit");
    box = el("div", { class: "loading", id: "directory-progress" }, el("progress", { "aria-labelledby": "directory-progress-text" }), el("p", { id: "directory-progress-text" }));
    replace(flow, h1, box);
    focusOn(h1);
  }
  const bar = box.querySelector("progress");
  bar.max = total;
  bar.value = done;
  const what = stage === "shards" ? "Downloading the therapists within reach of you" : "Downloading the details of your matches";
  box.querySelector("p").textContent = `${what}: ${megabytes(done)} of ${megabytes(total)}`;
}

async function runMatch({ focus } = {}) {
  const answers = toAnswers(questions, state.values, state.mustHave);
  flow.setAttribute("aria-busy", "true");
  say("Finding therapists who fit…");
  const { value, error } = await matcher.match(answers, { limit: state.limit, sort: state.refine.sort }, { onProgress: showDownload });
  flow.removeAttribute("aria-busy");
  if (error) {
    const h1 = el("h1", {}, "Sorry, we could not match your answers");
    replace(flow, backButton(back), h1, el("p", {}, error.message), el("p", {}, "Please go back, check your answers and try again."));
    focusOn(h1);
    say("");
    return;
  }
  state.result = value;
  showResults({ focus });
  say(value.passing ? `${count(value.passing, "therapist")} ${value.passing === 1 ? "fits" : "fit"} what you told us.` : "No therapists fit everything you need.");
}

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
    distanceFrom: state.values.location ? `from ${state.values.location.current ? "your location" : state.values.location.label}` : "",
    shortlist,
    refine: state.refine,
    refineError: state.refineError?.message,
    refineErrorField: state.refineError?.field,
    refineDraft: state.refineDraft,
    refineOpen: state.refineOpen,
    onBack: back,
    onRefine: refine,
    onRelax: relax,
    onMore: async () => {
      const before = state.result.matches.length;
      state.limit += 20;
      await runMatch({ focus: false });
      focusOn(document.querySelectorAll(".match-card__name")[before]);
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

function showResults({ focus } = {}) {
  renderResults(flow, resultsContext({ focus }));
}

function refine({ sort, format, fee, distance }) {
  state.refineError = null;
  state.refineOpen = true;
  if (!format.length) state.refineError = { message: "Select at least one way of meeting", field: "format" };
  let budget;
  if (!state.refineError && fee !== "") {
    const parsed = parseNumber(questions.find((q) => q.id === "budget") ?? { id: "budget", min: 0, max: 1000, unit: "£" }, fee);
    if (parsed.error) state.refineError = { message: parsed.error, field: "fee" };
    budget = parsed.value;
  }
  // Keep what was typed so the visitor corrects it rather than starting the filter again.
  state.refineDraft = state.refineError ? { sort, format, fee } : null;
  if (state.refineError) return showResults({ focus: "refine" });
  state.refine.sort = sort;
  state.values.format = format;
  if (fee === "") {
    delete state.values.budget;
    state.mustHave.delete("budget");
  } else {
    state.values.budget = budget;
    state.mustHave.add("budget");
  }
  if (distance) state.values.max_distance_km = distance;
  state.limit = 20;
  runMatch({ focus: "refine" });
}

// A relax suggestion (DESIGN §5, shapes in tft.d.ts) says exactly what to change:
// {relax: "must_have", field} drops a must-have; {relax: "max_distance_km" | "budget", to} widens
// the distance or budget to `to`; {relax: "format", add} accepts one more way of meeting.
export function applyRelax(values, mustHave, s) {
  if (s.relax === "must_have") mustHave.delete(s.field);
  else if (s.relax === "max_distance_km" && typeof s.to === "number") values.max_distance_km = s.to;
  else if (s.relax === "budget" && typeof s.to === "number") values.budget = s.to;
  else if (s.relax === "format" && s.add) values.format = [...new Set([...(values.format ?? []), s.add])];
  else mustHave.delete(s.field ?? s.relax);
}

function relax(s) {
  applyRelax(state.values, state.mustHave, s);
  state.limit = 20;
  runMatch({ focus: "refine" });
}

const MATCH_ONLY = ["score", "reasons", "caveats", "distance_km", "rank"];
function profileOf(m) {
  const copy = { ...m };
  for (const k of MATCH_ONLY) delete copy[k];
  return copy;
}

// ---- shortlist -----------------------------------------------------------------------------------
function shortlistContext() {
  return {
    shortlist,
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
      shortlist.setRemember(on);
      say(on ? "Your shortlist will be remembered on this device." : "Your shortlist is no longer stored on this device.");
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
  for (const button of document.querySelectorAll(".save-button")) {
    const saved = shortlist.has(button.dataset.id);
    button.setAttribute("aria-pressed", String(saved));
    button.textContent = saved ? "Saved to shortlist" : "Save to shortlist";
  }
}

function showShortlistOnly() {
  const h1 = el("h1", {}, "Your shortlist");
  replace(flow, backButton(back), h1, buildShortlistSection());
  flow.querySelector("#shortlist-title").remove();
  focusOn(h1);
}

async function clearEverything() {
  await clearDeviceStorage();
  shortlist.clear();
  state = fresh();
  state.cleared = true;
  go({ name: "start" });
  say("Everything has been cleared.");
  state.cleared = false;
}

// ---- start-up ----------------------------------------------------------------------------------
async function main() {
  // ?approach=<slug> (from a glossary page) preselects that approach; the address is then tidied
  // so nothing about the visitor's choices stays in it.
  const preselect = new URLSearchParams(location.search).get("approach");
  if (location.search) history.replaceState(null, "", location.pathname);
  showStart({ loading: true });
  const { value, error } = await matcher.load();
  if (error) return showStart({ failure: error.message });
  data = value;
  questions = prepareQuestions(data.questionnaire, data.concerns, data.entries);
  approachNames = new Map(data.entries.map((e) => [e.slug, e.name]));
  concernLabels = new Map(data.concerns.map((c) => [c.id, c.label]));
  labels = { formats: optionLabels(questions, "format"), languages: optionLabels(questions, "languages"), availability: optionLabels(questions, "availability") };
  if (preselect && approachNames.has(preselect)) state.values.approaches = [preselect];
  const ids = shortlist.storedIds();
  if (ids.length) {
    const onProgress = ({ done, total }) => {
      const text = document.getElementById("loading-text");
      if (text && total) text.textContent = `Loading your saved shortlist: ${megabytes(done)} of ${megabytes(total)}`;
    };
    const { value: saved } = await matcher.therapists(ids, { onProgress });
    if (saved?.length) shortlist.restore(saved);
  }
  history.replaceState({ view: { name: "start" } }, "");
  showStart();
  document.body.dataset.ready = "true";
}

main();
