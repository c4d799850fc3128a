// The Web Worker behind the glossary search box. It owns a WebAssembly core loaded without a
// therapist directory, so building the search index (tens of milliseconds) and each search run
// here and the page never waits on them (DESIGN §7: no main-thread block over 50 ms).
//
// Protocol: the page posts {id, query, limit}; the worker answers {id, value} with the search
// result, or {id, error: {message}}. A null query only warms the core and its index.
import { createMatcher } from "./tft.js";

let ready = null;
function core() {
  ready ??= createMatcher({
    dataUrl: new URL("../data/", import.meta.url).href,
    wasmUrl: new URL("../wasm/tft-core.wasm", import.meta.url).href,
    directoryUrl: null,
  }).then((tft) => {
    tft.search("", { limit: 1 }); // builds the index now, before the first real keystroke
    return tft;
  });
  return ready;
}

self.addEventListener("message", async (event) => {
  const { id, query, limit } = event.data ?? {};
  try {
    const tft = await core();
    self.postMessage({ id, value: query == null ? null : tft.search(String(query), { limit }) });
  } catch (error) {
    ready = null; // let a later keystroke try again
    self.postMessage({ id, error: { message: String(error?.message ?? error) } });
  }
});
