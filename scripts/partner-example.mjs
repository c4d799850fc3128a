// Serves the partner example (examples/partner, built into build/partner-example) on its own
// port, so it is a different origin from the site, as a real partner's page is. Its pages get the
// site's address where they say {{site}}, and the Content-Security-Policy a careful partner would
// send (docs/embedding.md): the loader allowed from the site, the frame allowed from the site,
// Trusted Types required, nothing inline. Used by ./scripts/start and the browser tests.
//
//   node scripts/partner-example.mjs --port 8081 --site http://localhost:8080/
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml" };

/** The policy a partner page needs for the matcher: script-src and frame-src for the site. */
export function partnerPolicy(siteOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${siteOrigin}`,
    `frame-src ${siteOrigin}`,
    "style-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
  ].join("; ");
}

export function startPartnerExample({ root = "build/partner-example", port = 8081, host = "127.0.0.1", siteUrl }) {
  const base = resolve(root);
  const site = new URL(siteUrl);
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://partner").pathname;
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    const type = TYPES[extname(file)];
    const headers = { "Content-Security-Policy": partnerPolicy(site.origin), "X-Content-Type-Options": "nosniff" };
    if (!file.startsWith(base + sep) || !type || req.method !== "GET") {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    try {
      let body = await readFile(file, "utf8");
      if (type.startsWith("text/html")) body = body.replaceAll("{{site}}", site.href);
      res.writeHead(200, { ...headers, "Content-Type": type }).end(body);
    } catch {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const server = await startPartnerExample({ port: Number(arg("--port", 8081)), siteUrl: arg("--site", "http://localhost:8080/") });
  console.log(`The partner example is at http://127.0.0.1:${server.address().port}/ (the site must be running at ${arg("--site", "http://localhost:8080/")})`);
}
