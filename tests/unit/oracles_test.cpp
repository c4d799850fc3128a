// Independent oracles: every expected value here was worked out by hand from the written design
// (docs/matching.md and the ScoreWeights comments in src/core/matcher.h: the weights, how each
// term earns, the score as round(100 × earned / possible), hard filters, ties by id), from
// published distances, or from the stated id and age rules. None is read from the code under
// test, and the small directories and glossary below are built here, so no change to the bundled
// data can move an expected value.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/answers.h"
#include "core/loaders.h"
#include "core/matcher.h"
#include "core/places.h"
#include "core/search.h"
#include "test_support.h"

using namespace tft;

namespace {

// A glossary of four invented approaches whose evidence is known exactly: "approach-strong" has
// strong evidence for OCD and panic, "approach-moderate" moderate for OCD only, "approach-emerging"
// emerging for OCD and panic, "approach-none" none at all. No approach lists sleep.
GlossaryEntry approach(const std::string& slug, std::vector<std::pair<std::string, Evidence>> evidence) {
  GlossaryEntry e;
  e.slug = slug;
  e.name = "Approach " + slug.substr(slug.find('-') + 1);
  for (auto& [concern, level] : evidence) {
    ConcernEvidence c;
    c.id = concern;
    c.evidence = level;
    c.source = "trials";
    e.concerns.push_back(c);
  }
  return e;
}

const Dataset& oracle_dataset() {
  static const Dataset d = [] {
    Dataset x = test::bundled_dataset();  // concerns, questionnaire, crisis and places as bundled
    x.glossary = {approach("approach-emerging", {{"ocd", Evidence::emerging}, {"panic", Evidence::emerging}}),
                  approach("approach-moderate", {{"ocd", Evidence::moderate}}), approach("approach-none", {}),
                  approach("approach-strong", {{"ocd", Evidence::strong}, {"panic", Evidence::strong}})};
    return x;
  }();
  return d;
}

struct Oracle {
  Directory directory;
  Matcher matcher;
};

std::unique_ptr<Oracle> oracle(std::vector<Therapist> therapists) {
  auto o = std::make_unique<Oracle>();
  o->directory.fictional = true;
  o->directory.therapists = std::move(therapists);
  o->matcher = prepare_matcher(oracle_dataset(), o->directory);
  return o;
}

// An adult individual therapist taking new clients by video only, with nothing else stated.
Therapist therapist(const std::string& id) {
  Therapist t;
  t.id = id;
  t.name = "Oracle " + id;
  t.gender = "undisclosed";
  t.approaches = {"approach-none"};
  t.concerns = {"stress"};
  t.clients = {"individuals"};
  t.age_min = 18;
  t.age_max = 120;
  t.formats = {"video"};
  t.languages = {"en"};
  t.fee_min = 40;
  t.fee_max = 40;
  t.availability = {"weekday-daytime"};
  t.accepting_new = true;
  return t;
}

ordered_json run(const Oracle& o, const std::string& answers, std::size_t limit = 0) {
  const MatchText out = match_text(o.matcher, answers, limit);
  INFO(answers);
  INFO((out.errors.empty() ? std::string() : format_error(out.errors[0])));
  REQUIRE(out.ok());
  return ordered_json::parse(out.text);
}

std::vector<std::pair<std::string, int>> ranked(const ordered_json& result) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& m : result["matches"]) out.emplace_back(m["id"].get<std::string>(), m["score"].get<int>());
  return out;
}

std::vector<std::string> ids(const ordered_json& result) {
  std::vector<std::string> out;
  for (const auto& m : result["matches"]) out.push_back(m["id"].get<std::string>());
  return out;
}

// Latitude steps due north of a point for a distance in km on a sphere of radius 6371 km
// (1° of latitude = 6371 × π / 180 = 111.19493 km), so places sit at exact distances.
double north(double km) {
  return km / 111.19492664455873;
}
constexpr double kLeedsLat = 53.7965, kLeedsLon = -1.5478;

}  // namespace

