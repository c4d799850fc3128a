// Every page renders untrusted text (the directory, the glossary, what the visitor types) with
// textContent and createElement. This fails if anything under web/ reaches for an HTML parser on
// a string: innerHTML, outerHTML, insertAdjacentHTML or document.write, even in a comment, so
// the rule stays visible and cannot creep back in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./support.mjs";

const FORBIDDEN = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?)\b/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test("nothing under web/ uses innerHTML, outerHTML, insertAdjacentHTML or document.write", () => {
  const web = join(root, "web");
  const checked = files(web).filter((f) => /\.(m?js|html)$/.test(f));
  assert.ok(checked.length > 5, "the web folder was found and read");
  const hits = [];
  for (const file of checked) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (FORBIDDEN.test(line)) hits.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(hits, []);
});

test("the pattern catches each forbidden call", () => {
  for (const bad of ["el.innerHTML = x", "a.outerHTML", "b.insertAdjacentHTML('beforeend', s)", "document.write(s)", "document.writeln(s)"])
    assert.match(bad, FORBIDDEN);
  assert.doesNotMatch("node.textContent = s; document.createElement('p')", FORBIDDEN);
});
