// @ts-check
// The For Professionals page: a therapist fills in their directory entry and the C++ validator
// (the one the directory loader uses, compiled to WebAssembly) checks it as they type; they see
// their card as visitors will, download the entry as JSON, or load one they saved before.
// Nothing leaves the browser: the only requests are for the site's own static files.
//
// The core runs on the main thread: checking one entry takes well under a millisecond, and the
// first load (the WASM module and the glossary, concern and places files) shows its progress.
// Errors appear for fields the person has left (or all of them once they press "Check my entry",
// download, or load a file), so an empty form does not greet them with a wall of red.
import { createMatcher, DATA_FILES } from "./tft.js";
import { showErrors, elementForPath } from "./form-errors.js";
import { instructionFor } from "./profile-messages.js";
import { COMMON_LANGUAGES, addRow, fillForm, readProfile, removeRow } from "./profile-form.js";
import { lowerFirst, renderTherapistCard } from "./therapist-card.js";

export const MAX_FILE_BYTES = 64 * 1024; // the validator's own limit for one entry

// Looks up one of the page's own elements (inputs, lists, the progress bar) by id.
/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);
const form = $("pro-form");
const summary = $("error-summary");
const summaryList = $("error-summary-list");
const live = $("pro-live");
const preview = $("pro-preview");

/** @type {(import("./tft.js").Matcher & { validateProfile: NonNullable<import("./tft.js").Matcher["validateProfile"]> }) | null} */
let tft = null;
let showAll = false;
const touched = new Set();
let approachNames = new Map();
let concernLabels = new Map();
// The names most people in the UK use, where the browser's own list says something else.
const LANGUAGE_NAMES = { bn: "Bengali", pa: "Punjabi", fa: "Persian (Farsi)" };
const languageNames = (() => {
  try {
    const names = new Intl.DisplayNames(["en-GB"], { type: "language" });
    return (code) => {
      try {
        if (LANGUAGE_NAMES[code]) return LANGUAGE_NAMES[code];
        return /^[a-z]{2}$/.test(code) ? names.of(code) ?? code : code;
      } catch {
        return code;
      }
    };
  } catch {
    return (code) => code;
  }
})();

const today = () => new Date().toISOString().slice(0, 10);

function checkboxList(container, name, items) {
  container.replaceChildren();
  for (const { value, label } of items) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = name;
    box.value = value;
    box.id = `pro-${name}-${value}`;
    const lab = document.createElement("label");
    lab.append(box, " ", label);
    container.append(lab);
  }
}

// ---- checking ---------------------------------------------------------------------------------

function isShown(error) {
  if (showAll) return true;
  const node = elementForPath(form, error.path);
  if (!node) return false;
  for (const t of touched) if (node === t || node.contains(t)) return true;
  return false;
}

let lastAnnounced = -1;
function check({ focusSummary = false } = {}) {
  const profile = readProfile(form);
  renderPreview(profile);
  if (!tft) return null;
  const errors = tft.validateProfile(profile);
  const shown = showErrors({ form, summary, summaryList, reword: instructionFor }, errors.filter(isShown));
  if (shown.length !== lastAnnounced) {
    lastAnnounced = shown.length;
    live.textContent = shown.length ? `${shown.length} ${shown.length === 1 ? "problem" : "problems"} to fix.` : "";
  }
  if (focusSummary && shown.length) summary.focus();
  return { profile, errors };
}

let timer = 0;
function scheduleCheck() {
  clearTimeout(timer);
  timer = setTimeout(() => check(), 120);
}

function renderPreview(profile) {
  preview.replaceChildren(
    renderTherapistCard(profile, {
      approachName: (slug) => approachNames.get(slug) ?? slug,
      concernLabel: (id) => lowerFirst(concernLabels.get(id) ?? id),
      languageName: languageNames,
    }),
  );
}

// ---- form behaviour ---------------------------------------------------------------------------

let idEdited = false;
const slugify = (s) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");

// The directory id is made here, from the name ("t-sam-jones"), unless a loaded entry brought
// its own; the therapist sees it but never has to type it.
function showId() {
  const id = $("pro-id").value;
  const shown = $("pro-id-shown");
  if (!id) shown.textContent = "It appears here when you enter your name.";
  else {
    const code = document.createElement("code");
    code.textContent = id;
    shown.replaceChildren(code);
  }
}

