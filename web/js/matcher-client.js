// @ts-check
// The page's side of matcher-worker.js: the worker's method names, each returning a promise of
// {value} or {error: {message}} (errors are values, never thrown; see worker-client.js).
//
//   const matcher = createMatcherClient();
//   const { value, error } = await matcher.match(answers, { limit: 20 });
//   matcher.match(answers, options, { onProgress: ({ stage, done, total }) => ... });
// onProgress hears the worker fetching directory files for that call (bytes done of total).
import { createWorkerClient } from "./worker-client.js";

export function createMatcherClient({ workerUrl = new URL("./matcher-worker.js", import.meta.url) } = {}) {
  const { call, callWithProgress, terminate } = createWorkerClient(workerUrl, "The matcher could not start.");
  return {
    call,
    /** @param {{ directory?: string }} [options] */
    load: (options) => call("load", options),
    /** @param {object} answers @param {object} [options] @param {{ onProgress?: (progress: any) => void }} [listen] */
    match: (answers, options, { onProgress } = {}) => callWithProgress(onProgress, "match", answers, options),
    /** @param {object} answers */
    safetyRoutes: (answers) => call("safetyRoutes", answers),
    /** @param {string} prefix @param {{ limit?: number }} [options] */
    places: (prefix, options) => call("places", prefix, options),
    /** @param {string} text */
    resolvePlace: (text) => call("resolvePlace", text),
    /** @param {string[]} ids @param {{ onProgress?: (progress: any) => void }} [listen] */
    therapists: (ids, { onProgress } = {}) => callWithProgress(onProgress, "therapists", ids),
    terminate,
  };
}
