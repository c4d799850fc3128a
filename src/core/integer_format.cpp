#include "integer_format.h"

#include <cstdint>
#include <type_traits>

namespace tft {

namespace {

enum class Length { kInt, kChar, kShort, kLong, kLongLong, kSize, kMax, kPtrdiff };

struct Conversion {
  bool left = false;   // '-': pad on the right
  bool zeros = false;  // '0': pad with zeros after the sign (ignored with '-' or a precision)
  int width = 0;
  int precision = -1;  // -1: none given
  Length length = Length::kInt;
  char type = 0;  // d i u x X
};

// Past this a width or precision is refused rather than read (nothing asks for one).
constexpr int kMaxField = 4095;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A decimal field at p, moving p past it; false when it is over kMaxField.
bool read_field(const char*& p, int& value) {
  value = 0;
  while (is_digit(*p)) {
    value = value * 10 + (*p++ - '0');
    if (value > kMaxField) return false;
  }
  return true;
}

Length read_length(const char*& p) {
  switch (*p) {
    case 'h':
      ++p;
      if (*p == 'h') return ++p, Length::kChar;
      return Length::kShort;
    case 'l':
      ++p;
      if (*p == 'l') return ++p, Length::kLongLong;
      return Length::kLong;
    case 'z':
      return ++p, Length::kSize;
    case 'j':
      return ++p, Length::kMax;
    case 't':
      return ++p, Length::kPtrdiff;
    default:
      return Length::kInt;
  }
}

// The conversion after a '%' at p, moving p past it; false when it is outside the subset.
bool read_conversion(const char*& p, Conversion& c) {
  for (;; ++p) {
    if (*p == '-')
      c.left = true;
    else if (*p == '0')
      c.zeros = true;
    else
      break;
  }
  if (!read_field(p, c.width)) return false;
  if (*p == '.') {
    ++p;
    if (!read_field(p, c.precision)) return false;
  }
  c.length = read_length(p);
  c.type = *p;
  if (c.type != 'd' && c.type != 'i' && c.type != 'u' && c.type != 'x' && c.type != 'X') return false;
  ++p;
  return true;
}

// The argument as printf reads it for `c`: its magnitude, and whether it is negative.
// The switches below read long, long long and the size types apart although natively some are
// one type, which clang-tidy calls cloned branches: in WebAssembly long and size_t have 32 bits.
// NOLINTBEGIN(bugprone-branch-clone)
std::uint64_t read_argument(const Conversion& c, std::va_list* args, bool& negative) {
  negative = false;
  if (c.type == 'd' || c.type == 'i') {
    long long v = 0;
    switch (c.length) {
      case Length::kChar:
        // The low byte, sign-extended: what "hh" makes of the promoted int.
        v = ((va_arg(*args, int) & 0xff) ^ 0x80) - 0x80;
        break;
      case Length::kShort:
        v = static_cast<short>(va_arg(*args, int));
        break;
      case Length::kInt:
        v = va_arg(*args, int);
        break;
      case Length::kLong:
        v = va_arg(*args, long);
        break;
      case Length::kLongLong:
        v = va_arg(*args, long long);
        break;
      case Length::kMax:
        v = va_arg(*args, std::intmax_t);
        break;
      case Length::kSize:  // the signed type of size_t's width
      case Length::kPtrdiff:
        v = va_arg(*args, std::ptrdiff_t);
        break;
    }
    negative = v < 0;
    // Through unsigned arithmetic, so the most negative value has a magnitude too.
    return negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  }
  switch (c.length) {
    case Length::kChar:
      return static_cast<unsigned char>(va_arg(*args, unsigned));
    case Length::kShort:
      return static_cast<unsigned short>(va_arg(*args, unsigned));
    case Length::kInt:
      return va_arg(*args, unsigned);
    case Length::kLong:
      return va_arg(*args, unsigned long);
    case Length::kLongLong:
      return va_arg(*args, unsigned long long);
    case Length::kMax:
      return va_arg(*args, std::uintmax_t);
    case Length::kSize:
      return va_arg(*args, std::size_t);
    case Length::kPtrdiff:
      return static_cast<std::make_unsigned_t<std::ptrdiff_t>>(va_arg(*args, std::ptrdiff_t));
  }
  return 0;
}
// NOLINTEND(bugprone-branch-clone)

// Characters written so far: only the first size - 1 land in `out`, but all are counted.
struct Sink {
  char* out;
  std::size_t size;
  std::size_t length = 0;
  void put(char ch) {
    if (length + 1 < size) out[length] = ch;
    ++length;
  }
  void repeat(char ch, int n) {
    for (int i = 0; i < n; ++i) put(ch);
  }
};

void write_conversion(Sink& sink, const Conversion& c, std::uint64_t magnitude, bool negative) {
  const unsigned base = c.type == 'x' || c.type == 'X' ? 16 : 10;
  const char* digit_chars = c.type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  char digits[24];
  int count = 0;
  // A precision of zero writes no digit for zero.
  if (magnitude != 0 || c.precision != 0) {
    std::uint64_t v = magnitude;
    do {
      digits[count++] = digit_chars[v % base];
      v /= base;
    } while (v != 0);
  }
  const int sign = negative ? 1 : 0;
  const int precision_zeros = c.precision > count ? c.precision - count : 0;
  const int body = sign + precision_zeros + count;
  const int padding = c.width > body ? c.width - body : 0;
  const bool pad_with_zeros = c.zeros && !c.left && c.precision < 0;
  if (!c.left && !pad_with_zeros) sink.repeat(' ', padding);
  if (negative) sink.put('-');
  if (pad_with_zeros) sink.repeat('0', padding);
  sink.repeat('0', precision_zeros);
  while (count > 0) sink.put(digits[--count]);
  if (c.left) sink.repeat(' ', padding);
}

}  // namespace

int format_integers(char* out, std::size_t size, const char* format, std::va_list args) {
  std::va_list ap;
  va_copy(ap, args);
  Sink sink{out, size};
  bool refused = false;
  for (const char* p = format; *p != '\0' && !refused;) {
    if (*p != '%') {
      sink.put(*p++);
      continue;
    }
    ++p;
    if (*p == '%') {
      sink.put(*p++);
      continue;
    }
    Conversion c;
    if (!read_conversion(p, c)) {
      refused = true;
      break;
    }
    bool negative = false;
    const std::uint64_t magnitude = read_argument(c, &ap, negative);
    write_conversion(sink, c, magnitude, negative);
  }
  va_end(ap);
  if (refused) {
    if (size > 0) out[0] = '\0';
    return -1;
  }
  if (size > 0) out[sink.length < size ? sink.length : size - 1] = '\0';
  return static_cast<int>(sink.length);
}

bool is_integer_format(const char* format) {
  for (const char* p = format; *p != '\0';) {
    if (*p++ != '%') continue;
    if (*p == '%') {
      ++p;
      continue;
    }
    Conversion c;
    if (!read_conversion(p, c)) return false;
  }
  return true;
}

}  // namespace tft
