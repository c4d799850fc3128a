// For Professionals: a therapist fills in their entry by keyboard, the C++ validator (WASM)
// reports problems against the right field as they go, they fix them, see their card, and the
// JSON they download is accepted by the native CLI's directory loader. Loaded files are checked,
// size-limited and shown as text only.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, LOADING_MS, openPage, screenshot } from "./support.mjs";
import { cliPath } from "../node/support.mjs";
import { axeViolations, describeViolations } from "./axe.mjs";
import { assertClean } from "./pages_support.mjs";

let site;
let tmp;
before(async () => {
  site = await launch();
  tmp = mkdtempSync(join(tmpdir(), "tft-pro-"));
});
after(async () => {
  await site?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function openForm(options) {
  const opened = await openPage(site, options);
  opened.dialogs = [];
  opened.page.on("dialog", (d) => {
    opened.dialogs.push(d.message());
    d.dismiss();
  });
  await opened.page.goto(`${site.baseUrl}professionals.html`);
  await opened.page.locator("#pro-form[data-ready]").waitFor({ timeout: LOADING_MS });
  return opened;
}

// Keyboard only: focus moves with Tab from the field before, or the test focuses the field as a
// screen-reader user would jump to it, then types or presses Space.
async function type(page, selector, text) {
  await page.focus(selector);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}
async function tick(page, selector) {
  await page.focus(selector);
  await page.keyboard.press("Space");
}
const summaryTexts = (page) => page.locator("#error-summary-list a").allTextContents();

test("a therapist fills the form by keyboard, fixes live errors, previews the card and downloads an entry the CLI accepts", async () => {
  const { page, record, context } = await openForm({ width: 360, height: 800 });
  assert.equal(await page.locator("#error-summary").isHidden(), true, "an untouched form shows no errors");

  await type(page, "#pro-name", "Morgan Testwell");
  assert.equal(await page.inputValue("#pro-id"), "t-morgan-testwell", "an id is suggested from the name");
  await type(page, "#pro-pronouns", "they/them");
  await tick(page, 'input[name=gender][value="non-binary"]');
  await page.focus("#pro-registration-1-body");
  await page.keyboard.press("ArrowDown"); // choose the first body from the list (BACP)
  await page.keyboard.press("Tab");
  await type(page, "#pro-registration-1-level", "accredited");
  await type(page, "#pro-registration-1-number", "FICTIONAL-0042");
  await tick(page, "#pro-approaches-cbt");
  await tick(page, "#pro-approaches-emdr");
  await tick(page, "#pro-concerns-anxiety");
  await tick(page, "#pro-concerns-trauma-ptsd");
  await tick(page, "#pro-clients-individuals");
  await type(page, "#pro-age-min", "18");
  await type(page, "#pro-age-max", "120");
  await tick(page, "#pro-formats-in-person");
  await tick(page, 'input[name=formats][value="video"]');
  await tick(page, "#pro-languages-en");

  // Fees the wrong way round: the C++ validator's error appears by the fees and in the summary,
  // worded as what to do (web/js/profile-messages.js).
  await type(page, "#pro-fee-min", "90");
  await type(page, "#pro-fee-max", "50");
  await page.locator("#pro-fees .field-error").waitFor();
  assert.match(await page.locator("#pro-fees .field-error").textContent(), /Your lowest fee must not be more than your highest fee/);
  assert.ok((await summaryTexts(page)).includes("Your lowest fee must not be more than your highest fee"));
  assert.equal(await page.locator("#error-summary").isVisible(), true);
  // A fee that is not a number is named too.
  await type(page, "#pro-fee-max", "lots");
  await page.locator("#pro-fee-max[aria-invalid=true]").waitFor();
  assert.match(await page.locator("#pro-fee-max-error").textContent(), /Enter your highest fee as a whole number of pounds, like 80/);
  assert.equal(await page.getAttribute("#pro-fee-max", "aria-describedby"), "pro-fee-max-error");
  await screenshot(page, "pages-professionals-errors-360");
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));

  await type(page, "#pro-fee-max", "120");
  await page.waitForFunction(() => document.querySelectorAll("#pro-fees .field-error").length === 0);
  assert.equal(await page.getAttribute("#pro-fee-max", "aria-invalid"), null);

  // Check the whole entry: in-person needs a location, and the summary links to it.
  await page.focus("#pro-check");
  await page.keyboard.press("Enter");
  await page.locator("#error-summary:focus").waitFor();
  const problems = await summaryTexts(page);
  assert.ok(problems.includes("Add the town or city where you see clients, because you offer sessions in person"), problems.join(" | "));
  assert.ok(problems.includes("Select when you usually have sessions"), problems.join(" | "));
  assert.ok(problems.includes("Select whether you are taking on new clients"), problems.join(" | "));
  assert.ok(problems.includes("Give at least one way for clients to contact you: an email address, a phone number or a website"), problems.join(" | "));
  // Following the summary link moves focus into that field's group.
  await page.locator("#error-summary-list a", { hasText: "Add the town or city" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.closest("#pro-locations") !== null), true);

  await page.focus("#pro-add-location");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "pro-location-1-place");
  await page.keyboard.type("Leeds");
  await page.waitForFunction(() => document.getElementById("pro-location-1-lat").value !== "");
  const lat = Number(await page.inputValue("#pro-location-1-lat"));
  assert.ok(lat > 53.7 && lat < 53.9, `Leeds' latitude filled from the places list: ${lat}`);
  await page.keyboard.press("Tab");
  await tick(page, 'input[name=availability][value="weekday-evening"]');
  await tick(page, "#pro-accepting-yes");
  await type(page, "#pro-bio", "I work with adults.\n\nSessions are 50 minutes.");

  // Contact details: each is checked as the directory loader checks it, and fixed in place.
  await type(page, "#pro-email", "morgan.testwell@example");
  await type(page, "#pro-website", "http://morgan.example.org");
  await page.locator("#pro-website[aria-invalid=true]").waitFor();
  assert.match(await page.locator("#pro-email-error").textContent(), /Enter an email address in the correct format, like name@example\.org/);
  assert.match(await page.locator("#pro-website-error").textContent(), /Enter a website address that starts with https:\/\//);
  await type(page, "#pro-email", "morgan.testwell@example.org");
  await type(page, "#pro-phone", "0113 496 0042");
  await type(page, "#pro-website", "https://morgan.example.org");
  await tick(page, "#pro-waiting-none");
  assert.match(await page.inputValue("#pro-updated"), /^\d{4}-\d{2}-\d{2}$/, "the confirmed date starts as today");

  await page.focus("#pro-check");
  await page.keyboard.press("Enter");
  await page.locator("#pro-download-status", { hasText: "no problems" }).waitFor();
  assert.equal(await page.locator("#error-summary").isHidden(), true);

  // The preview is the visitor's card.
  const card = page.locator("#pro-preview .therapist-card");
  assert.equal(await card.locator("h3").textContent(), "Morgan Testwell (they/them)");
  const cardText = await card.textContent();
  for (const needle of ["£90 to £120 per session", "Taking new clients", "BACP, accredited (number FICTIONAL-0042)", "In person in Leeds and video", "Anxiety or worry, trauma or PTSD", "English", "Weekday evenings", "morgan.testwell@example.org", "0113 496 0042", "morgan.example.org", "Can usually start straight away"])
    assert.ok(cardText.includes(needle), `card shows ${needle}: ${cardText}`);
  await screenshot(page, "pages-professionals-valid-360");

  // Download by keyboard; the file is the entry.
  await page.focus("#pro-download");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.equal(download.suggestedFilename(), "t-morgan-testwell.json");
  const entryPath = join(tmp, "entry.json");
  await download.saveAs(entryPath);
  const entry = JSON.parse(readFileSync(entryPath, "utf8"));
  assert.equal(entry.name, "Morgan Testwell");
  assert.deepEqual(entry.fees, { min: 90, max: 120, concessions: false, low_cost_places: false });
  assert.equal(entry.registrations[0].body, "BACP");
  assert.match(entry.registrations[0].checked, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(entry.contact, { email: "morgan.testwell@example.org", phone: "0113 496 0042", website: "https://morgan.example.org" });
  assert.equal(entry.waiting, "none");
  assert.match(entry.updated, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(await card.locator('a[href="tel:01134960042"]').count(), 1, "the phone number is a tel: link");

  // The native loader accepts it as a directory of one.
  const dirPath = join(tmp, "directory.json");
  writeFileSync(dirPath, JSON.stringify({ fictional: true, therapists: [entry] }));
  const cli = spawnSync(cliPath, ["validate", "--directory", dirPath], { encoding: "utf8" });
  assert.equal(cli.status, 0, `tft validate: ${cli.stdout}${cli.stderr}`);
  // And rejects it once broken the same way the form was: the two validators agree.
  writeFileSync(dirPath, JSON.stringify({ fictional: true, therapists: [{ ...entry, fees: { ...entry.fees, max: 50 } }] }));
  const broken = spawnSync(cliPath, ["validate", "--directory", dirPath], { encoding: "utf8" });
  assert.notEqual(broken.status, 0);
  assert.match(broken.stdout + broken.stderr, /\$\.therapists\[0\]\.fees: min is greater than max/);

  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], "nothing stored");
  assertClean(record, site.baseUrl);
  await context.close();
});

