// @ts-check
// Crisis contacts, shown the moment the safety answer reports risk (before any other question or
// result) and again at the top of the results; the signposts beside them; and the visitor's own
// urgent routes in the "Need help now?" block once the results know their nation. Which contacts
// fit, in what order and how they group by nation are the core's decisions (crisis_contacts.h):
// the views here only look contacts up by id and lay them out.
// "urgent": the urgent contacts first, large and one tap away; "some": every contact, calmly.
import { el, longDate, replace } from "./dom.js";

function contactHref(c) {
  return c.phone ? `tel:${c.phone}` : `sms:${c.sms}`;
}

function contactCard(c, prominent, nameLevel) {
  return el(
    "li",
    { class: `crisis-contact${prominent ? " crisis-contact--urgent" : ""}` },
    el(nameLevel, { class: "crisis-contact__name" }, c.name),
    el("p", { class: "crisis-contact__how" }, el("a", { href: contactHref(c), class: prominent ? "crisis-call" : null }, c.how)),
    c.sms && c.phone ? el("p", {}, el("a", { href: `sms:${c.sms}` }, `Send a text to ${c.sms}`)) : null,
    el("p", {}, c.for),
    el("p", { class: "crisis-contact__when" }, c.when),
  );
}

const byId = (contacts) => new Map(contacts.map((c) => [c.id, c]));

// The core's groups, each with its contacts looked up and kept only when `keep` says so.
function groupsOf(groups, contacts, keep) {
  const known = byId(contacts);
  return groups
    .map((g) => ({ ...g, contacts: g.contacts.map((id) => known.get(id)).filter((c) => c && keep(c)) }))
    .filter((g) => g.contacts.length);
}

// One list per group; a heading per group only when there is more than one (the nation is
// unknown), so a visitor sees which NHS line is theirs.
function groupedLists(groups, { prominent, headingLevel }) {
  const titled = groups.length > 1;
  const nameLevel = `h${Math.min(headingLevel + (titled ? 1 : 0), 6)}`;
  return groups.map((g) =>
    el(
      "div",
      { class: "crisis-group", dataset: { nation: g.nation } },
      titled ? el(`h${headingLevel}`, { class: "crisis-group__title" }, g.title) : null,
      el("ul", { class: `crisis-list${prominent ? " crisis-list--urgent" : ""}` }, g.contacts.map((c) => contactCard(c, prominent, nameLevel))),
    ),
  );
}

const INTRO = {
  urgent: "If you might act on these thoughts, or you are in danger, call 999 or go to A&E now. You will not be wasting anyone's time.",
  some: "These free services are there if things feel hard, many of them day and night. You can talk or text, and they will listen.",
  "prefer-not-to-say": "That is fine. If things feel hard at any point, these free services are there, many of them day and night. You can talk or text, and they will listen.",
};

/**
 * The block of contacts for a level ("some" | "urgent").
 * part: the core's crisis part ({level, nation, contacts, groups}); lastChecked: YYYY-MM-DD.
 * headingLevel: 1 on the interruption page, 2 at the top of the results. answer: the safety
 * answer's id, so "I'd rather not say" is not thanked for telling us anything.
 */
/**
 * @param {"some" | "urgent"} level
 * @param {import("./tft.js").CrisisPart} part
 * @param {{ lastChecked?: string, answer?: string, headingLevel?: number, headingId?: string }} [options]
 */
export function crisisBlock(level, part, { lastChecked, answer, headingLevel = 2, headingId = "crisis-title" } = {}) {
  const heading = el(`h${headingLevel}`, { id: headingId, class: "crisis-panel__title" },
    level === "urgent" ? "Please get help now" : "You do not have to wait to talk to someone");
  const intro = el("p", { class: "lead" }, INTRO[level === "urgent" ? "urgent" : answer === "prefer-not-to-say" ? answer : "some"]);
  const sub = headingLevel + 1;
  const where = part.nation
    ? null
    : el("p", {}, "The NHS line to call depends on where you are in the UK, so each nation's is listed.");
  const urgentGroups = groupsOf(part.groups, part.contacts, (c) => c.urgent);
  const otherGroups = groupsOf(part.groups, part.contacts, (c) => !c.urgent);
  return el(
    "section",
    { class: `crisis-panel crisis-panel--${level}`, "aria-labelledby": headingId },
    heading,
    intro,
    where,
    level === "urgent"
      ? [
          groupedLists(urgentGroups, { prominent: true, headingLevel: sub }),
          otherGroups.length ? el(`h${sub}`, { class: "crisis-panel__more" }, "Other services that can help") : null,
          groupedLists(otherGroups, { prominent: false, headingLevel: sub + 1 }),
        ]
      : groupedLists(groupsOf(part.groups, part.contacts, () => true), { prominent: false, headingLevel: sub }),
    lastChecked
      ? el("p", { class: "crisis-checked" }, "These numbers were last checked on ", el("time", { datetime: lastChecked }, longDate(lastChecked)), ".")
      : null,
  );
}

// One line each: the visitor read the full wording on the page that interrupted the questions.
const COMPACT_INTRO = {
  urgent: "In danger now? Call 999 or go to A&E.",
  some: "Free services that will listen, day or night:",
  "prefer-not-to-say": "That is fine. These free services will listen, day or night:",
};

