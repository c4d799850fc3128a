// PRIVACY: a full visit with distinctive answers (age 47, Aberystwyth, £63, 37 miles, perinatal,
// Welsh) while every request (URL, headers, body, from the page and the worker) and every storage
// write is recorded. Fails if an answer value appears in any of them, if any request leaves the
// origin, or if anything after the initial load is not a same-origin GET of a static file.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./support.mjs";
import { VISITOR, assertCleanRecord, completeQuestionnaire, openFind, resultsSettled, showMatches } from "./find-flow.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

// What the visitor told us, as it could appear in text: numbers as whole tokens, so "t-000147"
// (a therapist id) is not mistaken for the age 47; words anywhere, in any case.
const SECRETS = [
  { what: "age", re: /(?<![\d.])47(?![\d.])/ },
  { what: "budget", re: /(?<![\d.])63(?![\d.])/ },
  { what: "distance", re: /(?<![\d.])37(?![\d.])/ },
  // 37 miles as the kilometres the core is given (59.545728 km).
  { what: "distance in km", re: /59\.5/ },
  { what: "place", re: /aberys/i },
  { what: "place coordinates", re: /52\.41|-4\.08/ },
  { what: "concern", re: /perinatal|pregnan/i },
  { what: "language", re: /cymraeg|welsh|"cy"/i },
];
// .bin: the packed directory files the worker fetches (docs/directory-format.md).
const STATIC = /\.(html|css|js|mjs|json|wasm|bin|svg|png|ico|txt)$/;

// Runs before any page script: wraps every way a page can store something and records it.
function recordStorageWrites() {
  window.__storageWrites = [];
  const note = (kind, ...parts) => window.__storageWrites.push({ kind, text: parts.map(String).join(" ") });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    note(this === window.localStorage ? "localStorage" : "sessionStorage", key, value);
    return setItem.call(this, key, value);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true,
    get() {
      return cookie.get.call(this);
    },
    set(value) {
      note("cookie", value);
      cookie.set.call(this, value);
    },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, ...rest) {
    note("indexedDB", name);
    return open.call(this, name, ...rest);
  };
  if (globalThis.CacheStorage) {
    const cacheOpen = CacheStorage.prototype.open;
    CacheStorage.prototype.open = function (name) {
      note("caches", name);
      return cacheOpen.call(this, name);
    };
  }
  const pushState = History.prototype.pushState;
  History.prototype.pushState = function (state, title, url) {
    note("history", JSON.stringify(state), url ?? "");
    return pushState.call(this, state, title, url);
  };
}

test("no answer leaves the browser: requests, headers, bodies and storage hold none of them", async () => {
  const { page, record, context } = await openPage(site, { width: 1280 });
  const requests = [];
  let loaded = false;
  // The context sees the worker's requests as well as the page's.
  context.on("request", (r) =>
    requests.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() ?? "", afterLoad: loaded }),
  );
  await context.addInitScript(recordStorageWrites);

  await openFind(page, site.baseUrl);
  loaded = true;
  const typedPlaceLookups = [];
  await completeQuestionnaire(page, VISITOR, {
    onPage: async (p, { id }) => {
      if (id === "location") typedPlaceLookups.push(id);
    },
  });
  await showMatches(page);
  await page.locator(".match-card").first().waitFor();
  // Refine and relax re-run the match; saving and opting in writes the shortlist (ids only).
  await page.click(".refine summary");
  await page.fill("#refine-fee", "63");
  await page.click(".refine button[type=submit]");
  await resultsSettled(page);
  await page.locator(".save-button").first().click();
  await page.check("#remember-shortlist");
  await page.waitForFunction(() => window.__storageWrites.some((w) => w.kind === "localStorage"));
  // Showing more re-runs the match in the worker with a larger limit.
  const shown = await page.locator(".match-card").count();
  await page.locator("#show-more").click();
  await page.waitForFunction((n) => document.querySelectorAll(".match-card").length > n, shown);

  const writes = await page.evaluate(() => window.__storageWrites);
  const stored = await page.evaluate(async () => ({
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
    cookies: document.cookie,
    history: JSON.stringify(history.state),
    url: location.href,
  }));

  assert.ok(requests.length > 5, "requests were recorded");
  // The find page's own module over the published directory, not the whole core (docs/matching.md,
  // "Module size").
  const modules = [...new Set(requests.map((r) => new URL(r.url).pathname).filter((p) => p.startsWith("/wasm/")))].sort();
  assert.deepEqual(modules, ["/wasm/tft-find.js", "/wasm/tft-find.wasm"]);
  assert.ok(typedPlaceLookups.length === 1, "the place box was used");
  assert.ok(writes.some((w) => w.kind === "localStorage"), "the opt-in write was recorded");
  assert.ok(writes.some((w) => w.kind === "history"), "history writes were recorded");

  const problems = [];
  for (const r of requests) {
    const url = new URL(r.url);
    if (url.origin !== new URL(site.baseUrl).origin) problems.push(`request to another origin: ${r.url}`);
    if (r.afterLoad && (r.method !== "GET" || !STATIC.test(url.pathname) || url.search))
      problems.push(`not a static file GET after load: ${r.method} ${r.url}`);
    const text = [r.url, JSON.stringify(r.headers), r.body].join("\n");
    for (const s of SECRETS) if (s.re.test(text)) problems.push(`${s.what} in request ${r.method} ${r.url}`);
  }
  for (const w of writes) for (const s of SECRETS) if (s.re.test(w.text)) problems.push(`${s.what} in ${w.kind} write: ${w.text}`);
  for (const [kind, text] of Object.entries(stored))
    for (const s of SECRETS) if (s.re.test(text)) problems.push(`${s.what} in ${kind}: ${text}`);
  assert.deepEqual(problems, []);
  assert.deepEqual(writes.filter((w) => !["history", "localStorage"].includes(w.kind)), [], "no cookie, IndexedDB or cache writes");
  assert.ok(writes.filter((w) => w.kind === "localStorage").every((w) => /^tft:shortlist \["t-\d+"(,"t-\d+")*\]$/.test(w.text)), "only shortlist ids are stored");
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("the privacy check would catch a leak: an answer in a request URL is found", async () => {
  // Guards the guard: the same patterns flag a request that carries the answers.
  const leaked = `${site.baseUrl}data/x.json?age=47&place=Aberystwyth&need=perinatal`;
  const found = SECRETS.filter((s) => s.re.test(leaked)).map((s) => s.what);
  assert.deepEqual(found, ["age", "place", "concern"]);
  assert.equal(SECRETS.some((s) => s.re.test('tft:shortlist ["t-000147","t-000063"]')), false);
});
