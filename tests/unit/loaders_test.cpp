#include <catch2/catch.hpp>

#include <algorithm>

#include "core/loaders.h"
#include "core/serialize.h"
#include "test_support.h"

using namespace tft;

namespace {

std::vector<std::string> glossary_errors(const std::string& text) {
  Diagnostics diag;
  diag.file = "glossary.json";
  if (auto root = parse_json(text, {}, diag))
    parse_glossary(*root, diag, concern_ids(test::bundled_dataset()));
  return test::error_lines(diag.errors);
}

// A complete entry as JSON text, with `extra` spliced into the object (later keys win in tests
// that override, because the splice goes first and nlohmann keeps the last duplicate).
std::string entry_json(const std::string& slug, const std::string& name, const std::string& extra = "") {
  return "{" + extra + (extra.empty() ? "" : ",") + R"("slug":")" + slug + R"(","name":")" + name +
         R"(","aliases":[],"summary":"S.","how_it_works":"H.","who_for":"W.","session":"X.",)"
         R"("benefits":["a","b","c","d"],"faqs":[{"q":"q1","a":"a1"},{"q":"q2","a":"a2"},{"q":"q3","a":"a3"}],)"
         R"("evidence_summary":"E.","concerns":[{"id":"anxiety","evidence":"moderate","ages":{"min":18,"max":120},)"
         R"("source":"systematic review","recommendation":"review-evidence"}],"formats":["individual"],)"
         R"("related":[],"last_reviewed":"2026-11-23"})";
}

}  // namespace

TEST_CASE("the bundled data folder loads with no errors", "[loaders][data]") {
  const auto errors = test::error_lines(test::bundled_errors());
  CAPTURE(errors);
  CHECK(errors.empty());
  CHECK(test::bundled_dataset().glossary.size() >= 1);
  CHECK(test::bundled_directory().fictional);
}

TEST_CASE("directory loader reports each kind of error at its exact path", "[loaders][directory]") {
  const json fixture = json::parse(test::read_text(test::fixture_path("directory-errors.json")));
  for (const auto& c : fixture["cases"]) {
    const std::string name = c["name"].get<std::string>();
    const std::string text = c["text"].get<std::string>();
    SECTION(name) {
      const DirectoryLoad load = load_directory({"fixture.json", text}, test::bundled_dataset());
      const std::vector<std::string> expected = c["errors"].get<std::vector<std::string>>();
      CHECK(test::error_lines(load.errors) == expected);
    }
  }
}

TEST_CASE("directory loader keeps good therapists when others are broken", "[loaders][directory]") {
  const json fixture = json::parse(test::read_text(test::fixture_path("directory-errors.json")));
  json good = fixture["good_therapist"];
  json bad = good;
  bad["id"] = "t-000002";
  bad["gender"] = 3;
  const std::string text = json{{"fictional", true}, {"therapists", {good, bad}}}.dump();
  const DirectoryLoad load = load_directory({"d.json", text}, test::bundled_dataset());
  REQUIRE(load.directory.therapists.size() == 1);
  CHECK(load.directory.therapists[0].id == "t-000001");
  CHECK(test::error_lines(load.errors) ==
        std::vector<std::string>{"d.json:$.therapists[1].gender: expected a string, found a number"});
}

TEST_CASE("directory loader caps the error list for a file full of problems", "[loaders][directory]") {
  std::string text = R"({"fictional":true,"therapists":[)";
  for (int i = 0; i < 5000; ++i) text += std::string(i ? "," : "") + "{}";
  text += "]}";
  const DirectoryLoad load = load_directory({"d.json", text}, test::bundled_dataset());
  CHECK(load.directory.therapists.empty());
  REQUIRE(load.errors.size() == 201);
  CHECK(load.errors.back().message == "too many errors; only the first 200 are shown");
}

TEST_CASE("directory loader rejects a file over the size limit without parsing it", "[loaders][directory]") {
  const std::string text(65u << 20, ' ');
  const DirectoryLoad load = load_directory({"huge.json", text}, test::bundled_dataset());
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].path == "$");
  CHECK(load.errors[0].message.find("the limit is 67108864") != std::string::npos);
}

TEST_CASE("parse_json survives hostile input", "[loaders][json]") {
  const std::vector<std::string> inputs = {
      "",           "\xff\xfe", "{\"a\":\"\xc3\"}",      "nul",
      "1e999999",   "[1,2,",    std::string(10000, '['), "{\"a\":1}garbage",
      "\"\\ud800\""};
  for (const auto& text : inputs) {
    Diagnostics diag;
    diag.file = "x.json";
    const auto value = parse_json(text, {}, diag);
    CHECK_FALSE(value.has_value());
    REQUIRE(diag.errors.size() == 1);
    CHECK(diag.errors[0].path == "$");
  }
}

