// @ts-check
// One therapist's card as visitors see it: built with createElement and textContent only, because
// every field comes from a directory entry (typed by a therapist, or a file someone loaded) and is
// never trusted as markup. Works on partial entries too, so the For Professionals preview can
// update while the form is still being filled in: missing fields are simply left out.
//
//   renderTherapistCard(therapist, { approachName, concernLabel, languageName, glossaryHref }) -> <article>
//
// The lookups turn ids into words; each defaults to showing the id itself.
import { longDate } from "./dom.js";

const FORMAT_WORDS = { "in-person": "in person", video: "video", phone: "phone", text: "text or messaging" };
const AVAILABILITY_WORDS = { "weekday-daytime": "weekday daytimes", "weekday-evening": "weekday evenings", weekend: "weekends" };
const CLIENT_WORDS = { individuals: "individuals", couples: "couples", families: "families" };
const IDENTITY_WORDS = {
  "lgbtq-affirming": "LGBTQ+ affirming",
  "neurodiversity-affirming": "neurodiversity affirming",
  "faith-sensitive": "faith sensitive",
  "culturally-responsive": "culturally responsive",
  "disability-aware": "disability aware",
};

const isText = (v) => typeof v === "string" && v.trim() !== "";
const list = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === "string" && x !== "") : []);
const isNumber = (v) => typeof v === "number" && Number.isFinite(v);

// A date as written in a directory entry ("2026-10-03"); anything else is shown as it is.
export function formatDate(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(iso))) return String(iso);
  return String(longDate(iso));
}

