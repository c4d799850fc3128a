// The one text module (src/core/text.h): UTF-8 decoding, folding, case and the bounded edit
// distance, and the promise that search terms and place names fold every letter the same way.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "allocation_probe.h"
#include "core/places.h"
#include "core/text.h"
#include "core/text_normalise.h"

using namespace tft;

// Counts heap allocations from its creation (allocation_probe.h), so "allocates nothing" is
// measured, not promised.
namespace {
struct CountAllocations {
  std::size_t start = test::allocations_made();
  std::size_t count() const { return test::allocations_made() - start; }
};

std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// The single token search makes of `s` ("" when it makes none or several).
std::string search_fold(const std::string& s) {
  const auto tokens = tokenise(s);
  return tokens.size() == 1 ? tokens[0].text : "";
}
}  // namespace

TEST_CASE("ligatures and special letters are spelt out the same way in search and in place names", "[text]") {
  // The two folds used to disagree (æ → a for places, ae for search): one table now serves both.
  for (const char* word : {"Æthelred", "æble"}) {
    INFO(word);
    CHECK(search_fold(word).substr(0, 2) == "ae");
    CHECK(normalise_place_name(word).substr(0, 2) == "ae");
  }
  CHECK(search_fold("Straße") == "strasse");
  CHECK(normalise_place_name("Straße") == "strasse");
  CHECK(normalise_place_name("Þórsmörk") == "thorsmork");
  CHECK(normalise_place_name("Œuvre") == search_fold("Œuvre"));
  CHECK(normalise_place_name("Œuvre") == "oeuvre");
}

TEST_CASE("every Latin letter folds to the same ASCII for search and for places", "[text]") {
  int letters = 0;
  for (char32_t cp = 0xC0; cp <= 0x17F; ++cp) {
    const std::string folded(fold_latin(cp));
    if (folded.empty()) continue;  // × and ÷
    ++letters;
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(search_fold(utf8(cp)) == folded);
    CHECK(normalise_place_name(utf8(cp)) == folded);
    for (char c : folded) CHECK((c >= 'a' && c <= 'z'));
  }
  CHECK(letters == 0x17F - 0xC0 + 1 - 2);
}

TEST_CASE("fold_latin drops accents, lower-cases and spells out two-letter letters", "[text]") {
  CHECK(fold_latin(U'É') == "e");
  CHECK(fold_latin(U'ŵ') == "w");  // Welsh place names
  CHECK(fold_latin(U'Ł') == "l");
  CHECK(fold_latin(U'ß') == "ss");
  CHECK(fold_latin(U'þ') == "th");
  CHECK(fold_latin(U'œ') == "oe");
  CHECK(fold_latin(U'Ĳ') == "ij");
  CHECK(fold_latin(U'Q') == "q");
  CHECK(fold_latin(U'7') == "7");
  CHECK(fold_latin(U'×').empty());
  CHECK(fold_latin(U'-').empty());
  CHECK(fold_latin(U'ж').empty());  // other scripts are not Latin letters
}

TEST_CASE("UTF-8 decoding moves forward one byte on anything malformed and never reads past the end",
          "[text]") {
  const std::string mixed = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";  // a é ’ 😀
  std::size_t i = 0;
  CHECK(next_code_point(mixed, i) == U'a');
  CHECK(next_code_point(mixed, i) == U'é');
  CHECK(next_code_point(mixed, i) == U'’');
  CHECK(next_code_point(mixed, i) == U'😀');
  CHECK(i == mixed.size());
  CHECK(is_valid_utf8(mixed));
  for (const std::string& bad :
       {std::string("\x80"), std::string("\xC3"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
        std::string("\xF4\x90\x80\x80"), std::string("\xE2\x80")}) {
    std::size_t at = 0;
    CHECK(next_code_point(bad, at) == 0xFFFD);
    CHECK(at == 1);
    CHECK_FALSE(is_valid_utf8(bad));
  }
  CHECK(utf16_length(mixed) == 5);  // the emoji is two UTF-16 units
}

TEST_CASE("case helpers touch only ASCII letters and keep acronyms", "[text]") {
  CHECK(ascii_lower("ÉCOLE Ab-1") == "École ab-1");
  CHECK(lower_first("Anxiety or worry") == "anxiety or worry");
  CHECK(lower_first("ADHD") == "ADHD");
  CHECK(lower_first("Écoute") == "Écoute");
}

TEST_CASE("the bounded edit distance counts a swap as one edit and stops at the bound", "[text]") {
  CHECK(bounded_edit_distance("attachmnet", "attachment", 2) == 1);
  CHECK(bounded_edit_distance("leeds", "leeds", 0) == 0);
  CHECK(bounded_edit_distance("manchestr", "manchester", 1) == 1);
  CHECK(bounded_edit_distance("abc", "xyz", 1) == 2);  // over the bound: bound + 1
  CHECK(bounded_edit_distance("ab", "abcdef", 2) == 3);
  // Long place names work; past kMaxEditLength only equality counts.
  const std::string welsh = "llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
  CHECK(bounded_edit_distance(welsh, welsh.substr(0, welsh.size() - 1), 2) == 1);
  const std::string huge(kMaxEditLength + 1, 'x');
  CHECK(bounded_edit_distance(huge, huge, 1) == 0);
  CHECK(bounded_edit_distance(huge, huge.substr(1) + "y", 1) == 2);
}

TEST_CASE("the edit distance and the fold allocate nothing per call", "[text]") {
  const std::string a = "newcastle upon tyne", b = "newcastel upon tyne";
  int d = 0;
  std::size_t folded = 0, allocations = 0;
  {
    CountAllocations counter;
    for (int k = 0; k < 100; ++k) {
      d += bounded_edit_distance(a, b, 3);
      folded += fold_latin(U'æ').size();
    }
    allocations = counter.count();
  }
  CHECK(allocations == 0);
  CHECK(d == 100);
  CHECK(folded == 200);
}

// fixed_decimals replaces snprintf("%.*f") in the core (fees and distances), so snprintf is the
// oracle here: the C library rounds the exact binary value, ties to even.
TEST_CASE("fixed_decimals writes a number exactly as printf's %.Nf does", "[text]") {
  const auto printf_fixed = [](double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return std::string(buf);
  };
  // Exact binary ties (x.25, x.125: printf goes to the even digit), near-ties that are not exact
  // in binary (1.005 is 1.00499..., 1.015 is 1.01499...), carries into the whole part, zeros.
  const double cases[] = {0.0,        -0.0,  0.25,      0.75,  1.25,  2.25,     0.125, 0.375,
                          0.625,      1.005, 1.015,     2.675, 0.05,  0.95,     9.95,  9.995,
                          99.5,       0.5,   1.5,       2.5,   45.5,  12.345,   0.001, 1e-20,
                          123456.789, 4.35,  2.0 / 3.0, -1.25, -0.04, 1609.344, 0.3,   1e9 + 0.5};
  for (const double v : cases)
    for (int decimals = 0; decimals <= 3; ++decimals) {
      INFO(v << " with " << decimals << " decimals");
      CHECK(fixed_decimals(v, decimals) == printf_fixed(v, decimals));
    }
  // Distances and fees as the matcher computes them: every value a step of a hundredth or a
  // thousandth apart, and 20,000 pseudo-random values of every binary exponent in range.
  for (int i = 0; i <= 200000; i += 7) {
    const double v = i / 1000.0;
    REQUIRE(fixed_decimals(v, 1) == printf_fixed(v, 1));
    REQUIRE(fixed_decimals(v, 2) == printf_fixed(v, 2));
  }
  std::uint64_t x = 88172645463325252ull;  // xorshift64, a fixed sequence
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const double v = std::ldexp(static_cast<double>(x >> 11), static_cast<int>(x % 60) - 80);
    REQUIRE(fixed_decimals(v, 1) == printf_fixed(v, 1));
    REQUIRE(fixed_decimals(v, 2) == printf_fixed(v, 2));
  }
}

