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
 */
export function applyRefine(values, mustHave, draft, budgetQuestion = BUDGET_QUESTION) {
  if (!draft.format?.length) return { error: "Select at least one way of meeting", field: "format" };
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
