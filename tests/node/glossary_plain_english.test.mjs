// Plain English in the glossary (issue #9, docs/plain-english.md): Flesch reading ease per entry
// and per evidence summary, sentence length, and acronyms spelled out on the pages people read.
// The counts come from maintained libraries (scripts/glossary-readability.mjs says which); a
// failure prints the worst entries, so the fix starts where it matters most.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  THRESHOLDS,
  acronymProblems,
  knownAcronyms,
  measureGlossary,
  pageProblems,
  readingEase,
  report,
  visibleText,
} from "../../scripts/glossary-readability.mjs";
import { dataDir, readData, root, runCli } from "./support.mjs";

const glossary = JSON.parse(readData("glossary.json"));
const measured = measureGlossary(glossary);
const worst = (filter) =>
  `\n${report(measured)}\n\n${measured.failures.filter(filter).join("\n")}`;

let tmp;
before(() => (tmp = mkdtempSync(join(tmpdir(), "tft-plain-"))));
after(() => rmSync(tmp, { recursive: true, force: true }));

// The glossary pages as `tft site` writes them from a data folder (the bundled one by default).
function renderPages(data = dataDir) {
  const out = mkdtempSync(join(tmp, "site-"));
  const r = runCli(["site", "--out", out, "--data", data]);
  assert.equal(r.status, 0, r.stderr);
  return out;
}

test(`every entry reads at Flesch ${THRESHOLDS.entry} or more over its own sections`, () => {
  const low = measured.entries.filter((e) => e.plain < THRESHOLDS.entry).map((e) => e.slug);
  assert.deepEqual(low, [], worst((f) => /: reading ease/.test(f)));
});

test(`every evidence summary reads at Flesch ${THRESHOLDS.evidence} or more`, () => {
  const low = measured.entries.filter((e) => e.evidence < THRESHOLDS.evidence).map((e) => e.slug);
  assert.deepEqual(low, [], worst((f) => /evidence_summary reading ease/.test(f)));
});

test(`no sentence in the glossary is longer than ${THRESHOLDS.sentenceWords} words`, () => {
  const long = measured.entries.flatMap((e) => e.long.map((s) => `${e.slug}.${s.section}: ${s.words} words: ${s.text}`));
  assert.deepEqual(long, []);
});

test("every glossary page spells out NICE, CAMHS and each register the first time it uses them", () => {
  const problems = pageProblems(renderPages(), knownAcronyms(glossary));
  assert.deepEqual(problems, []);
});

test("the About the evidence page is plain English and spells out its acronyms", () => {
  const text = visibleText(readFileSync(join(root, "web", "about-evidence.html"), "utf8"));
  const ease = readingEase(text);
  assert.ok(ease.score >= THRESHOLDS.entry, `reading ease ${ease.score.toFixed(1)}`);
  assert.deepEqual(ease.list.filter((s) => s.words.length > THRESHOLDS.sentenceWords).map((s) => s.text), []);
  assert.deepEqual(acronymProblems(text), []);
});

// The checks themselves, against an entry made bad on purpose: if these pass, a bad entry fails.
test("a planted entry with long, dense sentences and an unexplained register is caught, by name", () => {
  const planted = structuredClone(glossary);
  const e = planted.entries.find((x) => x.slug === "gestalt");
  e.how_it_works =
    "Phenomenologically oriented psychotherapeutic methodologies, emphasising organismic self-regulation, " +
    "contemporaneous experiential awareness and dialogical relationality, characteristically facilitate " +
    "the integrative reorganisation of habitual intrapsychic configurations through carefully graduated " +
    "experimentation within the therapeutic relationship, which practitioners consider fundamentally transformative.";
  e.summary = "Therapists are usually registered with the UKCP, and sometimes with other bodies as well.";
  const m = measureGlossary(planted);
  assert.ok(m.failures.some((f) => f.startsWith("gestalt: reading ease")), m.failures.join("\n"));
  assert.ok(m.failures.some((f) => /^gestalt\.how_it_works: 3\d-word sentence/.test(f)), m.failures.join("\n"));

  // Rendered, the unexplained UKCP shows on the entry page and on the A to Z index (summaries).
  const data = join(tmp, "planted-data");
  mkdirSync(data);
  for (const f of readdirSync(dataDir)) if (f.endsWith(".json")) copyFileSync(join(dataDir, f), join(data, f));
  writeFileSync(join(data, "glossary.json"), JSON.stringify(planted));
  const problems = pageProblems(renderPages(data), knownAcronyms(planted));
  assert.ok(problems.some((p) => p.startsWith("gestalt.html: UKCP is used before it is spelled out")), problems.join("\n"));
  assert.ok(problems.some((p) => p.startsWith("index.html: UKCP is used before it is spelled out")), problems.join("\n"));
});

test("the acronym check accepts a full name on either side and flags capitals it does not know", () => {
  assert.deepEqual(acronymProblems("The National Institute for Health and Care Excellence (NICE) says. Then NICE."), []);
  assert.deepEqual(acronymProblems("NICE (the National Institute for Health and Care Excellence) says."), []);
  assert.equal(acronymProblems("NICE says so. Far later, a page may name the National Institute for Health and Care Excellence.").length, 1);
  assert.match(acronymProblems("Ask the XYZQ about it.")[0], /unknown acronym XYZQ/);
  assert.deepEqual(acronymProblems("A body dysmorphic disorder (BDD) clinic. Later, BDD again."), []);
});
