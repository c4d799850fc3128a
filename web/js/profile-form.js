// @ts-check
// The For Professionals form <-> a directory entry (docs/design.md#data-files, the therapist). readProfile() builds
// the entry from what is typed, passing through anything that is not a clean value (a fee of
// "abc" stays the string "abc") so the C++ validator, not this file, decides what is wrong and
// says so. fillForm() does the reverse for a loaded file; it sets .value and .checked only.
//
// Repeatable rows (registrations, locations) come from <template>s and are renumbered on every
// change so each control's data-path ("$.registrations[1].number") matches its array index.

export const REGISTRATION_BODIES = ["BACP", "UKCP", "HCPC", "BABCP", "BPS", "COSRT", "NCPS", "BPC", "ACP", "AHPP", "ACC", "IACP", "PSA"];
// Languages offered as tick boxes (the most spoken in the UK); others go in the free-text box.
export const COMMON_LANGUAGES = ["en", "cy", "gd", "ga", "pl", "ro", "pa", "ur", "bn", "gu", "ar", "pt", "es", "fr", "it", "de", "tr", "zh", "hi", "ta", "so", "fa"];
export const ROW_LIMITS = { registration: 8, location: 10 };

const ROWS = {
  registration: { path: "$.registrations", fields: ["body", "level", "number", "checked"], legend: "Registration" },
  location: { path: "$.locations", fields: ["place", "lat", "lon"], legend: "Location" },
};

