// printf's integer conversions, for the WebAssembly module's snprintf, in src/wasm/integer_snprintf.cpp.
//
// nlohmann/json formats a few integers through snprintf: "<U+%.4X>" in a parse error, "\u%04x" for
// a control character it writes. Emscripten's C library answers with musl's whole printf (its formatter,
// argument reader and wide-character code, about 3.5 kB of code), so the module's snprintf is this
// function instead: the same bytes as C's printf for the subset below, nothing else.
//
// A conversion is `%` [flags `-` `0`] [width] [`.` precision] [length `hh` `h` `l` `ll` `z` `j`
// `t`] then `d` `i` `u` `x` or `X`; `%%` is a percent sign. Any other conversion (floating point,
// strings, `*` widths, the `#` `+` and space flags) is refused: the result is -1 and `out` holds ""
// (when size > 0), where printf would have written something. tests/node/integer_snprintf.test.mjs
// checks every snprintf format compiled into the module is in the subset, and
// tests/unit/integer_format_test.cpp holds the output to the C library's.
#pragma once

#include <cstdarg>
#include <cstddef>

namespace tft {

// Like vsnprintf: writes at most size - 1 characters and a terminating NUL (nothing when size is
// 0), and returns the length the whole text would have, or -1 for a format outside the subset.
int format_integers(char* out, std::size_t size, const char* format, std::va_list args);

// Whether every conversion in `format` is in the subset above.
bool is_integer_format(const char* format);

}  // namespace tft