form.addEventListener("input", (event) => {
  const t = /** @type {HTMLInputElement} */ (event.target);
  if (t.id === "pro-name" && !idEdited) {
    const slug = slugify(t.value);
    $("pro-id").value = slug ? `t-${slug}` : "";
    showId();
  }
  if (t.id === "pro-bio") updateBioCount();
  if (t.dataset?.name === "place") suggestPlaces(t);
  scheduleCheck();
});
form.addEventListener("change", (event) => {
  const t = /** @type {HTMLInputElement} */ (event.target);
  // Ticking a box or choosing from a list is a finished answer; text boxes count on leaving them.
  if (t.type === "checkbox" || t.type === "radio" || t.tagName === "SELECT" || t.type === "date") touched.add(t);
  if (t.dataset?.name === "place") fillPosition(t);
  scheduleCheck();
});
form.addEventListener("focusout", (event) => {
  const t = /** @type {HTMLElement} */ (event.target);
  if (t.matches("input, select, textarea")) {
    touched.add(t);
    scheduleCheck();
  }
});
form.addEventListener("click", (event) => {
  const remove = /** @type {HTMLElement} */ (event.target).closest("[data-remove]");
  if (!remove) return;
  const row = /** @type {HTMLElement} */ (remove.closest("[data-row]"));
  const kind = row.dataset.row;
  removeRow(form, row);
  // Keep focus somewhere sensible: the Add button of that list.
  $(`pro-add-${kind}`).focus();
  scheduleCheck();
});
$("pro-add-registration").addEventListener("click", () => {
  const row = addRow(form, "registration", { checked: today() });
  row.querySelector("select")?.focus();
  scheduleCheck();
});
$("pro-add-location").addEventListener("click", () => {
  const row = addRow(form, "location");
  /** @type {HTMLInputElement} */ (row.querySelector('[data-name="place"]')).focus();
  scheduleCheck();
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  showAll = true;
  const result = check({ focusSummary: true });
  const status = $("pro-download-status");
  if (!result) status.textContent = "The checker is still loading. Try again in a moment.";
  else if (!result.errors.length) status.textContent = "Your entry has no problems. You can download it.";
  else status.textContent = "";
});

