// @ts-check
// The page's side of every Web Worker on the site (matcher-worker.js, glossary-worker.js), and the
// one error convention between them: a call resolves to {value} or {error: {message, errors?}}
// and never rejects, so a page handles a failure where it handles the answer. Answers are matched
// to requests by id, so replies that arrive out of order still reach the right caller. The worker
// side is serveMethods() in worker-methods.js.
//
//   const client = createWorkerClient(new URL("./matcher-worker.js", import.meta.url));
//   const { value, error } = await client.call("match", answers, { limit: 20 });
//   client.callWithProgress((p) => show(p), "match", answers);  // hears {id, progress} posts too
//
// This is the one place the site starts a Worker, so the one place its script URL passes the
// site's Trusted Types policy (trusted-types.js; the CSP refuses a plain string).
import { workerScriptUrl } from "./trusted-types.js";

/**
 * @typedef {{ message: string, errors?: { path?: string, message?: string, text?: string }[] }} WorkerError
 * @typedef {{ value: any, error?: undefined } | { value?: undefined, error: WorkerError }} WorkerReply
 */

/**
 * @param {URL | string} workerUrl a module worker that calls serveMethods()
 * @param {string} [startFailure] the message every call gets when the worker cannot start
 */
export function createWorkerClient(workerUrl, startFailure = "This part of the page could not start.") {
  const worker = new Worker(workerScriptUrl(workerUrl), { type: "module" });
  /** @type {Map<number, (reply: WorkerReply) => void>} */
  const pending = new Map();
  /** @type {Map<number, (progress: any) => void>} */
  const listeners = new Map();
  let nextId = 1;
  /** @type {WorkerError | null} */
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
    failure = { message: event.message || startFailure };
    for (const resolve of pending.values()) resolve({ error: failure });
    pending.clear();
    listeners.clear();
  });

  /**
   * A call whose progress reports (the worker's `progress` argument, see worker-methods.js) go to
   * `onProgress` until the reply arrives.
   * @param {((progress: any) => void) | null | undefined} onProgress
   * @param {string} method
   * @param {...unknown} args
   * @returns {Promise<WorkerReply>}
   */
  function callWithProgress(onProgress, method, ...args) {
    if (failure) return Promise.resolve({ error: failure });
    const id = nextId++;
    if (onProgress) listeners.set(id, onProgress);
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, method, args });
    });
  }

  /**
   * @param {string} method
   * @param {...unknown} args
   * @returns {Promise<WorkerReply>}
   */
  const call = (method, ...args) => callWithProgress(null, method, ...args);

  return { call, callWithProgress, terminate: () => worker.terminate() };
}
