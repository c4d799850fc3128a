// @ts-check
// The "Write a first message" helper under a match or a shortlisted therapist: the visitor ticks
// what to include, edits the draft, and copies it to paste into their own email or text. The
// message stays on the device: it is copied with the clipboard API (or selected for the visitor
// to copy when the browser refuses), and nothing here makes a request. Words: first-message.js.
import { el } from "./dom.js";
import { draftFirstMessage, firstMessageParts } from "./first-message.js";
import { contactList } from "./therapist-card.js";

let panels = 0;

/**
 * t: the therapist (name, contact). ctx: {values, messageLabels: {concerns: Map}}.
 * Returns {button, panel}: the button toggles the panel, which is built the first time it opens.
 */
export function firstMessagePanel(t, ctx) {
  const id = `first-message-${++panels}`;
  const panel = el("div", { class: "first-message", id, hidden: true });
  const button = el(
    "button",
    { type: "button", class: "link-button first-message__toggle", "aria-expanded": "false", "aria-controls": id },
    "Write a first message",
  );
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    if (open && !panel.childElementCount) build(panel, t, ctx);
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) panel.querySelector("h4")?.focus();
  });
  return { button, panel };
}

function build(panel, t, ctx) {
  // Ask only for ways of meeting this therapist offers (in person only when it is near enough).
  const values = { ...(ctx.values ?? {}) };
  if (Array.isArray(t.formats) && values.format) {
    const near = ctx.maxDistanceKm === undefined || t.distance_km === undefined || t.distance_km <= ctx.maxDistanceKm;
    const offered = values.format.filter((f) => t.formats.includes(f) && (f !== "in-person" || near));
    if (offered.length) values.format = offered;
  }
  const parts = firstMessageParts(values, ctx.messageLabels ?? {});
  const base = panel.id;
  let edited = false;
  const status = el("p", { class: "first-message__status", role: "status", id: `${base}-status` });
  const text = el("textarea", { class: "first-message__text", id: `${base}-text`, rows: "8", spellcheck: "true" });
  const redraft = () => {
    text.value = draftFirstMessage(t.name, parts);
  };
  text.addEventListener("input", () => {
    edited = true;
    note.hidden = false;
  });
  const note = el(
    "p",
    { class: "hint first-message__edited", hidden: true },
    "You have changed the message, so ticking boxes no longer rewrites it. ",
    el("button", { type: "button", class: "link-button", onclick: () => { edited = false; note.hidden = true; redraft(); text.focus(); } }, "Start the draft again"),
  );
  const boxes = parts.map((p, i) => {
    const boxId = `${base}-part-${i}`;
    return el(
      "div",
      { class: "choice choice--small" },
      el("input", {
        class: "choice__input choice__input--box",
        type: "checkbox",
        id: boxId,
        checked: p.checked,
        onchange: (e) => {
          p.checked = e.target.checked;
          if (!edited) redraft();
        },
      }),
      el("label", { class: "choice__label", for: boxId }, p.label),
    );
  });
  const copy = el("button", { type: "button", class: "button button--small first-message__copy", "aria-describedby": `${base}-status` }, "Copy message");
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = "Copied. Paste it into your own email or message.";
    } catch {
      // No clipboard access (an older browser, or permission refused): select it for the visitor.
      text.focus();
      text.select();
      status.textContent = "Your browser did not let us copy it. The message is selected: copy it with your device's Copy command.";
    }
  });
  panel.append(
    el("h4", { class: "first-message__title", tabindex: "-1" }, `Write a first message to ${t.name}`),
    el("p", { class: "hint" }, "Choose what to include and change anything you like. We never send it: copy it into your own email or text."),
    el("fieldset", { class: "fieldset first-message__parts" }, el("legend", { class: "label" }, "Include"), boxes),
    el("label", { class: "label", for: text.id }, "Your message"),
    text,
    note,
    el("div", { class: "button-group first-message__actions" }, copy),
    status,
    contactList(t.contact, t.name),
  );
  redraft();
}
