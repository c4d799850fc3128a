// @ts-check
// The site's only Trusted Types policy. The Content-Security-Policy (scripts/site-policy.mjs)
// requires Trusted Types for every script sink and allows this one policy by name, so markup can
// never reach an HTML sink (assigning a string to one throws), and a script URL is
// accepted only from here. The site has two script-URL sinks: `new Worker(url)`, in
// worker-client.js alone, and the offline copy's `navigator.serviceWorker.register(url)`
// (offline.js); this policy passes only the site's own worker modules (same origin, in js/, named
// *-worker.js) and its one service worker (sw.js at the site root). docs/security.md lists every
// sink checked.

const WORKER = /\/js\/[a-z][a-z-]*-worker\.js$/;
const SERVICE_WORKER = new URL("../sw.js", import.meta.url).href;

/** @type {{ createScriptURL(url: string): any } | undefined} */
const policy = /** @type {any} */ (globalThis).trustedTypes?.createPolicy("tft-worker", {
  /** @param {string} url */
  createScriptURL(url) {
    const parsed = new URL(url, globalThis.location?.href);
    const ownWorker = parsed.origin === globalThis.location?.origin && WORKER.test(parsed.pathname);
    if ((!ownWorker && parsed.href !== SERVICE_WORKER) || parsed.search || parsed.hash)
      throw new TypeError(`not one of this site's worker scripts: ${parsed.href}`);
    return parsed.href;
  },
});

/**
 * `url` as a worker script URL the policy allows (a plain string where Trusted Types are absent).
 * @param {URL | string} url
 * @returns {any} a TrustedScriptURL, which Worker and serviceWorker.register accept where a URL goes
 */
export function workerScriptUrl(url) {
  return policy ? policy.createScriptURL(String(url)) : String(url);
}
