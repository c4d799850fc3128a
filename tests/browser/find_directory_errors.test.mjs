// The page counts what the core counts. tests/fixtures/directory-with-invalid-entries.json holds
// eight entries: five valid (one of them not taking new clients) and three the directory loader
// refuses (a fee in words, an unknown gender, an unknown approach). Served in place of the sample
// directory, the page must say what the core decided: 4 therapists fit, 1 left out, and the three
// broken entries exist nowhere on the page, not even through a shortlist remembered from a visit
// when they were still in the file. Counting the file's raw entries instead would say 7.
//
// find.html reads the packed directory, which `tft pack` never writes from a file with errors
// (tests/unit/packed_directory_test.cpp); a directory JSON still reaches the page when a partner's
// embed names one from data/directories.json (docs/embedding.md), so the fixture is served that way:
// as a published directory named "fixture", opened by the embed page.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixturesDir } from "../node/support.mjs";
import { launch, LOADING_MS, openPage } from "./support.mjs";
import { assertCleanRecord, completeQuestionnaire, showMatches } from "./find-flow.mjs";

const FIXTURE = readFileSync(join(fixturesDir, "directory-with-invalid-entries.json"), "utf8");
const VALID = ["t-000101", "t-000102", "t-000103", "t-000104"]; // accepting new clients
const BROKEN = ["t-000106", "t-000107", "t-000108"];
// Only the required questions; every valid entry sees adults online and lists anxiety.
const ANSWERS = { who: "myself", age: "30", concerns: ["anxiety"], safety: "none", format: ["video"] };
const CATALOGUE = JSON.stringify({
  directories: [
    { name: "sample", label: "Every therapist in the sample directory (fictional)", file: "therapists.sample.json", default: true },
    { name: "fixture", label: "A fictional directory with three broken entries", file: "therapists.sample.json" },
  ],
});

let site;
before(async () => (site = await launch()));
after(async () => site?.close());

async function openWithFixture(options) {
  const opened = await openPage(site, options);
  // The worker fetches the directory; the context's route sees the worker's requests too.
  await opened.context.route("**/data/therapists.sample.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json; charset=utf-8", body: FIXTURE }),
  );
  await opened.context.route("**/data/directories.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json; charset=utf-8", body: CATALOGUE }),
  );
  return opened;
}

async function openEmbed(page) {
  await page.goto(`${site.baseUrl}embed/v1/matcher.html?directory=fixture`);
  await page.waitForSelector("body[data-ready]", { timeout: LOADING_MS });
}

test("with invalid entries in the directory, the results count only what the core passed", async () => {
  const { page, record, context } = await openWithFixture();
  await openEmbed(page);
  await completeQuestionnaire(page, ANSWERS);
  await showMatches(page);
  await page.locator(".match-card").first().waitFor();

  // All four list anxiety, so the sentence has no "N more fit but do not list it".
  assert.match(await page.textContent("#results-count"), /^4 therapists list .+ and fit what you told us\.$/);
  const shown = await page.locator(".save-button").evaluateAll((buttons) => buttons.map((b) => b.dataset.id));
  assert.deepEqual([...shown].sort(), VALID);
  assert.equal(await page.locator("#show-more").count(), 0, "every therapist who fits is already shown");
  assert.match(await page.textContent("#excluded-title"), /\(1\)/, "Eli, not taking new clients, is the one left out");
  const text = await page.textContent("#flow");
  for (const name of ["Fay Broken", "Gus Broken", "Hal Broken"]) assert.ok(!text.includes(name), `${name} is not shown`);
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});

test("a remembered shortlist is rebuilt from the entries the core loaded, never from the raw file", async () => {
  const { page, record, context } = await openWithFixture();
  await context.addInitScript(
    (ids) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("tft:shortlist", JSON.stringify(ids));
        sessionStorage.setItem("seeded", "1");
      }
    },
    [VALID[0], BROKEN[0], "t-000105", BROKEN[1]],
  );
  await openEmbed(page);
  assert.match(await page.textContent("#flow"), /You have 2 saved therapists/);
  await page.click("text=View your shortlist");
  const names = await page.locator(".shortlist__item").allTextContents();
  assert.equal(names.length, 2);
  assert.ok(names[0].includes("Ada Fixture") && names[1].includes("Eli Fixture"), names.join(" | "));
  assertCleanRecord(record, site.baseUrl);
  await context.close();
});
