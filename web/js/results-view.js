// The results page: crisis contacts first when the safety answer reported risk, then ranked
// matches that explain themselves ("Why this match", "What doesn't fit"), approaches that suit
// the visitor's concerns, filters that re-run the match in the worker, the engine's relax
// suggestions as one-click buttons, what was left out and why, and the fictional-directory note.
import { count, el, focusOn, longDate, pounds, replace } from "./dom.js";
import { crisisBlock } from "./crisis-view.js";
import { errorMessage, errorSummary } from "./error-summary.js";
import { backButton } from "./questionnaire-view.js";
import { renderTherapistCard } from "./therapist-card.js";

// excluded.by keys (DESIGN §4/§5) in plain words: "N therapists …".
const EXCLUDED_WORDS = {
  who: "do not work with the people the therapy is for",
  clients: "do not work with the people the therapy is for",
  age: "do not work with people of this age",
  format: "do not offer a way of meeting you chose",
  distance: "are too far away for in-person sessions",
  accepting_new: "are not taking new clients at the moment",
  accepting: "are not taking new clients at the moment",
  budget: "charge more than your budget",
  therapist_gender: "are not the gender you asked for",
  languages: "do not speak a language you chose",
  availability: "have no sessions at the times you chose",
  identity: "do not list everything you asked them to understand",
  approaches: "do not offer an approach you asked for",
  low_cost: "have no reduced fees or low-cost places",
  unreadable: "are in a part of the directory that could not be downloaded",
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

// The card is the one visitors see everywhere (therapist-card.js, also the For Professionals
// preview), with what only a match has added around it: the score, the distance, why it fits,
// what does not, and the shortlist button.
function matchCard(m, ctx) {
  const nameId = `match-${m.id}-name`;
  const saved = ctx.shortlist.has(m.id);
  const card = renderTherapistCard(m, {
    approachName: (slug) => ctx.approachNames.get(slug) ?? slug,
    concernLabel: (id) => ctx.concernLabels.get(id) ?? id,
    languageName: (code) => ctx.labels.languages.get(code) ?? code,
    glossaryHref: (slug) => `glossary/${slug}.html`,
  });
  card.setAttribute("aria-labelledby", nameId);
  const heading = card.querySelector("h3");
  heading.id = nameId;
  heading.classList.add("match-card__name");
  // A distance beyond the visitor's limit means the match fits by video, phone or text only; the
  // caveat says so, and a large number next to the name would only alarm.
  const hasDistance =
    m.distance_km !== undefined && m.distance_km !== null && ctx.distanceFrom && !(m.distance_km > (ctx.values.max_distance_km ?? Infinity));
  heading.after(
    el(
      "p",
      { class: "match-card__score" },
      el("strong", {}, String(m.score)),
      el("span", {}, " out of 100 match"),
      hasDistance
        ? el("span", { class: "match-card__distance" }, ` · ${Number(m.distance_km).toLocaleString("en-GB", { maximumFractionDigits: 1 })} km ${ctx.distanceFrom}${m.place ? ` (${m.place})` : ""}`)
        : null,
    ),
  );
  // The biography is the longest part: one tap away, so a phone shows several matches per screen.
  const bio = card.querySelector(".therapist-card__bio");
  if (bio) {
    const details = el("details", { class: "match-card__bio" }, el("summary", {}, "About ", m.name));
    bio.replaceWith(details);
    details.append(bio);
  }
  const caveats = m.caveats ?? [];
  const save = el(
    "button",
    {
      type: "button",
      class: "button button--secondary button--small save-button",
      "aria-pressed": String(saved),
      "aria-describedby": nameId,
      dataset: { id: m.id },
      onclick: () => ctx.onToggleShortlist(m),
    },
    saved ? "Saved to shortlist" : "Save to shortlist",
  );
  const why = el(
    "div",
    { class: "match-card__why" },
    el("h4", { class: "match-card__subhead" }, "Why this match"),
    el("ul", { class: "reasons" }, (m.reasons ?? []).map((r) => el("li", {}, r))),
    el("h4", { class: "match-card__subhead" }, "What doesn't fit"),
    caveats.length
      ? el("ul", { class: "caveats" }, caveats.map((c) => el("li", {}, c)))
      : el("p", { class: "caveats caveats--none" }, "Nothing we know of from your answers."),
  );
  const facts = card.querySelector(".therapist-card__facts");
  if (facts) facts.before(why);
  else card.append(why);
  card.append(el("div", { class: "match-card__actions" }, save));
  return el("li", { class: "match-card" }, card);
}

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
          ["best", "Best match"],
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
    ),
    inPerson
      ? el(
          "div",
          { class: "form-group" },
          el("label", { class: "label", for: "refine-distance" }, "Distance for in-person sessions"),
          el(
            "select",
            { id: "refine-distance", class: "select" },
            [...new Set([2, 5, 10, 15, 25, 50, 100, 300, ctx.values.max_distance_km].filter(Boolean))]
              .sort((a, b) => a - b)
              .map((km) => el("option", { value: String(km), selected: ctx.values.max_distance_km === km }, `Up to ${km} km`)),
          ),
        )
      : null,
    el("button", { type: "submit", class: "button" }, "Update results"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const fee = form.querySelector("#refine-fee").value.trim().replace(/^£/, "");
    ctx.onRefine({
      sort: form.querySelector("#refine-sort").value,
      format: [...form.querySelectorAll("input[name=refine-format]:checked")].map((i) => i.value),
      fee,
      distance: form.querySelector("#refine-distance") ? Number(form.querySelector("#refine-distance").value) : undefined,
    });
  });
  return el("details", { class: "refine", open: ctx.refineOpen || error ? true : null }, el("summary", {}, "Refine your results"), form);
}

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
      usable.map((s, i) =>
        el(
          "li",
          { class: "suggestion" },
          el("p", { id: `suggestion-${i}` }, s.text),
          el(
            "button",
            { type: "button", class: "button button--secondary button--small", "aria-describedby": `suggestion-${i}`, dataset: { relax: s.relax }, onclick: () => ctx.onRelax(s) },
            `Show ${count(s.gain, "more therapist")}`.replace("Show one more therapist", "Show 1 more therapist"),
          ),
        ),
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
    .map(([key, n]) => el("li", {}, `${count(n, "therapist")} ${EXCLUDED_WORDS[key] ?? `did not fit (${key.replace(/_/g, " ")})`}`));
  return el(
    "section",
    { class: "excluded", "aria-labelledby": "excluded-title" },
    el("h2", { id: "excluded-title" }, "Who we left out"),
    el("p", {}, `We left out ${count(ex.total, "therapist")} because they do not fit something you need:`),
    el("ul", {}, items),
    notLoadedNote(ex),
  );
}

