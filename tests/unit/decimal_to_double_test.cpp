// decimal_to_double (src/core/decimal_to_double.h) is the WebAssembly module's strtod, so glibc's
// strtod, correctly rounded, is the oracle: the same bits for every number, including the ones
// that are hard to round (halfway between two doubles, at the edges of the range, longer than the
// 800 digits the reader keeps).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/decimal_to_double.h"
#include "test_support.h"

namespace {

std::uint64_t bits_of(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

// The same bits as glibc, and the whole text read.
void check_like_strtod(const std::string& text) {
  const double expected = std::strtod(text.c_str(), nullptr);
  const tft::DecimalRead got = tft::decimal_to_double(text);
  INFO(text.substr(0, 120) << (text.size() > 120 ? "..." : "") << " (" << text.size() << " chars)");
  CHECK(got.length == text.size());
  CHECK(bits_of(got.value) == bits_of(expected));
}

std::string random_digits(tft::test::Xorshift64& r, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + r.below(10));
  return s;
}

}  // namespace

TEST_CASE("decimal_to_double: numbers known to be hard to round give glibc's bits", "[decimal]") {
  for (const char* text : {
           "0",
           "-0",
           "0.0",
           "1",
           "-1",
           "0.1",
           "0.2",
           "0.3",
           "1e23",
           "8.98846567431158e307",
           // 2^53 + 1 is halfway between two doubles: ties to the even one, below; 2^53 + 3 above.
           "9007199254740993",
           "9007199254740995",
           "9007199254740993.000000000000000000000001",
           // The largest double, the halfway point above it (rounds up to infinity) and beyond.
           "1.7976931348623157e308",
           "1.7976931348623158e308",
           "1.7976931348623159e308",
           "1e309",
           "1e400",
           "-1e400",
           "1e100000000000",
           // The smallest normal double and the denormals below it, down to half the smallest.
           "2.2250738585072014e-308",
           "2.2250738585072011e-308",
           "2.2250738585072012e-308",
           "4.9406564584124654e-324",
           "2.4703282292062328e-324",
           "2.4703282292062327e-324",
           "2."
           "4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799"
           "6189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051"
           "8443593180284993653615250031937045767824921936562366986365848075700158576926990370631192827955855"
           "1332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828"
           "1662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041"
           "6215968046191446729184030053005753084904876539171138659164623952491262365388187963623937328042389"
           "1018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324"
           "049705821028513185451396213837722826145437693412532098591327667236328125e-324",
           "1e-400",
           "1e-100000000000",
           "0.0000000000000000000000000000001e-300",
           // Every digit of a long fraction counts.
           "0.30000000000000004",
           "0.3000000000000000444089209850062616169452667236328125",
           "123456789012345678901234567890",
           "1.00000000000000011102230246251565404236316680908203125",
           "1.00000000000000011102230246251565404236316680908203124",
           "1.00000000000000011102230246251565404236316680908203126",
           // Within the exact fast path, and just outside it.
           "123456789012345e22",
           "123456789012345e-22",
           "1234567890123456e22",
           "123456789012345e23",
           "7e22",
           "7e-22",
           "9e-23",
           "4.5e15",
           "52.139",
           "-1.953",
           "0.25",
           "1E5",
           "1e+5",
           "1E-5",
       }) {
    check_like_strtod(text);
  }
}

TEST_CASE("decimal_to_double: random numbers of every size and exponent give glibc's bits", "[decimal]") {
  tft::test::Xorshift64 r;
  for (int i = 0; i < 100000; ++i) {
    std::string text = r.below(2) ? "-" : "";
    const int whole = r.below(20);
    text += whole == 0 ? "0" : std::to_string(1 + r.below(9)) + random_digits(r, whole - 1);
    if (r.below(2)) text += "." + random_digits(r, 1 + r.below(25));
    if (r.below(3))
      text += (r.below(2) ? "e" : "E") + std::string(r.below(2) ? "-" : "") + std::to_string(r.below(350));
    check_like_strtod(text);
  }
  // Long ones: hundreds of digits, some past the 800 the reader keeps.
  for (int i = 0; i < 400; ++i) {
    std::string text = std::to_string(1 + r.below(9)) + random_digits(r, r.below(30)) + "." +
                       random_digits(r, 100 + r.below(900)) + "e-" + std::to_string(r.below(360));
    check_like_strtod(text);
  }
}

TEST_CASE("decimal_to_double: exact halfway points tie to even, and one more digit anywhere breaks the tie",
          "[decimal]") {
  // x86-64's long double has 64 mantissa bits, so the midpoint of two neighbouring doubles is
  // exact in it, and glibc's printf writes it out in full.
  static_assert(std::numeric_limits<long double>::digits >= 64, "needs x86's 80-bit long double");
  tft::test::Xorshift64 r;
  for (int i = 0; i < 3000; ++i) {
    // Every exponent, normal and denormal (the smallest denormals' midpoints have 700+ digits).
    double x = 0;
    do {
      const std::uint64_t b = r.next() & 0x7FEFFFFFFFFFFFFFu;
      std::memcpy(&x, &b, sizeof x);
    } while (!std::isfinite(x));
    const long double mid = (static_cast<long double>(x) + std::nextafter(x, 2 * x + 1)) / 2;
    std::vector<char> buffer(1200);
    std::snprintf(buffer.data(), buffer.size(), "%.800Le", mid);
    std::string text = buffer.data();
    const std::size_t e = text.find('e');
    std::string digits = text.substr(0, e);
    while (digits.back() == '0') digits.pop_back();
    const std::string power = text.substr(e);
    check_like_strtod((digits.back() == '.' ? digits.substr(0, digits.size() - 1) : digits) + power);
    // Just above the midpoint: a 1 as the 10th digit after it, and as the 900th (past the 800 kept).
    check_like_strtod(digits + "000000001" + power);
    check_like_strtod(digits + std::string(900, '0') + "1" + power);
  }
}

TEST_CASE("decimal_to_double reads only what the JSON grammar allows", "[decimal]") {
  const auto read = [](const char* text) { return tft::decimal_to_double(text); };
  CHECK(read("1.5e3xyz").length == 5);
  CHECK(read("1.5e3xyz").value == 1500);
  CHECK(read("-0").length == 2);
  CHECK(std::signbit(read("-0").value));
  CHECK(read("01").length == 1);  // JSON has no leading zeros: "0" and then something else
  CHECK(read("1.").length == 1);  // a point needs a digit after it
  CHECK(read("1.e5").length == 1);
  CHECK(read("1e").length == 1);
  CHECK(read("1e+").length == 1);
  CHECK(read("2E-").value == 2);
  CHECK(read("").length == 0);
  CHECK(read("-").length == 0);
  CHECK(read(".5").length == 0);
  CHECK(read("+1").length == 0);
  CHECK(read(" 1").length == 0);
  CHECK(read("inf").length == 0);
  CHECK(read("0x10").length == 1);
}
