// A small static file server for build/site with the security headers the site is built for.
// Used by ./scripts/start and by the browser tests, so tests run under the real policy.
//   node scripts/serve.mjs [--port 8080] [--root build/site]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

// Which origins may show a page in a frame: the one place that decides it. The partner embed
// (/embed/, docs/embedding.md) may be framed by any https site, and by a partner trying it on
// their own computer; every other page only by this site.
export function frameAncestors(pathname) {
  return pathname.startsWith("/embed/") ? "https: http://localhost:* http://127.0.0.1:*" : "'self'";
}

// Everything from this origin only; WebAssembly compilation allowed without allowing eval.
export function contentSecurityPolicy(pathname) {
  const framing = frameAncestors(pathname);
  return [
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
    `frame-ancestors ${framing}`,
  ].join("; ");
}

// The embed's loader is fetched by partners' pages, as a module script (always a CORS request,
// with an integrity hash); nothing else of the site is readable from another origin.
export function isEmbedLoader(pathname) {
  return /^\/embed\/v\d+\/tft-matcher\.js$/.test(pathname);
}

// Every answer, including 404s, carries the same policy and hardening headers.
export function securityHeaders(pathname) {
  return {
    ...(isEmbedLoader(pathname) ? { "Access-Control-Allow-Origin": "*" } : {}),
    "Content-Security-Policy": contentSecurityPolicy(pathname),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-cache",
  };
}

export function startServer({ root, port = 8080, host = "127.0.0.1" }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { "Content-Type": TYPES[".txt"], ...securityHeaders("/") }).end("Bad request");
      return;
    }
    let file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403, { "Content-Type": TYPES[".txt"], ...securityHeaders("/") }).end("Forbidden");
      return;
    }
    const send = (status, type, body) => {
      res.writeHead(status, { "Content-Type": type, ...securityHeaders(pathname) });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      send(200, TYPES[extname(file)] || "application/octet-stream", body);
    } catch {
      // Unknown paths get the site's own 404 page (links back home, the "Need help now?" block)
      // under the same headers; a bare text answer only if the site has no 404 page.
      try {
        send(404, TYPES[".html"], await readFile(join(base, "404.html")));
      } catch {
        send(404, TYPES[".txt"], "Not found");
      }
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg("--port", process.env.PORT || 8080));
  const root = arg("--root", "build/site");
  const server = await startServer({ root, port });
  console.log(`Time for Therapy is running at http://localhost:${server.address().port}/`);
  console.log("Press Ctrl+C to stop.");
}
