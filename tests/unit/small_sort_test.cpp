// small_stable_sort (src/core/small_sort.h) stands in for std::stable_sort on short lists, so
// std::stable_sort is the oracle: same order, equal items kept in their original order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/small_sort.h"

TEST_CASE("small_stable_sort orders like std::stable_sort and keeps equal items in order", "[sort]") {
  std::uint32_t x = 2463534242u;  // xorshift32, a fixed sequence
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
  };
  for (int round = 0; round < 500; ++round) {
    // (key, original position): few distinct keys, so most items tie with another.
    std::vector<std::pair<int, int>> items;
    const int n = static_cast<int>(next() % 50);
    for (int i = 0; i < n; ++i) items.emplace_back(static_cast<int>(next() % 5), i);
    auto expected = items;
    const auto by_key = [](const std::pair<int, int>& a, const std::pair<int, int>& b) {
      return a.first > b.first;
    };
    std::stable_sort(expected.begin(), expected.end(), by_key);
    tft::small_stable_sort(items, by_key);
    REQUIRE(items == expected);
  }
}
