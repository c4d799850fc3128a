// The WebAssembly module's snprintf writes printf's integer conversions only (src/wasm/integer_snprintf.cpp,
// src/core/integer_format.h): it keeps musl's printf out of the module. These tests check that
// nothing compiled into the module asks it for more, and that what nlohmann/json writes through it
// is native's bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCore, readFixture, root, runCli } from "./support.mjs";

// The header directory CMakeLists.txt links the nlohmann headers from.
const nlohmannDir = "/usr/include/nlohmann";

function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => /\.(cpp|h|hpp)$/.test(f))
    .map((f) => join(dir, f));
}

// Every snprintf call's format (its first string literal), with the file it is in.
function snprintfFormats(files) {
  const formats = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const call of text.matchAll(/\bsnprintf\)?\s*\(/g)) {
      const literal = text.slice(call.index, call.index + 400).match(/"((?:[^"\\\n]|\\.)*)"/);
      formats.push({ file, format: literal ? literal[1] : null });
    }
  }
  return formats;
}

// The same subset as integer_format.h: `%%`, or flags - and 0, a width, a precision, a length
// (hh h l ll z j t) and one of d i u x X.
function isIntegerFormat(format) {
  for (let i = format.indexOf("%"); i !== -1; i = format.indexOf("%", i)) {
    const m = /^%(?:%|[-0]*\d*(?:\.\d*)?(?:hh|h|ll|l|z|j|t)?[diuxX])/.exec(format.slice(i));
    if (!m) return false;
    i += m[0].length;
  }
  return true;
}

test("the subset check reads printf conversions as printf does", () => {
  assert.equal(isIntegerFormat("<U+%.4X>"), true);
  assert.equal(isIntegerFormat("\\u%04x\\u%04x"), true);
  assert.equal(isIntegerFormat("%.2hhX"), true);
  assert.equal(isIntegerFormat("100%% sure"), true);
  assert.equal(isIntegerFormat("%.*g"), false);
  assert.equal(isIntegerFormat("%5.2f km"), false);
  assert.equal(isIntegerFormat("%Lf"), false);
  assert.equal(isIntegerFormat("%s"), false);
  assert.equal(isIntegerFormat("%*d"), false);
  assert.equal(isIntegerFormat("%#x"), false);
  assert.equal(isIntegerFormat("50%"), false);
});

test("every snprintf compiled into the module asks only for integer conversions", () => {
  const ours = snprintfFormats([...sourceFiles(join(root, "src", "core")), ...sourceFiles(join(root, "src", "wasm"))]);
  // The core formats numbers itself (text.h); only integer_snprintf.cpp names snprintf.
  assert.deepEqual(
    ours.map((c) => c.file.slice(root.length + 1)),
    ["src/wasm/integer_snprintf.cpp"],
    "snprintf in the core",
  );
  const theirs = snprintfFormats(sourceFiles(nlohmannDir));
  assert.ok(theirs.some((c) => c.format === "<U+%.4X>"), "nlohmann's lexer format was found");
  for (const { file, format } of theirs) {
    assert.notEqual(format, null, `a snprintf without a literal format in ${file}`);
    // dump_float's "%.*g" is only for a number type that is not an IEEE double; ours is double,
    // which nlohmann writes with its own to_chars.
    if (file.endsWith("serializer.hpp") && format === "%.*g") continue;
    assert.equal(isIntegerFormat(format), true, `${file}: "${format}"`);
  }
});

test("nlohmann's control-character escapes in a parse error are native's bytes", async () => {
  const core = await loadCore();
  const good = readFixture("directory-errors.json").good_therapist;
  // A raw U+0001 in a string is not JSON: nlohmann's lexer names it as <U+0001> in the error.
  const text = JSON.stringify({ fictional: true, therapists: [good] }).replace('"name":"', '"name":"Sam\u0001');
  const wasm = JSON.parse(core.loadDirectory("fixture.json", text)).map((e) => e.text);
  const dir = mkdtempSync(join(tmpdir(), "tft-snprintf-"));
  writeFileSync(join(dir, "fixture.json"), text);
  const cli = runCli(["validate", "--directory", join(dir, "fixture.json")]);
  assert.equal(cli.status, 1);
  const native = cli.stderr.trim().split("\n").slice(0, -1).map((l) => l.replace(dir + "/", ""));
  assert.equal(wasm.length, 1);
  assert.match(wasm[0], /<U\+0001>/);
  assert.deepEqual(wasm, native);
});
