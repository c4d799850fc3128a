// The WebAssembly module's snprintf (src/core/integer_format.h) against the C library's own
// vsnprintf, the oracle: every supported conversion, flag, width, precision and length, random and
// edge values, truncation at every size, and refusal of everything outside the subset.
#include <catch2/catch.hpp>

#include <climits>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/integer_format.h"
#include "test_support.h"

namespace {

struct Printed {
  int result;
  std::string text;
};

// One call of `Format` (ours or the C library's) through a va_list, as snprintf makes it, into a
// buffer of `size` plus a guard byte that must stay untouched.
template <int (*Format)(char*, std::size_t, const char*, std::va_list)>
Printed printed(std::size_t size, const char* format, ...) {
  std::vector<char> buffer(size + 1, '#');
  va_list args;
  va_start(args, format);
  const int result = Format(buffer.data(), size, format, args);
  va_end(args);
  REQUIRE(buffer[size] == '#');
  return {result, size > 0 ? std::string(buffer.data()) : std::string()};
}

constexpr auto ours = printed<tft::format_integers>;
constexpr auto theirs = printed<::vsnprintf>;

// Both, with `value` passed as the type the format's length modifier names.
template <typename Call>
Printed with_typed_value(Call call, std::size_t size, const std::string& format, const std::string& length,
                         bool is_signed, std::uint64_t bits) {
  const char* f = format.c_str();
  const auto s = static_cast<std::int64_t>(bits);
  if (length == "l")
    return is_signed ? call(size, f, static_cast<long>(s)) : call(size, f, static_cast<unsigned long>(bits));
  if (length == "ll")
    return is_signed ? call(size, f, static_cast<long long>(s))
                     : call(size, f, static_cast<unsigned long long>(bits));
  if (length == "z") return call(size, f, static_cast<std::size_t>(bits));
  if (length == "j")
    return is_signed ? call(size, f, static_cast<std::intmax_t>(s))
                     : call(size, f, static_cast<std::uintmax_t>(bits));
  if (length == "t") return call(size, f, static_cast<std::ptrdiff_t>(s));
  // hh, h and none: the value is promoted to int; the conversion narrows it again.
  return is_signed ? call(size, f, static_cast<int>(s)) : call(size, f, static_cast<unsigned>(bits));
}

void require_same(const std::string& format, const std::string& length, bool is_signed, std::uint64_t bits,
                  std::size_t size) {
  INFO("format \"" << format << "\", value bits " << bits << ", size " << size);
  const auto call_ours = [](std::size_t n, const char* f, auto v) { return ours(n, f, v); };
  const auto call_theirs = [](std::size_t n, const char* f, auto v) { return theirs(n, f, v); };
  const Printed a = with_typed_value(call_ours, size, format, length, is_signed, bits);
  const Printed b = with_typed_value(call_theirs, size, format, length, is_signed, bits);
  CHECK(a.result == b.result);
  CHECK(a.text == b.text);
}

std::uint64_t edge_or_random(tft::test::Xorshift64& rng) {
  static const std::uint64_t edges[] = {0,
                                        1,
                                        9,
                                        10,
                                        15,
                                        16,
                                        127,
                                        128,
                                        255,
                                        256,
                                        32767,
                                        32768,
                                        65535,
                                        INT_MAX,
                                        static_cast<std::uint64_t>(INT_MAX) + 1,
                                        UINT_MAX,
                                        static_cast<std::uint64_t>(LLONG_MAX),
                                        static_cast<std::uint64_t>(LLONG_MAX) + 1,
                                        ~0ull,
                                        ~0ull - 1};
  const std::uint64_t pick = rng.next();
  if (pick % 3 == 0) return edges[(pick >> 8) % (sizeof edges / sizeof edges[0])];
  // Random magnitudes of every size, so short numbers are as common as long ones.
  return rng.next() >> (rng.next() % 64);
}

}  // namespace

TEST_CASE("integer conversions give the C library's text and length", "[integer_format]") {
  const char* flags[] = {"", "-", "0", "-0", "0-", "00"};
  const char* lengths[] = {"", "hh", "h", "l", "ll", "z", "j", "t"};
  const char types[] = {'d', 'i', 'u', 'x', 'X'};
  tft::test::Xorshift64 rng;
  for (int i = 0; i < 40000; ++i) {
    std::string format = (rng.next() % 2) ? "<" : "";
    format += '%';
    format += flags[rng.next() % 6];
    if (rng.next() % 2) format += std::to_string(rng.next() % 24);
    const auto precision = rng.next() % 4;
    if (precision == 1) format += ".";
    if (precision >= 2) format += "." + std::to_string(rng.next() % 24);
    const std::string length = lengths[rng.next() % 8];
    const char type = types[rng.next() % 5];
    format += length + type + ((rng.next() % 2) ? "%%>" : "");
    const bool is_signed = type == 'd' || type == 'i';
    require_same(format, length, is_signed, edge_or_random(rng), 64);
  }
}

TEST_CASE("integer conversions truncate like the C library at every buffer size", "[integer_format]") {
  for (const char* format : {"<U+%.4X>", "\\u%04x", "%-8d|", "%08.3i", "100%% %5u"}) {
    for (std::size_t size = 0; size < 20; ++size) {
      require_same(format, "", true, static_cast<std::uint64_t>(-42), size);
      require_same(format, "", false, 0x1f, size);
    }
  }
}

TEST_CASE("nlohmann's own formats, with two conversions in one", "[integer_format]") {
  for (unsigned c = 0; c < 0x20; ++c) {
    char a[16], b[16];
    std::snprintf(b, sizeof b, "<U+%.4X>", c);
    REQUIRE(ours(sizeof a, "<U+%.4X>", c).text == b);
  }
  const Printed pair = ours(13, "\\u%04x\\u%04x", 0xd83d, 0xde00);
  CHECK(pair.text == "\\ud83d\\ude00");
  CHECK(pair.result == 12);
  CHECK(ours(8, "%.2hhX", 0x1ab).text == "AB");
}

TEST_CASE("a format outside the integer subset is refused, writing nothing", "[integer_format]") {
  for (const char* format : {"%s", "%f", "%.*g", "%5.2f km", "%Lf", "%*d", "%#x", "%+d", "% d", "%c", "%p",
                             "%o", "%n", "%lld%", "%5000d", "%.5000d", "%qd"}) {
    INFO(format);
    CHECK_FALSE(tft::is_integer_format(format));
    const Printed p = ours(16, format, 1);
    CHECK(p.result == -1);
    CHECK(p.text.empty());
  }
  for (const char* format :
       {"<U+%.4X>", "\\u%04x\\u%04x", "%.2hhX", "100%% sure", "no conversion", "%-07.3lld"})
    CHECK(tft::is_integer_format(format));
}
