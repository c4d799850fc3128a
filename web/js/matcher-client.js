// The page's side of matcher-worker.js: the same method names as the worker, each returning a
// promise of {value} or {error: {message}} (errors are values, never thrown), matched to its
// request by id so answers that arrive out of order still reach the right caller.
//
//   const matcher = createMatcherClient();
//   const { value, error } = await matcher.call("match", answers, { limit: 20 });
//   matcher.match(answers, options, { onProgress: ({ stage, done, total }) => ... });
// onProgress hears the worker fetching directory files for that call (bytes done of total).
export function createMatcherClient({ workerUrl = new URL("./matcher-worker.js", import.meta.url) } = {}) {
  const worker = new Worker(workerUrl, { type: "module" });
  const pending = new Map();
  const listeners = new Map();
  let nextId = 1;
  let failure = null;

  worker.addEventListener("message", (event) => {
    const { id, value, error, progress } = event.data ?? {};
    if (progress) {
      listeners.get(id)?.(progress);
      return;
    }
    const resolve = pending.get(id);
    if (!resolve) return;
    pending.delete(id);
    listeners.delete(id);
    resolve(error ? { error } : { value });
  });
  // A worker that cannot start (a missing file, a module error) answers every call with an error.
  worker.addEventListener("error", (event) => {
    failure = { message: event.message || "The matcher could not start." };
    for (const resolve of pending.values()) resolve({ error: failure });
    pending.clear();
    listeners.clear();
  });

  function callWithProgress(onProgress, method, ...args) {
    if (failure) return Promise.resolve({ error: failure });
    const id = nextId++;
    if (onProgress) listeners.set(id, onProgress);
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, method, args });
    });
  }
  const call = (method, ...args) => callWithProgress(null, method, ...args);

  return {
    call,
    load: () => call("load"),
    match: (answers, options, { onProgress } = {}) => callWithProgress(onProgress, "match", answers, options),
    safetyRoutes: (answers) => call("safetyRoutes", answers),
    places: (prefix, options) => call("places", prefix, options),
    resolvePlace: (text) => call("resolvePlace", text),
    therapists: (ids, { onProgress } = {}) => callWithProgress(onProgress, "therapists", ids),
    terminate: () => worker.terminate(),
  };
}
