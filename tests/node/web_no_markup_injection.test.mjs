// Every page renders untrusted text (the directory, the glossary, what the visitor types) with
// textContent and createElement. This fails if anything under web/ reaches for an HTML parser on
// a string: innerHTML, outerHTML, insertAdjacentHTML, document.write, createContextualFragment,
// DOMParser, setHTMLUnsafe or srcdoc, even in a comment, so the rule stays visible and cannot creep
// back in. This is the quick check; tests/browser/sinks.test.mjs watches the DOM itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./support.mjs";

const FORBIDDEN = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|DOMParser|setHTMLUnsafe|parseHTMLUnsafe|srcdoc)\b/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test("nothing under web/ parses a string as HTML (innerHTML, insertAdjacentHTML, createContextualFragment, DOMParser...)", () => {
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
  for (const bad of ["el.innerHTML = x", "a.outerHTML", "b.insertAdjacentHTML('beforeend', s)", "document.write(s)", "document.writeln(s)",
    "document.createRange().createContextualFragment(s)", "new DOMParser().parseFromString(s, 'text/html')", "el.setHTMLUnsafe(s)", "frame.srcdoc = s"])
    assert.match(bad, FORBIDDEN);
  assert.doesNotMatch("node.textContent = s; document.createElement('p')", FORBIDDEN);
});
