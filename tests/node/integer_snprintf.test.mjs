// The WebAssembly module's snprintf writes integers only (src/wasm/integer_snprintf.cpp): it keeps
// printf's floating-point formatter out of the module. These tests check that nothing compiled into
// the module asks it for more, and that what nlohmann/json writes through it is native's bytes.
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

// The same rule as integer_snprintf.cpp's has_floating_point_conversion.
function hasFloatingPointConversion(format) {
  for (const m of format.matchAll(/%[#0\- +'.*1-9hljztL]*(.)/g)) if ("aAeEfFgG".includes(m[1])) return true;
  return false;
}

test("the float check reads printf conversions as printf does", () => {
  assert.equal(hasFloatingPointConversion("<U+%.4X>"), false);
  assert.equal(hasFloatingPointConversion("\\u%04x\\u%04x"), false);
  assert.equal(hasFloatingPointConversion("100%% sure"), false);
  assert.equal(hasFloatingPointConversion("%.*g"), true);
  assert.equal(hasFloatingPointConversion("%5.2f km"), true);
  assert.equal(hasFloatingPointConversion("%Lf"), true);
});

test("no snprintf compiled into the module asks for a floating-point conversion", () => {
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
    assert.equal(hasFloatingPointConversion(format), false, `${file}: "${format}"`);
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
