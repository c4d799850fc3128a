// PARTNER EMBED across two origins (docs/embedding.md): the partner example on http://localhost:B
// frames the matcher from the site on http://127.0.0.1:A through the pasted snippet. A visitor
// completes the questionnaire inside the frame by keyboard alone, with distinctive answers, while
// every request of the browser and every message the partner's page receives is recorded. The
// partner may hear "ready" and the frame's height and nothing else; it cannot read the frame;
// no request leaves the site's origin (the partner's own page and stylesheet apart).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { VISITOR, completeQuestionnaire, showMatches, tabTo } from "./find-flow.mjs";
import { asPage, frameHeight, heard, launchTwoOrigins, openPartner, openPartnerPage, readyFrame } from "./embed-support.mjs";
import { LOADING_MS, screenshot } from "./support.mjs";
import { axeViolations, describeViolations } from "./axe.mjs";

let sites;
before(async () => (sites = await launchTwoOrigins()));
after(async () => sites?.close());

// The frame rounds heights up to this step (web/js/embed-frame.js says why).
const STEP = 40;
// What the visitor tells the matcher, as it could appear in a message or a request (the same
// answers find_privacy.test.mjs hunts for).
const SECRETS = [
  { what: "age", re: /(?<![\d.])47(?![\d.])/ },
  { what: "budget", re: /(?<![\d.])63(?![\d.])/ },
  { what: "distance", re: /(?<![\d.])37(?![\d.])/ },
  { what: "place", re: /aberys/i },
  { what: "concern", re: /perinatal|pregnan/i },
  { what: "language", re: /cymraeg|welsh|"cy"/i },
];
const THERAPIST_ID = /t-\d{6}/;
// Published files only: pages, styles, scripts, data, the module and the packed directory (.bin).
const STATIC = /\.(html|css|js|json|wasm|bin|svg)$/;

function assertOnlyReadyAndHeight(messages, siteOrigin) {
  assert.ok(messages.length > 0, "the partner heard nothing at all");
  for (const m of messages) {
    assert.equal(m.origin, siteOrigin, `a message from ${m.origin}: ${m.text}`);
    assert.equal(m.ports, 0, "no message carries a port");
    const data = JSON.parse(m.text);
    if (data.type === "tft:ready") assert.deepEqual(data, { type: "tft:ready" });
    else {
      assert.deepEqual(Object.keys(data).sort(), ["height", "type"], m.text);
      assert.equal(data.type, "tft:height", m.text);
      assert.ok(Number.isInteger(data.height) && data.height > 0 && data.height % STEP === 0, m.text);
    }
    assert.doesNotMatch(m.text, THERAPIST_ID, "a therapist id reached the partner");
    for (const s of SECRETS) assert.doesNotMatch(m.text, s.re, `the ${s.what} reached the partner`);
  }
  assert.equal(messages.filter((m) => m.text.includes("tft:ready")).length >= 1, true, "ready was heard");
}

