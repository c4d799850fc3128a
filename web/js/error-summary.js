// @ts-check
// The GOV.UK error summary: a box at the top of the page titled "There is a problem", one link per
// error to its field. Following a link focuses the field without touching the URL (no #hash:
// nothing about the visitor's answers or place in the flow goes in the address bar).
import { el, focusOn } from "./dom.js";

/** errors: [{message, fieldId}] → the summary element (focus it after it is in the page). */
export function errorSummary(errors) {
  return el(
    "div",
    { class: "error-summary", role: "alert", "aria-labelledby": "error-summary-title", tabindex: "-1" },
    el("h2", { id: "error-summary-title", class: "error-summary__title" }, "There is a problem"),
    el(
      "ul",
      { class: "error-summary__list" },
      errors.map((e) =>
        el("li", {}, el("a", { href: `#${e.fieldId}`, onclick: (event) => goToField(event, e.fieldId) }, e.message)),
      ),
    ),
  );
}

function goToField(event, fieldId) {
  event.preventDefault();
  const field = document.getElementById(fieldId);
  if (!field) return;
  // Scroll the question's heading into view too, so a sighted visitor sees what the field is for.
  const heading = field.closest("fieldset")?.querySelector("legend") ?? document.querySelector(`label[for="${fieldId}"]`);
  heading?.scrollIntoView({ block: "start" });
  focusOn(field);
}

/** The inline message beside a field; its id goes into the field's aria-describedby. */
export function errorMessage(id, message) {
  return el("p", { class: "error-message", id }, el("span", { class: "visually-hidden" }, "Error: "), message);
}
