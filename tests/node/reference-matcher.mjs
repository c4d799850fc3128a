// A second, deliberately simple matcher written from the design alone (docs/matching.md: answers,
// hard filters and their order, the score; the term rules in the ScoreWeights comments of
// src/core/matcher.h; docs/evidence.md for whose evidence counts), used as an oracle for the answer
// fixtures. It shares no code with the core:
// its own place look-up, its own great-circle distance (the atan2 form, not haversine), its own
// filters and score. It reads the therapist directory and the glossary as published JSON.
//
// It returns { passing, excluded: {total, by}, matches: [{id, score}] } for answers the core
// accepts; it does not validate answers (the fixtures that reach it are valid).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const WEIGHTS = { concerns: 30, evidence: 15, approaches: 15, budget: 10, low_cost: 5, languages: 5, gender: 5, availability: 5, identity: 5, distance: 5 };
const EVIDENCE = { strong: 1, moderate: 0.6, emerging: 0.3 };
const MUST_HAVE_ORDER = ["approaches", "budget", "low_cost", "therapist_gender", "languages", "availability", "identity"];
const FILTER_ORDER = ["who", "age", "accepting_new", "format", "distance", ...MUST_HAVE_ORDER];
const DEFAULT_DISTANCE_KM = 20;
const EARTH_RADIUS_KM = 6371;

export function loadReferenceData(dataDir) {
  const read = (name) => JSON.parse(readFileSync(join(dataDir, name), "utf8"));
  return { directory: read("therapists.sample.json"), glossary: read("glossary.json"), places: read("places-gb.json") };
}

// Great-circle distance by the atan2 (Vincenty, sphere) formula: the same distance as haversine
// computed another way, so a broken haversine cannot agree with it.
export function greatCircleKm(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const [p1, p2, dl] = [lat1 * rad, lat2 * rad, (lon2 - lon1) * rad];
  const y = Math.hypot(Math.cos(p2) * Math.sin(dl), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl));
  const x = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
  return EARTH_RADIUS_KM * Math.atan2(y, x);
}

const roundKm = (km) => Math.round(km * 10) / 10;

// Place names as docs/matching.md says they compare: case, accents, apostrophes and St/Saint
// ignored; "Name, County" or "Name, Nation" picks among places of one name; else the most populous.
function normalise(name) {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => (w === "st" ? "saint" : w))
    .join(" ");
}

export function findPlace(places, query) {
  const comma = query.lastIndexOf(",");
  const [name, qualifier] = comma < 0 ? [query, null] : [query.slice(0, comma), query.slice(comma + 1)];
  let found = places.places.filter((p) => normalise(p.name) === normalise(name));
  if (qualifier !== null) found = found.filter((p) => [p.county ?? "", p.region].some((q) => normalise(q) === normalise(qualifier)));
  return found.sort((a, b) => b.population - a.population)[0] ?? null;
}

const shares = (a = [], b = []) => a.some((x) => b.includes(x));
const share = (asked, offered = []) => asked.filter((x) => offered.includes(x)).length / asked.length;

function visitor(answers, places) {
  const age = answers.age === undefined ? null : typeof answers.age === "number" ? { min: answers.age, max: answers.age } : answers.age;
  let where = null;
  if (answers.location?.place) {
    const p = findPlace(places, answers.location.place);
    if (!p) throw new Error(`reference: unknown place ${answers.location.place}`);
    where = { lat: p.lat, lon: p.lon };
  } else if (answers.location) where = { lat: answers.location.lat, lon: answers.location.lon };
  return {
    ...answers,
    age,
    where,
    maxKm: answers.max_distance_km ?? DEFAULT_DISTANCE_KM,
    budget: answers.budget?.max_per_session,
    must: new Set(answers.must_have ?? []),
    gender: answers.therapist_gender ?? "any",
  };
}

// The nearest in-person location's distance, rounded as the design says distances are compared.
function nearestKm(t, v) {
  if (!v.where || !(t.locations ?? []).length) return null;
  return Math.min(...t.locations.map((l) => roundKm(greatCircleKm(v.where.lat, v.where.lon, l.lat, l.lon))));
}

