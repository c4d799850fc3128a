// The embed's options (web/js/embed-options.js): every value is checked against a closed list, a
// bad one is dropped with a warning that names it, and the rest still apply.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ACCENTS, THEMES, checkAccent, contrast, parseEmbedOptions } from "../../web/js/embed-options.js";

test("contrast follows the WCAG formula: black on white is 21:1, a colour on itself 1:1", () => {
  assert.equal(contrast("#000000", "#ffffff"), 21);
  assert.equal(contrast("#ffffff", "#000000"), 21);
  assert.equal(contrast("#777777", "#777777"), 1);
  // #767676 on white is the well-known lightest grey that passes 4.5:1; #777777 just fails.
  assert.ok(contrast("#767676", "#ffffff") >= 4.5);
  assert.ok(contrast("#777777", "#ffffff") < 4.5);
});

test("good options are all kept", () => {
  const { options, warnings } = parseEmbedOptions(
    "?partner=Oakfield%20Surgery&approach=cbt&concerns=anxiety,depression&directory=wales&theme=dark&accent=blue",
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(options, {
    theme: "dark",
    partner: "Oakfield Surgery",
    approach: "cbt",
    concerns: ["anxiety", "depression"],
    directory: "wales",
    accent: ACCENTS.blue.dark,
  });
});

test("no options gives the light theme and nothing else", () => {
  assert.deepEqual(parseEmbedOptions(""), { options: { theme: "light" }, warnings: [] });
});

test("every named accent is readable on both themes, by the same rule a partner's own colour meets", () => {
  for (const [name, shades] of Object.entries(ACCENTS)) {
    for (const theme of Object.keys(THEMES)) {
      const own = checkAccent(shades[theme], theme);
      assert.equal(own.error, undefined, `${name} on ${theme}: ${own.error}`);
      assert.equal(checkAccent(name, theme).colour, shades[theme]);
    }
  }
});

test("a partner's own colour is used only when it keeps 4.5:1 on the chosen theme", () => {
  assert.equal(parseEmbedOptions("accent=%23123456").options.accent, "#123456");
  assert.equal(parseEmbedOptions("accent=%23ABCDEF&theme=dark").options.accent, "#abcdef");
  const faint = parseEmbedOptions("accent=%23ffcc00");
  assert.equal(faint.options.accent, undefined);
  assert.match(faint.warnings[0], /^ignored accent="#ffcc00": #ffcc00 is too faint to read on the light theme \(contrast 1\.\d\d:1/);
  // Dark navy reads on white but not on the dark theme's surfaces.
  assert.equal(parseEmbedOptions("accent=%23102040").options.accent, "#102040");
  assert.equal(parseEmbedOptions("accent=%23102040&theme=dark").options.accent, undefined);
  for (const bad of ["red;background:url(x)", "%23fff", "rgb(0,0,0)", "%2300000", "%230000000", "javascript:alert(1)"]) {
    const { options, warnings } = parseEmbedOptions(`accent=${bad}`);
    assert.equal(options.accent, undefined, bad);
    assert.equal(warnings.length, 1, bad);
  }
});

test("each bad value is ignored with a warning naming it, and the good ones still apply", () => {
  const { options, warnings } = parseEmbedOptions(
    new URLSearchParams({
      theme: "purple",
      partner: "<img src=x onerror=alert(1)>",
      approach: "../cbt",
      concerns: "anxiety,Depression",
      directory: "https://evil.example/d.json",
      colour: "teal",
      accent: "green",
    }),
  );
  assert.deepEqual(options, { theme: "light", accent: ACCENTS.green.light });
  assert.deepEqual(
    warnings.map((w) => w.split(":")[0]),
    [
      'ignored theme="purple"',
      'ignored partner="<img src=x onerror=alert(1)>"',
      'ignored approach="../cbt"',
      'ignored concerns="anxiety,Depression"',
      'ignored directory="https',
      'ignored colour="teal"',
    ],
  );
});

test("a partner's name: letters of any language and everyday punctuation, up to 60 characters", () => {
  assert.equal(parseEmbedOptions("partner=Meddygfa%20Bro%20Ddyfi").options.partner, "Meddygfa Bro Ddyfi");
  assert.equal(parseEmbedOptions("partner=St%20Mary's%20(Leeds)%20%26%20Co.").options.partner, "St Mary's (Leeds) & Co.");
  assert.equal(parseEmbedOptions("partner=%20%20Two%20%20%20spaces%20").options.partner, "Two spaces");
  assert.equal(parseEmbedOptions(`partner=${"a".repeat(60)}`).options.partner, "a".repeat(60));
  for (const bad of ["a".repeat(61), "%20", "line%0Abreak", "say%20%22hi%22", "x%3Cy", "https://x.example/"]) {
    assert.equal(parseEmbedOptions(`partner=${bad}`).options.partner, undefined, bad);
  }
});

test("concerns: up to five ids, repeats dropped; an option given twice keeps the first", () => {
  assert.deepEqual(parseEmbedOptions("concerns=anxiety,%20anxiety,,ocd").options.concerns, ["anxiety", "ocd"]);
  const many = parseEmbedOptions("concerns=a,b,c,d,e,f");
  assert.equal(many.options.concerns, undefined);
  assert.match(many.warnings[0], /at most 5 concerns/);
  const twice = parseEmbedOptions("theme=dark&theme=light");
  assert.equal(twice.options.theme, "dark");
  assert.match(twice.warnings[0], /^ignored theme="light": given more than once/);
});
