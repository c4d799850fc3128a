// @ts-check
// The JavaScript face of the C++ core (docs/design.md#javascript-api): plain objects in, plain objects out.
//
//   import { createMatcher } from "./tft.js";
//   const tft = await createMatcher({ directoryUrl: "data/therapists.sample.json" });
//   tft.entry("attachment-based");
//
// Runs wherever it is imported: the site uses it inside a Web Worker (matcher-worker.js) so the
// page never waits on it; node tests inject the same ES module build (handed its .wasm bytes) and a file reader.

/** The data files every createMatcher reads from dataUrl (a page showing load progress counts them). */
export const DATA_FILES = ["glossary", "concerns", "questionnaire", "crisis", "places-gb"];

/** Thrown by createMatcher when data files fail to load; `errors` holds FILE:PATH: message lines. */
export class DataError extends Error {
  constructor(errors) {
    super(`The data files have ${errors.length} problem(s): ${errors.slice(0, 3).map((e) => e.text).join("; ")}`);
    this.name = "DataError";
    this.errors = errors;
  }
}

/** Thrown by match() for invalid answers; `errors` holds one item per bad field (answers:PATH: message). */
export class AnswersError extends Error {
  constructor(errors) {
    super(`The answers have ${errors.length} problem(s): ${errors.slice(0, 3).map((e) => e.text).join("; ")}`);
    this.name = "AnswersError";
    this.errors = errors;
  }
}