// The first hard filter the therapist fails, or null.
function firstFailure(t, v) {
  const need = v.who === "couple" ? "couples" : v.who === "family" ? "families" : "individuals";
  if (!t.clients.includes(need)) return "who";
  if (need === "individuals" && v.age && (v.age.min < t.ages.min || v.age.max > t.ages.max)) return "age";
  if (!t.accepting_new) return "accepting_new";
  const offered = v.format.filter((f) => t.formats.includes(f));
  if (!offered.length) return "format";
  if (!offered.some((f) => f !== "in-person")) {
    const km = nearestKm(t, v);
    if (km === null || km > v.maxKm) return "distance";
  }
  const fails = {
    approaches: () => !shares(v.approaches, t.approaches),
    budget: () => t.fees.min > v.budget,
    low_cost: () => !(t.fees.concessions || t.fees.low_cost_places),
    therapist_gender: () => v.gender !== "any" && t.gender !== v.gender,
    languages: () => !shares(v.languages, t.languages),
    availability: () => !shares(v.availability, t.availability),
    identity: () => !(v.identity ?? []).every((i) => (t.identity ?? []).includes(i)),
  };
  for (const f of MUST_HAVE_ORDER) if (v.must.has(f) && fails[f]()) return f;
  return null;
}

// Whose evidence counts (docs/evidence.md "Which tags count for a person"): the age or band given;
// else a child 0-17, a family any age, anyone else 18-64. A tag fits when its ages share a year.
function personAges(v) {
  if (v.age) return v.age;
  if (v.who === "child") return { min: 0, max: 17 };
  if (v.who === "family") return { min: 0, max: 120 };
  return { min: 18, max: 64 };
}
const fits = (tag, ages) => tag.ages.min <= ages.max && ages.min <= tag.ages.max;

function evidenceLevel(glossary, slug, concern, ages) {
  const entry = glossary.entries.find((e) => e.slug === slug);
  const tags = (entry?.concerns ?? []).filter((c) => c.id === concern && fits(c, ages));
  return Math.max(0, ...tags.map((c) => EVIDENCE[c.evidence]));
}

// [earned, possible] for each term that applies to the answers.
function terms(t, v, glossary) {
  const out = [];
  const concerns = v.concerns ?? [];
  if (concerns.length) {
    out.push([WEIGHTS.concerns * share(concerns, t.concerns), WEIGHTS.concerns]);
    const ages = personAges(v);
    const withEvidence = concerns.filter((c) => glossary.entries.some((e) => e.concerns.some((x) => x.id === c && fits(x, ages))));
    if (withEvidence.length) {
      const best = withEvidence.map((c) => Math.max(0, ...t.approaches.map((a) => evidenceLevel(glossary, a, c, ages))));
      out.push([(WEIGHTS.evidence * best.reduce((s, x) => s + x, 0)) / withEvidence.length, WEIGHTS.evidence]);
    }
  }
  if ((v.approaches ?? []).length) out.push([shares(v.approaches, t.approaches) ? WEIGHTS.approaches : 0, WEIGHTS.approaches]);
  if (v.budget !== undefined) {
    const over = t.fees.min - v.budget;
    out.push([over <= 0 ? WEIGHTS.budget : over <= 20 ? WEIGHTS.budget * (1 - (0.5 * over) / 20) : 0, WEIGHTS.budget]);
  }
  if (v.low_cost) out.push([t.fees.concessions || t.fees.low_cost_places ? WEIGHTS.low_cost : 0, WEIGHTS.low_cost]);
  if ((v.languages ?? []).length) out.push([shares(v.languages, t.languages) ? WEIGHTS.languages : 0, WEIGHTS.languages]);
  if (v.gender !== "any") out.push([t.gender === v.gender ? WEIGHTS.gender : 0, WEIGHTS.gender]);
  if ((v.availability ?? []).length) out.push([WEIGHTS.availability * share(v.availability, t.availability), WEIGHTS.availability]);
  if ((v.identity ?? []).length) out.push([WEIGHTS.identity * share(v.identity, t.identity), WEIGHTS.identity]);
  if (v.where && v.format.includes("in-person")) {
    const km = t.formats.includes("in-person") ? nearestKm(t, v) : null;
    out.push([km !== null && km <= v.maxKm ? WEIGHTS.distance * (1 - (0.5 * km) / v.maxKm) : 0, WEIGHTS.distance]);
  }
  return out;
}

