// @ts-check
// One question per page (GOV.UK "question pages"): a Back button, "Question N of M", the question
// as the page's h1 (inside the legend for choices, inside the label for a text box), help text,
// the must-have tick where the question allows it, an error summary that links to the field,
// and a Continue button. Also the "Check your answers" page with a Change button per answer.
import { el, focusOn, replace } from "./dom.js";
import { errorMessage, errorSummary } from "./error-summary.js";
import { describeValue, isVisible, parseNumber, pageError, shownNumber, storedNumber } from "./questionnaire-model.js";
import { placeCombobox } from "./place-combobox.js";

const MUST_HAVE_HINT = {
  budget: "Only show therapists whose lowest fee is within this amount.",
  low_cost: "Only show therapists with reduced fees or low-cost places.",
  therapist_gender: "Only show therapists of this gender.",
  languages: "Only show therapists who speak at least one of these languages.",
  availability: "Only show therapists with sessions at one of these times.",
  identity: "Only show therapists who say they offer all of these.",
  approaches: "Only show therapists who offer at least one of these approaches.",
};

export const backButton = (onBack) =>
  el("button", { type: "button", class: "back-link", onclick: onBack }, "Back");

// The question as the page's heading; questions the visitor may skip say so (GOV.UK "(optional)").
const title = (q) => [q.prompt, q.required ? null : el("span", { class: "question__optional" }, " (optional)")];

/**
 * A long list of choices under a few headings, with a box that narrows the list as the visitor
 * types (label and description, every word). Ticked choices always stay in view. `groups`:
 * [{label, concerns: [ids]}]; options in no group go last under "Something else".
 */
function groupedChoices(q, choiceFor, groups) {
  const byId = new Map(q.options.map((o) => [o.id, o]));
  const placed = new Set();
  const sections = groups
    .map((g) => ({ label: g.label, options: g.concerns.map((id) => byId.get(id)).filter((o) => o && !placed.has(o.id) && placed.add(o.id)) }))
    .filter((g) => g.options.length);
  const rest = q.options.filter((o) => !placed.has(o.id));
  if (rest.length) sections.push({ label: "Something else", options: rest });
  const filterId = `q-${q.id}-filter`;
  const statusId = `${filterId}-status`;
  const filter = el("input", { class: "input input--filter", type: "search", id: filterId, autocomplete: "off", spellcheck: "false", "aria-describedby": statusId });
  const status = el("p", { class: "choice-filter__status", id: statusId, role: "status", "aria-live": "polite" });
  const items = [];
  const blocks = sections.map((g, i) => {
    const headingId = `q-${q.id}-group-${i}`;
    const choices = g.options.map((o) => {
      const node = choiceFor(o, { hint: false });
      items.push({ node, text: `${o.label} ${o.help ?? ""}`.toLowerCase(), input: node.querySelector("input") });
      return node;
    });
    return el("div", { class: "choice-group" }, el("h2", { class: "choice-group__title", id: headingId }, g.label), el("div", { class: "choices choices--grouped", role: "group", "aria-labelledby": headingId }, choices));
  });
  const narrow = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    let matched = 0;
    for (const it of items) {
      const match = words.every((w) => it.text.includes(w));
      const show = it.input.checked || match;
      it.node.hidden = !show;
      if (show) shown++;
      if (match) matched++;
    }
    for (const b of blocks) b.hidden = ![...b.querySelectorAll(".choice")].some((c) => !c.hidden);
    status.textContent = !words.length ? "" : matched ? `Showing ${shown} of ${items.length}` : `Nothing matches ‘${filter.value.trim()}’. Clear the box to see every option.`;
  };
  filter.addEventListener("input", narrow);
  // Enter in the box narrows the list; it must not send the page on before anything is ticked.
  filter.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
  return [
    el("div", { class: "choice-filter" }, el("label", { class: "label", for: filterId }, "Filter the list"), filter, status),
    blocks,
  ];
}

/**
 * Renders one question page into `container` and focuses it (the error summary when there is
 * one, otherwise the question heading).
 * ctx: {question, value, mustHave, position, total, error, matcher, groups (for a long list),
 *       canSeeMatches, onContinue(value, mustHave, {seeMatches}), onBack}
 */