TEST_CASE("validate_profile uses the directory rules with paths from the entry root", "[loaders][profile]") {
  const json fixture = json::parse(test::read_text(test::fixture_path("directory-errors.json")));
  json profile = fixture["good_therapist"];
  CHECK(validate_profile(profile.dump(), test::bundled_dataset()).empty());
  profile["fees"]["min"] = -5;
  profile.erase("gender");
  CHECK(test::error_lines(validate_profile(profile.dump(), test::bundled_dataset())) ==
        std::vector<std::string>{"profile:$.gender: is required",
                                 "profile:$.fees.min: must be between 0 and 1000"});
}

TEST_CASE("glossary loader requires every section", "[loaders][glossary]") {
  CHECK(glossary_errors(R"({"entries":[)" + entry_json("cbt", "CBT therapy") + "]}").empty());
  std::string text = R"({"entries":[{"slug":"cbt","name":"CBT"}]})";
  const auto errors = glossary_errors(text);
  CHECK(errors.front() == "glossary.json:$.entries[0].summary: is required");
  CHECK(errors.size() == 10);  // all ten missing sections, not just the first
}

TEST_CASE("glossary loader rejects an alias that another entry already uses", "[loaders][glossary]") {
  const std::string text = R"({"entries":[)" +
                           entry_json("cbt", "Cognitive behavioural therapy", R"("aliases":["CBT"])") + "," +
                           entry_json("tf-cbt", "Trauma-focused CBT", R"("aliases":["cbt"])") + "]}";
  // The splice puts the override first and entry_json's empty aliases last; build explicitly instead.
  json doc = json::parse(text);
  doc["entries"][0]["aliases"] = {"CBT"};
  doc["entries"][1]["aliases"] = {"cbt"};
  CHECK(glossary_errors(doc.dump()) ==
        std::vector<std::string>{
            R"(glossary.json:$.entries[1].aliases[0]: "cbt" is already the name or an alias of "cbt")"});
}

TEST_CASE("glossary loader checks related slugs and concern ids", "[loaders][glossary]") {
  json doc = json::parse(R"({"entries":[)" + entry_json("cbt", "Cognitive behavioural therapy") + "," +
                         entry_json("act", "Acceptance and commitment therapy") + "]}");
  doc["entries"][0]["related"] = {"act", "nope"};
  doc["entries"][1]["concerns"][0]["id"] = "sadness";
  CHECK(glossary_errors(doc.dump()) ==
        std::vector<std::string>{
            R"(glossary.json:$.entries[1].concerns[0].id: unknown concern id "sadness")",
            R"(glossary.json:$.entries[0].related[1]: no glossary entry has the slug "nope")"});
}

TEST_CASE("glossary loader holds every evidence tag to the rules of docs/evidence.md",
          "[loaders][glossary][evidence]") {
  const json fixture = json::parse(test::read_text(test::fixture_path("glossary-evidence-errors.json")));
  for (const auto& c : fixture["cases"]) {
    SECTION(c["name"].get<std::string>()) {
      json entry = fixture["good_entry"];
      entry["concerns"] = c["concerns"];
      const json doc = {{"entries", json::array({entry})}};
      CHECK(glossary_errors(doc.dump()) == c["errors"].get<std::vector<std::string>>());
    }
  }
}

TEST_CASE("crisis contacts need digits-only numbers and a checked date", "[loaders][crisis]") {
  Diagnostics diag;
  diag.file = "crisis.json";
  const json doc = json::parse(
      R"({"last_checked":"2026-13-01","contacts":[{"id":"x","name":"X","how":"Call 116 123","when":"Always","for":"All",
          "phone":"116 123","urgent":true,"nations":["england","wales","scotland","northern-ireland"]}]})");
  parse_crisis(doc, diag);
  CHECK(test::error_lines(diag.errors) ==
        std::vector<std::string>{
            R"(crisis.json:$.last_checked: expected a date written YYYY-MM-DD, found "2026-13-01")",
            "crisis.json:$.contacts[0].phone: must be digits only, as dialled"});
}

TEST_CASE("the bundled crisis list has the UK lines the design requires", "[data][crisis]") {
  const Crisis& c = test::bundled_dataset().crisis;
  std::map<std::string, std::string> phone;
  for (const auto& k : c.contacts) phone[k.id] = k.phone.empty() ? k.sms : k.phone;
  CHECK(phone["emergency"] == "999");
  CHECK(phone["nhs-111-england"] == "111");
  CHECK(phone["samaritans"] == "116123");
  CHECK(phone["shout"] == "85258");
  CHECK(phone["papyrus"] == "08000684141");
  CHECK(phone["childline"] == "08001111");
}

