// The JSON writer (src/core/json_text.h) against the oracle it replaces, nlohmann's own
// dump(indent, ' ', false, error_handler_t::replace): strings of arbitrary bytes (every one- and
// two-byte string, and every string up to four bytes over the bytes where UTF-8's rules change),
// doubles of every class, integers at their limits, and generated trees, compact and indented.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/json_text.h"
#include "test_support.h"

namespace {

using nlohmann::ordered_json;

std::string theirs(const ordered_json& v, bool pretty) {
  return v.dump(pretty ? 2 : -1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string ours(const ordered_json& v, bool pretty) {
  std::string out;
  tft::append_json_text(out, v, pretty);
  return out;
}

std::string quoted(const std::string& s) {
  std::string out;
  tft::append_json_string(out, s);
  return out;
}

// Bytes on each side of every boundary in UTF-8's table of well-formed sequences, and the
// characters JSON escapes.
const std::vector<unsigned char>& boundary_bytes() {
  static const std::vector<unsigned char> bytes = {
      0x00, 0x08, 0x1F, 0x20, '"',  '\\', 'a',  0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
      0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  return bytes;
}

double random_double(tft::test::Xorshift64& rng) {
  switch (rng.below(6)) {
    case 0: {  // any bit pattern: NaNs, infinities, subnormals and huge exponents among them
      const std::uint64_t bits = rng.next();
      double d = 0;
      std::memcpy(&d, &bits, sizeof d);
      return d;
    }
    case 1:
      return static_cast<double>(rng.below(2000001) - 1000000) / 100.0;  // money, distances
    case 2:
      return 49.0 + rng.uniform() * 12.0;  // a latitude in the UK
    case 3:
      return static_cast<double>(static_cast<std::int64_t>(rng.next() >> rng.below(64)));
    case 4:
      return std::ldexp(rng.uniform(), rng.below(2100) - 1075);
    default:
      return static_cast<double>(rng.below(100001)) / 1000.0;  // a search score
  }
}

std::string random_bytes(tft::test::Xorshift64& rng) {
  std::string s;
  const int n = rng.below(12);
  const auto& edge = boundary_bytes();
  static const char* const kWords[] = {"caf\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x99\x82", "therapy",
                                       "\xCE\xA9"};
  for (int i = 0; i < n; ++i) {
    switch (rng.below(4)) {
      case 0:
        s += static_cast<char>(edge[static_cast<std::size_t>(rng.below(static_cast<int>(edge.size())))]);
        break;
      case 1:
        s += static_cast<char>(rng.below(256));
        break;
      case 2:
        s += kWords[rng.below(5)];
        break;
      default:
        s += static_cast<char>(' ' + rng.below(95));
        break;
    }
  }
  return s;
}

ordered_json random_value(tft::test::Xorshift64& rng, int depth) {
  switch (rng.below(depth > 0 ? 9 : 7)) {
    case 0:
      return nullptr;
    case 1:
      return rng.below(2) == 1;
    case 2: {
      static const std::int64_t kEdges[] = {
          0,   -1, 1, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
          -10, 9,  10};
      if (rng.below(2) == 0) return kEdges[rng.below(8)];
      return static_cast<std::int64_t>(rng.next()) >> rng.below(64);
    }
    case 3: {
      if (rng.below(3) == 0) return std::numeric_limits<std::uint64_t>::max();
      return rng.next() >> rng.below(64);
    }
    case 4:
    case 5:
      return random_double(rng);
    case 6:
      return random_bytes(rng);
    case 7: {
      ordered_json list = ordered_json::array();
      for (int n = rng.below(5); n > 0; --n) list.push_back(random_value(rng, depth - 1));
      return list;
    }
    default: {
      ordered_json object = ordered_json::object();
      for (int n = rng.below(5); n > 0; --n) object[random_bytes(rng)] = random_value(rng, depth - 1);
      return object;
    }
  }
}

}  // namespace

TEST_CASE("json_text writes every short byte string as nlohmann's dump does", "[json_text]") {
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    REQUIRE(quoted(one) == theirs(one, false));
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      INFO("bytes " << a << " " << b);
      REQUIRE(quoted(two) == theirs(two, false));
    }
  }
  // Three and four bytes over the boundary bytes: every lead byte against every kind of
  // continuation, cut short at each point, and the byte that cuts it short read again. Under the
  // sanitizers, every third four-byte string (test::sets_to_walk).
  const auto& edge = boundary_bytes();
  const std::size_t stride = static_cast<std::size_t>(3 / tft::test::sets_to_walk(3));
  std::size_t walked = 0, compared = 0;
  for (unsigned char a : edge)
    for (unsigned char b : edge)
      for (unsigned char c : edge) {
        const std::string three{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        REQUIRE(quoted(three) == theirs(three, false));
        for (unsigned char d : edge) {
          if (walked++ % stride != 0) continue;
          const std::string four = three + static_cast<char>(d);
          INFO("bytes " << int(a) << " " << int(b) << " " << int(c) << " " << int(d));
          REQUIRE(quoted(four) == theirs(four, false));
          ++compared;
        }
      }
  CHECK(walked == edge.size() * edge.size() * edge.size() * edge.size());
  CHECK(compared * stride >= walked);
  // Well-formed text of every length is copied in one piece around what it escapes.
  const std::string text = "Ther\xC3\xA1pia \"em\" grupo\\\t\xE2\x80\x94 \xF0\x9F\x99\x82\n";
  CHECK(quoted(text) == theirs(text, false));
  CHECK(quoted(text) == "\"Ther\xC3\xA1pia \\\"em\\\" grupo\\\\\\t\xE2\x80\x94 \xF0\x9F\x99\x82\\n\"");
}

TEST_CASE("json_text writes doubles and integers as nlohmann's dump does", "[json_text]") {
  tft::test::Xorshift64 rng;
  std::vector<double> values = {0.0,
                                -0.0,
                                0.1,
                                1.5,
                                100.0,
                                1e15,
                                1e16,
                                1e-5,
                                1e-4,
                                123e300,
                                5e-324,
                                2.2250738585072014e-308,
                                1.7976931348623157e308,
                                std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity(),
                                std::nan("")};
  // 200,000 natively, a third under the sanitizers (test::sets_to_walk).
  for (int i = 0; i < 200000 * tft::test::sets_to_walk(3) / 3; ++i) values.push_back(random_double(rng));
  for (double v : values) {
    std::string out;
    tft::append_json_double(out, v);
    INFO(v);
    REQUIRE(out == theirs(v, false));
    REQUIRE(ours(v, false) == out);
  }
  for (std::int64_t v : {std::numeric_limits<std::int64_t>::min(), std::int64_t{-1}, std::int64_t{0},
                         std::numeric_limits<std::int64_t>::max()})
    CHECK(ours(v, false) == theirs(v, false));
  CHECK(ours(std::numeric_limits<std::uint64_t>::max(), false) == "18446744073709551615");
  CHECK(ours(std::int64_t{-9}, false) == "-9");
}

TEST_CASE("json_text writes generated trees as nlohmann's dump does, compact and indented", "[json_text]") {
  tft::test::Xorshift64 rng;
  std::size_t nested = 0;
  for (int i = 0; i < 20000; ++i) {
    const ordered_json v = random_value(rng, 4);
    if (v.is_structured() && !v.empty()) ++nested;
    INFO(theirs(v, false));
    REQUIRE(ours(v, false) == theirs(v, false));
    REQUIRE(ours(v, true) == theirs(v, true));
  }
  CHECK(nested > 2000);  // the comparison covered real nesting, not only scalars
  // The layout itself, written out: nothing above would notice nlohmann and this writer drifting
  // together.
  const ordered_json sample = {{"a", {1, 2}}, {"b", ordered_json::object()}, {"c", ordered_json::array()}};
  CHECK(ours(sample, false) == R"({"a":[1,2],"b":{},"c":[]})");
  CHECK(ours(sample, true) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}");
}