TEST_CASE("oracle scores: concerns, evidence, budget, language, gender and availability by hand",
          "[oracle][score]") {
  // Terms that apply: concerns 30, evidence 15, budget 10, languages 5, gender 5, availability 5;
  // possible = 70. Budget: full within it, linear from full to half over the first £20 over,
  // nothing beyond. Availability: the share of the visitor's two slots offered.
  auto t101 = therapist("t-000101");
  t101.concerns = {"ocd", "anxiety"};
  t101.approaches = {"approach-strong"};
  t101.fee_min = 50, t101.gender = "female", t101.availability = {"weekday-evening", "weekend"};
  // 30 + 15 + 10 + 5 + 5 + 5 = 70 → 100
  auto t102 = therapist("t-000102");
  t102.concerns = {"anxiety"};
  t102.fee_min = 70, t102.languages = {"pl"}, t102.gender = "male", t102.availability = {"weekend"};
  // 0 + 0 + 7.5 (£10 over: 10 × (1 − 0.5 × 10/20)) + 0 + 0 + 2.5 = 10 → 14.29 → 14
  auto t103 = therapist("t-000103");
  t103.concerns = {"ocd"};
  t103.approaches = {"approach-none", "approach-moderate"};
  t103.fee_min = 80, t103.languages = {"en", "cy"}, t103.gender = "female";
  // 30 + 9 (moderate 0.6 × 15) + 5 (£20 over: half) + 5 + 5 + 0 = 54 → 77.14 → 77
  auto t098 = t103;
  t098.id = "t-000098";  // the same therapist with a lower id: equal score, listed first
  auto t099 = therapist("t-000099");
  t099.concerns = {"ocd"};
  t099.approaches = {"approach-emerging", "approach-strong"};  // the best approach counts
  t099.fee_min = 81, t099.gender = "female", t099.availability = {"weekday-evening"};
  // 30 + 15 + 0 (£21 over) + 5 + 5 + 2.5 = 57.5 → 82.14 → 82
  auto t105 = therapist("t-000105");
  t105.concerns = {"ocd", "sleep"};
  t105.approaches = {"approach-emerging"};
  t105.fee_min = 75, t105.gender = "non-binary", t105.availability = {"weekday-evening", "weekday-daytime"};
  // 30 + 4.5 (emerging 0.3 × 15) + 6.25 (£15 over) + 5 + 0 + 2.5 = 48.25 → 68.93 → 69
  auto t106 = therapist("t-000106");
  t106.concerns = {"ocd"};
  t106.fee_min = 60, t106.gender = "female", t106.availability = {"weekend"};
  // 30 + 0 + 10 (exactly the budget) + 5 + 5 + 2.5 = 52.5 → 75
  auto t107 = t101;
  t107.id = "t-000107";
  t107.accepting_new = false;  // would score 100, but is never a match

  const auto o = oracle({t101, t102, t103, t099, t105, t106, t098, t107});
  const ordered_json r = run(*o, R"({"who":"myself","age":30,"format":["video"],"concerns":["ocd"],
    "budget":{"max_per_session":60},"languages":["en"],"therapist_gender":"female",
    "availability":["weekday-evening","weekend"]})");
  const std::vector<std::pair<std::string, int>> expected{
      {"t-000101", 100}, {"t-000099", 82}, {"t-000098", 77}, {"t-000103", 77},
      {"t-000106", 75},  {"t-000105", 69}, {"t-000102", 14}};
  CHECK(ranked(r) == expected);
  CHECK(r["excluded"].dump() == R"({"total":1,"by":{"accepting_new":1}})");
}

