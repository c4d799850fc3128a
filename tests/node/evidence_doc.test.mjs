// docs/evidence.md lists every evidence tag for clinicians to review; this keeps it in step with
// data/glossary.json (scripts/generate-evidence-doc.mjs writes the tables).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MARKER, render, tagTables } from "../../scripts/generate-evidence-doc.mjs";
import { readData, root } from "./support.mjs";

const glossary = JSON.parse(readData("glossary.json"));
const concerns = JSON.parse(readData("concerns.json"));
const doc = readFileSync(join(root, "docs", "evidence.md"), "utf8");

test("docs/evidence.md lists exactly the tags in data/glossary.json", () => {
  assert.equal(doc, render(doc, glossary, concerns), "run: node scripts/generate-evidence-doc.mjs");
});

test("every tag appears in the document with its ages, model, evidence, recommendation and source", () => {
  const generated = doc.slice(doc.indexOf(MARKER));
  let rows = 0;
  for (const entry of glossary.entries)
    for (const tag of entry.concerns) {
      const section = generated.slice(generated.indexOf(`(\`${tag.id}\`)`));
      const body = section.slice(0, section.indexOf("\n### ") > 0 ? section.indexOf("\n### ") : undefined);
      const line = body.split("\n").find(
        (l) =>
          l.includes(`(\`${entry.slug}\`)`) &&
          l.includes(`| ${tag.evidence} | ${tag.recommendation} | ${tag.source} |`) &&
          l.includes(`| ${tag.model ?? ""} |`),
      );
      assert.ok(line, `${entry.slug} ${tag.id} ${JSON.stringify(tag.ages)}`);
      rows++;
    }
  assert.equal(generated.split("\n").filter((l) => /^\| .*\(`[a-z-]+`\) \|/.test(l)).length, rows);
});

test("the generator refuses a document without its marker rather than dropping the prose", () => {
  assert.throws(() => render("# no marker\n", glossary, concerns));
  assert.ok(tagTables(glossary, concerns).startsWith(MARKER));
});
