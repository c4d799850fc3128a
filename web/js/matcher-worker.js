// @ts-check
// The Web Worker that owns the WebAssembly core (through tft.js). The page never loads the core
// itself: typing and clicking stay on the main thread while loading and matching happen here.
//
// Every count, profile and place the page shows comes from the core: this worker reads no data
// file itself, so an entry the core left out (a broken directory entry) cannot reach the page.
// Methods (called through matcher-client.js; replies are values or errors, see worker-methods.js):
// load, match, safetyRoutes, places, resolvePlace, therapists. match and therapists may post
// progress first, {stage: "shards" | "profiles", done, total} in bytes, while they fetch files.
//
// The directory is the published one (`tft pack`, docs/directory-format.md): load() reads only its
// manifest; each match first fetches the shards the answers need (the core says which), then the
// profile files of the matches it returns, so a visitor downloads the therapists within their
// reach plus the national remote shards, and card text only for the cards shown. A partner's embed
// that names a smaller directory from data/directories.json (docs/embedding.md) loads that one's
// JSON instead: such a list is a few dozen therapists at most.
import { createMatcher } from "./tft.js";
import { serveMethods } from "./worker-methods.js";
import { orderMatches } from "./refine-model.js";

const MANIFEST = "../directory/directory.json";

// The browser's locale data (ICU) loads on the first date or number formatted in the page's
// process: in Chromium that first call took 60-80 ms on the development machine (148 ms with the
// CPU slowed 4x), and every later one, on any thread of the page, well under a millisecond. Formatting
// one of each here, while the visitor is still on the start page, pays that cost off the main
// thread, so the results page (dom.js formats its dates and counts) never stalls on it
// (docs/matching.md, "The results page on the main thread").
function loadLocaleData() {
  new Intl.NumberFormat("en-GB").format(1000);
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(0);
}

/** @type {import("./tft.js").Matcher | null} */
let tft = null;
/** @type {Promise<unknown> | null} */
let ready = null;

/**
 * Loads the core and a directory: the published (packed) one, or, when options.directory names a
 * directory in data/directories.json, that one ("" is the default: the published one). A name that
 * is not published loads the default and says so in directoryChoice.unknown.
 * @param {{ directory?: string }} [options]
 */
async function load({ directory = "" } = {}) {
  loadLocaleData();
  const named = typeof directory === "string" && directory !== "";
  const core = await createMatcher({
    dataUrl: new URL("../data/", import.meta.url).href,
    // A published directory needs only the find page's smaller core; a named one is JSON, which
    // only the whole core reads (docs/matching.md, "Module size").
    module: named ? "tft-core" : "tft-find",
    ...(named ? { directory } : { publishedUrl: new URL(MANIFEST, import.meta.url).href }),
  });
  tft = core;
  return {
    directory: core.directory(),
    questionnaire: core.questionnaire(),
    concerns: core.concerns(),
    entries: core.entries(),
    crisis: core.crisis(),
    directoryErrors: core.directoryErrors.length,
    directoryChoice: core.directoryChoice,
  };
}

/** The core, once load() has finished; a call before that waits for it. */
async function core() {
  await (ready ??= load());
  if (!tft) throw new Error("The therapist directory did not load.");
  return tft;
}

/**
 * The core's result (docs/matching.md) over what is loaded. options: limit, today (YYYY-MM-DD),
 * units ("miles" words distances for the page) and sort: "best" (the core's order), "distance" or
 * "fee". Other orders need every passing match from the core; refine-model.js orders them, then
 * the first `limit`.
 * @param {import("./tft.js").Matcher} matcher
 * @param {import("./tft.js").Answers} answers
 * @param {{ limit?: number, sort?: "best" | "distance" | "fee", today?: string, units?: "km" | "miles" }} [options]
 */
function matchLoaded(matcher, answers, { limit = 20, sort = "best", today, units } = {}) {
  const result = matcher.match(answers, { limit: sort === "best" ? limit : 0, today, units });
  if (sort === "best") return result;
  const ordered = orderMatches(result.matches, sort);
  return { ...result, matches: limit > 0 ? ordered.slice(0, limit) : ordered };
}

/**
 * Over a published directory: fetches the shards the answers need, matches, then fetches the card
 * text of the matches shown and matches again so they print in full (matching reads no card text,
 * so the order is the same). A file that fails leaves its therapists out; the core counts them
 * under excluded.by.unreadable. Called as match(answers, options, progress).
 * @param {...any} args
 */
async function match(...args) {
  const progress = typeof args.at(-1) === "function" ? args.pop() : () => {};
  const [answers, options] = args;
  const matcher = await core();
  if (!matcher.published || !matcher.loadShards || !matcher.loadProfiles) return matchLoaded(matcher, answers, options);
  await matcher.loadShards(answers, { onProgress: (p) => progress({ stage: "shards", ...p }) });
  const first = matchLoaded(matcher, answers, options);
  const ids = first.matches.map((m) => m.id);
  if (!matcher.profilesToLoad?.(ids).length) return first;
  await matcher.loadProfiles(ids, { onProgress: (p) => progress({ stage: "profiles", ...p }) });
  return matchLoaded(matcher, answers, options);
}

/**
 * Public profiles for a stored shortlist, from the entries the core loaded: ids it does not hold
 * (a changed directory, an entry that failed validation) are left out. Over a published directory
 * every shard is fetched first when an id is not loaded, since it could be in any of them.
 * Called as therapists(ids, progress).
 * @param {...any} args
 */
async function therapists(...args) {
  const progress = typeof args.at(-1) === "function" ? args.pop() : () => {};
  const list = (Array.isArray(args[0]) ? args[0] : []).filter((id) => typeof id === "string");
  const matcher = await core();
  if (matcher.published && matcher.loadShards && matcher.loadProfiles) {
    if (matcher.therapists(list).length < list.length)
      await matcher.loadShards(null, { onProgress: (p) => progress({ stage: "shards", ...p }) });
    await matcher.loadProfiles(list, { onProgress: (p) => progress({ stage: "profiles", ...p }) });
  }
  return matcher.therapists(list);
}

serveMethods({
  /** @param {{ directory?: string }} [options] */
  load: (options) => (ready ??= load(typeof options === "function" ? {} : options)),
  match,
  // The crisis contacts and signposts for the answers so far (the crisis page mid-questionnaire).
  safetyRoutes: async (answers) => (await core()).safetyRoutes(answers),
  places: async (prefix, options) => (await core()).places(prefix, typeof options === "function" ? undefined : options),
  resolvePlace: async (text) => (await core()).resolvePlace(text),
  therapists,
});
