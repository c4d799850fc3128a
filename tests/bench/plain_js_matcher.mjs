// What a web developer would write instead of the WebAssembly core: plain JavaScript filtering and
// scoring over the directory as JSON.parse gives it, for ./scripts/bench to time side by side with
// the core. It applies the hard filters of docs/matching.md ("Hard filters, in order") so that its
// passing count can be checked against the core's summary.passing; its scores are a simpler
// weighted sum of its own, so its ranking is not the core's and is not compared. It does not check
// the answers (the bench feeds it only sets the core accepted), word reasons, count exclusions by
// filter or make suggestions: it is the lower bound of what a page would do in JavaScript.
import { readFileSync } from "node:fs";

const EARTH_KM = 6371;
const toRadians = Math.PI / 180;

function distanceKm(lat1, lon1, lat2, lon2) {
  const h = Math.sin(((lat2 - lat1) * toRadians) / 2) ** 2 +
    Math.cos(lat1 * toRadians) * Math.cos(lat2 * toRadians) * Math.sin(((lon2 - lon1) * toRadians) / 2) ** 2;
  // Rounded to 0.1 km before comparing, as docs/matching.md says distances are.
  return Math.round(2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h))) * 10) / 10;
}

// Place name (any case) -> {lat, lon}; a name shared by several places means the most populous.
export function loadPlaces(file) {
  const byName = new Map();
  for (const p of JSON.parse(readFileSync(file, "utf8")).places) {
    const key = p.name.toLowerCase();
    const seen = byName.get(key);
    if (!seen || p.population > seen.population) byName.set(key, p);
  }
  return byName;
}

const REMOTE = ["video", "phone", "text"];
const CLIENTS = { myself: "individuals", child: "individuals", couple: "couples", family: "families" };

// Returns {passing, matches: [{id, score, distance_km}]}, the best `limit` by score then id.
export function matchPlain(therapists, answers, places, limit = 20) {
  const must = new Set(answers.must_have ?? []);
  const client = CLIENTS[answers.who];
  const age = answers.age === undefined || !(answers.who === "myself" || answers.who === "child")
    ? null
    : typeof answers.age === "number" ? { min: answers.age, max: answers.age } : answers.age;
  let here = null;
  if (answers.location) here = answers.location.place === undefined ? answers.location : places.get(answers.location.place.toLowerCase());
  const maxKm = answers.max_distance_km ?? 20;
  const wantsInPerson = answers.format.includes("in-person") && here !== null;
  const remoteWanted = answers.format.filter((f) => REMOTE.includes(f));
  const budget = answers.budget?.max_per_session;
  const gender = answers.therapist_gender && answers.therapist_gender !== "any" ? answers.therapist_gender : null;
  const concerns = answers.concerns ?? [];
  const wantedApproaches = answers.approaches ?? [];
  const languages = answers.languages ?? [];
  const availability = answers.availability ?? [];
  const identity = answers.identity ?? [];

  const passing = [];
  for (const t of therapists) {
    if (!t.clients.includes(client)) continue;
    if (age && (age.min < t.ages.min || age.max > t.ages.max)) continue;
    if (!t.accepting_new) continue;
    let nearest = Infinity;
    if (wantsInPerson && t.formats.includes("in-person")) {
      for (const l of t.locations) nearest = Math.min(nearest, distanceKm(here.lat, here.lon, l.lat, l.lon));
    }
    const remoteOk = remoteWanted.some((f) => t.formats.includes(f));
    if (!remoteOk && !(nearest <= maxKm)) continue;
    if (must.has("approaches") && !wantedApproaches.some((a) => t.approaches.includes(a))) continue;
    if (must.has("budget") && t.fees.min > budget) continue;
    if (must.has("low_cost") && !(t.fees.concessions || t.fees.low_cost_places)) continue;
    if (must.has("therapist_gender") && gender && t.gender !== gender) continue;
    if (must.has("languages") && !languages.some((l) => t.languages.includes(l))) continue;
    if (must.has("availability") && !availability.some((a) => t.availability.includes(a))) continue;
    if (must.has("identity") && !identity.every((i) => t.identity.includes(i))) continue;

    // A share of what was asked for, each answered preference weighted by how much it matters.
    let earned = 0;
    let possible = 0;
    const term = (weight, share) => {
      possible += weight;
      earned += weight * share;
    };
    if (concerns.length) term(30, concerns.filter((c) => t.concerns.includes(c)).length / concerns.length);
    if (wantedApproaches.length) term(15, wantedApproaches.some((a) => t.approaches.includes(a)) ? 1 : 0);
    if (budget !== undefined) term(10, t.fees.min <= budget ? 1 : Math.max(0, 1 - (t.fees.min - budget) / 40));
    if (answers.low_cost) term(5, t.fees.concessions || t.fees.low_cost_places ? 1 : 0);
    if (languages.length) term(5, languages.some((l) => t.languages.includes(l)) ? 1 : 0);
    if (gender) term(5, t.gender === gender ? 1 : 0);
    if (availability.length) term(5, availability.some((a) => t.availability.includes(a)) ? 1 : 0);
    if (identity.length) term(5, identity.filter((i) => t.identity.includes(i)).length / identity.length);
    if (wantsInPerson && nearest <= maxKm) term(5, 1 - nearest / maxKm);
    passing.push({ id: t.id, score: possible ? Math.round((100 * earned) / possible) : 100, distance_km: nearest === Infinity ? null : nearest });
  }
  passing.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { passing: passing.length, matches: passing.slice(0, limit) };
}
