// @ts-check
// The shortlist section of the results page: saved therapists, compare two or three side by side
// (a table whose rows are the details and whose columns are the therapists; at 360 px each row
// stacks its label above the values), the opt-in to remember the shortlist on this device, print,
// download as a text file, and "Clear everything".
import { el, longDate } from "./dom.js";
import { approachLinks, registrationsList, therapistFacts } from "./results-view.js";
import { errorMessage } from "./error-summary.js";
import { contactList } from "./therapist-card.js";
import { firstMessagePanel } from "./first-message-view.js";

export const MAX_COMPARE = 3;

function compareTable(therapists, ctx) {
  /** @type {[string, (t: any) => any][]} */
  const rows = [
    ["Fees", (t) => therapistFacts(t, ctx.labels).fees],
    ["Ways of meeting", (t) => therapistFacts(t, ctx.labels).formats],
    ["Where", (t) => therapistFacts(t, ctx.labels).places || "Not given"],
    ["Languages", (t) => therapistFacts(t, ctx.labels).languages],
    ["Times", (t) => (t.availability ?? []).map((a) => ctx.labels.availability.get(a) ?? a).join(", ") || "Not given"],
    ["Contact", (t) => contactList(t.contact, t.name)],
    ["Approaches", (t) => approachLinks(t.approaches, ctx.approachNames)],
    ["Registered with", (t) => registrationsList(t)],
  ];
  return el(
    "table",
    { class: `compare compare--${therapists.length}`, id: "compare-table" },
    el("caption", { class: "compare__caption" }, `Comparing ${therapists.length} therapists`),
    el(
      "thead",
      {},
      el("tr", {}, el("td", { class: "compare__corner" }), therapists.map((t) => el("th", { scope: "col" }, t.name, t.pronouns ? el("span", { class: "match-card__pronouns" }, ` (${t.pronouns})`) : null))),
    ),
    el(
      "tbody",
      {},
      rows.map(([label, value]) => el("tr", {}, el("th", { scope: "row" }, label), therapists.map((t) => el("td", { "data-name": t.name }, value(t))))),
    ),
  );
}

/** The shortlist as plain text: only what the visitor sees on the page, nothing from the answers. */
export function shortlistText(therapists, ctx) {
  const lines = ["Time for Therapy: your shortlist", ""];
  if (ctx.directory?.fictional) lines.push(`Sample directory: ${ctx.directory.notice}`, "");
  therapists.forEach((t, i) => {
    const f = therapistFacts(t, ctx.labels);
    lines.push(`${i + 1}. ${t.name}${t.pronouns ? ` (${t.pronouns})` : ""}`);
    const c = t.contact ?? {};
    if (c.email) lines.push(`   Email: ${c.email}`);
    if (c.phone) lines.push(`   Phone: ${c.phone}`);
    if (c.website) lines.push(`   Website: ${c.website}`);
    lines.push(`   Fees: ${f.fees}`);
    lines.push(`   Ways of meeting: ${f.formats}`);
    lines.push(`   Where: ${f.places || "Not given"}`);
    lines.push(`   Languages: ${f.languages}`);
    lines.push(`   Approaches: ${(t.approaches ?? []).map((s) => ctx.approachNames.get(s) ?? s).join(", ")}`);
    for (const r of t.registrations ?? [])
      lines.push(`   Registered with: ${r.body} (${r.level}), number ${r.number}, last checked ${longDate(r.checked)}`);
    if (t.bio) lines.push(`   About: ${t.bio}`);
    lines.push("");
  });
  return lines.join("\n");
}

function download(text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const a = el("a", { href: url, download: "my-therapist-shortlist.txt", hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * ctx: {shortlist, compareIds (Set), compareOpen, compareError, labels, approachNames, directory,
 *       onRemove(id), onToggleCompare(id), onCompare(), onRemember(bool), onClearEverything()}
 */
export function shortlistSection(ctx) {
  const items = ctx.shortlist.list();
  const comparing = items.filter((t) => ctx.compareIds.has(t.id));
  const remember = el("input", {
    class: "choice__input choice__input--box",
    type: "checkbox",
    id: "remember-shortlist",
    checked: ctx.shortlist.remember,
    "aria-describedby": "remember-shortlist-hint",
    onchange: (e) => ctx.onRemember(e.target.checked),
  });
  return el(
    "section",
    { id: "shortlist", class: "shortlist", "aria-labelledby": "shortlist-title" },
    el("h2", { id: "shortlist-title" }, `Your shortlist (${items.length})`),
    items.length
      ? [
          el("p", { class: "hint" }, "Tick two or three to compare them side by side."),
          el(
            "ul",
            { class: "shortlist__list" },
            items.map((t) => {
              const message = firstMessagePanel(t, ctx);
              return el(
                "li",
                { class: "shortlist__item" },
                el("p", { class: "shortlist__name" }, el("strong", {}, t.name), ` · ${therapistFacts(t, ctx.labels).fees}`),
                el("div", { class: "shortlist__contact" }, contactList(t.contact, t.name), message.button),
                message.panel,
                el(
                  "div",
                  { class: "shortlist__actions" },
                  el(
                    "div",
                    { class: "choice choice--inline" },
                    el("input", { class: "choice__input choice__input--box", type: "checkbox", id: `compare-${t.id}`, checked: ctx.compareIds.has(t.id), onchange: () => ctx.onToggleCompare(t.id) }),
                    el("label", { class: "choice__label", for: `compare-${t.id}` }, "Compare", el("span", { class: "visually-hidden" }, ` ${t.name}`)),
                  ),
                  el("button", { type: "button", class: "link-button", onclick: () => ctx.onRemove(t.id) }, "Remove", el("span", { class: "visually-hidden" }, ` ${t.name} from your shortlist`)),
                ),
              );
            }),
          ),
          ctx.compareError ? errorMessage("compare-error", ctx.compareError) : null,
          el("button", { type: "button", class: "button button--secondary", id: "compare-button", "aria-describedby": ctx.compareError ? "compare-error" : null, onclick: ctx.onCompare }, "Compare"),
          ctx.compareOpen && comparing.length >= 2 ? el("div", { class: "compare-wrap" }, compareTable(comparing, ctx)) : null,
        ]
      : el("p", {}, "Nothing saved yet. Use ‘Save’ on a therapist to keep them here while you decide."),
    // Remembering, printing and downloading mean something only once a therapist is saved.
    items.length
      ? [
          el(
            "div",
            { class: "must-have remember" },
            remember,
            el("label", { class: "choice__label", for: "remember-shortlist" }, "Remember my shortlist on this device"),
            el("p", { class: "hint choice__hint", id: "remember-shortlist-hint" }, "We keep only which therapists you saved, in this browser, never your answers. Untick this or use ‘Clear everything’ to remove it."),
          ),
          el(
            "div",
            { class: "button-group shortlist__tools" },
            el("button", { type: "button", class: "button button--secondary", id: "print-shortlist", onclick: () => window.print() }, "Print shortlist"),
            el("button", { type: "button", class: "button button--secondary", id: "download-shortlist", onclick: () => download(shortlistText(items, ctx)) }, "Download shortlist"),
          ),
        ]
      : null,
    el(
      "div",
      { class: "clear-all" },
      el("h3", {}, "Finished?"),
      el("p", {}, "‘Clear everything’ forgets your answers and shortlist and removes anything this site stored on this device."),
      el("button", { type: "button", class: "button button--warning", id: "clear-everything", onclick: ctx.onClearEverything }, "Clear everything"),
    ),
  );
}
