// Reading a JSON number into the nearest double, without 128-bit floating point.
//
// The WebAssembly module's strtod (src/wasm/json_strtod.cpp) is this function: musl's strtod works
// in 128-bit long double, which WebAssembly has only in software, and that soft float was about
// 6.7 kB of the find page's gzipped module (docs/matching.md, "Module size"). The result is
// correctly rounded (nearest, ties to even) like glibc's strtod, so the module still reads every
// number exactly as the native build does; tests/unit/decimal_to_double_test.cpp holds the two to
// the same bits.
#pragma once

#include <cstddef>
#include <string_view>

namespace tft {

struct DecimalRead {
  double value = 0;
  // Bytes of `text` the number took; 0 when `text` does not start with one.
  std::size_t length = 0;
};

// Reads the JSON number (RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?) at the start of
// `text`, as long a one as the grammar allows. Beyond the largest double it is ±infinity; below
// half the smallest it is ±0. Any number of digits is exact: digits past the 800th only break ties.
DecimalRead decimal_to_double(std::string_view text);

}  // namespace tft
