// Crisis contacts, shown the moment the safety answer reports risk (before any other question or
// result) and again at the top of the results. The contacts come from the core (data/crisis.json).
// "urgent": the urgent contacts first, large and one tap away; "some": every contact, calmly.
import { el, longDate, replace } from "./dom.js";

function contactHref(c) {
  return c.phone ? `tel:${c.phone}` : `sms:${c.sms}`;
}

function contactCard(c, prominent) {
  return el(
    "li",
    { class: `crisis-contact${prominent ? " crisis-contact--urgent" : ""}` },
    el("h3", { class: "crisis-contact__name" }, c.name),
    el("p", { class: "crisis-contact__how" }, el("a", { href: contactHref(c), class: prominent ? "crisis-call" : null }, c.how)),
    c.sms && c.phone ? el("p", {}, el("a", { href: `sms:${c.sms}` }, `Send a text to ${c.sms}`)) : null,
    el("p", {}, c.for),
    el("p", { class: "crisis-contact__when" }, c.when),
  );
}

/**
 * The block of contacts for a level ("some" | "urgent"). crisis: {last_checked, contacts}.
 * headingLevel: 1 on the interruption page, 2 at the top of the results.
 */
export function crisisBlock(level, crisis, { headingLevel = 2, headingId = "crisis-title" } = {}) {
  const heading = el(`h${headingLevel}`, { id: headingId, class: "crisis-panel__title" },
    level === "urgent" ? "Please get help now" : "You do not have to wait to talk to someone");
  const urgent = crisis.contacts.filter((c) => c.urgent);
  const others = crisis.contacts.filter((c) => !c.urgent);
  const intro =
    level === "urgent"
      ? el("p", { class: "lead" }, "If you might act on these thoughts, or you are in danger, call 999 or go to A&E now. You will not be wasting anyone's time.")
      : el("p", { class: "lead" }, "Thank you for telling us. These free services are there day and night if things feel harder. You can talk or text, and they will listen.");
  const sub = `h${headingLevel + 1}`;
  return el(
    "section",
    { class: `crisis-panel crisis-panel--${level}`, "aria-labelledby": headingId },
    heading,
    intro,
    level === "urgent"
      ? [
          el("ul", { class: "crisis-list crisis-list--urgent" }, urgent.map((c) => contactCard(c, true))),
          others.length ? el(sub, { class: "crisis-panel__more" }, "Other services that can help") : null,
          el("ul", { class: "crisis-list" }, others.map((c) => contactCard(c, false))),
        ]
      : el("ul", { class: "crisis-list" }, crisis.contacts.map((c) => contactCard(c, false))),
    el("p", { class: "crisis-checked" }, "These numbers were last checked on ", el("time", { datetime: crisis.last_checked }, longDate(crisis.last_checked)), "."),
  );
}

/** The interruption page: contacts first, then a choice to carry on finding a therapist. */
export function renderCrisisInterruption(container, { level, crisis, onContinue, onBack }) {
  const panel = crisisBlock(level, crisis, { headingLevel: 1 });
  replace(container, 
    el("button", { type: "button", class: "back-link", onclick: onBack }, "Back"),
    panel,
    el(
      "div",
      { class: "crisis-continue" },
      el("p", {}, "When you are ready, you can carry on finding a therapist. These contacts will stay at the top of your results."),
      el("button", { type: "button", class: "button button--secondary", id: "crisis-continue", onclick: onContinue }, "Carry on finding a therapist"),
    ),
  );
  const h1 = panel.querySelector("h1");
  h1.setAttribute("tabindex", "-1");
  h1.focus();
}
