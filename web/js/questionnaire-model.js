// @ts-check
// The questionnaire as data and rules, without any DOM: which questions show, how a page's raw
// input becomes a value or an error message, and how the values become the answers object of
// docs/design.md#answers. Values live in memory only (a plain object owned by find-page.js).
//
// Values by kind: single → option id; multi → [ids]; number → number; yes-no → boolean;
// place → {label, lat, lon} (coordinates from the bundled list, or from the browser's location);
// an age band (offered for a child) → {band, label, min, max}. A number asked in miles (the
// distance) is kept in kilometres, the unit of its answers field (max_distance_km, docs/design.md#answers):
// the page converts on the way in and out, the core never sees miles.
import { kmFromMiles, limitMiles } from "./miles.js";

/** Fills options_from ("concerns", "approaches") from the core's concern list and glossary. */
export function prepareQuestions(questionnaire, concerns, entries) {
  const sources = {
    concerns: concerns.map((c) => ({ id: c.id, label: c.label, help: c.description })),
    approaches: entries
      .map((e) => ({ id: e.slug, label: e.name }))
      .sort((a, b) => a.label.localeCompare(b.label, "en-GB")),
  };
  return questionnaire.questions.map((q) => ({
    ...q,
    options: q.options_from ? sources[q.options_from] ?? [] : q.options ?? [],
  }));
}

/**
 * The question as worded for who the therapy is for ("your child", "either of you"): the data's
 * prompt_by_who, help_by_who and each option's label_by_who, falling back to the plain wording.
 * `who` is the answer to the who question (asked first), or undefined before it is answered.
 */
export function worded(question, who) {
  const pick = (byWho, plain) => (who && byWho && typeof byWho[who] === "string" ? byWho[who] : plain);
  return {
    ...question,
    prompt: pick(question.prompt_by_who, question.prompt),
    help: pick(question.help_by_who, question.help),
    options: (question.options ?? []).map((o) => ({ ...o, label: pick(o.label_by_who, o.label) })),
  };
}

/**
 * The risk level (none | some | urgent) a safety answer means to the core: each option of the
 * safety question says which in the data ("I'd rather not say" means "some", so the contacts are
 * still shown). Unknown answers count as "some", so a mistake never hides the contacts.
 */
export function safetyRisk(question, value) {
  if (value === undefined) return "none";
  return question.options?.find((o) => o.id === value)?.risk ?? "some";
}

export function isVisible(question, values) {
  const rule = question.shows_if;
  if (!rule) return true;
  const given = values[rule.question];
  const list = Array.isArray(given) ? given : given === undefined ? [] : [given];
  return list.some((v) => rule.any_of.includes(v));
}

export const visibleQuestions = (questions, values) => questions.filter((q) => isVisible(q, values));

/**
 * "Question N of M" that never jumps as answers reveal follow-ups: a question shown only after an
 * earlier answer (shows_if: the age after who, the place and distance after in person) shares
 * the number of the question before it, so M counts the questions everyone is asked.
 * Returns {numbers: Map(id → N), total: M}.
 */
export function questionNumbers(questions) {
  const numbers = new Map();
  let n = 0;
  for (const q of questions) {
    if (!q.shows_if || n === 0) n++;
    numbers.set(q.id, n);
  }
  return { numbers, total: n };
}

/** True once every required question the visitor will be asked has an answer ("See matches now"). */
export const requiredAnswered = (questions, values) =>
  visibleQuestions(questions, values).every((q) => !q.required || hasValue(values[q.id]));

/** A stored number as the question asks it (kilometres shown as whole miles). */
export const shownNumber = (q, value) => (q.unit === "miles" && typeof value === "number" ? limitMiles(value) : value);
/** A number as typed, in the unit its answers field keeps (miles become kilometres). */
export const storedNumber = (q, value) => (q.unit === "miles" && typeof value === "number" ? kmFromMiles(value) : value);

export function hasValue(value) {
  if (value === undefined || value === null || value === "") return false;
  return !Array.isArray(value) || value.length > 0;
}

