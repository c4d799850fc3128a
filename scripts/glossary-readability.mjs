// How readable the glossary is: Flesch reading ease per entry and per section, and every sentence
// longer than the limit (docs/plain-english.md has the thresholds and why).
//
//   node scripts/glossary-readability.mjs [GLOSSARY.json [PAGES_DIR]]
//
// prints a table of every entry, worst first, then every problem: an entry below a threshold, a
// sentence over the limit, or a rendered page (build/site/glossary by default) that uses an
// acronym before spelling it out. Exits 1 when there is any problem.
//
// The counting comes from maintained libraries, not from this file: parse-english splits text into
// sentences and words (it knows "e.g." and "30.50" do not end a sentence), syllable counts
// syllables, flesch applies the formula. Acronyms such as "CBT" count as the library counts them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { flesch } from "flesch";
import { toString } from "nlcst-to-string";
import { ParseEnglish } from "parse-english";
import { syllable } from "syllable";

export const THRESHOLDS = {
  entry: 60, // Flesch reading ease of an entry's own sections taken together
  evidence: 50, // Flesch reading ease of an entry's evidence_summary
  sentenceWords: 30, // no sentence anywhere in the glossary longer than this
};

// The sections a visitor reads as prose, in page order. evidence_summary is measured on its own.
export const PLAIN_SECTIONS = ["summary", "how_it_works", "who_for", "session", "benefits", "faqs"];

// The text of one section as paragraphs: list items and FAQ answers each stand alone.
export function sectionText(entry, section) {
  const value = entry[section];
  if (section === "benefits") return value.join("\n\n");
  if (section === "faqs") return value.map((f) => `${f.q}\n\n${f.a}`).join("\n\n");
  return value;
}

const parser = new ParseEnglish();

// Sentences of a text, each as its list of words.
export function sentences(text) {
  const out = [];
  const visit = (node) => {
    if (node.type === "SentenceNode") {
      const words = node.children.filter((c) => c.type === "WordNode").map((w) => toString(w));
      if (words.length) out.push({ words, text: toString(node) });
      return;
    }
    for (const child of node.children || []) visit(child);
  };
  visit(parser.parse(text));
  return out;
}

// Flesch reading ease of a text, with the counts behind it.
export function readingEase(text) {
  const list = sentences(text);
  const word = list.reduce((n, s) => n + s.words.length, 0);
  const syllables = list.reduce((n, s) => n + s.words.reduce((m, w) => m + syllable(w), 0), 0);
  const score = word ? flesch({ sentence: list.length, word, syllable: syllables }) : 100;
  return { score, sentences: list.length, words: word, syllables, list };
}

// One entry's figures: its plain-text score (all PLAIN_SECTIONS together), each section's score,
// its evidence_summary score, and every sentence over the word limit (with the section it is in).
export function measureEntry(entry) {
  const sections = {};
  const long = [];
  for (const section of [...PLAIN_SECTIONS, "evidence_summary"]) {
    const r = readingEase(sectionText(entry, section));
    sections[section] = r;
    for (const s of r.list)
      if (s.words.length > THRESHOLDS.sentenceWords) long.push({ section, words: s.words.length, text: s.text });
  }
  const plain = readingEase(PLAIN_SECTIONS.map((s) => sectionText(entry, s)).join("\n\n"));
  return { slug: entry.slug, plain: plain.score, evidence: sections.evidence_summary.score, sections, long };
}

// Every entry measured, and which of them break a threshold.
export function measureGlossary(glossary) {
  const entries = glossary.entries.map(measureEntry);
  const failures = [];
  for (const e of entries) {
    if (e.plain < THRESHOLDS.entry)
      failures.push(`${e.slug}: reading ease ${e.plain.toFixed(1)} is below ${THRESHOLDS.entry}`);
    if (e.evidence < THRESHOLDS.evidence)
      failures.push(`${e.slug}: evidence_summary reading ease ${e.evidence.toFixed(1)} is below ${THRESHOLDS.evidence}`);
    for (const s of e.long) failures.push(`${e.slug}.${s.section}: ${s.words}-word sentence: "${s.text}"`);
  }
  return { entries, failures };
}

