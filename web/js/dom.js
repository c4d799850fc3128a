// @ts-check
// Building DOM without markup strings: every piece of text goes in through textContent, so data
// from the directory or the visitor can never become HTML. Used by every view of find.html.
//
//   el("p", { class: "hint", id: "x" }, "Some text", el("strong", {}, "bold"))
//
// Attributes: `class`, any attribute (false/null/undefined leave it out, true sets it empty),
// `on<event>` adds a listener, `dataset` an object, `hidden`/`checked`/`disabled`/`value` set as
// properties. Children: strings (as text), nodes, arrays, or null/false (skipped).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (["checked", "disabled", "value", "hidden", "selected"].includes(name)) node[name] = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Replaces everything inside `node` with `children`.
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

// Moves focus to a heading or panel that is not normally focusable (GOV.UK: after a page change
// or an error, focus goes to the new content so screen reader users hear it).
export function focusOn(node) {
  if (!node) return;
  if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
  node.focus({ preventScroll: false });
}

// Numbers and dates go through one formatter each, made on first use and kept: toLocaleString
// and toLocaleDateString make a new formatter every call (about a millisecond each for dates, and
// a results page formats dozens). Not made when this module loads, so opening a page never waits
// for the browser's locale data; matcher-worker.js loads that data early, off the main thread.
/** @type {Intl.NumberFormat | undefined} */
let numberFormat;
/** @type {Intl.DateTimeFormat | undefined} */
let dateFormat;

// "1,234": a number with its thousands grouped, as toLocaleString("en-GB") writes it.
export const grouped = (n) => (numberFormat ??= new Intl.NumberFormat("en-GB")).format(n);

// "£60", "£50 to £70"
export const pounds = (n) => `£${grouped(Number(n))}`;

// "3 October 2026" from "2026-10-03", in UTC so the day never shifts with the time zone.
export function longDate(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return (dateFormat ??= new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })).format(d);
}

// "one therapist", "12 therapists"
export function count(n, one, many = `${one}s`) {
  return `${n === 1 ? "one" : grouped(n)} ${n === 1 ? one : many}`;
}