// Plain-English messages (GOV.UK style: say what to do) for the questions we know; a fallback
// by kind for any question added to the data later.
const MISSING = {
  who: "Select who the therapy is for",
  age: "Enter the age of the person the therapy is for",
  concerns: "Select at least one thing you would like help with",
  safety: "Select an answer to this question, or choose ‘I’d rather not say’",
  format: "Select at least one way to have sessions",
  location: "Enter a UK town or city, or use your location",
  max_distance_km: "Enter how far you could travel, in miles",
};
const BY_KIND = {
  single: "Select an answer",
  multi: "Select at least one option",
  number: "Enter a number",
  place: "Enter a UK town or city",
  "yes-no": "Select yes or no",
};
const NOUN = { age: "Age", max_distance_km: "Distance", budget: "The amount" };

export const missingMessage = (q) => MISSING[q.id] ?? BY_KIND[q.kind] ?? "Answer this question";

/**
 * Reads a number the visitor typed. Returns {value} (undefined when empty) or {error}.
 * Accepts "63", " 63 ", "£63" and "63.00"; not "sixty" or 63.5.
 */
export function parseNumber(q, text) {
  const cleaned = String(text ?? "").trim().replace(/^£/, "").replace(/,/g, "");
  const noun = NOUN[q.id] ?? "The number";
  if (cleaned === "") return { value: undefined };
  if (!/^\d+(\.0+)?$/.test(cleaned)) return { error: `${noun} must be a whole number, like ${q.min > 10 ? q.min : 30}` };
  const value = Number(cleaned);
  if (q.min !== undefined && value < q.min) return { error: `${noun} must be ${q.unit === "£" ? "£" : ""}${q.min} or more` };
  if (q.max !== undefined && value > q.max)
    return { error: `${noun} must be ${q.unit === "£" ? "£" : ""}${q.max}${q.unit && q.unit !== "£" ? ` ${q.unit}` : ""} or less` };
  return { value };
}

/**
 * Checks one page. `value` is the parsed value (or {error} from parseNumber / the place box).
 * Returns an error message or null.
 */
export function pageError(q, value, mustHave) {
  if (value && typeof value === "object" && "error" in value) return value.error;
  if (!hasValue(value)) {
    if (q.required) return missingMessage(q);
    if (mustHave) return "Give an answer, or untick ‘This is a must-have’";
  }
  return null;
}

// How each answers field is shaped from its value (docs/design.md#answers); the rest pass through.
const SHAPE = {
  age: (v) => (typeof v === "object" ? { min: v.min, max: v.max } : v),
  budget: (v) => ({ max_per_session: v }),
  safety: (v, q) => ({ risk: safetyRisk(q, v) }),
  location: (v) => ({ lat: v.lat, lon: v.lon }),
};

/** The answers (docs/design.md#answers) from the visible, answered questions. */
export function toAnswers(questions, values, mustHave) {
  const answers = {};
  const must = [];
  for (const q of visibleQuestions(questions, values)) {
    const v = values[q.id];
    if (!hasValue(v)) continue;
    answers[q.id] = SHAPE[q.id] ? SHAPE[q.id](v, q) : v;
    if (q.can_be_must_have && mustHave.has(q.id)) must.push(q.id);
  }
  if (must.length) answers.must_have = must;
  return answers;
}

/** The answer as the visitor would say it, for the check-your-answers page. */
export function describeValue(q, value) {
  if (!hasValue(value)) return "Not answered";
  const label = (id) => q.options?.find((o) => o.id === id)?.label ?? id;
  switch (q.kind) {
    case "single":
      return label(value);
    case "multi":
      return value.map(label).join(", ");
    case "yes-no":
      return value ? "Yes" : "No";
    case "place":
      return value.label;
    case "number":
      if (typeof value === "object") return value.label;
      if (q.unit === "£") return `£${value}`;
      if (q.unit === "miles") return `${shownNumber(q, value)} miles`;
      return q.unit ? `${value} ${q.unit}` : String(value);
    default:
      return String(value);
  }
}