// A number when the text is one, else the trimmed text (so the validator can name the problem),
// else undefined for an empty box (so "is required" comes from the validator too).
export function numberOrText(text) {
  const t = String(text ?? "").trim();
  if (t === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

const text = (form, name) => {
  const v = form.elements.namedItem(name)?.value ?? "";
  return v.trim() === "" ? undefined : v.trim();
};
const checkedValues = (form, name) =>
  [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
const radio = (form, name) => form.querySelector(`input[name="${name}"]:checked`)?.value;

function rows(form, kind) {
  return [...form.querySelectorAll(`[data-row="${kind}"]`)];
}

function rowValues(row, kind) {
  const out = {};
  for (const f of ROWS[kind].fields) out[f] = row.querySelector(`[data-name="${f}"]`).value;
  return out;
}

export function readProfile(form) {
  const profile = {};
  const put = (key, value) => {
    if (value !== undefined) profile[key] = value;
  };
  put("id", text(form, "id"));
  put("name", text(form, "name"));
  put("pronouns", text(form, "pronouns"));
  put("gender", radio(form, "gender"));
  profile.registrations = rows(form, "registration").map((row) => {
    const v = rowValues(row, "registration");
    const reg = {};
    for (const k of ["body", "level", "number", "checked"]) if (v[k].trim() !== "") reg[k] = v[k].trim();
    return reg;
  });
  profile.approaches = checkedValues(form, "approaches");
  profile.concerns = checkedValues(form, "concerns");
  profile.clients = checkedValues(form, "clients");
  const ages = {};
  for (const [k, name] of [["min", "age-min"], ["max", "age-max"]]) {
    const v = numberOrText(form.elements.namedItem(name).value);
    if (v !== undefined) ages[k] = v;
  }
  profile.ages = ages;
  profile.formats = checkedValues(form, "formats");
  const locations = rows(form, "location").map((row) => {
    const v = rowValues(row, "location");
    const loc = {};
    if (v.place.trim() !== "") loc.place = v.place.trim();
    for (const k of ["lat", "lon"]) {
      const n = numberOrText(v[k]);
      if (n !== undefined) loc[k] = n;
    }
    return loc;
  });
  if (locations.length) profile.locations = locations;
  const other = (form.elements.namedItem("languages-other").value || "")
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  profile.languages = [...checkedValues(form, "languages"), ...other];
  const fees = {};
  for (const [k, name] of [["min", "fee-min"], ["max", "fee-max"]]) {
    const v = numberOrText(String(form.elements.namedItem(name).value).replace(/^£/, ""));
    if (v !== undefined) fees[k] = v;
  }
  fees.concessions = form.elements.namedItem("concessions").checked;
  fees.low_cost_places = form.elements.namedItem("low_cost_places").checked;
  profile.fees = fees;
  profile.availability = checkedValues(form, "availability");
  profile.identity = checkedValues(form, "identity");
  const accepting = radio(form, "accepting_new");
  if (accepting) profile.accepting_new = accepting === "yes";
  put("waiting", radio(form, "waiting"));
  const contact = {};
  for (const key of ["email", "phone", "website"]) {
    const v = text(form, key);
    if (v !== undefined) contact[key] = v;
  }
  profile.contact = contact;
  put("updated", text(form, "updated"));
  put("bio", form.elements.namedItem("bio").value.trim() === "" ? undefined : form.elements.namedItem("bio").value);
  return profile;
}

// Gives every row its number, ids, labels and data-paths; hides Remove when only one row is left
// for registrations (one is required) and limits Add buttons to the validator's maximum.
export function renumberRows(form, kind) {
  const { path, fields, legend } = ROWS[kind];
  const all = rows(form, kind);
  all.forEach((row, i) => {
    const n = i + 1;
    row.dataset.path = `${path}[${i}]`;
    row.dataset.label = `${legend} ${n}`;
    row.id = `pro-${kind}-${n}`;
    row.querySelector(".pro-row__legend").textContent = `${legend} ${n}`;
    for (const f of fields) {
      const control = row.querySelector(`[data-name="${f}"]`);
      control.id = `pro-${kind}-${n}-${f}`;
      control.name = `${kind}-${n}-${f}`;
      // A hidden value (a location's position, filled from its town) has no box of its own: its
      // errors go to the row, whose first box is the town.
      if (control.type !== "hidden") {
        control.dataset.path = `${path}[${i}].${f}`;
        control.dataset.label = `${legend} ${n}, ${control.dataset.labelPart}`;
        row.querySelector(`label[data-for="${f}"]`).htmlFor = control.id;
      }
      const hint = row.querySelector(`[data-hint="${f}"]`);
      if (hint) {
        hint.id = `${control.id}-hint`;
        control.setAttribute("aria-describedby", hint.id);
      }
    }
    const remove = row.querySelector("[data-remove]");
    remove.hidden = kind === "registration" && all.length === 1;
    remove.setAttribute("aria-label", `Remove ${legend.toLowerCase()} ${n}`);
  });
  const add = form.querySelector(`#pro-add-${kind}`);
  if (add) add.hidden = all.length >= ROW_LIMITS[kind];
}

/** Adds a row from its template, filled with `values`; returns the row. */
export function addRow(form, kind, values = {}) {
  const template = /** @type {HTMLTemplateElement} */ (document.getElementById(`pro-${kind}-row`));
  const row = /** @type {HTMLElement} */ (template.content.firstElementChild?.cloneNode(true));
  if (kind === "registration") {
    const select = /** @type {HTMLSelectElement} */ (row.querySelector('[data-name="body"]'));
    const blank = new Option("Choose a body", "");
    select.append(blank, ...REGISTRATION_BODIES.map((b) => new Option(b, b)));
  }
  for (const [k, v] of Object.entries(values)) {
    const control = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (row.querySelector(`[data-name="${k}"]`));
    if (!control || v === undefined || v === null) continue;
    if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === String(v)))
      control.append(new Option(String(v), String(v)));
    control.value = String(v);
  }
  form.querySelector(`#pro-${kind}-rows`).append(row);
  renumberRows(form, kind);
  return row;
}

export function removeRow(form, row) {
  const kind = row.dataset.row;
  row.remove();
  renumberRows(form, kind);
}

// A saved file may list far more values than any field allows (the validator names the count);
// the form looks at no more than this many of each, so loading stays instant.
const MAX_VALUES_READ = 100;
const list = (v) => (Array.isArray(v) ? v.slice(0, MAX_VALUES_READ) : []);

const setChecks = (form, name, values) => {
  const wanted = new Set(list(values).map(String));
  for (const box of form.querySelectorAll(`input[name="${name}"]`)) box.checked = wanted.has(box.value);
  return [...wanted].filter((v) => !form.querySelector(`input[name="${name}"][value="${CSS.escape(v)}"]`));
};
const setText = (form, name, value) => {
  form.elements.namedItem(name).value = value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
};

/**
 * Puts a loaded entry into the form. Returns what the form has no place for (e.g. approach ids it
 * does not offer), as [{path, value}], so the page can say they were left out.
 */
export function fillForm(form, p) {
  const dropped = [];
  const obj = (v) => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
  form.reset();
  for (const kind of ["registration", "location"]) for (const row of rows(form, kind)) row.remove();
  setText(form, "id", p.id);
  setText(form, "name", p.name);
  setText(form, "pronouns", p.pronouns);
  for (const box of form.querySelectorAll('input[name="gender"]')) box.checked = box.value === p.gender;
  // Rows beyond the validator's maximum are not added (20,000 of them froze the page); the
  // validator's own error says how many the file had.
  const regs = list(p.registrations).slice(0, ROW_LIMITS.registration);
  for (const r of regs) addRow(form, "registration", obj(r));
  if (!regs.length) addRow(form, "registration");
  for (const [field, name] of [["approaches", "approaches"], ["concerns", "concerns"], ["clients", "clients"], ["formats", "formats"], ["availability", "availability"], ["identity", "identity"]])
    for (const v of setChecks(form, name, p[field])) dropped.push({ path: `$.${field}`, value: v });
  setText(form, "age-min", obj(p.ages).min);
  setText(form, "age-max", obj(p.ages).max);
  for (const l of list(p.locations).slice(0, ROW_LIMITS.location)) addRow(form, "location", obj(l));
  const langs = list(p.languages).map(String);
  setChecks(form, "languages", langs);
  const ticked = new Set(checkedValues(form, "languages"));
  setText(form, "languages-other", langs.filter((l) => !ticked.has(l)).join(", "));
  const fees = obj(p.fees);
  setText(form, "fee-min", fees.min);
  setText(form, "fee-max", fees.max);
  form.elements.namedItem("concessions").checked = fees.concessions === true;
  form.elements.namedItem("low_cost_places").checked = fees.low_cost_places === true;
  for (const box of form.querySelectorAll('input[name="accepting_new"]'))
    box.checked = (box.value === "yes" && p.accepting_new === true) || (box.value === "no" && p.accepting_new === false);
  for (const box of form.querySelectorAll('input[name="waiting"]')) box.checked = box.value === p.waiting;
  const contact = obj(p.contact);
  for (const key of ["email", "phone", "website"]) setText(form, key, contact[key]);
  setText(form, "updated", p.updated);
  setText(form, "bio", p.bio);
  renumberRows(form, "registration");
  renumberRows(form, "location");
  return dropped;
}
