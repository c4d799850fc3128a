// Trusted Types and the <meta> policy (issue #12): every page refuses markup and script URLs given
// as strings, the site's own workers still start through its one named policy, and the same holds
// when the pages are served by a plain static host that sends no security headers at all.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { launch, LOADING_MS, openPage, siteDir } from "./support.mjs";

let site;
let bare; // build/site served with no headers but Content-Type, as the simplest static host would
const arrived = []; // { url, referer } of every request the bare host received
before(async () => {
  site = await launch();
  const types = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml" };
  const server = createServer(async (req, res) => {
    arrived.push({ url: req.url, referer: req.headers.referer });
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    try {
      const body = await readFile(join(siteDir, path.endsWith("/") ? `${path}index.html` : path));
      res.writeHead(200, { "Content-Type": types[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  bare = { server, baseUrl: `http://127.0.0.1:${server.address().port}/` };
});
after(async () => {
  await site?.close();
  await new Promise((ok) => bare.server.close(ok));
});

// Each sink, tried with a plain string in the page: the error name, or "allowed".
function trySinks() {
  const attempt = (fn) => {
    try {
      fn();
      return "allowed";
    } catch (e) {
      return e.name;
    }
  };
  const div = document.createElement("div");
  return {
    innerHTML: attempt(() => (document.body.innerHTML = "<img src=x onerror=alert(1)>")),
    outerHTML: attempt(() => (div.outerHTML = "<b>x</b>")),
    insertAdjacentHTML: attempt(() => document.body.insertAdjacentHTML("beforeend", "<b>x</b>")),
    documentWrite: attempt(() => document.write("<b>x</b>")),
    scriptText: attempt(() => (document.createElement("script").textContent = "alert(1)")),
    scriptSrc: attempt(() => (document.createElement("script").src = "/js/tft.js")),
    workerFromString: attempt(() => new Worker("/js/glossary-worker.js", { type: "module" })),
    otherPolicy: attempt(() => trustedTypes.createPolicy("mine", { createHTML: (s) => s })),
    stillThere: Boolean(document.querySelector("main")),
  };
}

const BLOCKED = {
  innerHTML: "TypeError",
  outerHTML: "TypeError",
  insertAdjacentHTML: "TypeError",
  documentWrite: "TypeError",
  scriptText: "TypeError",
  scriptSrc: "TypeError",
  workerFromString: "TypeError",
  otherPolicy: "TypeError",
  stillThere: true,
};

for (const [label, origin] of [
  ["served with the headers", () => site.baseUrl],
  ["on a static host with no headers (the <meta> policy alone)", () => bare.baseUrl],
]) {
  test(`every markup and script sink refuses a string, ${label}`, async () => {
    for (const path of ["index.html", "find.html", "professionals.html", "privacy.html", "glossary/index.html", "glossary/cbt.html"]) {
      const { page, record, context } = await openPage(site);
      await page.goto(`${origin()}${path}`);
      assert.deepEqual(await page.evaluate(trySinks), BLOCKED, path);
      // Each refusal is reported as a Trusted Types violation of the page's policy.
      assert.ok(record.consoleErrors.some((m) => /TrustedHTML/.test(m)), `${path}: ${record.consoleErrors.join(" | ")}`);
      await context.close();
    }
  });
}

test("the site's own workers start through the tft-worker policy, with no violation", async () => {
  for (const origin of [site.baseUrl, bare.baseUrl]) {
    const { page, record, context } = await openPage(site);
    await page.goto(`${origin}index.html`);
    await page.locator(".home-search").getByRole("combobox").focus();
    await page.keyboard.type("cbt");
    await page.getByRole("option").first().waitFor();
    await page.goto(`${origin}find.html`);
    await page.waitForSelector("body[data-ready]", { timeout: LOADING_MS });
    assert.deepEqual(record.consoleErrors, [], origin);
    assert.deepEqual(record.pageErrors, [], origin);
    await context.close();
  }
});

// Checked where it matters, at the host: what arrives over the wire, not what the browser reports.
test("with only the <meta> tags, no request carries a Referer", async () => {
  const { page, context } = await openPage(site);
  arrived.length = 0;
  await page.goto(`${bare.baseUrl}index.html`);
  await page.locator('a[href="glossary/index.html"]').first().click();
  await page.waitForURL(/glossary\/index\.html/);
  await page.waitForLoadState("load");
  assert.ok(arrived.length > 3, `${arrived.length} requests`);
  for (const r of arrived) assert.ok(!r.referer, `${r.url} sent Referer ${r.referer}`);
  await context.close();
});