/**
 * The crisis part at the top of the results, compact (issue 13): the visitor's own urgent routes
 * (the core's need_help groups: 999, their nation's NHS line, Samaritans, Shout, Childline for a
 * young person) one tap each, then "Show all contacts", which opens every contact the core
 * chose, grouped as on the interruption page. The visitor has already seen the full page.
 */
/**
 * @param {"some" | "urgent"} level
 * @param {import("./tft.js").CrisisPart} part
 * @param {{ lastChecked?: string, answer?: string, headingLevel?: number, headingId?: string }} [options]
 */
export function compactCrisisBlock(level, part, { lastChecked, answer, headingLevel = 2, headingId = "results-crisis-title" } = {}) {
  const known = byId(part.contacts);
  const first = [];
  for (const g of part.need_help ?? part.groups ?? []) {
    for (const id of g.contacts) {
      const c = known.get(id);
      if (c && c.urgent && !first.includes(c)) first.push(c);
    }
  }
  const fullId = `${headingId}-all`;
  const full = el(
    "div",
    { class: "crisis-panel__all", id: fullId, hidden: true },
    groupedLists(groupsOf(part.groups, part.contacts, () => true), { prominent: false, headingLevel: headingLevel + 1 }),
    lastChecked
      ? el("p", { class: "crisis-checked" }, "These numbers were last checked on ", el("time", { datetime: lastChecked }, longDate(lastChecked)), ".")
      : null,
  );
  const toggle = el("button", { type: "button", class: "button button--secondary button--small crisis-panel__toggle", "aria-expanded": "false", "aria-controls": fullId }, "Show all contacts");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "Hide the other contacts" : "Show all contacts";
    full.hidden = !open;
  });
  return el(
    "section",
    { class: `crisis-panel crisis-panel--${level} crisis-panel--compact`, "aria-labelledby": headingId },
    el(`h${headingLevel}`, { id: headingId, class: "crisis-panel__title" }, level === "urgent" ? "Please get help now" : "You do not have to wait to talk to someone"),
    el("p", { class: "lead" }, COMPACT_INTRO[level === "urgent" ? "urgent" : answer === "prefer-not-to-say" ? answer : "some"]),
    el(
      "ul",
      { class: "crisis-quick" },
      first.map((c) => el("li", {}, el("a", { href: contactHref(c) }, el("strong", {}, c.name), `: ${c.how}`))),
    ),
    toggle,
    full,
  );
}

/**
 * The signposts at the top of the results: NHS and specialist routes beside private therapy.
 * signposts: the core's list; contacts: every crisis contact (crisis().contacts), to look ids up.
 * Those for one nation are grouped under "Free NHS help where you live" when the nation is unknown.
 */
export function signpostsBlock(signposts, contacts, { headingLevel = 2 } = {}) {
  if (!signposts.length) return null;
  const known = byId(contacts);
  const item = (s) =>
    el(
      "li",
      { class: "signpost", dataset: { signpost: s.id } },
      el("p", {}, s.text),
      s.contacts.length
        ? el(
            "ul",
            { class: "signpost__contacts" },
            s.contacts.map((id) => known.get(id)).filter(Boolean).map((c) => el("li", {}, el("a", { href: contactHref(c) }, el("strong", {}, c.name), `: ${c.how}`))),
          )
        : null,
    );
  const general = signposts.filter((s) => !s.nation);
  const byNation = signposts.filter((s) => s.nation);
  const grouped = byNation.length > 1;
  return el(
    "section",
    { class: "signposts", "aria-labelledby": "signposts-title" },
    el(`h${headingLevel}`, { id: "signposts-title" }, "Other help you can get"),
    el("p", {}, "Private therapy is one route. These free NHS and specialist services may help too, alongside it or while you wait."),
    general.length || !grouped ? el("ul", { class: "signpost-list" }, [...general, ...(grouped ? [] : byNation)].map(item)) : null,
    grouped
      ? [
          el(`h${headingLevel + 1}`, {}, "Free NHS help where you live"),
          el("ul", { class: "signpost-list" }, byNation.map(item)),
        ]
      : null,
  );
}

/**
 * Fills a "Need help now?" list container (the .need-help__groups element every page carries)
 * with the core's need_help groups for this visitor. contacts: every crisis contact, by id lookup.
 */
export function renderNeedHelp(container, needHelp, contacts) {
  const groups = groupsOf(needHelp, contacts, () => true);
  replace(
    container,
    ...groups.flatMap((g) => [
      el("dt", { class: "need-help__nation" }, g.title),
      el(
        "dd",
        {},
        el("ul", { class: "need-help__list" }, g.contacts.map((c) => el("li", {}, el("a", { href: contactHref(c) }, el("strong", {}, c.name), `: ${c.how}`)))),
      ),
    ]),
  );
}

/** The interruption page: contacts first, then a choice to carry on finding a therapist. */
export function renderCrisisInterruption(container, { level, answer, part, lastChecked, onContinue, onBack }) {
  const panel = crisisBlock(level, part, { headingLevel: 1, answer, lastChecked });
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
