// Two origins for the partner embed tests (docs/embedding.md): the site on http://127.0.0.1:A
// (tests/browser/support.mjs) and the partner example on http://localhost:B, a different origin
// and a different site, as a real partner's page is. Records every request of the context and
// every message the partner's top-level page receives, before any of its scripts run.
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startPartnerExample } from "../../scripts/partner-example.mjs";
import { CHROMIUM_ARGS, launch, LOADING_MS } from "./support.mjs";
import { root } from "../node/support.mjs";

export async function launchTwoOrigins() {
  const site = await launch();
  const partner = await startPartnerExample({ root: join(root, "build", "partner-example"), port: 0, siteUrl: site.baseUrl });
  const partnerUrl = `http://localhost:${partner.address().port}/`;
  return {
    ...site,
    siteOrigin: new URL(site.baseUrl).origin,
    partnerUrl,
    partnerOrigin: new URL(partnerUrl).origin,
    // Browsers started by openPartner({ partitioned: true }). A test that fails before closing its
    // context leaves its browser running, and a live Chromium keeps this test file's process (and
    // so the whole node --test run) from ever ending; close() ends any that are left.
    ownBrowsers: new Set(),
    async close() {
      await Promise.all([...this.ownBrowsers].map((b) => b.close()));
      partner.closeAllConnections();
      await new Promise((ok) => partner.close(ok));
      await site.close();
    },
  };
}

// Runs in every frame before its scripts; records only in the partner's top-level page. A capture
// listener on window sees every message the page receives, whoever it is for.
function recordMessages() {
  if (window.top !== window) return;
  window.__heard = [];
  window.addEventListener(
    "message",
    (event) => {
      let text;
      try {
        text = JSON.stringify(event.data);
      } catch {
        text = `<not JSON: ${String(event.data)}>`;
      }
      window.__heard.push({ origin: event.origin, data: event.data, text, ports: event.ports.length });
    },
    true,
  );
}

const frameOf = (request) => {
  try {
    return request.frame();
  } catch {
    return null; // a worker's request, or a navigation before its frame exists
  }
};

/** A partner page context with recorders: {context, page, record, requests}. */
// playwright-core starts Chromium with storage partitioning switched off (--disable-features=
// ...,ThirdPartyStoragePartitioning,...), and then a frame on another site may store nothing at
// all. `partitioned` starts a browser of its own whose later --disable-features (the last one
// wins) leaves partitioning on, as in the browsers visitors use.
export async function openPartner(sites, { width = 1280, height = 900, javaScriptEnabled = true, partitioned = false } = {}) {
  // Service workers are allowed where storage is (a frame must not register one either).
  const options = { viewport: { width, height }, serviceWorkers: partitioned ? "allow" : "block", javaScriptEnabled };
  let context;
  if (partitioned) {
    const browser = await chromium.launch({
      executablePath: process.env.TFT_CHROMIUM || "/usr/bin/chromium",
      headless: true,
      args: [...CHROMIUM_ARGS, "--disable-features=HttpsUpgrades,MediaRouter,PaintHolding"],
    });
    sites.ownBrowsers.add(browser);
    browser.on("disconnected", () => sites.ownBrowsers.delete(browser));
    context = await browser.newContext(options);
    context.on("close", () => browser.close());
  } else context = await sites.browser.newContext(options);
  const page = context.pages()[0] ?? (await context.newPage());
  const record = { consoleErrors: [], warnings: [], cspViolations: [], pageErrors: [], failedResponses: [] };
  const requests = [];
  context.on("request", (r) =>
    requests.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() ?? "", topFrame: frameOf(r) === page.mainFrame() }),
  );
  page.on("response", (r) => {
    if (r.status() >= 400) record.failedResponses.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") record.consoleErrors.push(m.text());
    if (m.type() === "warning") record.warnings.push(m.text());
    if (/Content Security Policy/i.test(m.text())) record.cspViolations.push(m.text());
  });
  page.on("pageerror", (e) => record.pageErrors.push(String(e)));
  await context.addInitScript(recordMessages);
  return { context, page, record, requests };
}

/** Opens the partner example and returns the matcher's frame once its flow is ready. */
export async function openPartnerPage(page, sites, path = "") {
  await page.goto(`${sites.partnerUrl}${path}`);
  return readyFrame(page, "tft-matcher");
}

export async function readyFrame(page, elementSelector) {
  const handle = await page.waitForSelector(`${elementSelector} iframe`, { state: "attached" });
  const frame = await handle.contentFrame();
  await frame.waitForSelector("body[data-ready]", { timeout: LOADING_MS });
  return frame;
}

/**
 * The frame as the find-flow.mjs helpers expect a page: the frame's own methods, with the page's
 * keyboard (key presses go to whatever has focus, which may be inside the frame).
 */
export function asPage(page, frame) {
  return new Proxy(frame, {
    get(target, name) {
      if (name === "keyboard") return page.keyboard;
      const value = target[name];
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The messages the partner's page has received so far. */
export const heard = (page) => page.evaluate(() => window.__heard.map(({ origin, text, ports }) => ({ origin, text, ports })));

/** The iframe's height in CSS pixels as the partner's page lays it out. */
export const frameHeight = (page, selector = "tft-matcher iframe") =>
  page.evaluate((s) => document.querySelector(s).getBoundingClientRect().height, selector);
