// A small static file server for build/site with the security headers the site is built for.
// Used by ./scripts/start and by the browser tests, so tests run under the real policy.
//   node scripts/serve.mjs [--port 8080] [--root build/site]
//
// It serves files and nothing else, and no request can stop it: every request is answered inside
// one try; only GET and HEAD are allowed (405 otherwise); the path is decoded and normalised once,
// and that one normalised path chooses both the policy and the file; a path that resolves outside
// the root (through "..", an encoded "/", or a symbolic link) is refused.
import { createServer } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import { realpathSync } from "node:fs";
import { extname, join, posix, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { securityHeaders } from "./site-policy.mjs";

export { contentSecurityPolicy, frameAncestors, isEmbedLoader, securityHeaders } from "./site-policy.mjs";

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

/**
 * The site path a request target names: percent-decoded, then normalised ("." and ".." resolved,
 * never above "/"), always starting with "/". null when the target is not a usable URL (a bad
 * percent escape, a NUL byte, or no URL at all, such as "http://[").
 */
export function sitePath(target) {
  let decoded;
  try {
    decoded = decodeURIComponent(new URL(target, "http://localhost").pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  return posix.normalize(`/${decoded}`);
}

const inside = (base, file) => file === base || file.startsWith(base + sep);

// The real file for a site path, or null when there is none inside `base` (missing, or a link or
// path leading out of the root). Folders give their index.html.
async function fileFor(base, pathname) {
  try {
    let file = await realpath(join(base, pathname));
    if (!inside(base, file)) return { outside: true };
    if ((await stat(file)).isDirectory()) {
      file = await realpath(join(file, "index.html"));
      if (!inside(base, file)) return { outside: true };
    }
    return (await stat(file)).isFile() ? { file } : null;
  } catch {
    return null;
  }
}

async function answer(req, res, base) {
  const send = (status, pathname, type, body, extra = {}) => {
    const length = Buffer.byteLength(body);
    res.writeHead(status, { "Content-Type": type, "Content-Length": length, ...securityHeaders(pathname), ...extra });
    res.end(req.method === "HEAD" ? undefined : body);
  };
  if (req.method !== "GET" && req.method !== "HEAD") {
    return send(405, "/", TYPES[".txt"], "Method not allowed", { Allow: "GET, HEAD" });
  }
  const pathname = sitePath(req.url);
  if (pathname === null) return send(400, "/", TYPES[".txt"], "Bad request");
  const found = await fileFor(base, pathname);
  if (found?.outside) return send(403, pathname, TYPES[".txt"], "Forbidden");
  if (found) return send(200, pathname, TYPES[extname(found.file)] || "application/octet-stream", await readFile(found.file));
  // Unknown paths get the site's own 404 page (links back home, the "Need help now?" block) under
  // the same headers; a bare text answer only if the site has no 404 page.
  try {
    send(404, pathname, TYPES[".html"], await readFile(join(base, "404.html")));
  } catch {
    send(404, pathname, TYPES[".txt"], "Not found");
  }
}

export function startServer({ root, port = 8080, host = "127.0.0.1" }) {
  const base = realpathSync(resolve(root));
  const server = createServer((req, res) => {
    answer(req, res, base).catch(() => {
      // Whatever went wrong (a file vanishing mid-read, a closed socket), this request ends here
      // and the server carries on.
      if (!res.headersSent) res.writeHead(500, { "Content-Type": TYPES[".txt"], ...securityHeaders("/") });
      res.end();
    });
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
