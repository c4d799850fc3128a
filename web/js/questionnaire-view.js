// @ts-check
// One question per page (GOV.UK "question pages"): a Back button, "Question N of M", the question
// as the page's h1 (inside the legend for choices, inside the label for a text box), help text,
// the must-have tick where the question allows it, an error summary that links to the field,
// and a Continue button. Also the "Check your answers" page with a Change button per answer.
import { el, focusOn, replace } from "./dom.js";
import { errorMessage, errorSummary } from "./error-summary.js";
import { describeValue, isVisible, parseNumber, pageError } from "./questionnaire-model.js";
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

/**
 * Renders one question page into `container` and focuses it (the error summary when there is
 * one, otherwise the question heading).
 * ctx: {question, value, mustHave, position, total, error, matcher, onContinue(value, mustHave), onBack}
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
      el("h1", { class: "question__title" }, el("label", { for: fieldId }, q.prompt)),
      hint,
      err,
      ...controls,
    );

  if (q.kind === "single" || q.kind === "multi" || q.kind === "yes-no") {
    const multi = q.kind === "multi";
    const options = q.kind === "yes-no" ? [{ id: "yes", label: "Yes" }, { id: "no", label: "No" }] : q.options;
    const current = q.kind === "yes-no" ? (ctx.value === true ? "yes" : ctx.value === false ? "no" : undefined) : ctx.value;
    const inputs = options.map((o, i) => {
      const id = i === 0 ? fieldId : `${fieldId}-${o.id}`;
      const optionHintId = o.help ? `${id}-hint` : null;
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
        o.help ? el("p", { class: "hint choice__hint", id: optionHintId }, o.help) : null,
      );
    });
    body = el(
      "fieldset",
      { class: `fieldset${ctx.error ? " fieldset--error" : ""}`, "aria-describedby": describedBy },
      el("legend", { class: "fieldset__legend" }, caption, el("h1", { class: "question__title" }, q.prompt)),
      hint,
      err,
      el("div", { class: `choices${options.length > 8 ? " choices--long" : ""}` }, inputs),
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
      value: ctx.value === undefined ? "" : String(ctx.value),
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
      return parsed.value;
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
    el("div", { class: "button-group" }, el("button", { class: "button", type: "submit", id: "continue" }, "Continue")),
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
    ctx.onContinue(message ? { error: message, raw: typed } : { value }, must);
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