test("a visitor completes the matcher inside a partner's page by keyboard; the partner hears only ready and heights, reads nothing, and nothing leaves the site", async () => {
  const { page, record, requests, context } = await openPartner(sites, { width: 1280, height: 900 });
  const frame = await openPartnerPage(page, sites);
  const historyAtStart = await page.evaluate(() => history.length);

  // The iframe the loader made: sandboxed no wider than the page needs, titled, lazy, no referrer.
  const iframe = await page.evaluate(() => {
    const f = document.querySelector("tft-matcher iframe");
    return { sandbox: [...f.sandbox].sort(), title: f.title, loading: f.loading, referrer: f.referrerPolicy, src: f.src, count: document.querySelectorAll("tft-matcher iframe").length };
  });
  assert.deepEqual(iframe.sandbox, ["allow-forms", "allow-popups", "allow-popups-to-escape-sandbox", "allow-same-origin", "allow-scripts"]);
  assert.equal(iframe.title, "Find a therapist: Time for Therapy");
  assert.equal(iframe.loading, "lazy");
  assert.equal(iframe.referrer, "no-referrer");
  assert.equal(iframe.count, 1);
  assert.equal(new URL(iframe.src).origin, sites.siteOrigin);
  // The snippet's options reached the frame: "offered with" the partner's name, the teal accent.
  assert.equal(await frame.textContent("#embed-offered"), "Offered with Oakfield Surgery");
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()), "#0b6e5d");
  // Once ready, the fallback link is hidden and the frame shows the whole start page.
  await page.waitForFunction(() => document.querySelector("tft-matcher > a").hidden);

  // The partner's script cannot look inside the frame.
  const reach = await page.evaluate(() => {
    const f = document.querySelector("tft-matcher iframe");
    let read;
    try {
      read = f.contentWindow.document.title;
    } catch (e) {
      read = e.name;
    }
    return { read, contentDocument: f.contentDocument === null };
  });
  assert.deepEqual(reach, { read: "SecurityError", contentDocument: true });

  await page.waitForFunction(() => window.__heard.some((m) => m.text.includes("tft:height")));
  const startHeight = await frameHeight(page);

  const visitor = asPage(page, frame);
  await completeQuestionnaire(visitor, VISITOR, { by: "keyboard" });
  await showMatches(visitor, { by: "keyboard" });
  await frame.locator(".match-card").first().waitFor();

  // The frame grew with the results, to the height of its content (rounded up to the step), so
  // the visitor never scrolls inside it.
  const content = () => frame.evaluate(() => Math.ceil(document.getElementById("embed-shell").getBoundingClientRect().height));
  await page.waitForFunction(
    ([want, step]) => Math.abs(document.querySelector("tft-matcher iframe").getBoundingClientRect().height - want) < step,
    [await content(), STEP],
  );
  const resultsHeight = await frameHeight(page);
  assert.ok(resultsHeight > startHeight + 400, `the frame grew from ${startHeight}px to ${resultsHeight}px with the results`);
  assert.equal(resultsHeight % STEP, 0);
  assert.ok(resultsHeight >= (await content()), "the frame is at least as tall as its content");
  assert.ok(await frame.evaluate(() => document.scrollingElement.scrollHeight <= window.innerHeight + 1), "nothing scrolls inside the frame");
  await screenshot(page, "embed-partner-results-1280");

  // Every message the partner's page received: "ready" and heights, from the site, nothing else.
  const messages = await heard(page);
  assertOnlyReadyAndHeight(messages, sites.siteOrigin);
  const heights = messages.filter((m) => m.text.includes("tft:height")).map((m) => JSON.parse(m.text).height);
  assert.ok(heights.includes(resultsHeight), `the last height was sent (${heights})`);

  // The visitor's steps made no entries in the partner page's history, and its address is as it was.
  assert.equal(await page.evaluate(() => history.length), historyAtStart);
  assert.equal(page.url(), sites.partnerUrl);

  // Requests: the partner's page and stylesheet from its own origin; everything else from the
  // site, static GETs only, no answer in any of them, and no referrer telling the site where the
  // visitor was.
  const partnerOwn = requests.filter((r) => r.url.startsWith(sites.partnerOrigin)).map((r) => `${r.method} ${new URL(r.url).pathname} ${r.topFrame ? "page" : "frame"}`);
  assert.ok(partnerOwn.includes("GET / page") && partnerOwn.includes("GET /partner.css page"), partnerOwn.join());
  for (const r of partnerOwn) assert.ok(["GET / page", "GET /partner.css page", "GET /favicon.svg page"].includes(r), `the partner's origin was asked for ${r}`);
  for (const r of requests.filter((x) => !x.url.startsWith(sites.partnerOrigin))) {
    assert.ok(r.url.startsWith(sites.baseUrl), `a request left the site's origin: ${r.url}`);
    assert.equal(r.method, "GET", r.url);
    assert.match(new URL(r.url).pathname, STATIC, r.url);
    assert.ok(!r.headers.referer, `${r.url} told the site the partner's address: ${r.headers.referer}`);
    const text = `${decodeURIComponent(r.url)} ${JSON.stringify(r.headers)} ${r.body}`;
    for (const s of SECRETS) assert.doesNotMatch(text, s.re, `the ${s.what} in ${r.url}`);
  }
  assert.ok(requests.some((r) => /\/wasm\/tft-(find|core)\.wasm$/.test(r.url)), "the recorder saw the worker's requests");

  assert.deepEqual(record.pageErrors, [], "page errors");
  assert.deepEqual(record.consoleErrors, [], "console errors");
  assert.deepEqual(record.cspViolations, [], "CSP violations (the partner's strict policy and the site's)");
  assert.deepEqual(record.failedResponses, []);
  await context.close();
});

