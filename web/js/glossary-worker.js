// @ts-check
// The Web Worker behind the glossary search box. It owns the glossary's WebAssembly core
// ("tft-glossary": search and the entries, nothing that matches; docs/matching.md, "Module size"),
// so building the search index (tens of milliseconds) and each search run here and the page never
// waits on them (docs/: no main-thread block over 50 ms).
//
// Methods (called through worker-client.js; replies are values or errors, see worker-methods.js):
// warm() loads the core and builds the index; search(query, {limit}) is the core's search result.
import { createGlossary } from "./tft.js";
import { serveMethods } from "./worker-methods.js";

/** @type {Promise<import("./tft.js").Glossary> | null} */
let ready = null;
function core() {
  ready ??= createGlossary({ dataUrl: new URL("../data/", import.meta.url).href }).then(
    (tft) => {
      tft.search("", { limit: 1 }); // builds the index now, before the first real keystroke
      return tft;
    },
    (error) => {
      ready = null; // let a later keystroke try again
      throw error;
    },
  );
  return ready;
}

serveMethods({
  warm: async () => {
    await core();
    return null;
  },
  search: async (query, options) => (await core()).search(String(query), options),
});