TEST_CASE("oracle scores: approaches asked for, low cost, identity and distance by hand", "[oracle][score]") {
  // Terms that apply: approaches 15, low cost 5, identity 5, distance 5; possible = 30. Distance:
  // full weight at 0 km falling linearly to half at the visitor's limit (20 km), none beyond it.
  auto in_person = [](const std::string& id, double km) {
    Therapist t = therapist(id);
    t.formats = {"in-person", "video"};
    t.locations = {{"Oracle", kLeedsLat + north(km), kLeedsLon}};
    return t;
  };
  auto t201 = in_person("t-000201", 0);
  t201.approaches = {"approach-moderate", "approach-strong"};
  t201.concessions = true;
  t201.identity = {"lgbtq-affirming", "faith-sensitive"};
  // 15 + 5 + 5 + 5 = 30 → 100
  auto t202 = in_person("t-000202", 10);
  t202.approaches = {"approach-strong"};
  t202.low_cost_places = true;
  // 0 + 5 + 0 + 3.75 (5 × (1 − 0.5 × 10/20)) = 8.75 → 29.17 → 29
  auto t203 = in_person("t-000203", 20);
  t203.approaches = {"approach-moderate"};
  t203.identity = {"faith-sensitive"};
  // 15 + 0 + 2.5 + 2.5 (at the limit: half) = 20 → 66.67 → 67
  auto t200 = in_person("t-000200", 30);
  t200.approaches = {"approach-moderate"};
  t200.concessions = true;
  // beyond 20 km, so only by video: 15 + 5 + 0 + 0 = 20 → 67, and first of the tie by id
  auto t204 = in_person("t-000204", 5);
  t204.approaches = {"approach-moderate"};
  t204.identity = {"lgbtq-affirming"};
  // 15 + 0 + 2.5 + 4.375 (5 × (1 − 0.5 × 5/20)) = 21.875 → 72.92 → 73

  const auto o = oracle({t201, t202, t203, t200, t204});
  const ordered_json r = run(*o, R"({"who":"myself","age":40,"format":["in-person","video"],
    "location":{"lat":53.7965,"lon":-1.5478},"max_distance_km":20,"approaches":["approach-moderate"],
    "low_cost":true,"identity":["lgbtq-affirming","faith-sensitive"]})");
  const std::vector<std::pair<std::string, int>> expected{
      {"t-000201", 100}, {"t-000204", 73}, {"t-000200", 67}, {"t-000203", 67}, {"t-000202", 29}};
  CHECK(ranked(r) == expected);
  // Distances as printed: exact, to 0.1 km.
  for (const auto& m : r["matches"]) {
    const std::string id = m["id"];
    const double want = id == "t-000201"   ? 0
                        : id == "t-000202" ? 10
                        : id == "t-000203" ? 20
                        : id == "t-000204" ? 5
                                           : 30;
    if (m.contains("distance_km") && !m["distance_km"].is_null())
      CHECK(m["distance_km"].get<double>() == want);
  }

  // In person only: the therapist 30 km away no longer passes, and is counted under distance.
  const ordered_json only = run(*o, R"({"who":"myself","age":40,"format":["in-person"],
    "location":{"lat":53.7965,"lon":-1.5478},"max_distance_km":20})");
  CHECK(ids(only) == std::vector<std::string>{"t-000201", "t-000204", "t-000202", "t-000203"});
  CHECK(only["excluded"].dump() == R"({"total":1,"by":{"distance":1}})");
}

TEST_CASE("oracle scores: several concerns, and concerns no approach has evidence for", "[oracle][score]") {
  // Concerns 30 × share listed; evidence 15 × the best approach per concern, averaged over the
  // concerns that have evidence listed (sleep has none in this glossary, so it is left out).
  auto t401 = therapist("t-000401");
  t401.concerns = {"ocd", "panic"};
  t401.approaches = {"approach-strong"};  // 30 + 15 = 45 → 100
  auto t403 = therapist("t-000403");
  t403.concerns = {"panic", "ocd"};
  t403.approaches = {"approach-emerging", "approach-moderate"};
  // OCD: moderate 0.6, panic: emerging 0.3 → 0.45 × 15 = 6.75; 30 + 6.75 = 36.75 / 45 → 81.67 → 82
  auto t404 = therapist("t-000404");
  t404.concerns = {"sleep"};  // 0 + 0 → 0
  const auto o = oracle({t404, t403, t401});
  CHECK(ranked(run(*o, R"({"who":"myself","format":["video"],"concerns":["ocd","panic"]})")) ==
        std::vector<std::pair<std::string, int>>{{"t-000401", 100}, {"t-000403", 82}, {"t-000404", 0}});

  auto t501 = therapist("t-000501");
  t501.concerns = {"ocd", "sleep"};
  t501.approaches = {"approach-moderate"};  // 30 + 9 (only OCD has evidence) = 39 / 45 → 86.67 → 87
  auto t502 = therapist("t-000502");
  t502.concerns = {"sleep"};
  t502.approaches = {"approach-strong"};  // 15 + 15 = 30 / 45 → 66.67 → 67
  const auto o2 = oracle({t502, t501});
  CHECK(ranked(run(*o2, R"({"who":"myself","format":["video"],"concerns":["ocd","sleep"]})")) ==
        std::vector<std::pair<std::string, int>>{{"t-000501", 87}, {"t-000502", 67}});
}

TEST_CASE("oracle scores: with no preference answered every match scores 100, in id order, cut by limit",
          "[oracle][score]") {
  const auto o = oracle({therapist("t-000302"), therapist("t-000301"), therapist("t-000303")});
  const std::string answers = R"({"who":"myself","format":["video"]})";
  CHECK(ranked(run(*o, answers)) ==
        std::vector<std::pair<std::string, int>>{{"t-000301", 100}, {"t-000302", 100}, {"t-000303", 100}});
  CHECK(ids(run(*o, answers, 2)) == std::vector<std::string>{"t-000301", "t-000302"});
}