async function defaultReadText(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** @param {string} url */
async function defaultReadBytes(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The browser modules built from src/wasm/bindings.cpp, each with only what its pages call
 * (docs/matching.md, "Module size"): "tft-core" everything, "tft-find" the find page over a
 * published directory (no search, no JSON directories, no profile check), "tft-glossary" search
 * and the glossary entries.
 * @typedef {"tft-core" | "tft-find" | "tft-glossary"} CoreModule
 */

/** @param {CoreModule} module @param {string} wasmUrl */
async function defaultModuleFactory(module, wasmUrl) {
  // The Emscripten glue is built by scripts/build (src/wasm), not kept in web/.
  const { default: createTftCore } = await import(`../wasm/${module}.js`);
  return createTftCore({ locateFile: (/** @type {string} */ file) => (file.endsWith(".wasm") ? wasmUrl : file) });
}

/** @param {{ module?: CoreModule, wasmUrl?: string, moduleFactory?: () => Promise<any> }} options @param {CoreModule} module */
function loadModule(options, module) {
  const name = options.module ?? module;
  const wasmUrl = options.wasmUrl ?? new URL(`../wasm/${name}.wasm`, import.meta.url).href;
  return (options.moduleFactory ?? (() => defaultModuleFactory(name, wasmUrl)))();
}

/**
 * Loads the WebAssembly core, the data files and a therapist directory.
 * options.dataUrl       folder of the data files (default "data/", relative to the page)
 * options.directory     the name of a published directory in dataUrl + "directories.json" (""
 *                       for the default one); its file comes from dataUrl, so data only ever
 *                       comes from the site itself. An unknown name loads the default directory
 *                       and is reported in `directoryChoice.unknown`.
 * options.directoryUrl  instead of `directory`: the directory JSON itself (default dataUrl +
 *                       "therapists.sample.json"); null loads no directory, for pages that only
 *                       search and read the glossary
 * options.publishedUrl  instead of either: a published directory's manifest (directory.json from
 *                       `tft pack`, docs/directory-format.md); only the manifest is read here;
 *                       loadShards() and loadProfiles() fetch the rest as answers need it
 * options.readText      (url) => Promise<string>; default fetch
 * options.readBytes     (url) => Promise<Uint8Array>; default fetch (packed files)
 * options.module        which core module to load (CoreModule above; default "tft-core": a
 *                       page that knows it needs less names the smaller one)
 * options.moduleFactory () => Promise<module>; default the ES module build next to this file
 * @param {import("./tft.js").MatcherOptions} [options]
 * @returns {Promise<import("./tft.js").Matcher>}
 */
export async function createMatcher(options = {}) {
  const dataUrl = options.dataUrl ?? "data/";
  const readText = options.readText ?? defaultReadText;
  const publishedUrl = options.publishedUrl ?? null;
  const named = !publishedUrl && typeof options.directory === "string";
  const directoryUrl =
    publishedUrl || named || options.directoryUrl === null ? null : (options.directoryUrl ?? `${dataUrl}therapists.sample.json`);
  const [core, ...texts] = await Promise.all([
    loadModule(options, "tft-core"),
    ...DATA_FILES.map((name) => readText(`${dataUrl}${name}.json`)),
    publishedUrl
      ? readText(publishedUrl)
      : named
        ? readText(`${dataUrl}directories.json`)
        : directoryUrl === null
          ? Promise.resolve(null)
          : readText(directoryUrl),
  ]);
  const lastText = texts.pop();
  const dataErrors = JSON.parse(core.loadDataset(...texts));
  if (dataErrors.length) throw new DataError(dataErrors);
  if (publishedUrl) {
    // A manifest that cannot be read leaves no directory at all: nothing to match against.
    const manifestErrors = JSON.parse(core.openPublished(publishedUrl.split("/").pop(), lastText));
    if (manifestErrors.length) throw new DataError(manifestErrors);
    const base = publishedUrl.slice(0, publishedUrl.lastIndexOf("/") + 1);
    return { ...wrap(core, [], null), ...publishedApi(core, base, options.readBytes ?? defaultReadBytes) };
  }
  if (!named) {
    const directoryErrors =
      lastText === null || directoryUrl === null ? [] : JSON.parse(core.loadDirectory(directoryUrl.split("/").pop(), lastText));
    return wrap(core, directoryErrors, null);
  }
  const choice = chooseDirectory(core, lastText ?? "", options.directory ?? "");
  const directoryErrors = [
    ...JSON.parse(core.loadDirectory(choice.file.split("/").pop(), await readText(`${dataUrl}${choice.file}`))),
    ...JSON.parse(core.selectDirectory(lastText, choice.name)),
  ];
  return wrap(core, directoryErrors, choice);
}

/** The data files createGlossary reads from dataUrl: all that search and the entries need. */
export const GLOSSARY_FILES = ["glossary", "concerns"];

/**
 * Loads the glossary pages' core ("tft-glossary": smaller than the whole core, and built for speed)
 * with only glossary.json and concerns.json: search, the entries and the concern list, nothing that
 * matches.
 * options.dataUrl, readText, module, wasmUrl and moduleFactory as for createMatcher.
 * @param {import("./tft.js").GlossaryOptions} [options]
 * @returns {Promise<import("./tft.js").Glossary>}
 */
export async function createGlossary(options = {}) {
  const dataUrl = options.dataUrl ?? "data/";
  const readText = options.readText ?? defaultReadText;
  const [core, glossary, concerns] = await Promise.all([
    loadModule(options, "tft-glossary"),
    ...GLOSSARY_FILES.map((name) => readText(`${dataUrl}${name}.json`)),
  ]);
  const errors = JSON.parse(core.loadGlossary(glossary, concerns));
  if (errors.length) throw new DataError(errors);
  return /** @type {import("./tft.js").Glossary} */ (glossaryCalls(core));
}

/**
 * The glossary's calls, shared by createGlossary and createMatcher: entry and search only where
 * the module binds them (not "tft-find", whose results link to the glossary pages instead).
 * @param {any} core the Embind module (src/wasm/bindings.cpp)
 */
function glossaryCalls(core) {
  const parse = (/** @type {string} */ text) => JSON.parse(text);
  return {
    ...(core.entry && { entry: (/** @type {string} */ slug) => parse(core.entry(String(slug))) }),
    entries: () => parse(core.entries()),
    concerns: () => parse(core.concerns()),
    ...(core.search && {
      search: (/** @type {string} */ query, { limit = 10 } = {}) => parse(core.search(String(query), limit)),
    }),
  };
}

// The SHA-256 of `bytes` as lower-case hex, by the browser's own crypto.subtle (many times faster
// than hashing in WebAssembly), or "" where there is none (an insecure context), for the core to
// hash them itself. The core compares it with the manifest and refuses a file that differs
// (docs/directory-format.md), so the digest must be of exactly the bytes handed to the core.
/** @param {Uint8Array} bytes */
export async function sha256Hex(bytes) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return "";
  const digest = new Uint8Array(await subtle.digest("SHA-256", /** @type {BufferSource} */ (bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Hands `bytes` to the core for the next addPublishedShard/addPublishedProfiles: the core makes room
// in its memory and they are copied there in one go (Embind would copy a Uint8Array into a C++
// string one byte at a time). The view is taken after the call, as making room may grow the memory.
// Returns where they went.
/** @param {any} core the Embind module (src/wasm/bindings.cpp) @param {Uint8Array} bytes */
export function stageBytes(core, bytes) {
  const at = core.publishedBuffer(bytes.length);
  core.HEAPU8.set(bytes, at);
  return at;
}

// Fetches `files` ({file, bytes}: plain names in the folder `base`) at most four at a time, hashes
// each as it arrives, hands each to `add` in the order given (so the core's state never depends on
// network timing) and reports progress in bytes. Returns the errors, each {file, path, message,
// text}: what `add` gave, or the failed fetch.
/**
 * @param {string} base
 * @param {{ file: string, bytes: number }[]} files
 * @param {(url: string) => Promise<Uint8Array>} readBytes
 * @param {(file: any, bytes: Uint8Array, sha256: string) => any[]} add
 * @param {((p: { done: number, total: number, files: number }) => void) | undefined} onProgress
 */
async function fetchInOrder(base, files, readBytes, add, onProgress) {
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  let done = 0;
  const errors = [];
  onProgress?.({ done, total, files: files.length });
  /** @type {(Promise<{ bytes?: Uint8Array, sha256?: string, error?: any }> | null)[]} */
  const started = files.map(() => null);
  const start = (i) =>
    (started[i] ??= readBytes(base + files[i].file).then(async (bytes) => ({ bytes, sha256: await sha256Hex(bytes) }), (error) => ({ error })));
  for (let i = 0; i < files.length; i++) {
    for (let k = i; k < Math.min(files.length, i + 4); k++) start(k);
    const got = (await started[i]) ?? {};
    started[i] = null; // let the bytes go once added (start() is never asked for an earlier file again)
    if (got.bytes) errors.push(...add(files[i], got.bytes, got.sha256 ?? ""));
    else {
      const message = String(got.error?.message ?? got.error ?? "could not be read");
      errors.push({ file: files[i].file, path: "$", message, text: `${files[i].file}: ${message}` });
    }
    done += files[i].bytes;
    onProgress?.({ done, total, files: files.length });
  }
  return errors;
}

// The published directory's calls (docs/directory-format.md): the core says which files the answers
// need and checks each (size, SHA-256, structure) before it uses any of it.
/**
 * @param {any} core the Embind module (src/wasm/bindings.cpp)
 * @param {string} base
 * @param {(url: string) => Promise<Uint8Array>} readBytes
 */
function publishedApi(core, base, readBytes) {
  const parse = (text) => JSON.parse(text);
  const shardsToLoad = (answers) => {
    const text = answers === null ? "" : typeof answers === "string" ? answers : JSON.stringify(answers);
    const out = parse(core.publishedShardsToLoad(text));
    if (out.errors) throw new AnswersError(out.errors);
    return out.files;
  };
  const profilesToLoad = (ids) => parse(core.publishedProfilesToLoad(ids.join("\n"))).files;
  return {
    published: /** @type {const} */ (true),
    /** The shards these answers need that are not loaded yet, each {shard, file, bytes}; null: every one left. */
    shardsToLoad,
    /** Fetches and adds the shards these answers need; resolves to the errors (a shard with any is left out whole). */
    /** @param {any} answers @param {{ onProgress?: (p: any) => void }} [listen] */
    loadShards: (answers, { onProgress } = {}) =>
      fetchInOrder(base, shardsToLoad(answers), readBytes, (f, bytes, sha256) => {
        stageBytes(core, bytes);
        return parse(core.addPublishedShard(f.shard, sha256));
      }, onProgress),
    /** The profile files (card text) of these loaded ids not loaded yet, each {shard, profile, file, bytes}. */
    profilesToLoad,
    /** Fetches and adds the profile files of these loaded ids; resolves to the errors. */
    /** @param {string[]} ids @param {{ onProgress?: (p: any) => void }} [listen] */
    loadProfiles: (ids, { onProgress } = {}) =>
      fetchInOrder(base, profilesToLoad(ids), readBytes, (f, bytes, sha256) => {
        stageBytes(core, bytes);
        return parse(core.addPublishedProfiles(f.shard, f.profile, sha256));
      }, onProgress),
  };
}

/**
 * The catalogue entry for `name` (the default one for ""), checked by the core; an unknown name
 * falls back to the default rather than failing, and says so.
 * @param {any} core the Embind module (src/wasm/bindings.cpp)
 * @param {string} catalogueText
 * @param {string} name
 * @returns {import("./tft.js").DirectoryChoice}
 */
function chooseDirectory(core, catalogueText, name) {
  const { directories, errors } = JSON.parse(core.directoryCatalogue(catalogueText));
  if (errors.length) throw new DataError(errors);
  const found = name ? directories.find((d) => d.name === name) : undefined;
  const chosen = found ?? directories.find((d) => d.default);
  return { name: chosen.name, label: chosen.label, file: chosen.file, unknown: name && !found ? name : null };
}

/**
 * The core's JSON text calls as plain objects; the result is checked against tft.d.ts's Matcher.
 * @param {any} core the Embind module (src/wasm/bindings.cpp)
 * @param {import("./tft.js").DataErrorItem[]} directoryErrors
 * @param {import("./tft.js").DirectoryChoice | null} directoryChoice
 * @returns {import("./tft.js").Matcher}
 */
function wrap(core, directoryErrors, directoryChoice) {
  const parse = (text) => JSON.parse(text);
  return {
    /** Problems found in the directory; entries with problems are left out, the rest still match. */
    directoryErrors,
    /** The published directory loaded by name: {name, label, file, unknown}; null otherwise. */
    directoryChoice,
    directory: () => parse(core.directoryInfo()),
    ...glossaryCalls(core),
    questionnaire: () => parse(core.questionnaire()),
    crisis: () => parse(core.crisis()),
    safetyRoutes: (answers) => {
      const result = parse(core.safetyRoutes(typeof answers === "string" ? answers : JSON.stringify(answers)));
      if (result.errors) throw new AnswersError(result.errors);
      return result;
    },
    // Only in the modules that bind it (not "tft-find"), so a page can tell what it has.
    ...(core.validateProfile && {
      validateProfile: (profile) => parse(core.validateProfile(typeof profile === "string" ? profile : JSON.stringify(profile))),
    }),
    // options.today (YYYY-MM-DD): the day entries are judged against for freshness; without it the
    // directory's newest "updated" date. options.units: "km" (default) or "miles", for the words
    // of reasons, caveats and suggestions (numbers stay in km). See docs/matching.md.
    match: (answers, { limit = 20, today = "", units = "km" } = {}) => {
      const text = typeof answers === "string" ? answers : JSON.stringify(answers);
      const result = parse(core.match(text, limit, String(today ?? ""), String(units ?? "km")));
      if (result.errors) throw new AnswersError(result.errors);
      return result;
    },
    places: (prefix, { limit = 8 } = {}) => parse(core.places(String(prefix), limit)).places,
    resolvePlace: (text) => parse(core.resolvePlace(String(text))),
    /** Profiles of loaded (valid) entries, in the order asked; unknown ids are left out. */
    therapists: (ids) => parse(core.therapists(ids.filter((id) => typeof id === "string" && !id.includes("\n")).join("\n"))),
  };
}