test("a message forged by the partner's page does not resize the frame; the frame answers only the page that framed it", async () => {
  const { page, context } = await openPartner(sites);
  await openPartnerPage(page, sites);
  await page.waitForFunction(() => window.__heard.some((m) => m.text.includes("tft:height")));
  const before = await frameHeight(page);
  // From the partner's own origin and window, not the frame: the loader must ignore it.
  await page.evaluate(() => window.postMessage({ type: "tft:height", height: 4000 }, "*"));
  await page.waitForFunction(() => window.__heard.some((m) => m.text.includes("4000")));
  assert.equal(await frameHeight(page), before);
  await context.close();
});

test("Need help now? is the first thing in the frame and lists the same contacts as find.html's", async () => {
  const { page, record, context } = await openPartner(sites, { width: 360, height: 780 });
  const frame = await openPartnerPage(page, sites);
  const visitor = asPage(page, frame);
  await tabTo(visitor, ".embed-help > summary");
  // Nothing in the frame comes before it: one Shift+Tab leaves the frame.
  const firstFocusable = await frame.evaluate(() => {
    const all = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")].filter((e) => e.getClientRects().length);
    return all[0]?.matches(".embed-help > summary");
  });
  assert.equal(firstFocusable, true);
  await page.keyboard.press("Enter");
  const inFrame = await frame.$$eval(".embed-help a[href^='tel:'], .embed-help a[href^='sms:']", (as) => as.filter((a) => a.getClientRects().length).map((a) => a.getAttribute("href")));
  assert.ok(inFrame.length >= 2, `contacts shown: ${inFrame}`);
  const findPage = await context.newPage();
  await findPage.goto(`${sites.baseUrl}find.html`);
  const onFind = await findPage.$$eval(".need-help a[href^='tel:'], .need-help a[href^='sms:']", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(inFrame, onFind);
  await findPage.close();
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test("with scripts off the partner's visitors get the plain link to the site", async () => {
  const { page, context } = await openPartner(sites, { javaScriptEnabled: false });
  await page.goto(sites.partnerUrl);
  const link = page.locator("tft-matcher > a");
  assert.equal(await link.isVisible(), true);
  assert.equal(await link.getAttribute("href"), `${sites.baseUrl}find.html`);
  assert.equal(await page.locator("tft-matcher iframe").count(), 0);
  await context.close();
});

test("loaded twice and added after load, <tft-matcher> still works: one definition, one frame per element", async () => {
  const { page, record, context } = await openPartner(sites);
  await openPartnerPage(page, sites);
  // A second copy of the loader under another address, so the module really runs twice (the same
  // address would be one module), as when two snippets or two versions meet on one page.
  await page.evaluate((url) => import(url), `${sites.baseUrl}embed/v1/tft-matcher.js?second-copy`);
  const late = await page.evaluate(() => {
    const m = document.createElement("tft-matcher");
    m.id = "late";
    m.setAttribute("theme", "dark");
    m.setAttribute("partner", "Late Arrivals Trust");
    const link = document.createElement("a");
    link.href = "https://example.org/";
    link.textContent = "fallback";
    m.append(link);
    document.querySelector("main").append(m);
    return document.querySelectorAll("tft-matcher iframe").length;
  });
  assert.equal(late, 2, "the late element made its frame straight away");
  const frame = await readyFrame(page, "#late");
  assert.equal(await frame.textContent("#embed-offered"), "Offered with Late Arrivals Trust");
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "dark");
  await page.waitForFunction(() => document.querySelector("#late > a").hidden);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll("tft-matcher")].map((m) => m.querySelectorAll("iframe").length).join()), "1,1");
  // Each frame's messages size only its own element.
  await page.waitForFunction(() => document.querySelector("#late iframe").style.height !== "");
  assert.deepEqual(record.pageErrors, [], "defining the element twice would throw here");
  assertOnlyReadyAndHeight(await heard(page), sites.siteOrigin);
  await context.close();
});

