// Checks on the bundled glossary content itself: every page the site publishes is complete, and
// every link and concern it shows resolves.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/text_normalise.h"
#include "core/vocabulary.h"
#include "test_support.h"

using namespace tft;

TEST_CASE("every glossary entry has every section of the page", "[data][glossary]") {
  const auto& g = test::bundled_dataset().glossary;
  REQUIRE(g.size() >= 55);
  for (const auto& e : g) {
    CAPTURE(e.slug);
    CHECK(!e.name.empty());
    CHECK(!e.summary.empty());
    CHECK(!e.how_it_works.empty());
    CHECK(!e.who_for.empty());
    CHECK(!e.session.empty());
    CHECK(!e.evidence_summary.empty());
    CHECK(e.benefits.size() >= 4);
    CHECK(e.faqs.size() >= 3);
    for (const auto& f : e.faqs) CHECK((!f.q.empty() && !f.a.empty()));
    CHECK(!e.concerns.empty());
    CHECK(!e.formats.empty());
    CHECK(e.last_reviewed.size() == 10);
  }
}

TEST_CASE("every related slug and concern id in the glossary resolves", "[data][glossary]") {
  const Dataset& d = test::bundled_dataset();
  const auto concerns = concern_ids(d);
  for (const auto& e : d.glossary) {
    CAPTURE(e.slug);
    for (const auto& r : e.related) {
      CAPTURE(r);
      CHECK(find_entry(d, r) != nullptr);
      CHECK(r != e.slug);
    }
    for (const auto& c : e.concerns) {
      CAPTURE(c.id);
      CHECK(concerns.count(c.id) == 1);
    }
  }
}

TEST_CASE("every approach slug the design fixes has a glossary entry", "[data][glossary]") {
  for (const auto& slug : required_approach_slugs()) {
    CAPTURE(slug);
    CHECK(find_entry(test::bundled_dataset(), slug) != nullptr);
  }
}

TEST_CASE("the NICE-named treatments visitors search for each have their own entry", "[data][glossary]") {
  // Issue #9: treatments NICE names that were folded into broader entries (or missing), so a
  // visitor searching for them landed on a page about something else.
  const std::vector<std::string> slugs{"cbt-ed",
                                       "family-therapy-eating-disorders",
                                       "cbt-psychosis",
                                       "cbt-insomnia",
                                       "guided-self-help",
                                       "behavioural-couples-therapy",
                                       "problem-solving-therapy",
                                       "applied-relaxation",
                                       "counselling-for-depression",
                                       "prolonged-exposure",
                                       "narrative-exposure-therapy",
                                       "parent-training",
                                       "mbsr",
                                       "ddp",
                                       "bereavement-counselling",
                                       "emotion-focused",
                                       "exposure-therapy"};
  for (const auto& slug : slugs) {
    CAPTURE(slug);
    CHECK(find_entry(test::bundled_dataset(), slug) != nullptr);
  }
}

TEST_CASE(
    "two therapies that share a short name each have their own entry, and neither claims the other's name",
    "[data][glossary]") {
  // "Emotion-focused therapy" (mostly individual) and "emotionally focused couples therapy" are
  // different therapies; ERP is one kind of exposure therapy, not a name for all of them.
  const Dataset& d = test::bundled_dataset();
  const auto key = [](const std::string& s) {
    std::vector<std::string> k;
    for (const auto& t : tokenise(s)) k.push_back(normalise_term(t.text));
    return k;
  };
  const auto owner = [&](const std::string& spelling) -> std::string {
    for (const auto& e : d.glossary) {
      if (key(e.name) == key(spelling)) return e.slug;
      for (const auto& a : e.aliases)
        if (key(a) == key(spelling)) return e.slug;
    }
    return "";
  };
  CHECK(owner("emotion-focused therapy") == "emotion-focused");
  CHECK(owner("emotionally focused couples therapy") == "eft");
  CHECK(owner("exposure therapy") == "exposure-therapy");
  CHECK(owner("exposure and response prevention") == "erp");
}

TEST_CASE("no two entries share a name or alias, even after search normalisation", "[data][glossary]") {
  // Stricter than the loader's case-insensitive check: "behavior" and "behaviour" are one alias
  // to search, so two entries holding them would make an exact match ambiguous.
  std::map<std::vector<std::string>, std::string> owner;
  for (const auto& e : test::bundled_dataset().glossary) {
    std::vector<std::string> spellings{e.name};
    spellings.insert(spellings.end(), e.aliases.begin(), e.aliases.end());
    for (const auto& s : spellings) {
      std::vector<std::string> key;
      for (const auto& t : tokenise(s)) key.push_back(normalise_term(t.text));
      CAPTURE(s, e.slug);
      const auto [it, inserted] = owner.emplace(key, e.slug);
      CHECK((inserted || it->second == e.slug));
    }
  }
}
