// The search quality gate: realistic queries from tests/fixtures/search-queries.json, each with
// the entry a visitor would expect first. Prints hit@1 and hit@3 and every miss, so a change to
// the engine shows what it gained and lost.
#include <catch2/catch.hpp>

#include <cstdio>

#include "core/search.h"
#include "test_support.h"

using namespace tft;

TEST_CASE("search puts the expected entry first for at least 90% of realistic queries", "[search][quality]") {
  const SearchIndex index = build_search_index(test::bundled_dataset());
  const auto fixture = nlohmann::json::parse(test::read_text(test::fixture_path("search-queries.json")));
  const auto& queries = fixture["queries"];
  REQUIRE(queries.size() >= 70);
  std::size_t at1 = 0, at3 = 0;
  for (const auto& q : queries) {
    const std::string query = q["query"].get<std::string>();
    const std::string expect = q["expect"].get<std::string>();
    REQUIRE(find_entry(test::bundled_dataset(), expect) != nullptr);
    const SearchResult r = search(index, query, 3);
    std::size_t rank = 0;
    for (std::size_t i = 0; i < r.hits.size(); ++i)
      if (r.hits[i].slug == expect) rank = i + 1;
    if (rank == 1) ++at1;
    if (rank >= 1 && rank <= 3) ++at3;
    if (rank != 1) {
      std::string got;
      for (const auto& h : r.hits) got += " " + h.slug;
      std::printf("search miss: %-40s expected %-24s rank %zu, got%s\n", ("\"" + query + "\"").c_str(),
                  expect.c_str(), rank, got.c_str());
    }
  }
  const double n = static_cast<double>(queries.size());
  const double hit1 = static_cast<double>(at1) / n, hit3 = static_cast<double>(at3) / n;
  std::printf("search quality: %zu queries, hit@1 %.3f, hit@3 %.3f\n", queries.size(), hit1, hit3);
  CHECK(hit1 >= 0.9);
  CHECK(hit3 >= 0.97);
}