export function renderQuestion(container, ctx) {
  const q = ctx.question;
  const fieldId = `q-${q.id}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const describedBy = [q.help ? hintId : null, ctx.error ? errorId : null].filter(Boolean).join(" ") || null;
  const caption = el("span", { class: "caption", id: "progress" }, `Question ${ctx.position} of ${ctx.total}`);
  const hint = q.help ? el("p", { class: "hint", id: hintId }, q.help) : null;
  const err = ctx.error ? errorMessage(errorId, ctx.error) : null;
  let readValue;
  let body;

  // A question answered in one box (a number, a place): the prompt is the box's label.
  const labelledField = (/** @type {(Node | null)[]} */ ...controls) =>
    el(
      "div",
      { class: `form-group${ctx.error ? " form-group--error" : ""}` },
      caption,
      el("h1", { class: "question__title" }, el("label", { for: fieldId }, title(q))),
      hint,
      err,
      ...controls,
    );

  if (q.kind === "single" || q.kind === "multi" || q.kind === "yes-no") {
    const multi = q.kind === "multi";
    const options = q.kind === "yes-no" ? [{ id: "yes", label: "Yes" }, { id: "no", label: "No" }] : q.options;
    const current = q.kind === "yes-no" ? (ctx.value === true ? "yes" : ctx.value === false ? "no" : undefined) : ctx.value;
    const choiceFor = (o, { hint = true } = {}) => {
      const i = options.indexOf(o);
      const id = i === 0 ? fieldId : `${fieldId}-${o.id}`;
      const optionHintId = o.help && hint ? `${id}-hint` : null;
      const checked = multi ? (current ?? []).includes(o.id) : current === o.id;
      const input = el("input", {
        class: multi ? "choice__input choice__input--box" : "choice__input",
        type: multi ? "checkbox" : "radio",
        name: q.id,
        id,
        value: o.id,
        checked,
        "aria-describedby": optionHintId,
      });
      return el(
        "div",
        { class: "choice" },
        input,
        el("label", { class: "choice__label", for: id }, o.label),
        optionHintId ? el("p", { class: "hint choice__hint", id: optionHintId }, o.help) : null,
      );
    };
    const grouped = multi && ctx.groups?.length;
    body = el(
      "fieldset",
      { class: `fieldset${ctx.error ? " fieldset--error" : ""}`, "aria-describedby": describedBy },
      el("legend", { class: "fieldset__legend" }, caption, el("h1", { class: "question__title" }, title(q))),
      hint,
      err,
      grouped ? groupedChoices(q, choiceFor, ctx.groups) : el("div", { class: `choices${options.length > 8 ? " choices--long" : ""}` }, options.map((o) => choiceFor(o))),
    );
    readValue = async () => {
      const picked = [...body.querySelectorAll("input:checked")].map((i) => i.value);
      if (multi) return picked;
      if (q.kind === "yes-no") return picked.length ? picked[0] === "yes" : undefined;
      return picked[0];
    };
  } else if (q.kind === "number") {
    const input = el("input", {
      class: "input input--number",
      type: "text",
      inputmode: "numeric",
      id: fieldId,
      name: q.id,
      autocomplete: "off",
      spellcheck: "false",
      value: ctx.value === undefined ? "" : String(shownNumber(q, ctx.value)),
      "aria-describedby": describedBy,
      "aria-invalid": ctx.error ? "true" : null,
    });
    const prefix = q.unit === "£" ? el("span", { class: "input-affix", "aria-hidden": "true" }, "£") : null;
    const suffix = q.unit && q.unit !== "£" ? el("span", { class: "input-affix" }, q.unit) : null;
    // An age question may offer bands instead of an exact age (for a child); typing an age wins.
    const bands = q.bands && isVisible(q.bands, ctx.values ?? {}) ? q.bands.options : [];
    const band = ctx.value && typeof ctx.value === "object" ? ctx.value.band : undefined;
    if (band) input.value = "";
    const bandChoices = bands.length
      ? el(
          "fieldset",
          { class: "fieldset bands" },
          el("legend", { class: "label" }, "Or choose an age band"),
          el(
            "div",
            { class: "choices" },
            bands.map((b) =>
              el(
                "div",
                { class: "choice" },
                el("input", { class: "choice__input", type: "radio", name: `${q.id}-band`, id: `${fieldId}-band-${b.id}`, value: b.id, checked: band === b.id }),
                el("label", { class: "choice__label", for: `${fieldId}-band-${b.id}` }, b.label),
              ),
            ),
          ),
        )
      : null;
    body = labelledField(el("div", { class: "input-wrap" }, prefix, input, suffix), bandChoices);
    readValue = async () => {
      const parsed = parseNumber(q, input.value);
      if (parsed.error) return parsed;
      if (parsed.value === undefined && bandChoices) {
        const picked = bands.find((b) => b.id === bandChoices.querySelector("input:checked")?.value);
        if (picked) return { band: picked.id, label: picked.label, min: picked.min, max: picked.max };
      }
      return storedNumber(q, parsed.value);
    };
  } else if (q.kind === "place") {
    const box = placeCombobox({
      id: fieldId,
      value: ctx.value,
      lookup: (text) => ctx.matcher.places(text, { limit: 8 }),
      resolve: (text) => ctx.matcher.resolvePlace(text),
      describedBy,
      invalid: Boolean(ctx.error),
    });
    body = labelledField(box.element);
    readValue = box.read;
  }

  const mustHave = q.can_be_must_have
    ? el(
        "div",
        { class: "must-have" },
        el("input", { class: "choice__input choice__input--box", type: "checkbox", id: `${fieldId}-must`, checked: ctx.mustHave, "aria-describedby": `${fieldId}-must-hint` }),
        el("label", { class: "choice__label", for: `${fieldId}-must` }, "This is a must-have"),
        el("p", { class: "hint choice__hint", id: `${fieldId}-must-hint` }, MUST_HAVE_HINT[q.id] ?? "Only show therapists who match this answer.", " Leave it unticked and we will prefer, not require, it."),
      )
    : null;

  const form = el(
    "form",
    { class: "question", novalidate: true, dataset: { question: q.id } },
    body,
    mustHave,
    el(
      "div",
      { class: "button-group" },
      el("button", { class: "button", type: "submit", id: "continue" }, "Continue"),
      // Once every required question has an answer, the rest are optional: the visitor may go
      // straight to the results with what they have said so far (this page's answer included).
      ctx.canSeeMatches ? el("button", { class: "button button--secondary", type: "submit", id: "see-matches" }, "See matches now") : null,
    ),
  );
  let busy = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    const value = await readValue();
    const must = mustHave ? mustHave.querySelector("input").checked : false;
    busy = false;
    const message = pageError(q, value, must);
    // Keep what was typed when it is wrong, so the visitor can correct it rather than retype it.
    const typed = body.querySelector("input[type=text]")?.value;
    const seeMatches = event.submitter?.id === "see-matches";
    ctx.onContinue(message ? { error: message, raw: typed } : { value }, must, { seeMatches });
  });

  const summary = ctx.error ? errorSummary([{ message: ctx.error, fieldId: fieldId }]) : null;
  replace(container, backButton(ctx.onBack), el("div", { class: "question-page" }, summary, form));
  focusOn(summary ?? body.querySelector("h1"));
}

/**
 * The "Check your answers" page. ctx: {questions (visible), values, mustHave, onChange(id), onSubmit, onBack}
 */
export function renderCheckAnswers(container, ctx) {
  const h1 = el("h1", {}, "Check your answers");
  const rows = ctx.questions.map((q) =>
    el(
      "div",
      { class: "summary-list__row" },
      el("dt", { class: "summary-list__key" }, q.prompt),
      el(
        "dd",
        { class: "summary-list__value" },
        describeValue(q, ctx.values[q.id]),
        q.can_be_must_have && ctx.mustHave.has(q.id) ? el("strong", { class: "tag" }, "Must-have") : null,
      ),
      el(
        "dd",
        { class: "summary-list__actions" },
        el(
          "button",
          { type: "button", class: "link-button", onclick: () => ctx.onChange(q.id) },
          "Change",
          el("span", { class: "visually-hidden" }, ` your answer to: ${q.prompt}`),
        ),
      ),
    ),
  );
  replace(container, 
    backButton(ctx.onBack),
    h1,
    el("p", {}, "Your answers stay on this device. They are matched here, in your browser, and are forgotten when you close this page."),
    el("dl", { class: "summary-list" }, rows),
    el("div", { class: "button-group" }, el("button", { type: "button", class: "button", id: "show-matches", onclick: ctx.onSubmit }, "Show my matches")),
  );
  focusOn(h1);
}
