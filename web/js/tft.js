// The JavaScript face of the C++ core (DESIGN §7): plain objects in, plain objects out.
//
//   import { createMatcher } from "./tft.js";
//   const tft = await createMatcher({ directoryUrl: "data/therapists.sample.json" });
//   tft.entry("attachment-based");
//
// Runs wherever it is imported: the site uses it inside a Web Worker (matcher-worker.js) so the
// page never waits on it; node tests inject the CommonJS build and a file reader.

const DATA_FILES = ["glossary", "concerns", "questionnaire", "crisis", "places-gb"];

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

async function defaultReadBytes(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function defaultModuleFactory(wasmUrl) {
  const { default: createTftCore } = await import("../wasm/tft-core.js");
  return createTftCore({ locateFile: (file) => (file.endsWith(".wasm") ? wasmUrl : file) });
}

/**
 * Loads the WebAssembly core, the data files and a therapist directory.
 * options.dataUrl       folder of the data files (default "data/", relative to the page)
 * options.directoryUrl  the directory JSON (default dataUrl + "therapists.sample.json"); null loads
 *                       no directory, for pages that only search and read the glossary
 * options.publishedUrl  a published directory's manifest (directory.json from `tft pack`,
 *                       docs/directory-format.md) instead of a directory JSON: only the manifest is
 *                       read here; loadShards() and loadProfiles() fetch the rest as answers need it
 * options.readText      (url) => Promise<string>; default fetch
 * options.readBytes     (url) => Promise<Uint8Array>; default fetch (packed files)
 * options.moduleFactory () => Promise<module>; default the ES module build next to this file
 */
export async function createMatcher(options = {}) {
  const dataUrl = options.dataUrl ?? "data/";
  const publishedUrl = options.publishedUrl ?? null;
  const directoryUrl =
    options.directoryUrl === null || publishedUrl ? null : (options.directoryUrl ?? `${dataUrl}therapists.sample.json`);
  const readText = options.readText ?? defaultReadText;
  const wasmUrl = options.wasmUrl ?? new URL("../wasm/tft-core.wasm", import.meta.url).href;
  const [core, ...texts] = await Promise.all([
    (options.moduleFactory ?? (() => defaultModuleFactory(wasmUrl)))(),
    ...DATA_FILES.map((name) => readText(`${dataUrl}${name}.json`)),
    directoryUrl === null ? Promise.resolve(null) : readText(directoryUrl),
    publishedUrl === null ? Promise.resolve(null) : readText(publishedUrl),
  ]);
  const manifestText = texts.pop();
  const directoryText = texts.pop();
  const dataErrors = JSON.parse(core.loadDataset(...texts));
  if (dataErrors.length) throw new DataError(dataErrors);
  let directoryErrors = [];
  if (directoryText !== null) directoryErrors = JSON.parse(core.loadDirectory(directoryUrl.split("/").pop(), directoryText));
  if (manifestText !== null) {
    // A manifest that cannot be read leaves no directory at all: nothing to match against.
    directoryErrors = JSON.parse(core.openPublished(publishedUrl.split("/").pop(), manifestText));
    if (directoryErrors.length) throw new DataError(directoryErrors);
  }
  const api = wrap(core, directoryErrors);
  if (manifestText === null) return api;
  return { ...api, ...publishedApi(core, publishedUrl.slice(0, publishedUrl.lastIndexOf("/") + 1), options.readBytes ?? defaultReadBytes) };
}

// Fetches `files` ({file, bytes}: plain names in the folder `base`) at most four at a time, hands
// each to `add` in the order given (so the core's state never depends on network timing) and
// reports progress in bytes. Returns the errors, each {file, path, message, text}: what `add` gave,
// or the failed fetch.
async function fetchInOrder(base, files, readBytes, add, onProgress) {
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  let done = 0;
  const errors = [];
  onProgress?.({ done, total, files: files.length });
  const started = files.map(() => null);
  const start = (i) => (started[i] ??= readBytes(base + files[i].file).then((bytes) => ({ bytes }), (error) => ({ error })));
  for (let i = 0; i < files.length; i++) {
    for (let k = i; k < Math.min(files.length, i + 4); k++) start(k);
    const got = await started[i];
    started[i] = true;  // let the bytes go once added
    if (got.error) errors.push({ file: files[i].file, path: "$", message: String(got.error.message ?? got.error), text: `${files[i].file}: ${got.error.message ?? got.error}` });
    else errors.push(...add(files[i], got.bytes));
    done += files[i].bytes;
    onProgress?.({ done, total, files: files.length });
  }
  return errors;
}

// The published directory's calls (docs/directory-format.md): the core says which files the answers
// need and checks each (size, SHA-256, structure) before it uses any of it.
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
    published: true,
    /** The shards these answers need that are not loaded yet, each {shard, file, bytes}; null: every one left. */
    shardsToLoad,
    /** Fetches and adds the shards these answers need; resolves to the errors (a shard with any is left out whole). */
    loadShards: (answers, { onProgress } = {}) =>
      fetchInOrder(base, shardsToLoad(answers), readBytes, (f, bytes) => parse(core.addPublishedShard(f.shard, bytes)), onProgress),
    /** The profile files (card text) of these loaded ids not loaded yet, each {shard, profile, file, bytes}. */
    profilesToLoad,
    /** Fetches and adds the profile files of these loaded ids; resolves to the errors. */
    loadProfiles: (ids, { onProgress } = {}) =>
      fetchInOrder(base, profilesToLoad(ids), readBytes, (f, bytes) => parse(core.addPublishedProfiles(f.shard, f.profile, bytes)), onProgress),
  };
}

function wrap(core, directoryErrors) {
  const parse = (text) => JSON.parse(text);
  const has = (name) => typeof core[name] === "function";
  return {
    /** Problems found in the directory; entries with problems are left out, the rest still match. */
    directoryErrors,
    directory: () => parse(core.directoryInfo()),
    entry: (slug) => parse(core.entry(String(slug))),
    entries: () => parse(core.entries()),
    questionnaire: () => parse(core.questionnaire()),
    concerns: () => parse(core.concerns()),
    crisis: () => parse(core.crisis()),
    safetyRoutes: (answers) => {
      const result = parse(core.safetyRoutes(typeof answers === "string" ? answers : JSON.stringify(answers)));
      if (result.errors) throw new AnswersError(result.errors);
      return result;
    },
    validateProfile: (profile) =>
      parse(core.validateProfile(typeof profile === "string" ? profile : JSON.stringify(profile))),
    search: (query, { limit = 10 } = {}) => {
      if (!has("search")) throw new Error("search is not built yet");
      return parse(core.search(String(query), limit));
    },
    // options.today (YYYY-MM-DD): the day entries are judged against for freshness; without it the
    // directory's newest "updated" date. options.units: "km" (default) or "miles", for the words
    // of reasons, caveats and suggestions (numbers stay in km). See docs/matching.md.
    match: (answers, { limit = 20, today = "", units = "km" } = {}) => {
      if (!has("match")) throw new Error("match is not built yet");
      const text = typeof answers === "string" ? answers : JSON.stringify(answers);
      const result = parse(core.match(text, limit, String(today ?? ""), String(units ?? "km")));
      if (result.errors) throw new AnswersError(result.errors);
      return result;
    },
    places: (prefix, { limit = 8 } = {}) => parse(core.places(String(prefix), limit)).places,
    /** Loaded entries by id, in the order given, as the directory file holds them; unknown ids are left out. */
    therapists: (ids) => parse(core.therapists(ids.filter((id) => typeof id === "string" && !id.includes("\n")).join("\n"))),
  };
}
