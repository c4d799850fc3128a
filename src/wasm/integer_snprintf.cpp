// snprintf for the WebAssembly module, without floating-point conversions.
//
// The core formats its own numbers (src/core/text.h) and never calls printf. nlohmann/json still
// calls snprintf, always with integer conversions only: "<U+%.4X>" in its parse errors and
// "\u%04x" when it writes a control character in a string. Emscripten's libc snprintf links
// printf's floating-point formatter (fmt_fp, about 3 kB of code) whatever the format, so this one
// forwards to vsniprintf, the same musl printf without it (Embind links that one anyway, for the
// "%p" of its type names). Integer conversions come out exactly as before.
//
// A format with a floating-point conversion (a, e, f, g) would reach a null formatter and stop
// the module, so such a format writes nothing and returns -1, snprintf's failure value, instead.
// Nothing in the module asks for one: tests/node/integer_snprintf.test.mjs checks every snprintf
// format in the core and in nlohmann/json's headers. See docs/matching.md, "Module size".
#include <cstdarg>
#include <cstddef>
#include <cstring>

extern "C" int vsniprintf(char* out, std::size_t size, const char* format, va_list args);

namespace {

// Whether `format` has a conversion printf's integer-only formatter cannot write.
bool has_floating_point_conversion(const char* format) {
  for (const char* p = std::strchr(format, '%'); p != nullptr; p = std::strchr(p, '%')) {
    ++p;
    while (*p != '\0' && std::strchr("#0- +'.*123456789hljztL", *p) != nullptr) ++p;
    if (*p != '\0' && std::strchr("aAeEfFgG", *p) != nullptr) return true;
    if (*p == '%') ++p;  // "%%" is a literal percent sign
  }
  return false;
}

}  // namespace

extern "C" int snprintf(char* out, std::size_t size, const char* format, ...) {
  if (has_floating_point_conversion(format)) {
    if (size > 0) out[0] = '\0';
    return -1;
  }
  va_list args;
  va_start(args, format);
  const int written = vsniprintf(out, size, format, args);
  va_end(args);
  return written;
}
