// Untrusted text never becomes markup, whatever DOM API a future change reaches for. The find page
// is given a directory whose names, pronouns, places, registrations and bios hold markup, each
// piece carrying a marker (a data-planted attribute or a <tft-planted> element). A MutationObserver
// installed before any page script records every element that enters the document; no marked
// element may ever appear (not even for a moment), no planted handler may run, and the text must
// be shown as typed. Also: Chromium enforces the served policy (an inline script and eval are
// refused), so tests/node/csp_policy.test.mjs is reading the policy that really applies.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { launch, openPage } from "./support.mjs";
import { answerQuickly, openFind, resultsSettled } from "./find-flow.mjs";
import { root, runCli } from "../node/support.mjs";

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

const MARK = {
  // Within the loader's lengths: names 100, pronouns 30, places 100, registration levels 60.
  name: '<b data-planted="name">B</b><img src=x onerror=__planted=1 data-planted=img>',
  pronouns: '<i data-planted="pro">i</i>',
  place: '<u data-planted="place">u</u>',
  level: '<svg data-planted="level" onload="window.__planted=2"></svg>',
  bio: '<tft-planted data-planted="bio">x</tft-planted><script data-planted="bio-script">window.__planted=3</script>' +
    '\n\n<a href="javascript:window.__planted=4" data-planted="bio-link">link</a><iframe srcdoc="<p>x</p>" data-planted="bio-frame"></iframe>',
};

function hostileDirectory() {
  const directory = JSON.parse(readFileSync(join(root, "data", "therapists.sample.json"), "utf8"));
  for (const t of directory.therapists) {
    t.name = `${t.name.slice(0, 12)} ${MARK.name}`;
    t.pronouns = MARK.pronouns;
    for (const l of t.locations ?? []) l.place = `${l.place.slice(0, 20)} ${MARK.place}`;
    for (const r of t.registrations) r.level = MARK.level;
    t.bio = `${MARK.bio}\n\n${t.bio ?? ""}`.slice(0, 1400);
  }
  return JSON.stringify(directory);
}

// Runs before any page script: records every element entering the document (and any planted
// handler that runs), by whatever API put it there.
function watchForPlantedElements() {
  window.__plantedSeen = [];
  const check = (node) => {
    if (node.nodeType !== 1) return;
    for (const el of [node, ...node.querySelectorAll("*")])
      if (el.hasAttribute("data-planted") || el.localName === "tft-planted")
        window.__plantedSeen.push(`<${el.localName} data-planted=${el.getAttribute("data-planted")}>`);
  };
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(check))).observe(document, {
    childList: true,
    subtree: true,
  });
}

async function toResults(page) {
  await openFind(page, site.baseUrl);
  await answerQuickly(page);
  await page.click("#show-matches");
  await page.locator(".match-card").first().waitFor();
  // Every card, not only the first few the page adds at once.
  await resultsSettled(page);
}

