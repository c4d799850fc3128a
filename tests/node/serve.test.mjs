// The bundled server (scripts/serve.mjs) against requests an attacker would send (issue #12,
// defects 3, 4 and 11): a target that is not a URL, an encoded "/" that moves the path into or out
// of /embed/, methods other than GET and HEAD, and symbolic links out of the root. Each is sent
// as raw bytes on a socket, as a client need not be a browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { frameAncestors, sitePath, startServer } from "../../scripts/serve.mjs";

let dir;
let site;
let server;
let port;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "tft-serve-"));
  site = join(dir, "site");
  mkdirSync(join(site, "embed"), { recursive: true });
  mkdirSync(join(dir, "outside"));
  writeFileSync(join(dir, "outside", "secret.txt"), "not for the web");
  writeFileSync(join(site, "index.html"), "<h1>home</h1>");
  writeFileSync(join(site, "professionals.html"), "<h1>professionals</h1>");
  writeFileSync(join(site, "404.html"), "<h1>not found</h1>");
  writeFileSync(join(site, "embed", "index.html"), "<h1>embed</h1>");
  symlinkSync(join(dir, "outside", "secret.txt"), join(site, "secret.txt"));
  symlinkSync(join(dir, "outside"), join(site, "linked"));
  symlinkSync(join(site, "professionals.html"), join(site, "pros.html")); // a link inside is fine
  server = await startServer({ root: site, port: 0 });
  port = server.address().port;
});
after(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(dir, { recursive: true, force: true });
});

// Sends `request` as raw bytes and resolves to { status, headers, body } of the answer.
function raw(request) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (text += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head, ...rest] = text.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
  });
}
const get = (target, method = "GET") => raw(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
const framing = (csp) => /frame-ancestors ([^;]*)/.exec(csp)?.[1];

test("a request target that is not a URL gets 400 and the server keeps answering", async () => {
  const bad = await get("http://[");
  assert.equal(bad.status, 400);
  assert.match(bad.headers["content-security-policy"], /default-src 'none'/);
  for (const target of ["/%zz", "/a%00b.html"]) assert.equal((await get(target)).status, 400, target);
  const after = await get("/index.html");
  assert.equal(after.status, 200);
  assert.equal(after.body, "<h1>home</h1>");
});

test("an encoded slash cannot move a page into /embed/ to be framed by other sites", async () => {
  const sneaky = await get("/embed%2f..%2fprofessionals.html");
  assert.equal(sneaky.status, 200);
  assert.match(sneaky.body, /<h1>professionals<\/h1>/);
  assert.equal(framing(sneaky.headers["content-security-policy"]), "'self'");
  for (const target of ["/embed/..%2fprofessionals.html", "/embed/%2e%2e/professionals.html", "/embed/./../professionals.html"])
    assert.equal(framing((await get(target)).headers["content-security-policy"]), "'self'", target);
  // The embed itself may be framed by partners (docs/embedding.md); the choice is made from the
  // normalised path.
  const partners = "https: http://localhost:* http://127.0.0.1:*";
  assert.equal(framing((await get("/embed/index.html")).headers["content-security-policy"]), partners);
  assert.equal(framing((await get("/x/..%2fembed/index.html")).headers["content-security-policy"]), partners);
  assert.equal(frameAncestors(sitePath("/embed%2f..%2fprofessionals.html")), "'self'");
});

test("only GET and HEAD are answered; every other method gets 405 with Allow", async () => {
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
    const r = await raw(`${method} /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi`);
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, "GET, HEAD", method);
    assert.ok(r.headers["content-security-policy"], method);
  }
  const head = await get("/index.html", "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body, "");
});

test("symbolic links leading out of the root are refused; links inside it are served", async () => {
  for (const target of ["/secret.txt", "/linked/secret.txt", "/linked/"]) {
    const r = await get(target);
    assert.equal(r.status, 403, target);
    assert.doesNotMatch(r.body, /not for the web/, target);
  }
  assert.equal((await get("/pros.html")).body, "<h1>professionals</h1>");
  for (const target of ["/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/..%2foutside%2fsecret.txt"]) {
    const r = await get(target);
    assert.notEqual(r.status, 200, target);
    assert.doesNotMatch(r.body, /not for the web/, target);
  }
});
