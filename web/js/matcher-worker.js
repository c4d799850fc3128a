// The Web Worker that owns the WebAssembly core (through tft.js). The page never loads the core
// itself: typing and clicking stay on the main thread while loading and matching happen here.
//
// Protocol (see matcher-client.js): the page posts {id, method, args}; the worker answers
// {id, value} or {id, error: {message}}. Before the first answer it may post {progress: text}.
// Methods: load, match, safetyRoutes, places, resolvePlace, therapists. Errors are values; nothing
// throws across.
import { createMatcher } from "./tft.js";
import { indexPlaces, placesWithPrefix, resolvePlace } from "./places.js";

let tft = null;
let therapistsById = new Map();
let placeIndex = [];
let ready = null;

// tft.js fetches every data file; keep the directory and places texts it reads, so the worker can
// show each match's full profile and look places up without asking the network a second time.
// options.directory names a published directory (data/directories.json); "" is the default one.
async function load({ directory = "" } = {}) {
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
    readText,
    directory: typeof directory === "string" ? directory : "",
  });
  const directoryFile = JSON.parse(texts.get(tft.directoryChoice.file.split("/").pop()));
  therapistsById = new Map(directoryFile.therapists.map((t) => [t.id, t]));
  placeIndex = indexPlaces(JSON.parse(texts.get("places-gb.json")).places);
  return {
    directory: tft.directory(),
    questionnaire: tft.questionnaire(),
    concerns: tft.concerns(),
    entries: tft.entries(),
    crisis: tft.crisis(),
    directoryErrors: tft.directoryErrors.length,
    directoryChoice: tft.directoryChoice,
  };
}

// The result as DESIGN §5 gives it, each match completed with the therapist's public profile.
// options: limit, today (YYYY-MM-DD), units ("miles" words distances for the page) and sort:
// "best" (the core's order), "distance" or "fee". Other orders need every passing match; they
// keep the core's grouping (therapists who list a chosen concern first), then the first `limit`.
function match(answers, { limit = 20, sort = "best", today, units } = {}) {
  let raw;
  try {
    raw = tft.match(answers, { limit: sort === "best" ? limit : 0, today, units });
  } catch (error) {
    // tft.js throws AnswersError ({errors: [{path, message, text}]}) for answers it cannot match.
    return { error: { message: error.message, errors: error.errors ?? [] } };
  }
  if (raw && Array.isArray(raw.errors)) return { error: { message: raw.errors.map((e) => e.text ?? e.message ?? String(e)).join("; "), errors: raw.errors } };
  // The loaded directory's size as the core counts it (a named directory may keep only some of
  // its file's therapists).
  const size = tft.directory().therapists;
  const result = { ...raw, passing: raw.summary?.passing ?? Math.max(0, size - (raw.excluded?.total ?? 0)) };
  let matches = raw.matches.map((m, rank) => ({ ...(therapistsById.get(m.id) ?? {}), ...m, rank }));
  const group = (a, b) => Number(Boolean(b.lists_concern)) - Number(Boolean(a.lists_concern));
  if (sort === "distance")
    matches.sort((a, b) => group(a, b) || (a.distance_km ?? Infinity) - (b.distance_km ?? Infinity) || a.rank - b.rank);
  else if (sort === "fee") matches.sort((a, b) => group(a, b) || (a.fees?.min ?? Infinity) - (b.fees?.min ?? Infinity) || a.rank - b.rank);
  if (limit > 0) matches = matches.slice(0, limit);
  result.matches = matches;
  return { value: result };
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

const methods = {
  load: (options) => (ready ??= load(options)),
  match: async (answers, options) => {
    await ready;
    return match(answers, options);
  },
  // The crisis contacts and signposts for the answers so far (the crisis page mid-questionnaire).
  safetyRoutes: async (answers) => {
    await ready;
    return tft.safetyRoutes(answers);
  },
  places: async (prefix, options) => {
    await ready;
    return places(prefix, options);
  },
  resolvePlace: async (text) => {
    await ready;
    return resolvePlace(placeIndex, text);
  },
  // Public profiles for a stored shortlist; unknown ids (a changed directory) are left out.
  therapists: async (ids) => {
    await ready;
    return ids.map((id) => therapistsById.get(id)).filter(Boolean);
  },
};

self.addEventListener("message", async (event) => {
  const { id, method, args = [] } = event.data ?? {};
  if (!methods[method]) {
    self.postMessage({ id, error: { message: `unknown method ${method}` } });
    return;
  }
  try {
    const out = await methods[method](...args);
    // match already returns {value} or {error}; the rest return plain values.
    if (method === "match") self.postMessage({ id, ...out });
    else self.postMessage({ id, value: out });
  } catch (error) {
    self.postMessage({ id, error: { message: error?.message ?? String(error) } });
  }
});
