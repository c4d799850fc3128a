// @ts-check
// The worker's side of worker-client.js: answers each {id, method, args} message with
// {id, value} or {id, error: {message, errors?}}. A method returns its value or throws; a thrown
// error (tft.js's AnswersError carries one item per bad field in `errors`) crosses as a value,
// so nothing is ever thrown across the worker boundary. Each method is called with the call's
// arguments and then one more: progress(value), which posts {id, progress: value} to the caller's
// onProgress (worker-client.js callWithProgress) before the reply.

/** @param {Record<string, (...args: any[]) => unknown>} methods */
export function serveMethods(methods) {
  self.addEventListener("message", async (event) => {
    const { id, method, args = [] } = event.data ?? {};
    if (!Object.hasOwn(methods, method)) {
      self.postMessage({ id, error: { message: `unknown method ${method}` } });
      return;
    }
    try {
      const progress = (/** @type {unknown} */ value) => self.postMessage({ id, progress: value });
      self.postMessage({ id, value: await methods[method](...args, progress) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const errors = Array.isArray(error?.errors) ? error.errors : undefined;
      self.postMessage({ id, error: errors ? { message, errors } : { message } });
    }
  });
}