$("pro-download").addEventListener("click", () => {
  showAll = true;
  const result = check({ focusSummary: true });
  const status = $("pro-download-status");
  if (!result) {
    status.textContent = "The checker is still loading. Try again in a moment.";
    return;
  }
  if (result.errors.length) {
    status.textContent = "Fix the problems listed at the top of the form, then download your entry.";
    return;
  }
  const text = `${JSON.stringify(result.profile, null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${result.profile.id || "entry"}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  status.textContent = `Downloaded ${a.download}. Email this file to entries@example.org; we check your registration before publishing.`;
});

function updateBioCount() {
  const left = 1500 - [...$("pro-bio").value].length;
  $("pro-bio-count").textContent =
    left >= 0 ? `${left.toLocaleString("en-GB")} characters left.` : `${(-left).toLocaleString("en-GB")} characters too many.`;
}

// ---- places -----------------------------------------------------------------------------------

// "Newport, Isle of Wight, England": enough to tell places of one name apart.
const placeDescription = (/** @type {import("./tft.js").PlaceSuggestion} */ p) =>
  [p.name, p.county && p.county !== p.name ? p.county : "", p.region].filter(Boolean).join(", ");

// Suggestions and positions come from the core's place look-up (the one the matcher reads
// answers with), so an entry's place is spelled the way the directory loader and visitors expect.
function suggestPlaces(input) {
  if (!tft) return;
  let list = $("pro-place-suggestions");
  if (!list) {
    list = document.createElement("datalist");
    list.id = "pro-place-suggestions";
    form.append(list);
  }
  input.setAttribute("list", list.id);
  list.replaceChildren(
    ...(input.value.trim() ? tft.places(input.value, { limit: 8 }) : []).map((p) => {
      const option = document.createElement("option");
      // The core's label: the name, with its county when several towns share it (three Newports).
      option.value = p.label;
      option.label = placeDescription(p);
      return option;
    }),
  );
  fillPosition(input);
}

// The position comes from the bundled places list only: a town typed but not found leaves it
// empty, and the validator's "is required" for it becomes "Choose the town or city from the list".
function fillPosition(input) {
  if (!tft) return;
  const place = input.value.trim() ? tft.resolvePlace(input.value).place : null;
  const row = input.closest("[data-row]");
  row.querySelector('[data-name="lat"]').value = place ? String(place.lat) : "";
  row.querySelector('[data-name="lon"]').value = place ? String(place.lon) : "";
  row.querySelector("[data-found]").textContent = place ? `Found ${placeDescription(place)}.` : "";
}

// ---- loading a saved entry --------------------------------------------------------------------

function fileMessage(heading, lines = []) {
  const box = $("pro-file-result");
  box.replaceChildren();
  const p = document.createElement("p");
  p.textContent = heading;
  box.append(p);
  if (lines.length) {
    const ul = document.createElement("ul");
    for (const line of lines.slice(0, 20)) {
      const li = document.createElement("li");
      li.textContent = line;
      ul.append(li);
    }
    if (lines.length > 20) {
      const li = document.createElement("li");
      li.textContent = `and ${lines.length - 20} more`;
      ul.append(li);
    }
    box.append(ul);
  }
}

function loadText(name, text) {
  if (!tft) {
    fileMessage("The checker is still loading. Choose the file again in a moment.");
    return;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fileMessage(`${name} is not a JSON file we can read (${error.message}). Choose the file you downloaded from this page.`);
    return;
  }
  // A directory holding just one entry is fine too: take that entry.
  if (value && typeof value === "object" && Array.isArray(value.therapists)) {
    if (value.therapists.length !== 1) {
      fileMessage(`${name} is a whole directory with ${value.therapists.length} entries. Choose the file of a single entry.`);
      return;
    }
    value = value.therapists[0];
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    fileMessage(`${name} does not hold a directory entry. Choose the file you downloaded from this page.`);
    return;
  }
  const fileErrors = tft.validateProfile(value);
  const dropped = fillForm(form, value);
  idEdited = Boolean($("pro-id").value);
  showId();
  updateBioCount();
  showAll = true;
  const errors = check()?.errors ?? []; // tft is loaded here, so check() gives its errors
  const inForm = new Set(errors.map((e) => `${e.path}: ${e.message}`));
  // Problems the form cannot show, because it has no box for them (unknown fields or ids).
  const extra = fileErrors.map((e) => `${e.path}: ${e.message}`).filter((t) => !inForm.has(t));
  for (const d of dropped) {
    const t = `${d.path}: left out "${String(d.value).slice(0, 60)}", which this form does not offer`;
    if (!extra.includes(t)) extra.push(t);
  }
  if (!errors.length && !extra.length) fileMessage(`Loaded ${name}. It has no problems.`);
  else if (!extra.length) fileMessage(`Loaded ${name}. Fix the problems listed above the form.`);
  else
    fileMessage(`Loaded ${name}. These parts of the file were left out because the directory does not accept them:`, extra);
  if (errors.length) summary.focus();
}

$("pro-file").addEventListener("change", (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  const file = input.files?.[0];
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    const kb = Math.ceil(file.size / 1024);
    fileMessage(`${file.name} is ${kb} KB. An entry file is at most 64 KB, so this cannot be an entry from this page.`);
    input.value = "";
    return;
  }
  const reader = new FileReader();
  reader.addEventListener("load", () => loadText(file.name, String(reader.result)));
  reader.addEventListener("error", () => fileMessage(`${file.name} could not be read.`));
  reader.readAsText(file);
});

// ---- start ------------------------------------------------------------------------------------

async function start() {
  checkboxList(
    $("pro-language-list"),
    "languages",
    COMMON_LANGUAGES.map((code) => ({ value: code, label: languageNames(code) })).sort((a, b) =>
      a.value === "en" ? -1 : b.value === "en" ? 1 : a.label.localeCompare(b.label, "en-GB"),
    ),
  );
  addRow(form, "registration", { checked: today() });
  $("pro-updated").value = today();
  updateBioCount();
  renderPreview(readProfile(form));

  const progress = $("pro-progress");
  progress.max = DATA_FILES.length;
  const status = $("pro-status");
  let loaded = 0;
  const readText = async (url) => {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const text = await response.text();
    loaded += 1;
    progress.value = loaded;
    status.textContent = loaded < DATA_FILES.length ? `Loading the checker: ${loaded} of ${DATA_FILES.length} files…` : "Starting the checker…";
    return text;
  };
  try {
    // The whole core ("tft-core", the default): the find page's smaller one has no entry checker.
    const core = await createMatcher({ directoryUrl: null, readText });
    if (!core.validateProfile) throw new Error("this core has no entry checker");
    tft = { ...core, validateProfile: core.validateProfile };
  } catch (error) {
    status.textContent = `Sorry, the checker could not load (${error.message}). Reload the page to try again.`;
    return;
  }
  const entries = tft.entries().slice().sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  approachNames = new Map(entries.map((e) => [e.slug, e.name]));
  const concerns = tft.concerns().slice().sort((a, b) => a.label.localeCompare(b.label, "en-GB"));
  concernLabels = new Map(concerns.map((c) => [c.id, c.label]));
  // Keep anything ticked or loaded before the lists arrived.
  const before = readProfile(form);
  checkboxList($("pro-approach-list"), "approaches", entries.map((e) => ({ value: e.slug, label: e.name })));
  checkboxList($("pro-concern-list"), "concerns", concerns.map((c) => ({ value: c.id, label: c.label })));
  for (const [name, values] of [["approaches", before.approaches], ["concerns", before.concerns]])
    for (const v of values) {
      const box = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"][value="${CSS.escape(v)}"]`));
      if (box) box.checked = true;
    }
  status.textContent = "The checker is ready. Your entry is checked as you fill it in.";
  progress.hidden = true;
  $("pro-loading").classList.add("pro-loading--done");
  form.dataset.ready = "true";
  check();
}

start();