TEST_CASE("questionnaire follow-ups depend only on earlier questions", "[loaders][questionnaire]") {
  Diagnostics diag;
  diag.file = "q.json";
  const json doc = json::parse(R"({"questions":[
    {"id":"location","kind":"place","prompt":"Where?","shows_if":{"question":"format","any_of":["in-person"]}},
    {"id":"format","kind":"multi","prompt":"How?","options":[{"id":"video","label":"Video"}]},
    {"id":"safety","kind":"single","prompt":"Safe?","options":[{"id":"none","label":"No","risk":"none"},
      {"id":"some","label":"Yes, safe now","risk":"some"},{"id":"urgent","label":"Yes, not safe","risk":"urgent"}]}]})");
  parse_questionnaire(doc, diag);
  CHECK(test::error_lines(diag.errors) ==
        std::vector<std::string>{"q.json:$.questions[0].shows_if.question: must name an earlier question"});
}

TEST_CASE("entry_to_json keeps the documented field order", "[serialize]") {
  const GlossaryEntry* e = find_entry(test::bundled_dataset(), "attachment-based");
  REQUIRE(e != nullptr);
  const ordered_json j = entry_to_json(*e);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"slug", "name", "aliases", "summary", "how_it_works", "who_for",
                                         "session", "benefits", "faqs", "evidence_summary", "concerns",
                                         "formats", "related", "last_reviewed"});
}

// Issue #12, defect 11: each entry is written to glossary/SLUG.html, so "index" overwrote A to Z.
TEST_CASE("glossary loader refuses the slug index, which names the A to Z page",
          "[loaders][glossary][security]") {
  CHECK(
      glossary_errors(R"({"entries":[)" + entry_json("index", "Index therapy") + "]}") ==
      std::vector<std::string>{
          R"(glossary.json:$.entries[0].slug: "index" is reserved for the A to Z page; choose another slug)"});
}

// Issue #12, defect 11: a therapist listed in two regions' files was shown twice.
TEST_CASE("a further shard that repeats an id already loaded reports it and leaves it out",
          "[loaders][directory][security]") {
  const json fixture = json::parse(test::read_text(test::fixture_path("directory-errors.json")));
  json other = fixture["good_therapist"];
  other["id"] = "t-000002";
  const std::string first = json{{"fictional", true}, {"therapists", {fixture["good_therapist"]}}}.dump();
  const std::string second =
      json{{"fictional", true}, {"therapists", {other, fixture["good_therapist"]}}}.dump();
  const DirectoryLoad a = load_directory({"wales.json", first}, test::bundled_dataset());
  REQUIRE(a.ok());
  const DirectoryLoad b = load_directory({"england.json", second}, test::bundled_dataset(), &a.directory);
  CHECK(
      test::error_lines(b.errors) ==
      std::vector<std::string>{
          R"(england.json:$.therapists[1].id: repeats id "t-000001", already loaded from an earlier file)"});
  REQUIRE(b.directory.therapists.size() == 1);
  CHECK(b.directory.therapists[0].id == "t-000002");
}

TEST_CASE("the glossary pages' loader reads glossary and concerns with load_dataset's checks",
          "[loaders][glossary]") {
  const std::string glossary = test::read_text(test::data_path("glossary.json"));
  const std::string concerns = test::read_text(test::data_path("concerns.json"));
  const DatasetLoad load = load_glossary_data({"glossary.json", glossary}, {"concerns.json", concerns});
  CHECK(test::error_lines(load.errors).empty());
  const Dataset& full = test::bundled_dataset();
  REQUIRE(load.data.glossary.size() == full.glossary.size());
  for (std::size_t i = 0; i < full.glossary.size(); ++i)
    CHECK(to_text(entry_to_json(load.data.glossary[i]), false) ==
          to_text(entry_to_json(full.glossary[i]), false));
  CHECK(to_text(concerns_to_json(load.data.concerns), false) ==
        to_text(concerns_to_json(full.concerns), false));
  // Nothing else is read: the glossary pages never fetch the other three files.
  CHECK(load.data.questionnaire.questions.empty());
  CHECK(load.data.places.places.empty());

  // A concerns file that lacks "anxiety" makes the glossary's anxiety tags unknown concern ids,
  // exactly as the full load reports them.
  const std::string no_anxiety =
      R"({"concerns":[{"id":"depression","label":"Low mood","description":"Feeling down."}]})";
  const auto lines = test::error_lines(
      load_glossary_data({"glossary.json", glossary}, {"concerns.json", no_anxiety}).errors);
  CAPTURE(lines);
  const std::string anxiety = R"(unknown concern id "anxiety")";
  CHECK(std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
    return l.rfind("glossary.json:$.entries[", 0) == 0 && l.find(anxiety) != std::string::npos;
  }));
}