TEST_CASE("oracle ages: both ends of a therapist's range, 17/18/19, and child age bands", "[oracle][ages]") {
  auto aged = [](const std::string& id, int lo, int hi) {
    Therapist t = therapist(id);
    t.age_min = lo;
    t.age_max = hi;
    return t;
  };
  const auto o = oracle({aged("t-000601", 18, 120), aged("t-000602", 0, 17), aged("t-000603", 12, 17),
                         aged("t-000604", 16, 25), aged("t-000605", 4, 16)});
  auto who = [&](const std::string& age_json, const std::string& w = "myself") {
    return ids(run(*o, R"({"who":")" + w + R"(","format":["video"],"age":)" + age_json + "}"));
  };
  using V = std::vector<std::string>;
  CHECK(who("16") == V{"t-000602", "t-000603", "t-000604", "t-000605"});
  CHECK(who("17") == V{"t-000602", "t-000603", "t-000604"});  // 16 is the top of t-000605's range
  CHECK(who("18") == V{"t-000601", "t-000604"});              // 18 is the bottom of t-000601's
  CHECK(who("19") == V{"t-000601", "t-000604"});
  CHECK(who("25") == V{"t-000601", "t-000604"});
  CHECK(who("26") == V{"t-000601"});
  CHECK(who("120") == V{"t-000601"});
  CHECK(who("0", "child") == V{"t-000602"});
  CHECK(who("4", "child") == V{"t-000602", "t-000605"});
  CHECK(who("17", "child") == V{"t-000602", "t-000603", "t-000604"});
  // A band passes only therapists whose range covers all of it: both ends count.
  CHECK(who(R"({"min":16,"max":17})", "child") == V{"t-000602", "t-000603", "t-000604"});
  CHECK(who(R"({"min":11,"max":12})", "child") == V{"t-000602", "t-000605"});
  CHECK(who(R"({"min":12,"max":17})", "child") == V{"t-000602", "t-000603"});
  CHECK(who(R"({"min":0,"max":4})", "child") == V{"t-000602"});
  CHECK(who(R"({"min":3,"max":4})", "child") == V{"t-000602"});

  // A child is under 18: 18, or a band reaching 18, is an error naming the age, never a match; and
  // a couple or a family is not asked an age at all.
  for (const char* bad :
       {R"({"who":"child","format":["video"],"age":18})", R"({"who":"couple","format":["video"],"age":30})",
        R"({"who":"family","format":["video"],"age":30})",
        R"({"who":"child","format":["video"],"age":{"min":17,"max":18}})",
        R"({"who":"myself","format":["video"],"age":121})", R"({"who":"myself","format":["video"],"age":-1})",
        R"({"who":"child","format":["video"],"age":{"min":9,"max":5}})"}) {
    INFO(bad);
    const MatchText out = match_text(o->matcher, bad, 0);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].path.rfind("$.age", 0) == 0);
    CHECK(out.text.empty());
  }
}

TEST_CASE("oracle ids: a therapist id is 1-64 lower-case letters, digits and single inner hyphens",
          "[oracle][ids]") {
  // A whole, valid entry taken from the bundled sample; only its id changes.
  const json sample =
      json::parse(test::read_text(test::data_path("therapists.sample.json")))["therapists"][0];
  auto errors_for = [&](const std::string& id) {
    json entry = sample;
    entry["id"] = id;
    std::vector<std::string> out;
    for (const auto& e : validate_profile(entry.dump(), test::bundled_dataset())) out.push_back(e.path);
    return out;
  };
  REQUIRE(errors_for("t-000123").empty());
  for (const std::string& good : std::vector<std::string>{"t-000123", "t-morgan-testwell", "a", "7", "t-0-1",
                                                          std::string("t-") + std::string(62, '9')}) {
    INFO(good);
    CHECK(errors_for(good).empty());
  }
  for (const std::string& bad : std::vector<std::string>{
           "", "T-000123", "t_000123", "t 000123", "t-000123 ", " t-000123", "-t1", "t1-", "t--1",
           "t-\xc3\xa9", "t-<b>", "t.000123", "t/1", std::string("t-") + std::string(63, '9')}) {
    INFO("id: \"" << bad << "\"");
    CHECK(errors_for(bad) == std::vector<std::string>{"$.id"});
  }
}

