// The server's own rules (scripts/serve.mjs), seen from a client: every answer carries the
// hardening headers with their exact values, a missing file is a 404, and no request, however its
// path is spelled, reads a file outside the site. Paths are sent raw (node:http), because fetch
// would tidy "/../" away before the server ever saw it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";

let outer;
let server;
let port;
before(async () => {
  // A secret beside the site root: the one file no request may reach.
  outer = mkdtempSync(join(tmpdir(), "tft-serve-"));
  const site = join(outer, "site");
  mkdirSync(site);
  writeFileSync(join(outer, "secret.txt"), "outside the site");
  writeFileSync(join(site, "index.html"), "<!doctype html><title>home</title>");
  writeFileSync(join(site, "404.html"), "<!doctype html><title>not found</title>");
  writeFileSync(join(site, "data.json"), "{}");
  server = await startServer({ root: site, port: 0 });
  port = server.address().port;
});
after(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(outer, { recursive: true, force: true });
});

function get(path, method = "GET") {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

const HARDENING = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

test("every answer, found or not, carries the hardening headers", async () => {
  for (const path of ["/", "/index.html", "/data.json", "/missing.html", "/../secret.txt"]) {
    const r = await get(path);
    for (const [name, value] of Object.entries(HARDENING)) assert.equal(r.headers[name], value, `${path}: ${name}`);
    assert.ok(r.headers["content-security-policy"], `${path}: a policy`);
    assert.match(r.headers["permissions-policy"], /camera=\(\)/, `${path}: permissions`);
  }
  assert.equal((await get("/data.json")).headers["content-type"], "application/json; charset=utf-8");
});

test("a missing file is a 404 with the site's own page", async () => {
  const r = await get("/no/such/page.html");
  assert.equal(r.status, 404);
  assert.match(r.body, /not found/);
  assert.equal((await get("/index.html")).status, 200);
});

test("no spelling of a path reads a file outside the site", async () => {
  for (const path of ["/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/a/../../secret.txt"]) {
    const r = await get(path);
    assert.doesNotMatch(r.body, /outside the site/, path);
    assert.notEqual(r.status, 200, path);
  }
});