test("a bad option is ignored with a console warning and the matcher still starts", async () => {
  const { page, record, context } = await openPartner(sites);
  await openPartnerPage(page, sites);
  await page.evaluate(() => {
    const m = document.createElement("tft-matcher");
    m.id = "odd";
    for (const [k, v] of Object.entries({ theme: "purple", accent: "#ffcc00", directory: "https://evil.example/list.json", approach: "no-such-approach", partner: "Fine Name" }))
      m.setAttribute(k, v);
    document.querySelector("main").append(m);
  });
  const frame = await readyFrame(page, "#odd");
  assert.equal(await frame.textContent("#embed-offered"), "Offered with Fine Name");
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "light");
  const warned = record.warnings.filter((w) => w.startsWith("Time for Therapy embed:"));
  for (const name of ["theme", "accent", "directory", "approach"])
    assert.ok(warned.some((w) => w.includes(`ignored ${name}=`)), `a warning for ${name}: ${warned.join(" | ")}`);
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.consoleErrors, []);
  await context.close();
});

test("a main-site page refuses to be framed by the partner; the embed is allowed", async () => {
  const { page, context } = await openPartner(sites);
  await openPartnerPage(page, sites);
  // The same way of framing, for a main-site page and for the embed: what loads in each frame?
  const frameOf = async (id, path) => {
    await page.evaluate(
      ([frameId, url]) =>
        new Promise((loaded) => {
          const f = document.createElement("iframe");
          f.id = frameId;
          f.title = frameId;
          f.addEventListener("load", loaded, { once: true });
          f.src = url;
          document.body.append(f);
        }),
      [id, `${sites.baseUrl}${path}`],
    );
    return (await page.$(`#${id}`)).contentFrame();
  };
  const embed = await frameOf("embed-frame", "embed/v1/matcher.html");
  assert.equal(embed.url(), `${sites.baseUrl}embed/v1/matcher.html`, "the embed loads in the partner's frame");
  assert.equal(await embed.evaluate(() => document.getElementById("flow") !== null), true);
  // A refused page is replaced by the browser's own error page, on no origin of ours.
  for (const path of ["find.html", "index.html", "partners.html"]) {
    const refused = await frameOf(`main-${path.replace(".", "-")}`, path);
    assert.ok(!refused.url().startsWith(sites.baseUrl), `${path} rendered inside the partner's page (${refused.url()})`);
  }
  await context.close();
});

const stored = (where) =>
  where.evaluate(() => ({ local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort(), cookies: document.cookie }));