// docs/matching.md, "Contact and freshness": without a reference day the newest "updated" in the
// directory is today, and an entry is stale when confirmed more than six calendar months before it.
function newestUpdated(therapists) {
  return therapists.reduce((newest, t) => (t.updated > newest ? t.updated : newest), "");
}
function sixMonthsBefore(day) {
  const [y, m, d] = day.split("-").map(Number);
  const months = y * 12 + (m - 1) - 6;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export function referenceMatch(data, answers) {
  const v = visitor(answers, data.places);
  const counts = {};
  const matches = [];
  const staleBefore = sixMonthsBefore(newestUpdated(data.directory.therapists));
  for (const t of data.directory.therapists) {
    const failure = firstFailure(t, v);
    if (failure) counts[failure] = (counts[failure] ?? 0) + 1;
    else {
      const ts = terms(t, v, data.glossary);
      const earned = ts.reduce((s, [e]) => s + e, 0);
      const possible = ts.reduce((s, [, p]) => s + p, 0);
      const score = possible > 0 ? Math.round((100 * earned) / possible) : 100;
      const listsConcern = (v.concerns ?? []).some((c) => t.concerns.includes(c));
      matches.push({ id: t.id, score, listsConcern, band: score >= 80 ? 2 : score >= 60 ? 1 : 0, stale: t.updated < staleBefore });
    }
  }
  // docs/matching.md, "Ranking key": lists a chosen concern, then fit band, then current before
  // stale, then score, then id.
  matches.sort(
    (a, b) =>
      Number(b.listsConcern) - Number(a.listsConcern) ||
      b.band - a.band ||
      Number(a.stale) - Number(b.stale) ||
      b.score - a.score ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const total = data.directory.therapists.length - matches.length;
  const by = Object.fromEntries(FILTER_ORDER.filter((f) => counts[f]).map((f) => [f, counts[f]]));
  return { passing: matches.length, excluded: { total, by }, matches };
}

// What a valid answers fixture expects: how many pass, how the rest are excluded, and the first 20
// matches (the default limit) in order with their scores.
export const EXPECTED_TOP = 20;
export function expectedFor(data, answers) {
  const r = referenceMatch(data, answers);
  return { passing: r.passing, excluded: r.excluded, top: r.matches.slice(0, EXPECTED_TOP).map((m) => [m.id, m.score]) };
}

// node tests/node/reference-matcher.mjs --write-expected
// Rewrites the "expected" block of every valid answers fixture from this reference, after the
// sample directory or the glossary changed on purpose. Review the diff: it is what the design says
// the new data gives, and the core must then agree (tests/node/answers_oracle.test.mjs).
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--write-expected")) {
  const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
  const data = loadReferenceData(join(root, "data"));
  const dir = join(root, "tests", "fixtures", "answers");
  for (const name of readdirSync(dir).filter((f) => f.startsWith("valid-") && f.endsWith(".json"))) {
    const fixture = JSON.parse(readFileSync(join(dir, name), "utf8"));
    fixture.expected = expectedFor(data, fixture.answers ?? JSON.parse(fixture.text));
    const text = JSON.stringify(fixture, null, 2).replace(/\[\s+("t-[^"]+"),\s+(\d+)\s+\]/g, "[$1, $2]");
    writeFileSync(join(dir, name), `${text}\n`);
    console.log(`${name}: ${fixture.expected.passing} pass`);
  }
}
