// @ts-check
// One match on the results page, short enough to scan on a phone (about 350 px at 360 px wide):
// the name, the fit in words, the core's top two reasons and its first caveat, fees, how they meet
// and how far, how to get in touch, then "More about …" (a disclosure holding the full entry, every
// reason and caveat and how the fit was worked out), "Save" and "Write a first message".
//
// Everything shown comes from the core's result (docs/matching.md): the band, the order of the
// reasons and caveats and the wording. The page only turns kilometres into miles and ids into words.
// Untrusted text goes in with textContent (dom.js), never as markup.
import { el } from "./dom.js";
import { milesText } from "./miles.js";
import { contactList, renderTherapistCard } from "./therapist-card.js";
import { firstMessagePanel } from "./first-message-view.js";

export const BAND_WORDS = { strong: "Strong fit", good: "Good fit", partial: "Partial fit" };

// Score terms (docs/matching.md) as a visitor would name them.
const TERM_WORDS = {
  concerns: "What you would like help with",
  evidence: "Evidence for their approaches",
  approaches: "Approaches you asked for",
  budget: "Your budget",
  low_cost: "Reduced fees",
  languages: "Language",
  gender: "Therapist's gender",
  availability: "Times you can make",
  identity: "What they should understand",
  distance: "Distance",
};

function metWords(earned, possible) {
  if (!(possible > 0)) return "";
  if (earned >= possible) return "Fully met";
  if (earned <= 0) return "Not met";
  return "Partly met";
}

const FORMAT_WORDS = { "in-person": "in person", video: "video", phone: "phone", text: "text" };

// The fee range alone; reduced fees are in "More about …" and in the budget caveat when it applies.
function fees(t) {
  const f = t.fees;
  if (!f) return "";
  return f.min === f.max ? `£${f.min}` : `£${f.min}–£${f.max}`;
}

// How they meet: in-person only when it is within the visitor's limit (otherwise the caveat says
// where their room is, and the card should not suggest a trip the visitor ruled out).
function meeting(m, ctx) {
  const wanted = new Set(ctx.values.format ?? []);
  const nearby = m.distance_km !== undefined && ctx.maxDistanceKm !== undefined && m.distance_km <= ctx.maxDistanceKm;
  const ways = (m.formats ?? []).filter((f) => wanted.has(f) && (f !== "in-person" || nearby)).map((f) => FORMAT_WORDS[f] ?? f);
  const text = ways.length ? ways.join(", ") : (m.formats ?? []).map((f) => FORMAT_WORDS[f] ?? f).join(", ");
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  if (!nearby) return sentence;
  return [sentence, " · ", el("span", { class: "match-card__distance" }, `${milesText(m.distance_km)} away${m.place ? ` in ${m.place}` : ""}`)];
}

function breakdown(m) {
  const rows = (m.breakdown ?? []).filter((b) => b.possible > 0);
  if (!rows.length) return null;
  return el(
    "div",
    { class: "fit-breakdown" },
    el("h4", { class: "match-card__subhead" }, "How we worked out the fit"),
    el(
      "dl",
      { class: "fit-breakdown__list" },
      rows.map((b) => [el("dt", {}, TERM_WORDS[b.term] ?? b.term), el("dd", {}, metWords(b.earned, b.possible))]),
    ),
  );
}

/**
 * m: a match (an item of docs/design.md#result, with the therapist's entry merged in, plus band, breakdown).
 * ctx: {values, maxDistanceKm, shortlist, labels, approachNames, concernLabels, onToggleShortlist,
 *       messageLabels}
 */
export function matchCard(m, ctx) {
  const nameId = `match-${m.id}-name`;
  const saved = ctx.shortlist.has(m.id);
  const reasons = m.reasons ?? [];
  const caveats = m.caveats ?? [];
  const band = BAND_WORDS[m.band] ?? "";

  const full = renderTherapistCard(m, {
    approachName: (slug) => ctx.approachNames.get(slug) ?? slug,
    concernLabel: (id) => ctx.concernLabels.get(id) ?? id,
    languageName: (code) => ctx.labels.languages.get(code) ?? code,
    glossaryHref: (slug) => `glossary/${slug}.html`,
  });
  // The full card repeats the name and contact the compact card already shows.
  full.querySelector("h3")?.remove();
  full.classList.add("therapist-card--inside");

  const more = el(
    "details",
    { class: "match-card__more" },
    el("summary", {}, "More about ", m.name),
    el(
      "div",
      { class: "match-card__more-body" },
      reasons.length > 2 || caveats.length > 1
        ? [
            el("h4", { class: "match-card__subhead" }, "Why this match"),
            el("ul", { class: "reasons" }, reasons.map((r) => el("li", {}, r))),
            el("h4", { class: "match-card__subhead" }, "What doesn't fit"),
            caveats.length ? el("ul", { class: "caveats" }, caveats.map((c) => el("li", {}, c))) : el("p", { class: "caveats caveats--none" }, "Nothing we know of from your answers."),
          ]
        : null,
      breakdown(m),
      full,
    ),
  );

  const save = el(
    "button",
    {
      type: "button",
      class: "button button--secondary button--small save-button match-card__save",
      "aria-pressed": String(saved),
      "aria-describedby": nameId,
      dataset: { id: m.id },
      onclick: () => ctx.onToggleShortlist(m),
    },
    saved ? "Saved" : "Save",
  );
  const message = firstMessagePanel(m, ctx);

  const card = el(
    "article",
    { class: `match-card${m.stale ? " match-card--stale" : ""}`, "aria-labelledby": nameId, dataset: { id: m.id } },
    el(
      "div",
      { class: "match-card__head" },
      el("h3", { class: "match-card__name", id: nameId }, m.name, m.pronouns ? el("span", { class: "match-card__pronouns" }, ` (${m.pronouns})`) : null),
      save,
    ),
    el("p", { class: "match-card__fit" }, band ? el("strong", { class: `fit fit--${m.band}` }, band) : null, band ? " · " : null, el("span", { class: "match-card__fees" }, fees(m)), " · ", meeting(m, ctx)),
    reasons.length ? el("ul", { class: "match-card__reasons" }, reasons.slice(0, 2).map((r) => el("li", {}, r))) : null,
    caveats.length ? el("p", { class: "match-card__caveat" }, el("span", { class: "visually-hidden" }, "What doesn't fit: "), caveats[0]) : null,
    el("div", { class: "match-card__contact" }, el("h4", { class: "visually-hidden" }, "Contact ", m.name), contactList(m.contact, m.name, { compact: true }), message.button),
    more,
    message.panel,
  );
  return el("li", { class: "match-list__item" }, card);
}
