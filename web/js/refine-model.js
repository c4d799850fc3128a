// @ts-check
// What the results page's filters, chips and "more choice" buttons do to the visitor's answers,
// as pure functions over copies, so the live count, the applied filter and the tests share one
// rule set. The rule that matters most: changing a value never makes it a must-have. Only the
// visitor's own tick ("Only show therapists within this budget") or the questionnaire's
// must-have boxes do that, and a chip's × takes it away again.
import { parseNumber } from "./questionnaire-model.js";

const BUDGET_QUESTION = { id: "budget", min: 0, max: 1000, unit: "£" };

/**
 * Applies the filter form's draft {sort, format, fee, budgetMust, distance (km)} to copies of
 * values and mustHave. Returns {values, mustHave, sort} or {error, field}.
 * @param {Record<string, any>} values
 * @param {Iterable<string>} mustHave
 * @param {{ sort: any, format?: string[], fee?: string, budgetMust?: boolean, distance?: number }} draft
 * @returns {{ values: Record<string, any>, mustHave: Set<string>, sort: any, error?: undefined, field?: undefined }
 *   | { error: string, field: string, values?: undefined, mustHave?: undefined, sort?: undefined }}
 */
export function applyRefine(values, mustHave, draft, budgetQuestion = BUDGET_QUESTION) {
  if (!draft.format?.length) return { error: "Select at least one way of meeting", field: "format" };
  /** @type {Record<string, any>} */
  const next = { ...values, format: [...draft.format] };
  const must = new Set(mustHave);
  if (draft.fee === "" || draft.fee === undefined) {
    delete next.budget;
    must.delete("budget");
  } else {
    const parsed = parseNumber(budgetQuestion, draft.fee);
    if (parsed.error) return { error: parsed.error, field: "fee" };
    next.budget = parsed.value;
    if (draft.budgetMust) must.add("budget");
    else must.delete("budget");
  }
  if (draft.distance) next.max_distance_km = draft.distance;
  return { values: next, mustHave: must, sort: draft.sort };
}

/** Makes one must-have a preference again (a chip's ×); the value itself is kept. */
export function dropMustHave(mustHave, field) {
  const must = new Set(mustHave);
  must.delete(field);
  return must;
}

/**
 * Applies one of the core's relax suggestions (shapes in tft.d.ts) to copies of values and
 * mustHave: {relax: "must_have", field} makes that must-have a preference again;
 * {relax: "max_distance_km" | "budget", to} widens the distance or budget to `to`;
 * {relax: "format", add} accepts one more way of meeting. Returns {values, mustHave}.
 * @param {Record<string, any>} values
 * @param {Iterable<string>} mustHave
 * @param {{ relax: string, field?: string, to?: number, add?: string }} s
 */
export function applyRelax(values, mustHave, s) {
  const next = { ...values };
  const must = new Set(mustHave);
  if (s.relax === "must_have" && s.field) must.delete(s.field);
  else if (s.relax === "max_distance_km" && typeof s.to === "number") next.max_distance_km = s.to;
  else if (s.relax === "budget" && typeof s.to === "number") next.budget = s.to;
  else if (s.relax === "format" && s.add) next.format = [...new Set([...(values.format ?? []), s.add])];
  return { values: next, mustHave: must };
}

/**
 * The core's matches in the order the visitor chose under "Sort by": "distance" (nearest in person
 * first; no in-person place last) or "fee" (lowest starting fee first). The core's grouping stays:
 * therapists who list a chosen concern come first, and equals keep the core's order. "best" (or
 * anything else) is the core's order. Returns a new array.
 * @template {{ lists_concern?: boolean, distance_km?: number, fees?: { min?: number } }} M
 * @param {M[]} matches
 * @param {string} sort
 * @returns {M[]}
 */
export function orderMatches(matches, sort) {
  /** @type {((m: M) => number) | null} */
  const key = sort === "distance" ? (m) => m.distance_km ?? Infinity : sort === "fee" ? (m) => m.fees?.min ?? Infinity : null;
  if (!key) return [...matches];
  const ranked = matches.map((m, rank) => ({ m, rank, k: key(m) }));
  const compare = (/** @type {number} */ a, /** @type {number} */ b) => (a === b ? 0 : a < b ? -1 : 1);
  ranked.sort((a, b) => Number(Boolean(b.m.lists_concern)) - Number(Boolean(a.m.lists_concern)) || compare(a.k, b.k) || a.rank - b.rank);
  return ranked.map((r) => r.m);
}
