// The WebAssembly module reads JSON numbers with its own strtod (src/wasm/json_strtod.cpp, over
// src/core/decimal_to_double.h) instead of musl's 128-bit soft-float one. These tests check that
// the lexer's call is the only one it has to serve, and that the module reads numbers to the same
// doubles as JavaScript does: both are correctly rounded, so every bit must agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadBundledCore, readFixture, root } from "./support.mjs";

const nlohmannDir = "/usr/include/nlohmann";

function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => /\.(cpp|h|hpp)$/.test(f))
    .map((f) => join(dir, f));
}

// Calls of the C and C++ functions that read a decimal number, outside comments.
const NUMBER_READERS = /\b(strtod|strtof|strtold|stod|stof|stold|atof)\s*\(/g;
function readerCalls(file) {
  const code = readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, ""))
    .join("\n");
  return [...code.matchAll(NUMBER_READERS)].map((m) => m[1]);
}

test("nlohmann's lexer is the only caller of strtod in the module, and only the double one is ours", () => {
  const ours = [...sourceFiles(join(root, "src", "core")), ...sourceFiles(join(root, "src", "wasm"))]
    .filter((f) => readerCalls(f).length)
    .map((f) => f.slice(root.length + 1));
  assert.deepEqual(ours, ["src/wasm/json_strtod.cpp"], "the core reads no decimal numbers itself");

  const theirs = sourceFiles(nlohmannDir).filter((f) => readerCalls(f).length);
  assert.deepEqual(
    theirs.map((f) => f.slice(nlohmannDir.length + 1)),
    ["detail/input/lexer.hpp"],
  );
  // The lexer picks strtof, strtod or strtold by the number type; the core's is double
  // (tft::ordered_json), the one json_strtod.cpp serves. The other two stop the module.
  const lexer = readFileSync(theirs[0], "utf8");
  assert.match(lexer, /static void strtof\(double& f, const char\* str, char\*\* endptr\) noexcept\s*\{\s*f = std::strtod\(str, endptr\);/);
  const jsonHeader = readFileSync(join(root, "src", "core", "json_input.h"), "utf8");
  assert.doesNotMatch(jsonHeader, /number_float_t|basic_json<[^>]*float/, "the core uses nlohmann's default double");
});

// A double in [32, 64) and the decimal text of the point exactly halfway to the next one up,
// with BigInt: doubles there are m × 2^-47, so the midpoint is (2m + 1) × 5^48 / 10^48.
function halfwayAbove(x) {
  const m = BigInt(x * 2 ** 47);
  const digits = ((2n * m + 1n) * 5n ** 48n).toString();
  return `${digits.slice(0, -48)}.${digits.slice(-48)}`;
}

// Latitudes (and longitudes) as text: long, random, and exact ties between two doubles.
function hardNumbers() {
  let x = 0x2545f491;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const digits = (n) => Array.from({ length: n }, () => next() % 10).join("");
  const out = [];
  for (let i = 0; i < 150; i++) {
    const whole = 50 + (next() % 8);
    out.push(`${whole}.${digits(1 + (next() % 40))}`);
    // Ties: the ones that round down to the even neighbour and the ones that round up to it.
    const base = whole + (next() % 1000000) / 1048576;
    out.push(halfwayAbove(base));
    out.push(`${halfwayAbove(base)}${"0".repeat(next() % 900)}1`);
    out.push(`${whole}${digits(3)}e-3`, `0.${"0".repeat(next() % 20)}${whole}${digits(25)}e${2 + (next() % 20)}`);
  }
  return out.filter((t) => Number(t) >= 49 && Number(t) <= 60);
}

test("the module reads long numbers and exact ties to JavaScript's doubles, bit for bit", async () => {
  // The bundled data and sample directory; the numbers' directory then replaces the sample.
  const core = await loadBundledCore();
  const texts = hardNumbers();
  assert.ok(texts.length > 500, `${texts.length} numbers`);
  const good = readFixture("directory-errors.json").good_therapist;
  const therapists = texts.map((t, i) => ({ ...good, id: `t-${String(i + 1).padStart(6, "0")}`, locations: [{ place: "Leeds", lat: `@${t}@`, lon: -1.55 }] }));
  // The numbers go in as written, not as JavaScript would write them back.
  const text = JSON.stringify({ fictional: true, therapists }).replace(/"@([0-9.e-]+)@"/g, "$1");
  assert.deepEqual(JSON.parse(core.loadDirectory("numbers.json", text)), []);
  const read = JSON.parse(core.therapists(therapists.map((t) => t.id).join("\n")));
  assert.equal(read.length, texts.length);
  // The module writes each double back as its shortest round-trip form, so parsing that gives the
  // exact double the module read.
  const wrong = texts.filter((t, i) => read[i].locations[0].lat !== Number(t));
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${texts.length} numbers read differently`);
});