test("markup in a directory's names, pronouns, places, registrations and bios is shown as text, never as elements", async () => {
  const { page, record, context } = await openPage(site, { width: 1280 });
  const served = [];
  // The worker fetches the published directory (docs/directory-format.md): publish the hostile one
  // with `tft pack` and serve its files instead; the context's route sees the worker's requests too.
  const tmp = mkdtempSync(join(tmpdir(), "tft-sinks-"));
  writeFileSync(join(tmp, "hostile.json"), hostileDirectory());
  const packed = runCli(["pack", "--out", join(tmp, "directory"), join(tmp, "hostile.json")]);
  assert.equal(packed.status, 0, packed.stderr);
  await context.route("**/directory/*", (route) => {
    const name = basename(new URL(route.request().url()).pathname);
    served.push(name);
    return route.fulfill({ status: 200, contentType: name.endsWith(".json") ? "application/json; charset=utf-8" : "application/octet-stream", body: readFileSync(join(tmp, "directory", name)) });
  });
  await context.addInitScript(watchForPlantedElements);
  await toResults(page);
  assert.ok(served.includes("directory.json") && served.some((f) => f.includes(".profiles-")), "the hostile directory was the one loaded");

  // Open every card's details, save three and compare them, so every view that shows these fields renders.
  for (const d of await page.locator("details.match-card__more").all()) await d.locator(":scope > summary").click();
  assert.ok((await page.locator("details.match-card__more[open]").count()) >= 3, "every card's full profile is open");
  const saves = page.locator(".save-button");
  assert.ok((await saves.count()) >= 3);
  const ids = [];
  for (let i = 0; i < 3; i++) {
    await saves.nth(i).click();
    ids.push(await saves.nth(i).getAttribute("data-id"));
  }
  for (const id of ids) await page.check(`#compare-${id}`);
  await page.click("#compare-button");
  await page.locator("#compare-table thead th").nth(2).waitFor();

  // The text is there as the directory wrote it...
  const text = await page.locator("main").innerText();
  for (const piece of ['<b data-planted="name">B</b>', '<i data-planted="pro">i</i>', '<tft-planted data-planted="bio">']) assert.ok(text.includes(piece), `shown as text: ${piece}`);
  // ...and never as elements, nor did anything planted run.
  const now = await page.evaluate(() => {
    const found = [];
    const scan = (rootNode) => {
      for (const el of rootNode.querySelectorAll("*")) {
        if (el.hasAttribute("data-planted") || el.localName === "tft-planted") found.push(el.localName);
        if (el.shadowRoot) scan(el.shadowRoot);
      }
    };
    scan(document);
    return { found, seen: window.__plantedSeen, ran: window.__planted ?? null, frames: document.querySelectorAll("iframe").length };
  });
  assert.deepEqual(now.seen, [], "elements made from the directory's text at some moment");
  assert.deepEqual(now.found, [], "elements made from the directory's text");
  assert.equal(now.ran, null, "a planted handler ran");
  assert.equal(now.frames, 0, "no frame was made");
  assert.deepEqual(record.cspViolations, [], "nothing even tried to run planted code");
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test("the watcher would see a planted element, whichever API inserts it", async () => {
  // Guards the guard: the same observer catches markup parsed by each HTML-parsing API. The site's
  // pages refuse every one of these APIs a string (Trusted Types, tests/browser/trusted_types.test.mjs),
  // so the observer is tried on a bare page of the same origin without that policy.
  const { page, context } = await openPage(site);
  await context.addInitScript(watchForPlantedElements);
  await context.route("**/__watcher.html", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>watcher</title><main></main>" }),
  );
  await page.goto(`${site.baseUrl}__watcher.html`);
  const seen = await page.evaluate(async (markup) => {
    const host = document.querySelector("main");
    const range = document.createRange();
    range.selectNodeContents(host);
    host.append(range.createContextualFragment(markup.replace("name", "fragment")));
    host.insertAdjacentHTML("beforeend", markup.replace("name", "adjacent"));
    const parsed = new DOMParser().parseFromString(markup.replace("name", "parser"), "text/html");
    host.append(...parsed.body.childNodes);
    const div = document.createElement("div");
    div.innerHTML = markup.replace("name", "inner");
    host.append(div);
    await new Promise((done) => requestAnimationFrame(done));
    return window.__plantedSeen.filter((s) => s.startsWith("<b "));
  }, MARK.name);
  assert.deepEqual(seen, ["<b data-planted=fragment>", "<b data-planted=adjacent>", "<b data-planted=parser>", "<b data-planted=inner>"]);
  await context.close();
});

test("Chromium enforces the served policy: an inline script and eval are refused", async () => {
  const { page, record, context } = await openPage(site);
  // A same-origin script (allowed) that tries eval (refused unless 'unsafe-eval' is granted).
  await context.route("**/__probe.js", (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript",
      body: "try { window.__evalResult = (0, eval)(\"'eval ran'\"); } catch (e) { window.__evalResult = e.name; }",
    }),
  );
  // Both scripts go in the page's own markup, served with its real headers: a script element made
  // from page code would be refused earlier, by Trusted Types, before CSP had its say.
  await context.route(`${site.baseUrl}index.html`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</head>", '<script src="__probe.js"></script><script>window.__inlineRan = true</script></head>');
    await route.fulfill({ response, body });
  });
  await page.goto(`${site.baseUrl}index.html`);
  await page.waitForFunction(() => window.__evalResult !== undefined);
  const inline = await page.evaluate(() => window.__inlineRan === true);
  assert.equal(inline, false, "an inline script ran");
  assert.equal(await page.evaluate(() => window.__evalResult), "EvalError", "eval ran");
  assert.ok(record.cspViolations.some((v) => /inline script/i.test(v)), `the inline script was reported: ${record.cspViolations}`);
  await context.close();
});
