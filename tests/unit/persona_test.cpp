// Personas written from the NICE guidelines (tests/fixtures/personas.json): each one's answers are
// matched against the bundled data and sample directory, and the recommended approaches must be
// what the guideline says for that person's age. tests/node/personas.test.mjs runs the same file
// against the WebAssembly build.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/matcher.h"
#include "test_support.h"

using namespace tft;

namespace {

const Matcher& sample_matcher() {
  static const Matcher m = prepare_matcher(test::bundled_dataset(), test::bundled_directory());
  return m;
}

std::vector<std::string> slugs(const ordered_json& approaches) {
  std::vector<std::string> out;
  for (const auto& a : approaches) out.push_back(a["slug"].get<std::string>());
  return out;
}

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("personas get the approaches NICE recommends for their age", "[persona][evidence]") {
  const json fixture = json::parse(test::read_text(test::fixture_path("personas.json")));
  REQUIRE(fixture["personas"].size() >= 20);
  for (const auto& p : fixture["personas"]) {
    // Personas about crisis routes only (tests/unit/safety_personas_test.cpp) have no approaches
    // to check; a "partial" one stops before the format question and cannot be matched.
    if (p.value("mode", "") == "partial" || !p["expect"].contains("approaches")) continue;
    SECTION(p["name"].get<std::string>()) {
      const MatchText out = match_text(sample_matcher(), p["answers"].dump(), 1);
      REQUIRE(out.ok());
      const ordered_json result = ordered_json::parse(out.text);
      const ordered_json& approaches = result["approaches"];
      const std::vector<std::string> listed = slugs(approaches);
      CAPTURE(listed);
      const json& want = p["expect"]["approaches"];
      if (want.contains("first")) {
        REQUIRE(!listed.empty());
        CHECK(listed.front() == want["first"].get<std::string>());
      }
      if (want.contains("top")) {
        const std::size_t n = want["top"]["n"].get<std::size_t>();
        const std::vector<std::string> top(
            listed.begin(), listed.begin() + static_cast<std::ptrdiff_t>(std::min(n, listed.size())));
        for (const auto& slug : want["top"]["include"]) {
          CAPTURE(slug);
          CHECK(std::find(top.begin(), top.end(), slug.get<std::string>()) != top.end());
        }
      }
      for (const auto& slug : want.value("never", json::array())) {
        CAPTURE(slug);
        CHECK(std::find(listed.begin(), listed.end(), slug.get<std::string>()) == listed.end());
      }
      for (const auto& slug : want.value("not_strong", json::array()))
        for (const auto& a : approaches)
          if (a["slug"].get<std::string>() == slug.get<std::string>())
            for (const auto& reason : a["reasons"]) {
              CAPTURE(slug, reason);
              CHECK(!starts_with(reason.get<std::string>(), "Strong evidence"));
            }
      for (const auto& part : want.value("first_reason_contains", json::array())) {
        REQUIRE(!approaches.empty());
        const std::string reason = approaches[0]["reasons"][0].get<std::string>();
        CAPTURE(reason, part);
        CHECK(reason.find(part.get<std::string>()) != std::string::npos);
      }
    }
  }
}
