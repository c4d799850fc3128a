// "Never a crash, whatever the input": seeded random corruptions of real files and answers are fed
// to every entry point that takes untrusted text. Each must return (errors or a result) and stay
// usable afterwards. Deterministic: the same seed gives the same inputs on every run.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>

#include "core/loaders.h"
#include "core/matcher.h"
#include "core/search.h"
#include "test_support.h"

using namespace tft;

namespace {

// Flips, deletes, duplicates and inserts bytes, biased towards JSON's structural characters so
// most corruptions stay near-valid and reach deep into the loaders rather than failing at byte 1.
std::string corrupt(const std::string& text, std::mt19937& rng, int edits) {
  static const std::string interesting = "{}[]\",:0123456789-.eEtrufalsn\\ \n\xff\x00";
  std::string s = text;
  for (int i = 0; i < edits && !s.empty(); ++i) {
    const std::size_t at = rng() % s.size();
    const char c = interesting[rng() % interesting.size()];
    switch (rng() % 4) {
      case 0:
        s[at] = c;
        break;
      case 1:
        s.erase(at, 1 + rng() % 8);
        break;
      case 2:
        s.insert(at, s.substr(at, std::min<std::size_t>(s.size() - at, 1 + rng() % 40)));
        break;
      default:
        s.insert(at, 1, c);
        break;
    }
  }
  return s;
}

}  // namespace

TEST_CASE("loaders return errors, never crash, on corrupted copies of the bundled files", "[robustness]") {
  std::mt19937 rng(20261123);
  const char* files[] = {"glossary.json", "concerns.json", "questionnaire.json", "crisis.json"};
  std::size_t rejected = 0;
  for (const char* name : files) {
    const std::string original = test::read_text(test::data_path(name));
    for (int round = 0; round < 60; ++round) {
      const std::string broken = corrupt(original, rng, 1 + round % 6);
      Diagnostics diag;
      diag.file = name;
      if (auto root = parse_json(broken, {}, diag)) {
        if (std::string(name) == "glossary.json")
          parse_glossary(*root, diag, concern_ids(test::bundled_dataset()));
        if (std::string(name) == "concerns.json") parse_concerns(*root, diag);
        if (std::string(name) == "questionnaire.json") parse_questionnaire(*root, diag);
        if (std::string(name) == "crisis.json") parse_crisis(*root, diag);
      }
      rejected += diag.ok() ? 0 : 1;
      for (const auto& e : diag.errors) CHECK(e.path.rfind("$", 0) == 0);
    }
  }
  CHECK(rejected > 150);  // most of the 240 corruptions are caught, so the loop really exercised error paths
}

TEST_CASE("directory loader survives corrupted directories and keeps the good entries", "[robustness]") {
  std::mt19937 rng(7);
  const std::string original = test::read_text(test::data_path("therapists.sample.json"));
  for (int round = 0; round < 40; ++round) {
    const std::string broken = corrupt(original, rng, 1 + round % 5);
    const DirectoryLoad load = load_directory({"d.json", broken}, test::bundled_dataset());
    CHECK(load.directory.therapists.size() <= test::bundled_directory().therapists.size());
    for (const auto& e : load.errors) CHECK(e.path.rfind("$", 0) == 0);
  }
}

TEST_CASE("match and search answer corrupted and hostile input with errors or results, never a crash",
          "[robustness]") {
  const Matcher m = prepare_matcher(test::bundled_dataset(), test::bundled_directory());
  const SearchIndex index = build_search_index(test::bundled_dataset());
  std::mt19937 rng(99);
  const std::string answers =
      R"({"who":"myself","age":34,"concerns":["anxiety","relationships"],"approaches":["cbt"],)"
      R"("format":["in-person","video"],"location":{"place":"Leeds"},"max_distance_km":15,)"
      R"("budget":{"max_per_session":60},"low_cost":false,"languages":["en"],"therapist_gender":"any",)"
      R"("availability":["weekday-evening"],"identity":[],"must_have":["budget"],"safety":{"risk":"none"}})";
  REQUIRE(match_text(m, answers, 5).ok());
  std::size_t rejected = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string broken = corrupt(answers, rng, 1 + round % 4);
    const MatchText out = match_text(m, broken, 5);
    if (!out.ok()) {
      ++rejected;
      for (const auto& e : out.errors) CHECK(!e.path.empty());
    }
    search(index, broken.substr(0, 200), 5);
  }
  CHECK(rejected > 150);
  // Still good after all that.
  CHECK(match_text(m, answers, 5).ok());
}
