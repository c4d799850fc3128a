// Persona stories from tests/fixtures/personas.json: each answer set is matched (or, for
// "mode": "partial", run as it stands at the safety question) and the result is held to what the
// nations' published routes say it must contain. tests/node/safety_personas.test.mjs checks the
// same file against the WebAssembly build. This file checks the crisis and signpost expectations;
// other keys of "expect" belong to other parts of the result and their own tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/crisis_contacts.h"
#include "core/matcher.h"
#include "test_support.h"

using namespace tft;

namespace {

const Matcher& bundled_matcher() {
  static const Matcher m = prepare_matcher(test::bundled_dataset(), test::bundled_directory());
  return m;
}

std::vector<std::string> ids_of(const json& list) {
  std::vector<std::string> out;
  for (const auto& x : list) out.push_back(x.is_string() ? x.get<std::string>() : x["id"].get<std::string>());
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// Every contact id the result shows anywhere: the crisis list, "Need help now?" and signposts.
std::set<std::string> every_contact_shown(const json& result) {
  std::set<std::string> out;
  for (const auto& id : ids_of(result["crisis"]["contacts"])) out.insert(id);
  for (const auto& g : result["crisis"]["need_help"])
    for (const auto& id : ids_of(g["contacts"])) out.insert(id);
  for (const auto& s : result["signposts"])
    for (const auto& id : ids_of(s["contacts"])) out.insert(id);
  return out;
}

json run(const json& persona) {
  const std::string answers = persona["answers"].dump();
  if (persona.value("mode", "") == "partial") {
    const SafetyRoutesText out =
        safety_routes_text(test::bundled_dataset(), bundled_matcher().places, answers);
    REQUIRE(out.ok());
    return json::parse(out.text);
  }
  const MatchText out = match_text(bundled_matcher(), answers, 1);
  REQUIRE(out.ok());
  return json::parse(out.text);
}

void check_crisis(const json& want, const json& crisis) {
  if (want.contains("level")) CHECK(crisis["level"] == want["level"]);
  if (want.contains("nation")) CHECK(crisis["nation"] == want["nation"]);
  const std::vector<std::string> listed = ids_of(crisis["contacts"]);
  if (want.contains("first")) {
    REQUIRE_FALSE(listed.empty());
    CHECK(listed.front() == want["first"].get<std::string>());
  }
  for (const auto& id : want.value("includes", json::array())) CHECK(has(listed, id));
  for (const auto& id : want.value("excludes", json::array())) CHECK_FALSE(has(listed, id));
  if (want.contains("groups")) {
    std::vector<std::string> nations;
    for (const auto& g : crisis["groups"]) nations.push_back(g["nation"]);
    CHECK(nations == want["groups"].get<std::vector<std::string>>());
  }
  std::vector<std::string> need_help;
  for (const auto& g : crisis["need_help"])
    for (const auto& id : ids_of(g["contacts"])) need_help.push_back(id);
  for (const auto& id : want.value("need_help_includes", json::array())) CHECK(has(need_help, id));
  for (const auto& id : want.value("need_help_excludes", json::array())) CHECK_FALSE(has(need_help, id));
}

void check_signposts(const json& want, const json& signposts) {
  const std::vector<std::string> shown = ids_of(signposts);
  for (const auto& id : want.value("includes", json::array())) CHECK(has(shown, id));
  for (const auto& id : want.value("excludes", json::array())) CHECK_FALSE(has(shown, id));
  // expect.signposts.contacts / .nations: signpost id -> its exact contact ids / its nation.
  for (const char* field : {"contacts", "nations"}) {
    const json wanted = want.value(field, json::object());
    for (const auto& [key, value] : wanted.items()) {
      const std::string& id = key;  // clang before 16 cannot capture a structured binding (C++17)
      INFO("signpost " << id << " " << field);
      const auto it =
          std::find_if(signposts.begin(), signposts.end(), [&](const json& s) { return s["id"] == id; });
      REQUIRE(it != signposts.end());
      if (std::string(field) == "contacts")
        CHECK(ids_of((*it)["contacts"]) == value.get<std::vector<std::string>>());
      else
        CHECK((*it)["nation"] == value);
    }
  }
}

}  // namespace

TEST_CASE("personas get the crisis contacts and signposts their nation and age call for",
          "[personas][safety]") {
  const json fixture = json::parse(test::read_text(test::fixture_path("personas.json")));
  REQUIRE(fixture["personas"].size() >= 10);
  std::map<std::string, std::string> dials;  // contact id -> number its link dials
  for (const auto& c : test::bundled_dataset().crisis.contacts)
    dials[c.id] = c.phone.empty() ? c.sms : c.phone;
  for (const auto& persona : fixture["personas"]) {
    const std::string name = persona["name"];
    SECTION(name) {
      const json result = run(persona);
      const json& want = persona["expect"];
      if (want.contains("crisis")) check_crisis(want["crisis"], result["crisis"]);
      if (want.contains("signposts")) check_signposts(want["signposts"], result["signposts"]);
      for (const auto& number : want.value("never_dial", json::array()))
        for (const auto& id : every_contact_shown(result)) {
          INFO(id << " dials " << dials[id]);
          CHECK(dials[id] != number.get<std::string>());
        }
    }
  }
}
