// Where the bytes of a WebAssembly module are: reads a module built with function names
// (TFT_WASM_FUNCTION_NAMES, which `./scripts/wasm-size --functions` sets), sums the code size of
// its functions by origin (nlohmann/json, libc++ sorts, printf, our core, ...) and prints a
// Markdown table, then the biggest functions. A program that prints numbers, not a test.
//
//   node scripts/wasm-breakdown.mjs build/bench/wasm-size/functions/wasm/tft-core.wasm [--top N]
//
// Names are C++ names as the compiler left them after inlining, so a function's bytes include
// whatever was inlined into it: bindings.cpp's entry points hold much of the core's loading code.
import fs from "node:fs";

const [file, ...rest] = process.argv.slice(2);
const top = rest[0] === "--top" ? Number(rest[1]) : 30;
const buf = fs.readFileSync(file);

// The module's sections (https://webassembly.github.io/spec/core/binary/modules.html).
let p = 8;
function leb() {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[p++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}
function skipLimits() {
  const flags = buf[p++];
  leb();
  if (flags & 1) leb();
}
let imported = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
while (p < buf.length) {
  const id = buf[p++];
  const size = leb();
  const end = p + size;
  if (id === 2) {
    for (let n = leb(), i = 0; i < n; i++) {
      // (not `p += leb()`: that reads p before leb() moves it past the length)
      for (let part = 0; part < 2; part++) {
        const length = leb(); // module name, then field name
        p += length;
      }
      const kind = buf[p++];
      if (kind === 0) {
        leb();
        imported++;
      } else if (kind === 1) {
        p++;
        skipLimits();
      } else if (kind === 2) skipLimits();
      else if (kind === 3) p += 2;
    }
  } else if (id === 10) {
    for (let n = leb(), i = 0; i < n; i++) {
      const start = p;
      const length = leb();
      p += length;
      bodies.push(p - start);
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0) {
    const nameLength = leb();
    const name = buf.subarray(p, p + nameLength).toString();
    p += nameLength;
    while (name === "name" && p < end) {
      const sub = buf[p++];
      const subEnd = leb() + p;
      if (sub === 1)
        for (let n = leb(), i = 0; i < n; i++) {
          const index = leb();
          const length = leb();
          names.set(index, buf.subarray(p, p + length).toString());
          p += length;
        }
      p = subEnd;
    }
  }
  p = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: build it with -DTFT_WASM_FUNCTION_NAMES=ON`);
  process.exit(1);
}

const notOurs = (n) => !/^(tft::|\(anonymous namespace\)::)/.test(n);
const origins = [
  ["nlohmann::json parse side: parser, lexer, SAX builder, std::map tree",
    (n) => notOurs(n) && /nlohmann/.test(n) && /basic_json<std::__2::map/.test(n) && !/^(byn\$mgfn-shared\$)?nlohmann::json_abi_v3_11_2::detail::serializer</.test(n)],
  ["nlohmann::json serializer", (n) => /^(byn\$mgfn-shared\$)?nlohmann::json_abi_v3_11_2::detail::serializer<nlohmann::json_abi_v3_11_2::basic_json<std::__2::map/.test(n)],
  ["nlohmann::ordered_json output: building and dump", (n) => notOurs(n) && /nlohmann/.test(n)],
  ["std::sort / stable_sort instantiations (one per comparator)",
    (n) => /^(void |bool |unsigned int |)std::__2::(__sort|__stable_sort|__inplace_merge|__insertion_sort|__buffered_inplace_merge|__merge_move|__half_inplace|__partial_sort|__nth_element|__floyd|__sift|__pop_heap|__make_heap)/.test(n)],
  ["Embind C++ side (type registration, std::string wire type)", (n) => /emscripten::|_embind_|__getTypeName/.test(n)],
  ["bindings.cpp entry points (core loaders and serialisers inlined)", (n) => /^\(anonymous namespace\)::/.test(n)],
  ["our core (src/core)", (n) => /tft::/.test(n.slice(0, 200))],
  ["printf family", (n) => /printf|fmt_fp|fmt_u|pop_arg|^frexp$|sn_write|__towrite|__stdio_write|__stdio_seek|^(out|pad|getint|wctomb)$/.test(n)],
  ["128-bit long double soft float (strtod, printf)",
    (n) => /tf[23]$|^__(multi3|ashlti3|lshrti3|floatsitf|floatunsitf|extenddftf2|trunctfdf2|letf2|getf2|eqtf2|netf2|unordtf2|fixtfsi)/.test(n)],
  ["strtod, strtol, scalbn, fmodl", (n) => /strto|scan|shgetc|shlim|decfloat|hexfloat|scanexp|copysign|scalbn|fmodl|mbrtowc/.test(n)],
  ["math: sin, cos, atan, round (distances)", (n) => /^(__rem_pio2|__sin|__cos|sin|cos|atan|atan2|round|lround|sqrt|R|floor|ceil|pow|log|exp)$/.test(n)],
  ["malloc (emmalloc)", (n) => /malloc|free|emmalloc|sbrk|memalign|realloc|calloc|compute_free_list|claim_more|attempt_|region|prepend_|unlink_from|validate_|^operator new/.test(n)],
  ["libc++abi: type_info, dynamic_cast, exceptions, abort", (n) => /__cxxabiv1|is_equal|abort|__cxa|update_offset_to_base/.test(n)],
  ["libc++ strings, vectors, maps, hash tables", (n) => /std::/.test(n)],
  ["libc memory and string functions", (n) => /^(mem|str|__mem|__str|is[a-z]+$)/.test(n)],
];
const sums = new Map([...origins.map(([o]) => [o, [0, 0]]), ["other", [0, 0]]]);
const rows = bodies.map((bytes, i) => [bytes, names.get(i + imported) ?? `function ${i + imported}`]);
for (const [bytes, name] of rows) {
  const origin = origins.find(([, test]) => test(name))?.[0] ?? "other";
  const sum = sums.get(origin);
  sum[0] += bytes;
  sum[1]++;
}
const code = rows.reduce((a, [bytes]) => a + bytes, 0);
const n = (x) => x.toLocaleString("en-GB");
let md = `${file}: ${n(buf.length)} bytes with names; code ${n(code)}, data ${n(dataBytes)}\n\n`;
md += "| origin | functions | code bytes | share |\n|---|---:|---:|---:|\n";
for (const [origin, [bytes, count]] of [...sums].sort((a, b) => b[1][0] - a[1][0]))
  if (count) md += `| ${origin} | ${count} | ${n(bytes)} | ${((100 * bytes) / code).toFixed(1)}% |\n`;
md += `| all code | ${rows.length} | ${n(code)} | |\n\nBiggest functions:\n\n`;
for (const [bytes, name] of rows.sort((a, b) => b[0] - a[0]).slice(0, top))
  md += `- ${n(bytes)} ${name.replace(/std::__2::basic_string<char, std::__2::char_traits<char>, std::__2::allocator<char> >/g, "std::string").slice(0, 140)}\n`;
process.stdout.write(md);
