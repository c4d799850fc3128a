// @ts-check
// The results page, short enough to read on a phone: crisis contacts first when the safety answer
// reported risk, then signposts to NHS and specialist routes; then one summary sentence (how many
// fit, how many list the visitor's concerns, whether any are near enough to meet in person); the
// must-haves as removable chips and the filters, whose count updates as they change; ways to get
// more choice and the approaches that may help; then the matches, those who list a chosen concern
// first, each a compact card (match-card.js); what was left out and why; the shortlist.
//
// The core decides everything shown (the counts, the order, the fit bands, the words of reasons
// and suggestions); this file only words the summary's facts and shows distances in miles.
import { count, el, focusOn, grouped, longDate, pounds, replace } from "./dom.js";
import { compactCrisisBlock, signpostsBlock } from "./crisis-view.js";
import { errorMessage, errorSummary } from "./error-summary.js";
import { backButton } from "./questionnaire-view.js";
import { matchCard } from "./match-card.js";
import { fillInChunks } from "./chunked-list.js";
import { kmFromMiles, limitMiles } from "./miles.js";
import { lowerFirst } from "./therapist-card.js";

// excluded.by keys (docs/design.md#result) as labels, each followed by its count ("Too far away: 70"), so
// the words read right for one therapist or many.
const EXCLUDED_WORDS = {
  who: "Not working with the people the therapy is for",
  clients: "Not working with the people the therapy is for",
  age: "Not working with people of this age",
  format: "Not offering a way of meeting you chose",
  distance: "Too far away for in-person sessions",
  accepting_new: "Not taking new clients at the moment",
  accepting: "Not taking new clients at the moment",
  budget: "Fees above your budget",
  therapist_gender: "Not the gender you asked for",
  languages: "Not working in a language you chose",
  availability: "No sessions at the times you chose",
  identity: "Not saying they understand everything you asked for",
  approaches: "Not offering an approach you asked for",
  low_cost: "No reduced fees or low-cost places",
  unreadable: "In a part of the directory that could not be downloaded",
};

// The directory is downloaded only as far as the answers need (docs/directory-format.md): say how
// many of those left out were counted without their details being downloaded, and why.
function notLoadedNote(ex) {
  const unreadable = ex.by?.unreadable ?? 0;
  const beyond = (ex.not_loaded ?? 0) - unreadable;
  const parts = [];
  if (beyond > 0)
    parts.push(
      `${count(beyond, "therapist")} of them ${beyond === 1 ? "meets" : "meet"} only in person and ${ex.by?.distance ? "too far from you" : "you did not choose in-person sessions"}, so your device did not download their details.`,
    );
  if (unreadable > 0) parts.push("Part of the directory could not be downloaded: please try again later.");
  return parts.length ? el("p", { id: "excluded-not-loaded" }, parts.join(" ")) : null;
}

/** Labels for option ids (formats, languages) from the questionnaire. */
export function optionLabels(questions, id) {
  const q = questions.find((x) => x.id === id);
  return new Map((q?.options ?? []).map((o) => [o.id, o.label]));
}

function feesText(fees) {
  if (!fees) return "Not given";
  const range = fees.min === fees.max ? `${pounds(fees.min)} a session` : `${pounds(fees.min)} to ${pounds(fees.max)} a session`;
  const extras = [fees.concessions ? "reduced fees (concessions)" : null, fees.low_cost_places ? "some low-cost places" : null].filter(Boolean);
  return extras.length ? `${range}; ${extras.join(" and ")}` : range;
}

export function registrationsList(t) {
  return el(
    "ul",
    { class: "plain-list" },
    (t.registrations ?? []).map((r) =>
      el("li", {}, `${r.body} (${r.level}), number ${r.number}, last checked `, el("time", { datetime: r.checked }, longDate(r.checked))),
    ),
  );
}