// "a, b and c"
export function joinWords(words) {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const capitalise = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

// "Trauma or PTSD" -> "trauma or PTSD", but "OCD" stays "OCD": for labels inside a sentence.
export function lowerFirst(s) {
  const first = String(s).split(/\s/)[0];
  return first.length > 1 && first === first.toUpperCase() ? String(s) : String(s).charAt(0).toLowerCase() + String(s).slice(1);
}

const WAITING_WORDS = { none: "Can usually start straight away", weeks: "Usually a wait of a few weeks", months: "Usually a wait of a few months" };
export const waitingWords = (w) => WAITING_WORDS[w] ?? "";

// tel: wants the digits alone ("+44 (0)113 496 0001" -> "+441134960001").
export function telHref(phone) {
  let digits = String(phone).replace(/[^\d+]/g, "");
  if (digits.startsWith("+44")) digits = `+44${digits.slice(3).replace(/^0/, "")}`;
  return `tel:${digits}`;
}

// The address as people read it: no "https://", no trailing slash.
export const websiteText = (url) => String(url).replace(/^https:\/\//, "").replace(/\/$/, "");

/**
 * How to get in touch, as a list of links: email (mailto:), phone (tel:) and website (https:
 * only; the loader already insists on it, and a preview of a half-typed entry shows anything
 * else as plain text). `name` makes each link's purpose clear out of context.
 */
export function contactList(contact, name = "", { compact = false } = {}) {
  const ul = el("ul", compact ? "contact-list contact-list--compact" : "contact-list");
  if (!contact || typeof contact !== "object") return ul;
  const item = (label, text, href) => {
    const li = el("li", "contact-list__item");
    if (!compact) li.append(el("span", "contact-list__label", `${label} `));
    if (href) {
      const a = el("a", "contact-list__link", text);
      a.href = href;
      const full = label === "Email" ? contact.email : label === "Website" ? websiteText(contact.website) : text;
      if (name) a.setAttribute("aria-label", `${label} ${name}: ${full}`);
      li.append(a);
    } else li.append(text);
    ul.append(li);
  };
  // Compact (a results card): "Email" and "Website" stand for the addresses, which the link's
  // accessible name, "More about …", the shortlist and the printout give in full.
  if (isText(contact.email)) item("Email", compact ? "Email" : contact.email, `mailto:${contact.email}`);
  if (isText(contact.phone)) item("Phone", contact.phone, telHref(contact.phone));
  if (isText(contact.website)) {
    let secure = false;
    try {
      secure = new URL(contact.website).protocol === "https:";
    } catch {
      // Not a URL: shown as text, never as a link.
    }
    item("Website", compact ? "Website" : websiteText(contact.website), secure ? contact.website : null);
  }
  return ul;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderTherapistCard(t, lookups = {}) {
  const approachName = lookups.approachName ?? ((slug) => slug);
  const concernLabel = lookups.concernLabel ?? ((id) => id);
  const languageName = lookups.languageName ?? ((code) => code);
  const glossaryHref = lookups.glossaryHref;
  const card = el("article", "therapist-card");

  const heading = el("h3", "therapist-card__name", isText(t.name) ? t.name : "Your name");
  if (isText(t.pronouns)) heading.append(" ", el("span", "therapist-card__pronouns", `(${t.pronouns})`));
  card.append(heading);

  if (typeof t.accepting_new === "boolean")
    card.append(
      el(
        "p",
        t.accepting_new ? "therapist-card__status" : "therapist-card__status therapist-card__status--closed",
        t.accepting_new ? "Taking new clients" : "Not taking new clients at the moment",
      ),
    );

  const regs = Array.isArray(t.registrations) ? t.registrations.filter((r) => r && typeof r === "object") : [];
  if (regs.length) {
    const p = el("p", "therapist-card__registration");
    p.textContent = regs
      .map((r) => {
        let s = [r.body, r.level].filter(isText).join(", ");
        if (isText(r.number)) s += ` (number ${r.number})`;
        if (isText(r.checked)) s += `, checked ${formatDate(r.checked)}`;
        return s;
      })
      .filter(isText)
      .join("; ");
    if (p.textContent) {
      p.prepend(el("strong", "", "Registered: "));
      card.append(p);
    }
  }

  const facts = el("dl", "therapist-card__facts");
  const fact = (term, value) => {
    if (!(value instanceof Node) && !isText(value)) return;
    const dd = el("dd");
    if (value instanceof Node) dd.append(value);
    else dd.textContent = value;
    facts.append(el("dt", "", term), dd);
  };

  const approaches = list(t.approaches);
  if (approaches.length) {
    if (glossaryHref) {
      const span = el("span");
      approaches.forEach((slug, i) => {
        if (i) span.append(i === approaches.length - 1 ? " and " : ", ");
        const a = el("a", "", approachName(slug));
        a.href = glossaryHref(slug);
        span.append(a);
      });
      fact("Approaches", span);
    } else fact("Approaches", joinWords(approaches.map(approachName)));
  }
  const concerns = list(t.concerns);
  // Concern labels hold their own "or" ("Trauma or PTSD"), so they are listed with commas only.
  if (concerns.length) fact("Helps with", capitalise(concerns.map(concernLabel).join(", ")));

  const formats = list(t.formats);
  if (formats.length) {
    const places = Array.isArray(t.locations) ? t.locations.map((l) => l && l.place).filter(isText) : [];
    const words = formats.map((f) => {
      const w = FORMAT_WORDS[f] ?? f;
      return f === "in-person" && places.length ? `${w} in ${joinWords(places)}` : w;
    });
    fact("Sessions", capitalise(joinWords(words)));
  }

  if (t.fees && typeof t.fees === "object") {
    const { min, max } = t.fees;
    let s = "";
    if (isNumber(min) && isNumber(max)) s = min === max ? `£${min} per session` : `£${min} to £${max} per session`;
    else if (isNumber(min)) s = `From £${min} per session`;
    const extras = [];
    if (t.fees.concessions === true) extras.push("reduced fees available");
    if (t.fees.low_cost_places === true) extras.push("some low-cost places");
    if (extras.length) s = s ? `${s}; ${joinWords(extras)}` : capitalise(joinWords(extras));
    fact("Fees", s);
  }

  const availability = list(t.availability);
  if (availability.length) fact("Usually available", capitalise(joinWords(availability.map((a) => AVAILABILITY_WORDS[a] ?? a))));

  const clients = list(t.clients);
  if (clients.length) {
    let s = capitalise(joinWords(clients.map((c) => CLIENT_WORDS[c] ?? c)));
    const ages = t.ages && typeof t.ages === "object" ? t.ages : null;
    if (ages && isNumber(ages.min) && isNumber(ages.max) && clients.includes("individuals"))
      s += ages.max >= 120 ? ` (ages ${ages.min} and over)` : ` (ages ${ages.min} to ${ages.max})`;
    fact("Works with", s);
  }

  const languages = list(t.languages);
  if (languages.length) fact("Languages", joinWords(languages.map(languageName)));

  const identity = list(t.identity);
  if (identity.length) fact("Practice", capitalise(joinWords(identity.map((i) => IDENTITY_WORDS[i] ?? i))));

  if (typeof t.waiting === "string" && waitingWords(t.waiting)) fact("Waiting time", waitingWords(t.waiting));

  const contact = contactList(t.contact, isText(t.name) ? t.name : "");
  if (contact.childElementCount) fact("Contact", contact);
  if (isText(t.updated)) fact("Details confirmed", formatDate(t.updated));

  if (facts.childElementCount) card.append(facts);

  if (isText(t.bio)) {
    const bio = el("div", "therapist-card__bio");
    for (const para of t.bio.split(/\n\s*\n/)) if (para.trim()) bio.append(el("p", "", para.trim()));
    card.append(bio);
  }
  return card;
}
