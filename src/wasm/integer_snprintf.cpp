// snprintf for the WebAssembly module: printf's integer conversions only, written by the core
// (src/core/integer_format.h), so musl's printf is not linked at all.
//
// The core formats its own numbers (src/core/text.h) and never calls printf. nlohmann/json still
// calls snprintf, always with integer conversions: "<U+%.4X>" in its parse errors and "\u%04x"
// when it writes a control character in a string. Emscripten's C library would answer with the
// whole of musl's printf (its formatter, argument reader and wide-character code); Embind's "%p"
// for type names, the other caller, is replaced in bindings.cpp. A format outside the subset
// writes nothing and returns -1, snprintf's failure value; nothing in the module asks for one:
// tests/node/integer_snprintf.test.mjs checks every snprintf format in the core and in
// nlohmann/json's headers. See docs/matching.md, "Module size".
#include <cstdarg>
#include <cstddef>

#include "core/integer_format.h"

extern "C" int snprintf(char* out, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int written = tft::format_integers(out, size, format, args);
  va_end(args);
  return written;
}