test("in the frame nothing is stored until the visitor opts in; then only under tft: in the frame's own partitioned storage, and Clear everything removes only that", async () => {
  // A browser with storage partitioning on, as visitors' browsers have it (embed-support.mjs).
  const { page, context, record } = await openPartner(sites, { width: 1280, partitioned: true });
  const frame = await openPartnerPage(page, sites);
  // Something else kept on the site's origin in this partition, which is not the matcher's to clear.
  await frame.evaluate(() => localStorage.setItem("someone-else", "kept"));
  const visitor = asPage(page, frame);
  await completeQuestionnaire(visitor, VISITOR);
  await showMatches(visitor);
  const save = frame.locator(".save-button").first();
  await save.click();
  assert.equal(await save.getAttribute("aria-pressed"), "true");
  assert.deepEqual(await stored(frame), { local: ["someone-else"], session: [], cookies: "" }, "saving alone stores nothing");
  // No offline copy either: the site's pages register a service worker, the frame must not.
  const offline = () => frame.evaluate(async () => ({ caches: await caches.keys(), workers: (await navigator.serviceWorker.getRegistrations()).length }));
  assert.deepEqual(await offline(), { caches: [], workers: 0 }, "no service worker or cache in the partner's partition");
  await frame.check("#remember-shortlist");
  assert.deepEqual(await stored(frame), { local: ["someone-else", "tft:shortlist"], session: [], cookies: "" });
  assert.match(await frame.evaluate(() => localStorage.getItem("tft:shortlist")), /^\["t-\d{6}"\]$/, "only the therapist's id");
  // Not in the partner's storage, and not in the site's own when visited directly: the frame's
  // storage is partitioned under the partner's site.
  assert.deepEqual(await stored(page), { local: [], session: [], cookies: "" });
  const direct = await context.newPage();
  await direct.goto(`${sites.baseUrl}privacy.html`);
  assert.deepEqual((await stored(direct)).local, []);
  await direct.close();

  await frame.click("#clear-everything");
  await frame.locator("#cleared-message").waitFor();
  assert.deepEqual(await stored(frame), { local: ["someone-else"], session: [], cookies: "" }, "Clear everything removed only the tft: keys");
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test("where the browser blocks the frame's storage (partitioning off, third-party storage blocked), the matcher still works and says the shortlist cannot be remembered", async () => {
  const { page, context, record } = await openPartner(sites, { width: 1280 });
  const frame = await openPartnerPage(page, sites);
  assert.equal(await frame.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), "SecurityError", "this browser blocks the frame's storage");
  const visitor = asPage(page, frame);
  await completeQuestionnaire(visitor, VISITOR);
  await showMatches(visitor);
  await frame.locator(".save-button").first().click();
  await frame.check("#remember-shortlist");
  await frame.waitForFunction(() => /blocking this site's storage/.test(document.getElementById("flow-status").textContent));
  assert.equal(await frame.locator(".save-button[aria-pressed=true]").count(), 1, "the shortlist still works in memory");
  await frame.click("#clear-everything");
  await frame.locator("#cleared-message").waitFor();
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.consoleErrors, []);
  await context.close();
});

for (const width of [360, 1280]) {
  test(`inside the frame at ${width} px: axe finds nothing on the start page, a question, the results and the dark theme; nothing scrolls sideways`, async () => {
    const { page, record, context } = await openPartner(sites, { width, height: 800 });
    const frame = await openPartnerPage(page, sites);
    const check = async (where) => {
      const violations = await axeViolations(frame);
      assert.equal(violations.length, 0, `${where} at ${width} px:\n${describeViolations(violations)}`);
      const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${where} at ${width} px scrolls sideways by ${overflow}px`);
    };
    await check("the start page");
    const visitor = asPage(page, frame);
    await completeQuestionnaire(visitor, VISITOR, {
      onPage: async (_, { id }) => {
        if (id === "concerns" || id === "location") await check(`the ${id} question`);
      },
    });
    await showMatches(visitor);
    await frame.locator(".match-card").first().waitFor();
    await check("the results");
    await screenshot(page, `embed-partner-results-${width}`);
    // The dark theme with a partner's own colour, added as a second element.
    await page.evaluate(() => {
      const m = document.createElement("tft-matcher");
      m.id = "dark";
      m.setAttribute("theme", "dark");
      m.setAttribute("accent", "purple");
      document.querySelector("main").append(m);
      m.scrollIntoView();
    });
    const dark = await readyFrame(page, "#dark");
    const violations = await axeViolations(dark);
    assert.equal(violations.length, 0, `dark theme at ${width} px:\n${describeViolations(violations)}`);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
    await context.close();
  });
}

test("a visitor at risk meets the same crisis contacts inside the frame as on find.html, first, and the partner still hears only ready and heights", async () => {
  const answers = { ...VISITOR, safety: "urgent" };
  const crisisLinks = (p) => p.$$eval("#flow a[href^='tel:'], #flow a[href^='sms:']", (as) => as.map((a) => a.getAttribute("href")));
  const onFindPage = await sites.browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: "block" });
  const findPage = await onFindPage.newPage();
  await findPage.goto(`${sites.baseUrl}find.html`);
  await findPage.waitForSelector("body[data-ready]", { timeout: LOADING_MS });
  let onFind = null;
  await completeQuestionnaire(findPage, answers, { onCrisis: async (p) => (onFind = await crisisLinks(p)) });
  await onFindPage.close();

  const { page, record, context } = await openPartner(sites, { width: 360, height: 780 });
  const frame = await openPartnerPage(page, sites);
  let inFrame = null;
  await completeQuestionnaire(asPage(page, frame), answers, {
    onCrisis: async (p) => {
      inFrame = await crisisLinks(p);
      const violations = await axeViolations(frame);
      assert.equal(violations.length, 0, `the crisis page in the frame:\n${describeViolations(violations)}`);
      await screenshot(page, "embed-partner-crisis-360");
    },
  });
  assert.ok(onFind?.length >= 2, `find.html's crisis page lists contacts: ${onFind}`);
  assert.deepEqual(inFrame, onFind, "the frame lists the same contacts, in the same order");
  assertOnlyReadyAndHeight(await heard(page), sites.siteOrigin);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});
