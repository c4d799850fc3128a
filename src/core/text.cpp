#include "text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace tft {

namespace {

// The code point at s[i] and its length in bytes, or length 0 when s[i] does not start UTF-8.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned c = byte(i);
  len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return len = 0, 0xFFFD;
  char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return len = 0, 0xFFFD;
    cp = cp << 6 | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  static const char32_t kLeast[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kLeast[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return len = 0, 0xFFFD;
  return cp;
}

// The one folding table: Latin-1 Supplement (U+00C0..U+00FF), upper and lower case on the same
// row, so the fold also lower-cases. "" for × and ÷, which are not letters.
const std::string_view kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF

// Latin Extended-A (U+0100..U+017F) by runs of letters that share a base letter.
struct Run {
  char32_t first, last;
  std::string_view base;
};
const Run kExtendedA[] = {
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"},  {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
    {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x149, "n"}, {0x14A, 0x14B, "n"},  {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"},  {0x168, 0x173, "u"}, {0x174, 0x175, "w"},
    {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};

constexpr std::string_view kAsciiLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kDigits = "0123456789";

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& i) {
  std::size_t len = 0;
  const char32_t cp = decode(s, i, len);
  i += len ? len : 1;
  return cp;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0, len = 0; i < s.size(); i += len) {
    decode(s, i, len);
    if (len == 0) return false;
  }
  return true;
}

std::size_t utf16_length(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {  // ASCII, most of the text: no decoding
      ++n, ++i;
      continue;
    }
    n += next_code_point(utf8, i) >= 0x10000 ? 2 : 1;
  }
  return n;
}

std::string_view fold_latin(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return kAsciiLower.substr(cp - 'a', 1);
  if (cp >= 'A' && cp <= 'Z') return kAsciiLower.substr(cp - 'A', 1);
  if (cp >= '0' && cp <= '9') return kDigits.substr(cp - '0', 1);
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  for (const Run& r : kExtendedA)
    if (cp >= r.first && cp <= r.last) return r.base;
  return {};
}

char ascii_lower(char c) {
  return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string lower_first(std::string_view s) {
  std::string out(s);
  if (out.size() >= 2 && !is_ascii_upper(out[1])) out[0] = ascii_lower(out[0]);
  return out;
}

int bounded_edit_distance(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  if (a.size() > kMaxEditLength || b.size() > kMaxEditLength) return a == b ? 0 : max_distance + 1;
  // Three rows, rotated rather than copied (search tries thousands of words a query); only the
  // first m + 1 cells of a row are ever written or read, and row i - 2 only from row 2 on.
  std::array<std::array<int, kMaxEditLength + 1>, 3> rows;
  int* prev2 = rows[0].data();
  int* prev = rows[1].data();
  int* cur = rows[2].data();
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    if (edit_distance_row(a, static_cast<std::size_t>(i), b, prev2, prev, cur) > max_distance)
      return max_distance + 1;
    int* const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m] <= max_distance ? prev[m] : max_distance + 1;
}

int edit_distance_row(std::string_view a, std::size_t i, std::string_view b, const int* prev2,
                      const int* prev, int* cur) {
  cur[0] = static_cast<int>(i);
  int row_min = cur[0];
  for (std::size_t j = 1; j <= b.size(); ++j) {
    const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
    int v = std::min(std::min(prev[j], cur[j - 1]) + 1, prev[j - 1] + cost);
    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
    cur[j] = v;
    row_min = std::min(row_min, v);
  }
  return row_min;
}

std::string fixed_decimals(double v, int decimals) {
  std::string out;
  if (std::signbit(v)) {
    out += '-';
    v = -v;
  }
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // v = mantissa × 2^-shift exactly (mantissa has 53 bits), so v × scale = mantissa × scale / 2^shift,
  // and mantissa × scale < 2^63 fits: the rounding below is on the exact value, as printf's is.
  int exponent = 0;
  const double fraction = std::frexp(v, &exponent);  // v = fraction × 2^exponent, fraction in [0.5, 1)
  const auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
  const int shift = 53 - exponent;
  std::uint64_t units = 0;  // v × scale rounded to a whole number
  if (shift <= 0) {
    units = (mantissa << -shift) * scale;  // v ≥ 2^53 is whole already
  } else if (shift < 64) {
    const std::uint64_t product = mantissa * scale;
    units = product >> shift;
    const std::uint64_t rest = product & ((std::uint64_t{1} << shift) - 1);
    const std::uint64_t half = std::uint64_t{1} << (shift - 1);
    if (rest > half || (rest == half && (units & 1) != 0)) ++units;
  }  // else v < 2^-11, and v × scale < 0.5 rounds to 0
  out += std::to_string(units / scale);
  if (decimals > 0) {
    const std::string digits = std::to_string(units % scale);
    out += '.';
    out.append(static_cast<std::size_t>(decimals) - digits.size(), '0');
    out += digits;
  }
  return out;
}

std::string zero_padded_decimal(long long v, int width) {
  // Digits of the magnitude as unsigned, so the most negative long long has one too.
  unsigned long long magnitude =
      v < 0 ? 0 - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
  std::string digits;
  do {
    digits += static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  std::string out = v < 0 ? "-" : "";
  if (static_cast<int>(out.size() + digits.size()) < width)
    out.append(static_cast<std::size_t>(width) - out.size() - digits.size(), '0');
  out.append(digits.rbegin(), digits.rend());
  return out;
}

std::string zero_padded_hex(unsigned long v, int width, bool upper) {
  const char* numerals = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string digits;
  do {
    digits += numerals[v % 16];
    v /= 16;
  } while (v != 0);
  if (static_cast<int>(digits.size()) < width)
    digits.append(static_cast<std::size_t>(width) - digits.size(), '0');
  return std::string(digits.rbegin(), digits.rend());
}

int digits_value(std::string_view digits) {
  int v = 0;
  for (const char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace tft
