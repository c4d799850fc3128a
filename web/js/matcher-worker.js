// @ts-check
// The Web Worker that owns the WebAssembly core (through tft.js). The page never loads the core
// itself: typing and clicking stay on the main thread while loading and matching happen here.
//
// Every count, profile and place the page shows comes from the core: this worker reads no data
// file itself, so an entry the core left out (a broken directory entry) cannot reach the page.
// Methods (called through matcher-client.js; replies are values or errors, see worker-methods.js):
// load, match, safetyRoutes, places, resolvePlace, therapists.
import { createMatcher } from "./tft.js";
import { serveMethods } from "./worker-methods.js";
import { orderMatches } from "./refine-model.js";

/** @type {import("./tft.js").Matcher | null} */
let tft = null;
/** @type {Promise<unknown> | null} */
let ready = null;

/**
 * Loads the core with a published directory: options.directory names one in data/directories.json
 * ("" is the default one); a name that is not published loads the default and says so in
 * directoryChoice.unknown.
 * @param {{ directory?: string }} [options]
 */
async function load({ directory = "" } = {}) {
  const core = await createMatcher({
    dataUrl: new URL("../data/", import.meta.url).href,
    wasmUrl: new URL("../wasm/tft-core.wasm", import.meta.url).href,
    directory: typeof directory === "string" ? directory : "",
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
 * The core's result (docs/matching.md). options: limit, today (YYYY-MM-DD), units ("miles" words
 * distances for the page) and sort: "best" (the core's order), "distance" or "fee". Other orders
 * need every passing match from the core; refine-model.js orders them, then the first `limit`.
 * @param {import("./tft.js").Answers} answers
 * @param {{ limit?: number, sort?: "best" | "distance" | "fee", today?: string, units?: "km" | "miles" }} [options]
 */
async function match(answers, { limit = 20, sort = "best", today, units } = {}) {
  const result = (await core()).match(answers, { limit: sort === "best" ? limit : 0, today, units });
  if (sort === "best") return result;
  const ordered = orderMatches(result.matches, sort);
  return { ...result, matches: limit > 0 ? ordered.slice(0, limit) : ordered };
}

serveMethods({
  /** @param {{ directory?: string }} [options] */
  load: (options) => (ready ??= load(options)),
  match,
  // The crisis contacts and signposts for the answers so far (the crisis page mid-questionnaire).
  safetyRoutes: async (answers) => (await core()).safetyRoutes(answers),
  places: async (prefix, options) => (await core()).places(prefix, options),
  resolvePlace: async (text) => (await core()).resolvePlace(text),
  // Public profiles for a stored shortlist, from the entries the core loaded: ids it does not
  // hold (a changed directory, an entry that failed validation) are left out.
  therapists: async (ids) => (await core()).therapists(ids),
});