function approachesBlock(ctx) {
  const list = ctx.result.approaches ?? [];
  if (!list.length) return null;
  return el(
    "section",
    { class: "approaches", "aria-labelledby": "approaches-title" },
    el("h2", { id: "approaches-title" }, "Approaches that may help"),
    el("p", { class: "hint" }, "Based on what you would like help with. Each links to a plain-English guide."),
    el(
      "ol",
      { class: "approach-list" },
      list.slice(0, 5).map((a) =>
        el(
          "li",
          { class: "approach-item" },
          el("h3", { class: "approach-item__name" }, el("a", { href: `glossary/${a.slug}.html` }, a.name ?? ctx.approachNames.get(a.slug) ?? a.slug)),
          el("ul", { class: "reasons" }, (a.reasons ?? []).map((r) => el("li", {}, r))),
        ),
      ),
    ),
  );
}

/**
 * ctx: {result, values, questions, crisis, directory, labels, approachNames, concernLabels, distanceFrom,
 *       shortlist, refine, refineError, refineOpen, onRefine, onRelax, onMore, onBack,
 *       onToggleShortlist, shortlistSection (element)}
 */
export function renderResults(container, ctx) {
  const result = ctx.result;
  const level = result.crisis?.level ?? "none";
  const crisisData = { ...ctx.crisis, contacts: result.crisis?.contacts?.length ? result.crisis.contacts : ctx.crisis.contacts };
  const h1 = el("h1", { id: "results-title" }, "Your matches");
  const shown = result.matches.length;
  const lead = result.passing
    ? el("p", { class: "lead", id: "results-count" }, `${count(result.passing, "therapist")} ${result.passing === 1 ? "fits" : "fit"} what you told us.`, shown < result.passing ? ` Showing the first ${shown}.` : "")
    : el("p", { class: "lead", id: "results-count" }, "No therapists in the directory fit everything you need.");
  const empty = !shown
    ? el(
        "div",
        { class: "empty-state" },
        el("h2", {}, "No matches yet"),
        el("p", {}, "This does not mean there is no one for you. Try one of the changes suggested below, refine your results, or change your answers."),
        el("button", { type: "button", class: "link-button", onclick: ctx.onBack }, "Change your answers"),
      )
    : null;

  replace(container, 
    backButton(ctx.onBack),
    level !== "none" ? crisisBlock(level, crisisData, { headingLevel: 2, headingId: "results-crisis-title" }) : null,
    h1,
    lead,
    ctx.directory?.fictional ? el("p", { class: "notice", id: "fictional-notice" }, el("strong", {}, "Sample directory. "), ctx.directory.notice) : null,
    el("p", { class: "shortlist-jump" }, el("a", { href: "#shortlist", onclick: (e) => { e.preventDefault(); focusOn(document.getElementById("shortlist-title")); } }, `Your shortlist (${ctx.shortlist.size})`)),
    refineForm(ctx),
    empty,
    // Few or no matches: the ways to get more come first; otherwise they follow the list.
    shown < 5 ? suggestionsBlock(ctx) : null,
    shown
      ? el(
          "section",
          { "aria-labelledby": "matches-title", class: "matches" },
          el("h2", { id: "matches-title" }, "Therapists"),
          el("ol", { class: "match-list", id: "match-list" }, result.matches.map((m) => matchCard(m, ctx))),
          shown < result.passing
            ? el("button", { type: "button", class: "button button--secondary", id: "show-more", onclick: ctx.onMore }, "Show more therapists")
            : null,
        )
      : null,
    shown >= 5 ? suggestionsBlock(ctx) : null,
    approachesBlock(ctx),
    excludedBlock(ctx),
    ctx.shortlistSection,
  );
  if (ctx.focus === "refine") focusOn(container.querySelector(".error-summary") ?? container.querySelector("#results-count"));
  else if (ctx.focus !== false) focusOn(level !== "none" ? container.querySelector("#results-crisis-title") : h1);
}