test("a hostile bio is shown as text, typed or loaded from a file", async () => {
  const { page, record, context, dialogs } = await openForm();
  const hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  await type(page, "#pro-name", "Sam <b>Bold</b>");
  await page.focus("#pro-bio");
  await page.keyboard.type(hostile);
  // The preview follows typing after a short pause; wait for it to catch up.
  const bio = page.locator("#pro-preview .therapist-card__bio");
  await page.waitForFunction((text) => document.querySelector("#pro-preview .therapist-card__bio")?.textContent === text, hostile);
  assert.equal(await bio.textContent(), hostile);
  assert.equal(await page.locator("#pro-preview h3").textContent(), "Sam <b>Bold</b>");
  assert.equal(await page.locator("#pro-preview img, #pro-preview script, #pro-preview b").count(), 0);

  const sample = JSON.parse(readFileSync(new URL("../../data/therapists.sample.json", import.meta.url), "utf8")).therapists[0];
  const file = { ...sample, bio: hostile, approaches: [...sample.approaches, "<img src=y onerror=alert(3)>"], "<svg onload=alert(4)>": 1 };
  await page.setInputFiles("#pro-file", { name: "<img src=z onerror=alert(5)>.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.locator("#pro-file-result li").first().waitFor();
  const result = await page.locator("#pro-file-result").textContent();
  assert.match(result, /<img src=z onerror=alert\(5\)>\.json/);
  assert.match(result, /unknown field/);
  assert.match(result, /unknown id "<img src=y onerror=alert\(3\)>"/);
  assert.equal(await page.inputValue("#pro-name"), sample.name);
  assert.equal(await page.locator("#pro-preview .therapist-card__bio").textContent(), hostile);
  assert.equal(await page.locator("main img, main svg, main script, main b").count(), 0);
  // No element was made from the markup, so no handler in it can fire later.
  assert.deepEqual(dialogs, [], "no script ran");
  assertClean(record, site.baseUrl);
  await context.close();
});

test("loading a sample entry fills every field and it checks clean; bad files get a clear message", async () => {
  const { page, record, context } = await openForm();
  const sample = JSON.parse(readFileSync(new URL("../../data/therapists.sample.json", import.meta.url), "utf8")).therapists[0];
  await page.setInputFiles("#pro-file", { name: "entry.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(sample)) });
  await page.locator("#pro-file-result", { hasText: "It has no problems" }).waitFor();
  // What the form gives back is the same entry (lists come back in the form's order).
  const roundTrip = await page.evaluate(async () => (await import("./js/profile-form.js")).readProfile(document.getElementById("pro-form")));
  const sorted = (t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Array.isArray(v) && typeof v[0] === "string" ? [...v].sort() : v]));
  assert.deepEqual(sorted(roundTrip), sorted(sample));

  await page.setInputFiles("#pro-file", { name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(70 * 1024, 32) });
  await page.locator("#pro-file-result", { hasText: "at most 64 KB" }).waitFor();
  await page.setInputFiles("#pro-file", { name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await page.locator("#pro-file-result", { hasText: "is not a JSON file we can read" }).waitFor();
  await page.setInputFiles("#pro-file", { name: "dir.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ fictional: true, therapists: [sample, sample] })) });
  await page.locator("#pro-file-result", { hasText: "whole directory with 2 entries" }).waitFor();

  // A file with problems puts each against its field, and the summary takes focus.
  const bad = { ...sample, registrations: [{ ...sample.registrations[0], number: "" }], ages: { min: 40, max: 20 } };
  await page.setInputFiles("#pro-file", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await page.locator("#error-summary:focus").waitFor();
  const problems = await summaryTexts(page);
  assert.ok(problems.includes("Enter your membership number, as it appears on the register"), problems.join(" | "));
  assert.ok(problems.includes("The youngest age must not be more than the oldest age"), problems.join(" | "));
  assert.equal(await page.getAttribute("#pro-registration-1-number", "aria-invalid"), "true");
  await screenshot(page, "pages-professionals-file-errors-1280");
  assertClean(record, site.baseUrl);
  await context.close();
});

test("the first load shows its progress and the page asks only for the site's own files", async () => {
  const { page, record, context } = await openPage(site);
  const statuses = [];
  await page.exposeFunction("__status", (t) => statuses.push(t));
  await page.addInitScript(() => {
    new MutationObserver(() => window.__status(document.getElementById("pro-status")?.textContent ?? "")).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${site.baseUrl}professionals.html`);
  await page.locator("#pro-form[data-ready]").waitFor({ timeout: LOADING_MS });
  assert.ok(statuses.some((s) => /Loading the checker/.test(s)), statuses.join(" | "));
  assert.match(await page.locator("#pro-status").textContent(), /ready/);
  assert.ok(!record.requests.some((r) => r.url.includes("therapists.sample.json")), "the directory is not needed here");
  assert.ok(record.requests.some((r) => r.url.endsWith(".wasm")));
  assertClean(record, site.baseUrl);
  await context.close();
});

// Issue #12, defect 11: a saved entry with 20,000 empty registrations froze this page for over
// 90 s, adding and renumbering every row. Rows past the validator's maximum are not added; the
// validator's own error, listed with the file's other problems, says how many the file had.
test("a file with 20,000 registrations loads at once, showing the limit", async () => {
  const { page, record, context } = await openForm();
  const sample = JSON.parse(readFileSync(new URL("../../data/therapists.sample.json", import.meta.url), "utf8")).therapists[0];
  const hostile = { ...sample, registrations: Array(20000).fill({}) };
  const buffer = Buffer.from(JSON.stringify(hostile));
  assert.ok(buffer.length < 64 * 1024, `${buffer.length} bytes fits the file limit`);
  await page.setInputFiles("#pro-file", { name: "hostile.json", mimeType: "application/json", buffer });
  await page.locator("#pro-file-result p").waitFor({ timeout: LOADING_MS });
  assert.equal(await page.locator("[data-row=registration]").count(), 8);
  // The form cannot show the rows it left out, so the file's own error is listed under the picker:
  // the core stops reading 20,000 objects in 60 KB (far more values than a file that size should
  // hold, the memory bound of docs/security.md) and names the place.
  const fileProblems = await page.locator("#pro-file-result li").allTextContents();
  assert.ok(fileProblems.some((p) => /^\$\.registrations\[\d+\]: the file holds more values than a file of its size should/.test(p)), fileProblems.join(" | "));
  assertClean(record, site.baseUrl);
  await context.close();
});
