// The Web Worker that owns the WebAssembly core (through tft.js). The page never loads the core
// itself: typing and clicking stay on the main thread while loading and matching happen here.
//
// Protocol (see matcher-client.js): the page posts {id, method, args}; the worker answers
// {id, value} or {id, error: {message}}. Before its answer it may post {id, progress} while it
// fetches directory files: {stage: "shards" | "profiles", done, total} in bytes.
// Methods: load, match, safetyRoutes, places, resolvePlace, therapists. Errors are values; nothing
// throws across.
//
// The directory is the published one (`tft pack`, docs/directory-format.md): load() reads only its
// manifest; each match first fetches the shards the answers need (the core says which), then the
// profile files of the matches it returns, so a visitor downloads the therapists within their
// reach plus the national remote shards, and card text only for the cards shown. The core checks
// every file; the worker never parses the directory itself.
import { createMatcher } from "./tft.js";
import { indexPlaces, placesWithPrefix, resolvePlace } from "./places.js";

const MANIFEST = "../directory/directory.json";
let tft = null;
let placeIndex = [];
let ready = null;

// tft.js fetches every data file; keep the places text it reads, so the worker can look places up
// without asking the network a second time.
async function load() {
  const texts = new Map();
  const readText = async (url) => {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const text = await response.text();
    texts.set(url.split("/").pop(), text);
    return text;
  };
  tft = await createMatcher({
    dataUrl: new URL("../data/", import.meta.url).href,
    wasmUrl: new URL("../wasm/tft-core.wasm", import.meta.url).href,
    publishedUrl: new URL(MANIFEST, import.meta.url).href,
    readText,
  });
  placeIndex = indexPlaces(JSON.parse(texts.get("places-gb.json")).places);
  return {
    directory: tft.directory(),
    questionnaire: tft.questionnaire(),
    concerns: tft.concerns(),
    entries: tft.entries(),
    crisis: tft.crisis(),
    directoryErrors: tft.directoryErrors.length,
  };
}

// The result as DESIGN §5 gives it over the shards loaded so far (each match carries the
// therapist's whole entry). options: limit, today (YYYY-MM-DD), units ("miles" words distances
// for the page) and sort: "best" (the core's order), "distance" or "fee". Other orders need every
// passing match; they keep the core's grouping (therapists who list a chosen concern first), then
// the first `limit`.
function matchLoaded(answers, { limit = 20, sort = "best", today, units } = {}) {
  let raw;
  try {
    raw = tft.match(answers, { limit: sort === "best" ? limit : 0, today, units });
  } catch (error) {
    // tft.js throws AnswersError ({errors: [{path, message, text}]}) for answers it cannot match.
    return { error: { message: error.message, errors: error.errors ?? [] } };
  }
  if (raw && Array.isArray(raw.errors)) return { error: { message: raw.errors.map((e) => e.text ?? e.message ?? String(e)).join("; "), errors: raw.errors } };
  const size = tft.directory().therapists;
  const result = { ...raw, passing: raw.summary?.passing ?? Math.max(0, size - (raw.excluded?.total ?? 0)) };
  let matches = raw.matches.map((m, rank) => ({ ...m, rank }));
  const group = (a, b) => Number(Boolean(b.lists_concern)) - Number(Boolean(a.lists_concern));
  if (sort === "distance")
    matches.sort((a, b) => group(a, b) || (a.distance_km ?? Infinity) - (b.distance_km ?? Infinity) || a.rank - b.rank);
  else if (sort === "fee") matches.sort((a, b) => group(a, b) || (a.fees?.min ?? Infinity) - (b.fees?.min ?? Infinity) || a.rank - b.rank);
  if (limit > 0) matches = matches.slice(0, limit);
  result.matches = matches;
  return { value: result };
}

// Fetches the shards the answers need, matches, then fetches the card text of the matches shown
// and matches again so they print in full (matching reads no card text, so the order is the same).
// A file that fails leaves its therapists out; the core counts them under excluded.by.unreadable.
async function match(answers, options, progress) {
  try {
    await tft.loadShards(answers, { onProgress: (p) => progress({ stage: "shards", ...p }) });
  } catch (error) {
    return { error: { message: error.message, errors: error.errors ?? [] } };
  }
  const first = matchLoaded(answers, options);
  if (first.error) return first;
  const ids = first.value.matches.map((m) => m.id);
  if (!tft.profilesToLoad(ids).length) return first;
  await tft.loadProfiles(ids, { onProgress: (p) => progress({ stage: "profiles", ...p }) });
  return matchLoaded(answers, options);
}

// Public profiles for a stored shortlist: every shard is fetched first, since an id could be in
// any of them; unknown ids (a changed directory) are left out.
async function therapists(ids, progress) {
  const list = ids.filter((id) => typeof id === "string");
  const missing = () => list.length - tft.therapists(list).length;
  if (missing()) await tft.loadShards(null, { onProgress: (p) => progress({ stage: "shards", ...p }) });
  await tft.loadProfiles(list, { onProgress: (p) => progress({ stage: "profiles", ...p }) });
  return tft.therapists(list);
}

// The core's prefix look-up when it is built (it knows the same normal form as the matcher);
// otherwise the JS one. Either way each place comes back as {name, county, region, lat, lon, label}.
function places(prefix, { limit = 8 } = {}) {
  if (typeof tft.places === "function") {
    try {
      const found = tft.places(String(prefix), { limit });
      const list = Array.isArray(found) ? found : found?.places;
      if (Array.isArray(list) && list.every((p) => p && typeof p.name === "string")) {
        return list.map((p) => {
          const known = resolvePlace(placeIndex, p.county ? `${p.name}, ${p.county}` : p.name).place;
          return known ?? { name: p.name, county: p.county ?? "", region: p.region ?? "", lat: p.lat, lon: p.lon, label: p.name };
        });
      }
    } catch {
      // fall through to the JS look-up
    }
  }
  return placesWithPrefix(placeIndex, prefix, limit);
}

// Each method takes the call's arguments as an array and a function posting progress for the call.
const methods = {
  load: () => (ready ??= load()),
  match: async ([answers, options], progress) => {
    await ready;
    return match(answers, options, progress);
  },
  // The crisis contacts and signposts for the answers so far (the crisis page mid-questionnaire).
  safetyRoutes: async ([answers]) => {
    await ready;
    return tft.safetyRoutes(answers);
  },
  places: async ([prefix, options]) => {
    await ready;
    return places(prefix, options);
  },
  resolvePlace: async ([text]) => {
    await ready;
    return resolvePlace(placeIndex, text);
  },
  // Public profiles for a stored shortlist; unknown ids (a changed directory) are left out.
  therapists: async ([ids], progress) => {
    await ready;
    return therapists(ids, progress);
  },
};

self.addEventListener("message", async (event) => {
  const { id, method, args = [] } = event.data ?? {};
  if (!methods[method]) {
    self.postMessage({ id, error: { message: `unknown method ${method}` } });
    return;
  }
  const progress = (value) => self.postMessage({ id, progress: value });
  try {
    const out = await methods[method](args, progress);
    // match already returns {value} or {error}; the rest return plain values.
    if (method === "match") self.postMessage({ id, ...out });
    else self.postMessage({ id, value: out });
  } catch (error) {
    self.postMessage({ id, error: { message: error?.message ?? String(error) } });
  }
});