export function approachLinks(slugs, names) {
  return el(
    "ul",
    { class: "inline-list" },
    (slugs ?? []).map((slug) => el("li", {}, el("a", { href: `glossary/${slug}.html` }, names.get(slug) ?? slug))),
  );
}

/** The facts every view of a therapist shares (results card, compare table, shortlist). */
export function therapistFacts(t, labels) {
  const list = (ids, map) => (ids ?? []).map((id) => map.get(id) ?? id).join(", ");
  return { fees: feesText(t.fees), formats: list(t.formats, labels.formats), languages: list(t.languages, labels.languages), places: (t.locations ?? []).map((l) => l.place).join(", ") };
}


// ---- the summary sentence ---------------------------------------------------------------------

const REMOTE_WORDS = { video: "video", phone: "phone", text: "text or messaging" };
const joinOr = (words) => (words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`);
const capitalise = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
const fits = (n) => (n === 1 ? "fits" : "fit");
const lists = (n) => (n === 1 ? "lists" : "list");

/** The concerns the visitor chose, as words inside a sentence: "anxiety or worry or OCD". */
export function concernWords(ids, labels) {
  return joinOr((ids ?? []).map((id) => lowerFirst(labels.get(id) ?? id)));
}

/**
 * The one-line summary from the core's facts (result.summary, docs/matching.md):
 * "12 therapists list obsessive thoughts or OCD and fit what you told us; none is within 15 miles,
 * so these work by video. 156 more fit but do not list it."
 */
export function summaryText(result, ctx) {
  const s = result.summary ?? {};
  const passing = s.passing ?? 0;
  if (!passing) return "No therapists in the directory fit everything you need.";
  const concerns = concernWords(ctx.values.concerns, ctx.concernLabels);
  const listing = s.listing_concerns;
  const asked = listing !== undefined && listing !== null && concerns;
  let first;
  let group = passing;
  if (!asked) first = `${capitalise(count(passing, "therapist"))} ${fits(passing)} what you told us`;
  else if (listing === 0) first = `None of the ${count(passing, "therapist")} who ${fits(passing)} your other answers ${passing === 1 ? "lists" : "list"} ${concerns}`;
  else {
    group = listing;
    first = `${capitalise(count(listing, "therapist"))} ${lists(listing)} ${concerns} and ${fits(listing)} what you told us`;
  }
  if (s.nearby !== undefined && s.nearby !== null && s.max_distance_km) {
    const miles = `${limitMiles(s.max_distance_km)} miles`;
    const remote = joinOr((s.remote_formats ?? []).map((f) => REMOTE_WORDS[f] ?? f));
    const these = group === 1 ? "this therapist works" : "these work";
    if (s.nearby === 0) first += `; none ${group === 1 ? "is" : "are"} within ${miles}${remote ? `, so ${these} by ${remote}` : ""}`;
    else if (s.nearby < group) first += `; ${grouped(s.nearby)} ${s.nearby === 1 ? "is" : "are"} within ${miles} for in-person sessions`;
    else first += `, all within ${miles}`;
  }
  let text = `${first}.`;
  if (asked && listing > 0 && passing > listing) {
    const rest = passing - listing;
    text += ` ${capitalise(count(rest, "more therapist", "more therapists"))} ${fits(rest)} but ${rest === 1 ? "does" : "do"} not list ${(ctx.values.concerns ?? []).length === 1 ? "it" : "them"}.`;
  }
  return text;
}

// ---- must-haves as chips ------------------------------------------------------------------------

const CHIP_NAMES = {
  budget: "Budget",
  therapist_gender: "Therapist",
  languages: "Language",
  availability: "Times",
  identity: "Understands",
  approaches: "Approach",
  low_cost: "Reduced fees",
};

function chipValue(field, ctx) {
  const v = ctx.values[field];
  if (field === "budget") return v === undefined ? "" : `up to ${pounds(v)}`;
  if (field === "low_cost") return v ? "needed" : "";
  const q = ctx.questions.find((x) => x.id === field);
  const label = (id) => q?.options?.find((o) => o.id === id)?.label ?? id;
  return Array.isArray(v) ? v.map(label).join(", ") : v === undefined ? "" : label(v);
}

function mustHaveChips(ctx) {
  const fields = [...ctx.mustHave].filter((f) => CHIP_NAMES[f]);
  if (!fields.length) return null;
  return el(
    "div",
    { class: "must-haves", id: "must-haves" },
    el("p", { class: "must-haves__intro", id: "must-haves-intro" }, "Only showing therapists with your must-haves. Remove one to make it a preference:"),
    el(
      "ul",
      { class: "chips" },
      fields.map((f) => {
        const text = `${CHIP_NAMES[f]}: ${chipValue(f, ctx)}`;
        return el(
          "li",
          {},
          el(
            "button",
            { type: "button", class: "chip", dataset: { field: f }, "aria-label": `Remove must-have ${text}`, onclick: () => ctx.onDropMustHave(f) },
            text,
            el("span", { class: "chip__x", "aria-hidden": "true" }, " ×"),
          ),
        );
      }),
    ),
  );
}

// ---- filters --------------------------------------------------------------------------------------

// Distance limits offered, in miles; the visitor's own limit is added when it is not one of them.
const MILE_STEPS = [1, 2, 5, 10, 15, 20, 30, 50, 100, 150];

function refineForm(ctx) {
  const r = ctx.refine;
  // After an error the form shows what the visitor submitted, not the last values that worked.
  const draft = ctx.refineError ? ctx.refineDraft : null;
  const formats = ctx.questions.find((q) => q.id === "format")?.options ?? [];
  const chosen = new Set(draft?.format ?? ctx.values.format ?? []);
  const inPerson = chosen.has("in-person") && ctx.values.location;
  const error = ctx.refineError;
  const feeError = error && ctx.refineErrorField === "fee" ? error : null;
  const formatError = error && !feeError ? error : null;
  const firstFormat = formats.find((o) => o.id !== "in-person" || ctx.values.location)?.id;
  const current = ctx.values.max_distance_km;
  const distances = MILE_STEPS.map((m) => ({ km: kmFromMiles(m), miles: m }));
  if (current !== undefined && !distances.some((d) => Math.abs(d.km - current) < 0.01)) distances.push({ km: current, miles: limitMiles(current) });
  distances.sort((a, b) => a.km - b.km);
  const submit = el("button", { type: "submit", class: "button", id: "refine-submit" }, "Update results");
  const preview = el("p", { class: "refine__count", id: "refine-count", role: "status" });
  const form = el(
    "form",
    { class: "refine__form", novalidate: true },
    error ? errorSummary([{ message: error, fieldId: feeError ? "refine-fee" : `refine-format-${firstFormat}` }]) : null,
    el(
      "div",
      { class: "form-group" },
      el("label", { class: "label", for: "refine-sort" }, "Sort by"),
      el(
        "select",
        { id: "refine-sort", class: "select" },
        [
          ["best", "Best fit"],
          ["distance", "Nearest first"],
          ["fee", "Lowest fee first"],
        ].map(([v, label]) => el("option", { value: v, selected: (draft?.sort ?? r.sort) === v }, label)),
      ),
    ),
    el(
      "fieldset",
      { class: "fieldset", "aria-describedby": formatError ? "refine-format-error" : null },
      el("legend", { class: "label" }, "Ways of meeting"),
      formatError ? errorMessage("refine-format-error", formatError) : null,
      el(
        "div",
        { class: "choices choices--compact" },
        formats.map((o) =>
          el(
            "div",
            { class: "choice" },
            el("input", { class: "choice__input choice__input--box", type: "checkbox", id: `refine-format-${o.id}`, value: o.id, name: "refine-format", checked: chosen.has(o.id), disabled: o.id === "in-person" && !ctx.values.location }),
            el("label", { class: "choice__label", for: `refine-format-${o.id}` }, o.label),
          ),
        ),
      ),
      !ctx.values.location ? el("p", { class: "hint" }, "To add in-person sessions, change your answer to how you would like to have sessions.") : null,
    ),
    el(
      "div",
      { class: "form-group" },
      el("label", { class: "label", for: "refine-fee" }, "Most you could pay for one session"),
      el("p", { class: "hint", id: "refine-fee-hint" }, "In pounds. Leave empty for no limit."),
      feeError ? errorMessage("refine-fee-error", feeError) : null,
      el(
        "div",
        { class: "input-wrap" },
        el("span", { class: "input-affix", "aria-hidden": "true" }, "£"),
        el("input", { id: "refine-fee", class: "input input--number", type: "text", inputmode: "numeric", autocomplete: "off", "aria-describedby": feeError ? "refine-fee-hint refine-fee-error" : "refine-fee-hint", "aria-invalid": feeError ? "true" : null, value: draft ? draft.fee : ctx.values.budget === undefined ? "" : String(ctx.values.budget) }),
      ),
      el(
        "div",
        { class: "choice choice--small refine__must" },
        el("input", { class: "choice__input choice__input--box", type: "checkbox", id: "refine-budget-must", checked: draft ? draft.budgetMust : ctx.mustHave.has("budget") }),
        el("label", { class: "choice__label", for: "refine-budget-must" }, "Only show therapists within this budget"),
      ),
    ),
    inPerson
      ? el(
          "div",
          { class: "form-group" },
          el("label", { class: "label", for: "refine-distance" }, "Distance for in-person sessions"),
          el(
            "select",
            { id: "refine-distance", class: "select" },
            distances.map((d) => el("option", { value: String(d.km), selected: current !== undefined && Math.abs(d.km - current) < 0.01 }, `Up to ${d.miles} ${d.miles === 1 ? "mile" : "miles"}`)),
          ),
        )
      : null,
    preview,
    submit,
  );
  const read = () => ({
    sort: form.querySelector("#refine-sort").value,
    format: [...form.querySelectorAll("input[name=refine-format]:checked")].map((i) => i.value),
    fee: form.querySelector("#refine-fee").value.trim().replace(/^£/, ""),
    budgetMust: form.querySelector("#refine-budget-must").checked,
    distance: form.querySelector("#refine-distance") ? Number(form.querySelector("#refine-distance").value) : undefined,
  });
  // The count follows the filters as they change (a match run in the worker, debounced); the list
  // itself changes only when the visitor asks, so nothing moves under their finger.
  let timer = 0;
  let asked = 0;
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      const out = await ctx.onPreview(read());
      if (mine !== asked) return;
      if (out.error) {
        preview.textContent = out.error;
        submit.textContent = "Update results";
      } else {
        preview.textContent = `${capitalise(count(out.passing, "therapist"))} ${fits(out.passing)} these filters.`;
        submit.textContent = out.passing === 1 ? "Show 1 therapist" : `Show ${grouped(out.passing)} therapists`;
      }
    }, 200);
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    ctx.onRefine(read());
  });
  return form;
}

// The filters are built when first opened: most visitors never open them, and building them with
// the rest of the page made the first task after "Show my matches" longer (docs/matching.md, "The
// results page on the main thread"). Open from the start after a refine or its error.
function refineDetails(ctx) {
  const open = Boolean(ctx.refineOpen || ctx.refineError);
  const details = el("details", { class: "refine", open: open ? true : null }, el("summary", {}, "Filter and sort"));
  const build = () => {
    if (!details.querySelector("form")) details.append(refineForm(ctx));
  };
  if (open) build();
  else details.addEventListener("toggle", () => details.open && build());
  return details;
}

// ---- above the list: signposts, more choice, approaches -----------------------------------------

function suggestionsBlock(ctx) {
  const usable = (ctx.result.suggestions ?? []).filter((s) => s.gain > 0);
  if (!usable.length) return null;
  return el(
    "section",
    { class: "suggestions", "aria-labelledby": "suggestions-title" },
    el("h2", { id: "suggestions-title" }, "Want more choice?"),
    el(
      "ul",
      { class: "suggestions__list" },
      // The core's sentence says what the button does ("Add phone sessions to see 8 more
      // therapists"), so it is the button's own label.
      usable.map((s) =>
        el(
          "li",
          {},
          el("button", { type: "button", class: "button button--secondary suggestion__button", dataset: { relax: s.relax, gain: String(s.gain) }, onclick: () => ctx.onRelax(s) }, s.text),
        ),
      ),
    ),
  );
}

// The approaches by name, each a link to its guide; the evidence behind each is one tap away.
function approachesBlock(ctx) {
  const list = (ctx.result.approaches ?? []).slice(0, 5);
  if (!list.length) return null;
  const name = (a) => a.name ?? ctx.approachNames.get(a.slug) ?? a.slug;
  return el(
    "section",
    { class: "approaches", "aria-labelledby": "approaches-title" },
    el("h2", { id: "approaches-title" }, "Approaches that may help"),
    el("p", { class: "hint" }, "Based on what you would like help with. Each links to a plain-English guide. ", el("a", { href: "about-evidence.html" }, "What the evidence levels mean"), "."),
    el("ul", { class: "inline-list approach-names" }, list.map((a) => el("li", {}, el("a", { href: `glossary/${a.slug}.html` }, name(a))))),
    el(
      "details",
      { class: "approaches__why" },
      el("summary", {}, "Why these approaches"),
      el(
        "ul",
        { class: "approach-list" },
        list.map((a) => el("li", { class: "approach-item" }, el("h3", { class: "approach-item__name" }, name(a)), el("ul", { class: "reasons" }, (a.reasons ?? []).map((r) => el("li", {}, r))))),
      ),
    ),
  );
}

function excludedBlock(ctx) {
  const ex = ctx.result.excluded;
  if (!ex || !ex.total) return null;
  const items = Object.entries(ex.by ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => el("li", {}, `${EXCLUDED_WORDS[key] ?? capitalise(key.replace(/_/g, " "))}: ${grouped(n)}`));
  return el(
    "details",
    { class: "excluded" },
    el("summary", { id: "excluded-title" }, `Who we left out (${grouped(ex.total)})`),
    el("p", {}, `We left out ${count(ex.total, "therapist")} because they do not fit something you need:`),
    el("ul", {}, items),
    notLoadedNote(ex),
  );
}

// ---- the list -------------------------------------------------------------------------------------

// The headings and empty lists; `parts` says which matches each list is then filled with.
function matchGroups(ctx, parts) {
  const result = ctx.result;
  const s = result.summary ?? {};
  const concerns = concernWords(ctx.values.concerns, ctx.concernLabels);
  const listing = result.matches.filter((m) => m.lists_concern);
  const others = result.matches.filter((m) => !m.lists_concern);
  const list = (items, id) => {
    const ol = el("ol", { class: "match-list", id });
    parts.push({ list: ol, items });
    return ol;
  };
  // Without concerns to list, or when nobody lists them, one list; otherwise two, each counted.
  if (!concerns || !s.listing_concerns) return [el("h2", { id: "matches-title" }, "Therapists who fit"), list(result.matches, "match-list")];
  const rest = (s.passing ?? 0) - s.listing_concerns;
  return [
    el("h2", { id: "matches-title" }, `${capitalise(count(s.listing_concerns, "therapist"))} who ${lists(s.listing_concerns)} ${concerns}`),
    list(listing, "match-list"),
    others.length
      ? [el("h2", { id: "matches-others-title" }, `${capitalise(count(rest, "other therapist"))} who ${fits(rest)} but ${rest === 1 ? "does" : "do"} not list ${(ctx.values.concerns ?? []).length === 1 ? "it" : "them"}`), list(others, "match-list-others")]
      : null,
  ];
}

// The cards still being added to the page on display (fillInChunks); a new render stops them.
/** @type {ReturnType<typeof fillInChunks> | null} */
let filling = null;
// A printout started before the last cards are in still has every card.
window.addEventListener("beforeprint", () => filling?.finish());

/**
 * ctx: {result, values, mustHave (Set), questions, crisis, directory, labels, approachNames,
 *       concernLabels, maxDistanceKm, shortlist, refine, refineError, refineErrorField,
 *       refineDraft, refineOpen, onRefine, onPreview, onDropMustHave, onRelax, onMore, onBack,
 *       onToggleShortlist, shortlistSection (element), messageLabels, focus}
 *
 * Everything but the match cards is in place (and focus has moved) when this returns; the cards
 * follow in short tasks (chunked-list.js), so a long list never blocks the page. The matches section is aria-busy until they are all in. Returns a promise of
 * true once every card is in, or false when a newer render replaced this one first.
 * @returns {Promise<boolean>}
 */
export function renderResults(container, ctx) {
  filling?.cancel();
  filling = null;
  const result = ctx.result;
  const level = result.crisis?.level ?? "none";
  const h1 = el("h1", { id: "results-title" }, "Your matches");
  const shown = result.matches.length;
  const passing = result.summary?.passing ?? 0;
  /** @type {{ list: Element, items: any[] }[]} */
  const parts = [];
  const matches = shown
    ? el(
        "section",
        { "aria-labelledby": "matches-title", class: "matches" },
        matchGroups(ctx, parts),
        shown < passing ? el("button", { type: "button", class: "button button--secondary", id: "show-more", onclick: ctx.onMore }, `Show more (${grouped(shown)} of ${grouped(passing)} shown)`) : null,
      )
    : null;
  const empty = !shown
    ? el(
        "div",
        { class: "empty-state" },
        el("h2", {}, "No matches yet"),
        el("p", {}, "This does not mean there is no one for you. Try one of the changes suggested below, refine your results, or change your answers."),
        el("button", { type: "button", class: "link-button", onclick: ctx.onBack }, "Change your answers"),
      )
    : null;

  replace(
    container,
    backButton(ctx.onBack),
    level !== "none"
      ? compactCrisisBlock(level, result.crisis, { headingLevel: 2, headingId: "results-crisis-title", answer: ctx.values.safety, lastChecked: ctx.crisis.last_checked })
      : null,
    signpostsBlock(result.signposts ?? [], ctx.crisis.contacts),
    h1,
    el("p", { class: "results-summary", id: "results-count" }, summaryText(result, ctx)),
    ctx.directory?.fictional ? el("p", { class: "notice", id: "fictional-notice" }, el("strong", {}, "Sample directory. "), ctx.directory.notice) : null,
    mustHaveChips(ctx),
    refineDetails(ctx),
    el("p", { class: "shortlist-jump" }, el("a", { href: "#shortlist", onclick: (e) => { e.preventDefault(); focusOn(document.getElementById("shortlist-title")); } }, `Your shortlist (${ctx.shortlist.size})`)),
    empty,
    suggestionsBlock(ctx),
    approachesBlock(ctx),
    matches,
    excludedBlock(ctx),
    ctx.shortlistSection,
  );
  const fill = fillInChunks(parts, (m) => matchCard(m, ctx));
  filling = fill;
  if (matches) matches.setAttribute("aria-busy", "true");
  if (ctx.focus === "refine") focusOn(container.querySelector(".error-summary") ?? container.querySelector("#results-count"));
  else if (ctx.focus !== false) focusOn(level !== "none" ? container.querySelector("#results-crisis-title") : h1);
  return fill.done.then((complete) => {
    if (complete) matches?.removeAttribute("aria-busy");
    if (filling === fill) filling = null;
    return complete;
  });
}
