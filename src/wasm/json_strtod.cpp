// strtod for the WebAssembly module, without 128-bit soft float.
//
// nlohmann/json's lexer turns each JSON number with a fraction or an exponent into a double with
// std::strtod, and nothing else in the module calls it. musl's strtod computes in 128-bit long
// double, which WebAssembly only has as a software library; that and the scaling functions it
// pulls in were about 6.7 kB of the find page's gzipped module. This strtod is
// tft::decimal_to_double (src/core/decimal_to_double.h): correctly rounded, so every number reads
// to the same double as natively with glibc. docs/matching.md, "Module size".
//
// It reads the JSON number grammar only, which is all the lexer hands it (a token it has already
// checked). No leading spaces, "+", hexadecimal, "inf" or "nan": those read as no number (0, and
// *end = text). tests/node/json_strtod.test.mjs checks that the only callers in the core and in
// nlohmann/json's headers are the lexer's.
#include <cstring>

#include "core/decimal_to_double.h"

extern "C" double strtod(const char* text, char** end) {
  const tft::DecimalRead read = tft::decimal_to_double(std::string_view(text, std::strlen(text)));
  if (end != nullptr) *end = const_cast<char*>(text) + read.length;
  return read.value;
}

// libc++'s std::stof and std::stold (in the same archive member as much of std::string) name
// these two, and musl defines all three in one object file, so without them the linker would take
// musl's strtod too. Nothing calls them: a call stops the module rather than give a rounding of
// its own.
extern "C" float strtof(const char*, char**) {
  __builtin_trap();
}
extern "C" long double strtold(const char*, char**) {
  __builtin_trap();
}
