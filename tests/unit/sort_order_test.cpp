// sort_order.h stands in for std::sort and std::stable_sort across the core, so the outputs must
// stay byte-identical: the oracle is the standard sort itself, on inputs full of ties, where a
// different algorithm would leave equal items in another order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/sort_order.h"

using namespace tft;

namespace {

struct Tagged {
  int key;       // compared
  unsigned tag;  // not compared: shows where each equal item ended
};

// A fixed pseudo-random sequence (xorshift32).
struct Sequence {
  std::uint32_t x = 2463534242u;
  std::uint32_t next() {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
  }
};

std::vector<unsigned> tags_of(const std::vector<Tagged>& items) {
  std::vector<unsigned> tags;
  for (const Tagged& t : items) tags.push_back(t.tag);
  return tags;
}

}  // namespace

TEST_CASE("stable_sort_items keeps equal items in their order", "[sort]") {
  std::vector<std::string> words{"b1", "a2", "b3", "a4", "c5", "a6"};
  stable_sort_items(words, [](const std::string& x, const std::string& y) { return x[0] < y[0]; });
  CHECK(words == std::vector<std::string>{"a2", "a4", "a6", "b1", "b3", "c5"});
  std::vector<std::string> none;
  stable_sort_items(none, [](const std::string& x, const std::string& y) { return x < y; });
  CHECK(none.empty());
}

TEST_CASE("sort_items leaves ties where std::sort leaves them", "[sort]") {
  Sequence random;
  // Sizes around libc++'s switch to insertion sort (30 for trivially copyable items) and far past
  // it; keys from a few values, so most items tie with many others.
  for (std::size_t n : {0u, 1u, 2u, 5u, 6u, 7u, 29u, 30u, 31u, 64u, 200u, 1000u, 5000u})
    for (int keys : {2, 5, 1000}) {
      std::vector<Tagged> items;
      for (unsigned i = 0; i < n; ++i) items.push_back({static_cast<int>(random.next() % keys), i});
      std::vector<Tagged> expected = items;
      const auto by_key = [](const Tagged& a, const Tagged& b) { return a.key < b.key; };
      std::sort(expected.begin(), expected.end(), by_key);
      sort_items(items, by_key);
      INFO(n << " items, " << keys << " keys");
      REQUIRE(tags_of(items) == tags_of(expected));
    }
}

TEST_CASE("stable_sort_items and sort_numbers match std::stable_sort and std::sort", "[sort]") {
  Sequence random;
  for (std::size_t n : {0u, 1u, 3u, 31u, 200u, 3000u}) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < n; ++i)
      words.push_back(std::string(1, static_cast<char>('a' + random.next() % 4)) + std::to_string(i));
    std::vector<std::string> expected = words;
    const auto by_letter = [](const std::string& x, const std::string& y) { return x[0] < y[0]; };
    std::stable_sort(expected.begin(), expected.end(), by_letter);
    stable_sort_items(words, by_letter);
    REQUIRE(words == expected);

    std::vector<std::uint32_t> numbers;
    for (std::size_t i = 0; i < n; ++i) numbers.push_back(random.next() % 50);
    std::vector<std::uint32_t> sorted = numbers;
    std::sort(sorted.begin(), sorted.end());
    sort_numbers(numbers);
    REQUIRE(numbers == sorted);
  }
}