// Acronyms a page must spell out the first time it uses them (issue #9): NICE, CAMHS and the
// registers and professional bodies a visitor is told to check, each checked against its full
// name. Any other run of capitals on a glossary page must be in KNOWN_ACRONYMS or be defined in
// brackets where it first appears, so a new register cannot slip in unexplained.
export const SPELL_OUT = {
  NICE: "National Institute for Health and Care Excellence",
  CAMHS: "child and adolescent mental health services",
  BACP: "British Association for Counselling and Psychotherapy",
  UKCP: "UK Council for Psychotherapy",
  HCPC: "Health and Care Professions Council",
  BABCP: "British Association for Behavioural and Cognitive Psychotherapies",
  BPS: "British Psychological Society",
  BPC: "British Psychoanalytic Council",
  COSRT: "College of Sexual and Relationship Therapists",
  AFT: "Association for Family Therapy and Systemic Practice",
  NCPS: "National Counselling and Psychotherapy Society",
  BAAT: "British Association of Art Therapists",
  BAMT: "British Association for Music Therapy",
  BADth: "British Association of Dramatherapists",
  ADMP: "Association for Dance Movement Psychotherapy",
  BAPT: "British Association of Play Therapists",
  PTUK: "Play Therapy UK",
  ACP: "Association of Child Psychotherapists",
  ACAT: "Association for Cognitive Analytic Therapy",
  CNHC: "Complementary and Natural Healthcare Council",
  BAMBA: "British Association of Mindfulness-Based Approaches",
  ISST: "International Society of Schema Therapy",
  UKATA: "UK Association for Transactional Analysis",
  AREBT: "Association for Rational Emotive Behaviour Therapy",
  PSA: "Professional Standards Authority",
};

// Capitals that need no spelling out on a glossary page: everyday ones, the names of conditions
// the page explains in words, and the short names of the approaches themselves (each entry's
// page title gives its full name; the glossary's acronym aliases are added to this list).
export const KNOWN_ACRONYMS = new Set([
  "NHS", "GP", "GPs", "UK", "US", "A&E", "CBT", "PTSD", "OCD", "ADHD", "IBS", "LGBTQ", "COURAGE", "PACE", "EFT",
  "ICD", "II", "AN", "BN", "ED", "FT", "TF", "PCE", "ABC", "COBRA",
]);

const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#123;": "{" };