// The integer formatting that replaced the core's snprintf calls ("%04d-%02d-%02d" for dates,
// "U+%04X" and "\u%04x" for characters): values reasoned out first, then snprintf as the oracle.
TEST_CASE("zero_padded_decimal pads with zeros after the sign, as printf's %0Nd does", "[text]") {
  CHECK(zero_padded_decimal(0, 0) == "0");  // zero still has its one digit
  CHECK(zero_padded_decimal(0, 4) == "0000");
  CHECK(zero_padded_decimal(7, 2) == "07");
  CHECK(zero_padded_decimal(12, 2) == "12");
  CHECK(zero_padded_decimal(2026, 2) == "2026");  // wider than the width: never cut
  CHECK(zero_padded_decimal(1899, 4) == "1899");
  CHECK(zero_padded_decimal(-5, 3) == "-05");  // the sign counts in the width
  CHECK(zero_padded_decimal(-5, 1) == "-5");
  CHECK(zero_padded_decimal(-123, 2) == "-123");
  CHECK(zero_padded_decimal(9223372036854775807LL, 4) == "9223372036854775807");
  CHECK(zero_padded_decimal(-9223372036854775807LL - 1, 0) == "-9223372036854775808");
  char buf[32];
  for (long long v = -1100; v <= 1100; v += 3)
    for (int width = 0; width <= 5; ++width) {
      std::snprintf(buf, sizeof buf, "%0*lld", width, v);
      REQUIRE(zero_padded_decimal(v, width) == buf);
    }
}

TEST_CASE("zero_padded_hex writes hexadecimal digits as printf's %0Nx and %0NX do", "[text]") {
  CHECK(zero_padded_hex(0, 0, false) == "0");
  CHECK(zero_padded_hex(0, 4, false) == "0000");
  CHECK(zero_padded_hex(0x7f, 4, false) == "007f");
  CHECK(zero_padded_hex(0xabc, 1, false) == "abc");
  CHECK(zero_padded_hex(0xfffd, 4, true) == "FFFD");
  CHECK(zero_padded_hex(0x1f, 4, true) == "001F");
  CHECK(zero_padded_hex(0x10ffff, 4, true) == "10FFFF");  // past U+FFFF: six digits, never cut
  CHECK(zero_padded_hex(0xffffffffUL, 4, false) == "ffffffff");
  char buf[32];
  for (unsigned long v = 0; v <= 0x110000; v += 0x3f1)
    for (int width = 0; width <= 6; width += 2) {
      std::snprintf(buf, sizeof buf, "%0*lx", width, v);
      REQUIRE(zero_padded_hex(v, width, false) == buf);
      std::snprintf(buf, sizeof buf, "%0*lX", width, v);
      REQUIRE(zero_padded_hex(v, width, true) == buf);
    }
}

TEST_CASE("digits_value reads checked ASCII digits as a number", "[text]") {
  CHECK(digits_value("") == 0);
  CHECK(digits_value("0") == 0);
  CHECK(digits_value("09") == 9);  // a leading zero is not octal
  CHECK(digits_value("0042") == 42);
  CHECK(digits_value("2026") == 2026);
  CHECK(digits_value("2147483647") == 2147483647);
}
