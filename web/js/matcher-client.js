// The page's side of matcher-worker.js: the same method names as the worker, each returning a
// promise of {value} or {error: {message}} (errors are values, never thrown), matched to its
// request by id so answers that arrive out of order still reach the right caller.
//
//   const matcher = createMatcherClient();
//   const { value, error } = await matcher.call("match", answers, { limit: 20 });
export function createMatcherClient({ workerUrl = new URL("./matcher-worker.js", import.meta.url) } = {}) {
  const worker = new Worker(workerUrl, { type: "module" });
  const pending = new Map();
  let nextId = 1;
  let failure = null;

  worker.addEventListener("message", (event) => {
    const { id, value, error } = event.data ?? {};
    const resolve = pending.get(id);
    if (!resolve) return;
    pending.delete(id);
    resolve(error ? { error } : { value });
  });
  // A worker that cannot start (a missing file, a module error) answers every call with an error.
  worker.addEventListener("error", (event) => {
    failure = { message: event.message || "The matcher could not start." };
    for (const resolve of pending.values()) resolve({ error: failure });
    pending.clear();
  });

  function call(method, ...args) {
    if (failure) return Promise.resolve({ error: failure });
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, method, args });
    });
  }

  return {
    call,
    load: (options) => call("load", options),
    match: (answers, options) => call("match", answers, options),
    safetyRoutes: (answers) => call("safetyRoutes", answers),
    places: (prefix, options) => call("places", prefix, options),
    resolvePlace: (text) => call("resolvePlace", text),
    therapists: (ids) => call("therapists", ids),
    terminate: () => worker.terminate(),
  };
}