TEST_CASE("oracle distances: published great-circle distances between UK cities", "[oracle][distance]") {
  // Straight-line distances as published for city centres (the coordinates are given with each);
  // each within 1%, far tighter than any mistake in the formula (a dropped cos(latitude), degrees
  // for radians, swapped coordinates) would allow.
  struct Pair {
    const char* what;
    double lat1, lon1, lat2, lon2, km;
  };
  const Pair pairs[] = {
      {"London - Edinburgh", 51.5074, -0.1278, 55.9533, -3.1883, 534},
      {"London - Manchester", 51.5074, -0.1278, 53.4808, -2.2426, 262},
      {"London - Birmingham", 51.5074, -0.1278, 52.4862, -1.8904, 163},
      {"London - Cardiff", 51.5074, -0.1278, 51.4816, -3.1791, 212},
      {"London - Belfast", 51.5074, -0.1278, 54.5973, -5.9301, 518},
      {"Edinburgh - Glasgow", 55.9533, -3.1883, 55.8642, -4.2518, 67},
      {"Leeds - Manchester", 53.8008, -1.5491, 53.4808, -2.2426, 58},
      {"Land's End - John o' Groats", 50.0657, -5.7132, 58.6373, -3.0689, 970},
  };
  for (const Pair& p : pairs) {
    INFO(p.what);
    CHECK(haversine_km(p.lat1, p.lon1, p.lat2, p.lon2) == Approx(p.km).epsilon(0.01));
    CHECK(haversine_km(p.lat2, p.lon2, p.lat1, p.lon1) ==
          Approx(haversine_km(p.lat1, p.lon1, p.lat2, p.lon2)));
  }
  // Along a meridian the distance is R × Δlatitude exactly (R = 6371 km): 1° = 111.19 km.
  CHECK(haversine_km(52.0, -1.0, 53.0, -1.0) == Approx(111.195).epsilon(0.001));
  // Along the equator-parallel at 60° north a degree of longitude is half as long as at the equator.
  CHECK(haversine_km(60.0, 0.0, 60.0, 0.1) == Approx(111.195 * 0.1 * 0.5).epsilon(0.002));
  CHECK(round_km(34.94) == 34.9);
  CHECK(round_km(34.95001) == 35.0);
}

TEST_CASE("oracle answers: distances default to 20 km and must be 1 to 1000 km", "[oracle][answers]") {
  auto at = [](const std::string& id, double km) {
    Therapist t = therapist(id);
    t.formats = {"in-person"};
    t.locations = {{"Oracle", kLeedsLat + north(km), kLeedsLon}};
    return t;
  };
  const auto o = oracle({at("t-000703", 20.1), at("t-000702", 20.0), at("t-000701", 19.9)});
  const std::string where =
      R"({"who":"myself","format":["in-person"],"location":{"lat":53.7965,"lon":-1.5478})";
  // No distance given: docs/matching.md's default of 20 km, the limit itself included.
  CHECK(ids(run(*o, where + "}")) == std::vector<std::string>{"t-000701", "t-000702"});
  CHECK(ids(run(*o, where + R"(,"max_distance_km":1})")).empty());
  CHECK(ids(run(*o, where + R"(,"max_distance_km":1000})")).size() == 3);
  for (const char* bad : {"0", "0.5", "1000.5", "-20"}) {
    INFO(bad);
    const MatchText out = match_text(o->matcher, where + R"(,"max_distance_km":)" + bad + "}", 0);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].path == "$.max_distance_km");
  }
}

TEST_CASE("oracle search: typo tolerance is one edit from 4 letters and two from 8, exactly at the edges",
          "[oracle][search]") {
  // The rule in the README: one edit for words of 4-7 letters, two for 8 or more. Each query ends
  // in a space, so it is a finished word (not a prefix still being typed).
  static const SearchIndex index = build_search_index(test::bundled_dataset());
  auto first = [&](const std::string& query) {
    const auto hits = search(index, query, 3).hits;
    return hits.empty() ? std::string() : hits[0].slug;
  };
  CHECK(first("gestalx ") == "gestalt");   // 7 letters, one edit
  CHECK(first("schemx ") == "schema");     // 6 letters, one edit
  CHECK(first("gsetalx ") != "gestalt");   // 7 letters, two edits: too many
  CHECK(first("gstalx ") != "gestalt");    // 6 letters, two edits: too many
  CHECK(first("gsetaltx ") == "gestalt");  // 8 letters, two edits
  CHECK(first("gsetaltt ") == "gestalt");
  CHECK(first("schmx ") != "schema");  // 5 letters, two edits
  CHECK(first("dtb ") != "dbt");       // 3 letters: no typo at all
}