// The words a visitor reads in a page's <main>: tags and scripts removed, entities decoded, one
// paragraph per block.
export function visibleText(html) {
  const main = html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? html;
  // Each block (paragraph, list item, heading, summary) becomes its own paragraph, so a heading
  // or list item is never read as part of the sentence after it.
  return main
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<\/(p|li|h[1-6]|dt|dd|summary|td|th|figcaption)>|<br\s*\/?>/g, "\n\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|#123);/g, (m) => ENTITIES[m])
    .split(/\n\n+/)
    .map((block) => block.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

// Problems with acronyms in one page's visible text: a SPELL_OUT acronym whose first use does not
// have its full name right before it ("... Excellence (NICE)") or right after it ("NICE (the
// National ...)"), and any other capitals, not in KNOWN_ACRONYMS, whose first use is not a
// definition in brackets ("body dysmorphic disorder (BDD)").
export function acronymProblems(text, known = KNOWN_ACRONYMS) {
  const problems = [];
  const lower = text.toLowerCase().replaceAll("&", "and");
  for (const [acronym, full] of Object.entries(SPELL_OUT)) {
    const at = text.search(new RegExp(`(?<![\\w-])${acronym}(?![\\w-])`));
    if (at < 0) continue;
    const name = full.toLowerCase();
    const before = lower.slice(Math.max(0, at - name.length - 12), at);
    const after = lower.slice(at, at + acronym.length + name.length + 12);
    if (!before.includes(name) && !after.includes(name))
      problems.push(`${acronym} is used before it is spelled out ("${full}"): "…${text.slice(Math.max(0, at - 60), at + 20)}…"`);
  }
  // Any other acronym must be defined where it first appears, as "full name (ACR)".
  const seen = new Set();
  for (const m of text.matchAll(/(?<![\w-])[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*(?![\w-])/g)) {
    const word = m[0];
    if (word in SPELL_OUT || known.has(word) || seen.has(word)) continue;
    seen.add(word);
    const defined = text[m.index - 1] === "(" && text[m.index + word.length] === ")";
    if (!defined) problems.push(`unknown acronym ${word}: write "full name (${word})" where a page first uses it, or add it to KNOWN_ACRONYMS`);
  }
  return [...new Set(problems)];
}

// The known acronyms plus every acronym alias in the glossary ("CBT-E", "MBSR").
export function knownAcronyms(glossary) {
  const known = new Set(KNOWN_ACRONYMS);
  for (const e of glossary.entries)
    for (const a of e.aliases ?? []) for (const w of a.split(/[\s-]+/)) if (/[A-Z].*[A-Z]/.test(w)) known.add(w);
  return known;
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

// A table of every entry, worst plain-text score first, then the minimum and mean of each column.
export function report(measured) {
  const rows = [...measured.entries].sort((a, b) => a.plain - b.plain);
  const worstSection = (e) =>
    PLAIN_SECTIONS.map((s) => [s, e.sections[s].score]).reduce((a, b) => (b[1] < a[1] ? b : a));
  const lines = ["entry                       plain  evidence  worst section        longest sentence"];
  for (const e of rows) {
    const [section, score] = worstSection(e);
    const longest = Math.max(...Object.values(e.sections).flatMap((r) => r.list.map((s) => s.words.length)));
    lines.push(
      `${e.slug.padEnd(26)} ${e.plain.toFixed(1).padStart(6)} ${e.evidence.toFixed(1).padStart(9)}  ` +
        `${`${section} ${score.toFixed(1)}`.padEnd(20)} ${String(longest).padStart(3)} words`,
    );
  }
  const plain = rows.map((e) => e.plain);
  const evidence = rows.map((e) => e.evidence);
  lines.push(
    "",
    `${rows.length} entries. plain: min ${Math.min(...plain).toFixed(1)}, mean ${mean(plain).toFixed(1)} (threshold ${THRESHOLDS.entry}). ` +
      `evidence_summary: min ${Math.min(...evidence).toFixed(1)}, mean ${mean(evidence).toFixed(1)} (threshold ${THRESHOLDS.evidence}).`,
  );
  return lines.join("\n");
}

// Every acronym problem in a folder of rendered pages, as "page: problem" lines.
export function pageProblems(dir, known) {
  const out = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".html")).sort())
    for (const p of acronymProblems(visibleText(readFileSync(join(dir, name), "utf8")), known)) out.push(`${name}: ${p}`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const path = process.argv[2] || join(root, "data", "glossary.json");
  const pages = process.argv[3] || join(root, "build", "site", "glossary");
  const glossary = JSON.parse(readFileSync(path, "utf8"));
  const measured = measureGlossary(glossary);
  console.log(report(measured));
  const problems = [...measured.failures];
  if (existsSync(pages)) problems.push(...pageProblems(pages, knownAcronyms(glossary)));
  else console.log(`\n(no rendered pages in ${pages}: run ./scripts/build to check acronyms too)`);
  if (problems.length) {
    console.log(`\n${problems.length} problems:`);
    for (const f of problems) console.log(`  ${f}`);
    process.exitCode = 1;
  }
}
