// Search latency, as a program rather than a test: hidden from the normal run by the "[.]" tag.
//   ./build/native/tft_tests "[bench]"
// Prints the index build time and the median and 95th percentile per query over the quality set,
// each query run 200 times.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/search.h"
#include "test_support.h"

using namespace tft;

TEST_CASE("search latency over the quality set", "[.][bench]") {
  using clock = std::chrono::steady_clock;
  const Dataset& data = test::bundled_dataset();  // loaded outside the timing
  const auto b0 = clock::now();
  const SearchIndex index = build_search_index(data);
  const double build_ms = std::chrono::duration<double, std::milli>(clock::now() - b0).count();
  const auto fixture = nlohmann::json::parse(test::read_text(test::fixture_path("search-queries.json")));
  std::vector<double> micros;
  std::size_t sink = 0;
  for (int round = 0; round < 200; ++round)
    for (const auto& q : fixture["queries"]) {
      const std::string query = q["query"].get<std::string>();
      const auto t0 = clock::now();
      sink += search(index, query, 10).hits.size();
      micros.push_back(std::chrono::duration<double, std::micro>(clock::now() - t0).count());
    }
  std::sort(micros.begin(), micros.end());
  std::printf(
      "search bench: index %zu terms built in %.2f ms; %zu searches: median %.1f us, p95 %.1f us, max %.1f "
      "us\n",
      search_vocabulary_size(index), build_ms, micros.size(), micros[micros.size() / 2],
      micros[micros.size() * 95 / 100], micros.back());
  CHECK(sink > 0);
}
