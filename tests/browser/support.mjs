// Browser test harness: serves build/site with the real server (and so the real CSP), drives
// Debian's Chromium through playwright-core, and records every request, console error and CSP
// violation so tests can assert on them.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { root } from "../node/support.mjs";

export const siteDir = join(root, "build", "site");

// How long a test waits for a page, a question or the module's worker to be ready before it fails.
// CI runs the browser layer beside clang-tidy on two shared cores (scripts/test), where a first
// load can take many seconds; a wait for a state ends as soon as the state comes, so a long bound
// costs nothing when the page works.
export const LOADING_MS = 60000;
export const screenshotDir = join(root, "build", "screenshots");

// Flags that keep Chromium from calling Google's services on this closed network.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--metrics-recording-only",
  "--no-default-browser-check",
];

export async function launch() {
  const server = await startServer({ root: siteDir, port: 0 });
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.TFT_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    baseUrl,
    browser,
    async close() {
      await browser.close();
      // A connection still open (a failed test's page) would keep close() waiting for ever.
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}

// A fresh context and page with recorders attached. `width` defaults to a 1280 px desktop.
export async function openPage(site, { width = 1280, height = 900 } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, serviceWorkers: "block" });
  const page = await context.newPage();
  const record = { requests: [], consoleErrors: [], cspViolations: [], pageErrors: [], failedResponses: [] };
  page.on("response", (r) => {
    if (r.status() >= 400) record.failedResponses.push(`${r.status()} ${r.url()}`);
  });
  page.on("request", (r) =>
    record.requests.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() }),
  );
  page.on("console", (m) => {
    if (m.type() === "error") record.consoleErrors.push(m.text());
    if (/Content Security Policy/i.test(m.text())) record.cspViolations.push(m.text());
  });
  page.on("pageerror", (e) => record.pageErrors.push(String(e)));
  return { context, page, record };
}

// Full-page screenshots for a person to review (about 50 a run, 0.5-3 s each). CI (CI set, as
// .ci/run does) runs on a fresh clone nobody looks into, so there they are taken only when
// TFT_SCREENSHOTS=1 asks for them; no test reads them.
const takeScreenshots = !process.env.CI || process.env.TFT_SCREENSHOTS === "1";

export async function screenshot(page, name) {
  if (!takeScreenshots) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

// Types into a search box whose list is filled by asynchronous replies (the glossary search and
// the place box), then waits until the list answers the whole text: the list records the query it
// shows in data-query, so an earlier keystroke's reply can never be mistaken for the final one.
export async function typeAndSettle(page, box, text) {
  await box.focus();
  await page.keyboard.type(text);
  const list = page.locator(`#${await box.getAttribute("aria-controls")}`);
  await page.waitForFunction(([listEl, inputEl]) => listEl.dataset.query === inputEl.value, [
    await list.elementHandle(),
    await box.elementHandle(),
  ]);
}
