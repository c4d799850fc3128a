// The site's security policy in one place, used by the server (scripts/serve.mjs, as headers) and
// by the page renderer (scripts/render-pages.mjs, as <meta> tags in every page), so the pages keep
// their protections on any static host, and the two can never drift apart. docs/security.md
// explains each choice.

// Everything from this origin only; WebAssembly compilation allowed without allowing eval.
// A <meta> policy cannot carry frame-ancestors (browsers ignore it there and warn), so framing is
// added only by the server, per path, in contentSecurityPolicy() below.
export const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  // Every DOM sink that could run script (innerHTML, document.write, new Worker(url), ...) takes
  // only a Trusted Type, and web/js/trusted-types.js's "tft-worker" is the only policy that may
  // make one; a string is refused, so no markup sink can come back by accident.
  "require-trusted-types-for 'script'",
  "trusted-types tft-worker",
];

// The Referrer-Policy header and <meta name="referrer"> value: no page address ever leaves in a
// Referer header, not even to this site.
export const REFERRER_POLICY = "no-referrer";

// Which origins may show a page in a frame. The one function that decides it: `pathname` must
// already be decoded and normalised (sitePath() in serve.mjs), so "/embed%2f..%2fx.html" is judged
// as "/x.html", the file actually served. The partner embed (/embed/, docs/embedding.md) may be
// framed by any https site, and by a partner trying it on their own computer; every other page
// only by this site.
export function frameAncestors(pathname) {
  return pathname.startsWith("/embed/") ? "https: http://localhost:* http://127.0.0.1:*" : "'self'";
}

export function contentSecurityPolicy(pathname) {
  return [...PAGE_POLICY, `frame-ancestors ${frameAncestors(pathname)}`].join("; ");
}

// The embed's loader is fetched by partners' pages, as a module script (always a CORS request,
// with an integrity hash); nothing else of the site is readable from another origin.
export function isEmbedLoader(pathname) {
  return /^\/embed\/v\d+\/tft-matcher\.js$/.test(pathname);
}

// Every answer, including errors, carries the same policy and hardening headers.
export function securityHeaders(pathname) {
  return {
    ...(isEmbedLoader(pathname) ? { "Access-Control-Allow-Origin": "*" } : {}),
    "Content-Security-Policy": contentSecurityPolicy(pathname),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": REFERRER_POLICY,
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-cache",
  };
}
