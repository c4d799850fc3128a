#include "decimal_to_double.h"

#include <cstdint>
#include <cstring>
#include <limits>

// Short numbers (at most 15 digits and a power of ten up to 22 either way) take one exact multiply
// or divide, correctly rounded by the hardware. The rest go through an exact decimal: the digits
// are multiplied and divided by powers of two, digit by digit, until the value is a 53-bit integer
// times a known power of two, which is then rounded once. Exact because a double's halfway points
// need at most 767 significant decimal digits to tell apart; 800 are kept, and whether anything
// non-zero was dropped after them is remembered for ties. docs/matching.md, "Module size".

namespace tft {
namespace {

constexpr int kMaxDigits = 800;
// A shift of up to 60 bits keeps `remainder * 10 + digit` within 64 bits.
constexpr int kMaxShift = 60;

// value = 0.digit[0] digit[1] ... digit[count - 1] × 10^point, no leading or trailing zeros.
struct Decimal {
  std::uint8_t digit[kMaxDigits];
  int count = 0;
  int point = 0;
  bool truncated = false;  // non-zero digits dropped after the last one kept
};

void trim(Decimal& d) {
  while (d.count > 0 && d.digit[d.count - 1] == 0) --d.count;
  if (d.count == 0) d.point = 0;
}

void append(Decimal& d, std::uint8_t digit) {
  if (d.count < kMaxDigits) {
    d.digit[d.count++] = digit;
  } else if (digit != 0) {
    d.truncated = true;
  }
}

// d /= 2^k, 0 < k <= kMaxShift.
void shift_right(Decimal& d, int k) {
  int read = 0;
  std::uint64_t n = 0;
  for (; (n >> k) == 0; ++read) {
    if (read >= d.count) {
      if (n == 0) {
        d.count = 0;
        return;
      }
      while ((n >> k) == 0) {
        n *= 10;
        ++read;
      }
      break;
    }
    n = n * 10 + d.digit[read];
  }
  d.point -= read - 1;
  const std::uint64_t mask = (std::uint64_t{1} << k) - 1;
  int write = 0;
  for (; read < d.count; ++read) {
    const std::uint8_t next = d.digit[read];
    d.digit[write++] = static_cast<std::uint8_t>(n >> k);
    n = (n & mask) * 10 + next;
  }
  d.count = write;
  while (n > 0) {
    append(d, static_cast<std::uint8_t>(n >> k));
    n = (n & mask) * 10;
  }
  trim(d);
}

// d *= 2^k, 0 < k <= kMaxShift: the product's digits from the last, into a buffer with room for
// the at most 19 new leading ones.
void shift_left(Decimal& d, int k) {
  std::uint8_t out[kMaxDigits + 20];
  int write = kMaxDigits + 20;
  std::uint64_t n = 0;
  for (int read = d.count - 1; read >= 0; --read) {
    n += std::uint64_t{d.digit[read]} << k;
    out[--write] = static_cast<std::uint8_t>(n % 10);
    n /= 10;
  }
  for (; n > 0; n /= 10) out[--write] = static_cast<std::uint8_t>(n % 10);
  const int digits = kMaxDigits + 20 - write;
  d.point += digits - d.count;
  d.count = 0;
  for (int i = 0; i < digits; ++i) append(d, out[write + i]);
  trim(d);
}

void shift(Decimal& d, int k) {
  for (; k > kMaxShift; k -= kMaxShift) shift_left(d, kMaxShift);
  for (; k < -kMaxShift; k += kMaxShift) shift_right(d, kMaxShift);
  if (k > 0) shift_left(d, k);
  if (k < 0) shift_right(d, -k);
}

// The integer part of d (d < 2^64), rounded to nearest, ties to even.
std::uint64_t rounded_integer(const Decimal& d) {
  std::uint64_t n = 0;
  int i = 0;
  for (; i < d.point && i < d.count; ++i) n = n * 10 + d.digit[i];
  for (; i < d.point; ++i) n *= 10;
  if (d.point < 0 || d.point >= d.count) return n;
  const std::uint8_t first = d.digit[d.point];
  const bool exactly_half = first == 5 && d.point + 1 == d.count && !d.truncated;
  if (exactly_half) return n + (n & 1);
  return n + (first >= 5 ? 1 : 0);
}

double from_bits(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// The powers of ten a double holds exactly (10^22 = 5^22 · 2^22, and 5^22 < 2^53), so a multiply or
// divide by one rounds only once.
constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The double nearest to a non-zero d, by the exact path.
double exact_to_double(Decimal& d) {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  if (d.point > 310) return kInfinity;
  if (d.point < -330) return 0;
  // Bits to shift by to move the decimal point past at least `n` digits (2^bits >= 10^n).
  constexpr int kBitsFor[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
  constexpr int kMostBits = 27;
  int exponent = 0;  // d × 2^exponent is the number read
  while (d.point > 0) {
    const int n = d.point < 9 ? kBitsFor[d.point] : kMostBits;
    shift(d, -n);
    exponent += n;
  }
  while (d.point < 0 || (d.point == 0 && d.digit[0] < 5)) {
    const int n = -d.point < 9 ? kBitsFor[-d.point] : kMostBits;
    shift(d, n);
    exponent -= n;
  }
  // Now 1/2 <= d < 1, so the number is (2d) × 2^(exponent - 1), 1 <= 2d < 2.
  --exponent;
  constexpr int kMinExponent = -1022;  // the smallest normal double is 2^-1022
  if (exponent < kMinExponent) {
    shift(d, exponent - kMinExponent);
    exponent = kMinExponent;
  }
  if (exponent > 1023) return kInfinity;
  shift(d, 53);
  std::uint64_t mantissa = rounded_integer(d);
  if (mantissa == std::uint64_t{1} << 53) {
    mantissa >>= 1;
    if (++exponent > 1023) return kInfinity;
  }
  const std::uint64_t biased = (mantissa >> 52) != 0 ? static_cast<std::uint64_t>(exponent + 1023) : 0;
  return from_bits((mantissa & ((std::uint64_t{1} << 52) - 1)) | (biased << 52));
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

DecimalRead decimal_to_double(std::string_view text) {
  std::size_t at = 0;
  const bool negative = at < text.size() && text[at] == '-';
  if (negative) ++at;
  if (at == text.size() || !is_digit(text[at])) return {};
  Decimal d;
  if (text[at] == '0') {
    ++at;
  } else {
    for (; at < text.size() && is_digit(text[at]); ++at, ++d.point)
      append(d, static_cast<std::uint8_t>(text[at] - '0'));
  }
  if (at + 1 < text.size() && text[at] == '.' && is_digit(text[at + 1])) {
    for (++at; at < text.size() && is_digit(text[at]); ++at) {
      if (d.count == 0 && text[at] == '0') {
        --d.point;  // a leading zero of the fraction
      } else {
        append(d, static_cast<std::uint8_t>(text[at] - '0'));
      }
    }
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    std::size_t digits = at + 1;
    const bool below = digits < text.size() && text[digits] == '-';
    if (digits < text.size() && (text[digits] == '-' || text[digits] == '+')) ++digits;
    if (digits < text.size() && is_digit(text[digits])) {
      // Saturates far beyond any double (a point past ±330 is already infinity or zero).
      int power = 0;
      for (at = digits; at < text.size() && is_digit(text[at]); ++at) {
        if (power < 100000) power = power * 10 + (text[at] - '0');
      }
      d.point += below ? -power : power;
    }
  }
  trim(d);
  double value = 0;
  const int scale = d.point - d.count;  // the number is the digits as an integer × 10^scale
  if (d.count == 0) {
    value = 0;
  } else if (d.count <= 15 && !d.truncated && scale >= -22 && scale <= 22) {
    double digits = 0;
    for (int i = 0; i < d.count; ++i) digits = digits * 10 + d.digit[i];
    value = scale >= 0 ? digits * kExactPowers[scale] : digits / kExactPowers[-scale];
  } else {
    value = exact_to_double(d);
  }
  return {negative ? -value : value, at};
}

}  // namespace tft
