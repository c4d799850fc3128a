// The site's only Trusted Types policy. The Content-Security-Policy (scripts/site-policy.mjs)
// requires Trusted Types for every script sink and allows this one policy by name, so markup can
// never reach an HTML sink (assigning a string to one throws), and a script URL is
// accepted only from here. The one script-URL sink the site uses is `new Worker(url)`; this
// policy passes only the site's own worker modules: same origin, in js/, named *-worker.js.
// docs/security.md lists every sink checked.

const WORKER = /\/js\/[a-z][a-z-]*-worker\.js$/;

const policy = globalThis.trustedTypes?.createPolicy("tft-worker", {
  createScriptURL(url) {
    const parsed = new URL(url, globalThis.location?.href);
    if (parsed.origin !== globalThis.location?.origin || !WORKER.test(parsed.pathname) || parsed.search || parsed.hash)
      throw new TypeError(`not one of this site's worker scripts: ${parsed.href}`);
    return parsed.href;
  },
});

/** `url` as a Worker script URL the policy allows (a plain string where Trusted Types are absent). */
export function workerScriptUrl(url) {
  return policy ? policy.createScriptURL(String(url)) : String(url);
}
