// Safety routes: the bundled crisis contacts checked against the UK numbering plan and the four
// nations' published routes (docs/safety.md), the loader's rules for contacts, signposts, places'
// nations and the questionnaire's wording by who, and how coordinates find a nation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/crisis_contacts.h"
#include "core/loaders.h"
#include "core/nations.h"
#include "test_support.h"

using namespace tft;

namespace {

const CrisisContact* contact(const std::string& id) {
  for (const auto& c : test::bundled_dataset().crisis.contacts)
    if (c.id == id) return &c;
  return nullptr;
}

bool serves(const CrisisContact& c, const std::string& nation) {
  return std::find(c.nations.begin(), c.nations.end(), nation) != c.nations.end();
}

// The numbers written in a line of text, each as its digits: "Call 0800 068 4141 free or text
// 88247" gives {"08000684141", "88247"}. A run of digits may be broken by single spaces.
std::vector<std::string> numbers_written(const std::string& text) {
  std::vector<std::string> out;
  static const std::regex run(R"(\d+(?: \d+)*)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), run); it != std::sregex_iterator(); ++it) {
    std::string digits;
    for (const char ch : it->str())
      if (ch != ' ') digits += ch;
    out.push_back(digits);
  }
  return out;
}

// A crisis file with 999 for every nation plus `contacts_json` (more contacts, or empty) and
// `signposts_json`, run through the loader; concern ids "abuse" and "psychosis" exist.
std::vector<std::string> crisis_errors(const std::string& contacts_json,
                                       const std::string& signposts_json = "[]") {
  const std::string all_nations = R"(["england","wales","scotland","northern-ireland"])";
  const json doc = json::parse(R"({"last_checked":"2026-11-30","contacts":[
      {"id":"emergency","name":"Emergency","how":"Call 999","when":"Always","for":"Danger","phone":"999","urgent":true,
       "nations":)" + all_nations +
                               "}" + (contacts_json.empty() ? "" : "," + contacts_json) +
                               R"(],"signposts":)" + signposts_json + "}");
  Diagnostics diag;
  diag.file = "crisis.json";
  parse_crisis(doc, diag, {"abuse", "psychosis"});
  return test::error_lines(diag.errors);
}

std::vector<std::string> questionnaire_errors(const std::string& questions_json) {
  Diagnostics diag;
  diag.file = "q.json";
  parse_questionnaire(json::parse(R"({"questions":)" + questions_json + "}"), diag);
  return test::error_lines(diag.errors);
}

const char* kWho =
    R"({"id":"who","kind":"single","prompt":"Who?","options":[{"id":"myself","label":"Me"},{"id":"child","label":"My child"}]})";
const char* kSafety =
    R"({"id":"safety","kind":"single","prompt":"Safe?","options":[{"id":"none","label":"No","risk":"none"},
    {"id":"some","label":"Yes, safe now","risk":"some"},{"id":"urgent","label":"Yes, not safe","risk":"urgent"}]})";

}  // namespace

// ---------------------------------------------------------------------------------- the numbers

TEST_CASE("every crisis number is a UK phone or text number written as it is dialled",
          "[data][crisis][safety]") {
  // UK numbering plan (Ofcom): 999 and 112 emergency, 111 NHS, 116 xxx harmonised helplines,
  // 01/02 geographic, 03 non-geographic, 07 mobile, 0800/0808 freephone (including the short
  // 0800 1111); text numbers are five-digit short codes or mobiles.
  static const std::regex phone(R"(999|112|111|116\d{3}|0[123]\d{8,9}|07\d{9}|080[08]\d{6,7}|08001111)");
  static const std::regex sms(R"([6-8]\d{4}|07\d{9})");
  for (const auto& c : test::bundled_dataset().crisis.contacts) {
    INFO(c.id);
    CHECK((!c.phone.empty() || !c.sms.empty()));
    if (!c.phone.empty()) CHECK(std::regex_match(c.phone, phone));
    if (!c.sms.empty()) CHECK(std::regex_match(c.sms, sms));
  }
}

TEST_CASE("what a visitor reads in a contact is the number their phone dials", "[data][crisis][safety]") {
  for (const auto& c : test::bundled_dataset().crisis.contacts) {
    INFO(c.id << ": " << c.how);
    const auto written = numbers_written(c.how);
    if (!c.phone.empty()) CHECK(std::find(written.begin(), written.end(), c.phone) != written.end());
    if (!c.sms.empty()) CHECK(std::find(written.begin(), written.end(), c.sms) != written.end());
  }
}

TEST_CASE("a line we call free is a freephone number", "[data][crisis][safety]") {
  static const std::regex free_word(R"(\bfree\b)", std::regex::icase);
  for (const auto& c : test::bundled_dataset().crisis.contacts) {
    if (c.phone.empty() || !std::regex_search(c.how, free_word)) continue;
    INFO(c.id << ": " << c.how);
    const std::string& p = c.phone;
    CHECK((p == "999" || p == "111" || p.compare(0, 3, "116") == 0 || p.compare(0, 4, "0800") == 0 ||
           p.compare(0, 4, "0808") == 0));
  }
}

TEST_CASE("each nation has 999 and its own NHS urgent mental health line for every visitor",
          "[data][crisis][safety]") {
  // From the nations' own services: England NHS 111 (mental health option); Wales NHS 111 press 2;
  // Scotland NHS 24 on 111 (mental health hub); Northern Ireland Lifeline, as 111 has no mental
  // health line there.
  const std::map<std::string, std::pair<std::string, std::string>> nhs_line{
      {"england", {"nhs-111-england", "111"}},
      {"wales", {"nhs-111-wales", "111"}},
      {"scotland", {"nhs-24-scotland", "111"}},
      {"northern-ireland", {"lifeline-ni", "08088088000"}}};
  for (const auto& [nation, line] : nhs_line) {
    INFO(nation);
    const CrisisContact* emergency = contact("emergency");
    REQUIRE(emergency != nullptr);
    CHECK(emergency->phone == "999");
    CHECK(serves(*emergency, nation));
    const CrisisContact* own = contact(line.first);
    REQUIRE(own != nullptr);
    CHECK(own->phone == line.second);
    CHECK(own->urgent);
    CHECK_FALSE(own->has_ages);
    CHECK(own->nations == std::vector<std::string>{nation});
  }
  for (const auto& c : test::bundled_dataset().crisis.contacts)
    if (c.phone == "111") CHECK_FALSE(serves(c, "northern-ireland"));
}

TEST_CASE("each nation's own listening lines and domestic abuse helpline serve that nation only",
          "[data][crisis][safety]") {
  const std::map<std::string, std::string> own{{"call-wales", "wales"},
                                               {"samaritans-welsh", "wales"},
                                               {"breathing-space", "scotland"},
                                               {"domestic-abuse-england", "england"},
                                               {"live-fear-free", "wales"},
                                               {"domestic-abuse-scotland", "scotland"},
                                               {"domestic-abuse-ni", "northern-ireland"}};
  for (const auto& [id, nation] : own) {
    INFO(id);
    const CrisisContact* c = contact(id);
    REQUIRE(c != nullptr);
    CHECK(c->nations == std::vector<std::string>{nation});
  }
  for (const char* id :
       {"domestic-abuse-england", "live-fear-free", "domestic-abuse-scotland", "domestic-abuse-ni"})
    CHECK(contact(id)->concerns == std::vector<std::string>{"abuse"});
  for (const char* id : {"samaritans", "shout", "calm", "papyrus", "childline"}) {
    INFO(id);
    REQUIRE(contact(id) != nullptr);
    CHECK(contact(id)->nations.size() == 4);
  }
  // Childline is for under-19s; Papyrus for people aged 35 and under; Breathing Space 16 and over.
  CHECK((contact("childline")->has_ages && contact("childline")->ages.max == 18));
  CHECK((contact("papyrus")->has_ages && contact("papyrus")->ages.max == 35));
  CHECK((contact("breathing-space")->has_ages && contact("breathing-space")->ages.min == 16));
}

// ---------------------------------------------------------------------------------- the loader

TEST_CASE("the loader refuses numbers that are not UK numbers as dialled, or not the number shown",
          "[loaders][crisis][safety]") {
  const std::string rest = R"("name":"X","when":"Always","for":"All","nations":["wales"])";
  CHECK(crisis_errors(R"({"id":"a","how":"Call 12345",)" + rest + R"(,"phone":"12345"})") ==
        std::vector<std::string>{
            R"(crisis.json:$.contacts[1].phone: "12345" is not a UK phone number as dialled)"});
  CHECK(
      crisis_errors(R"({"id":"a","how":"Call 0800 1234 567",)" + rest + R"(,"phone":"08001234568"})") ==
      std::vector<std::string>{
          R"(crisis.json:$.contacts[1].phone: "08001234568" does not appear in "how", so the visitor would read a different number)"});
  CHECK(crisis_errors(R"({"id":"a","how":"Text 0800 123 4567",)" + rest + R"(,"sms":"08001234567"})") ==
        std::vector<std::string>{
            R"(crisis.json:$.contacts[1].sms: "08001234567" is not a UK text number as dialled)"});
  CHECK(crisis_errors(R"({"id":"a","how":"Visit us",)" + rest + "}") ==
        std::vector<std::string>{"crisis.json:$.contacts[1]: needs a phone or sms number"});
}

TEST_CASE("the loader needs known nations, an urgent line for everyone in each nation, and known ids",
          "[loaders][crisis][safety]") {
  CHECK(
      crisis_errors(R"({"id":"a","name":"X","how":"Call 116 123","when":"Always","for":"All","phone":"116123",
      "nations":["cornwall"]})") ==
      std::vector<std::string>{R"(crisis.json:$.contacts[1].nations[0]: unknown id "cornwall")"});
  // The only urgent contact is for under-19s in Wales: nobody else there has an urgent line.
  const json doc = json::parse(R"({"last_checked":"2026-11-30","contacts":[
      {"id":"kids","name":"K","how":"Call 0800 1111","when":"Always","for":"Kids","phone":"08001111","urgent":true,
       "nations":["wales"],"ages":{"min":0,"max":18}}]})");
  Diagnostics diag;
  diag.file = "crisis.json";
  parse_crisis(doc, diag);
  CHECK(test::error_lines(diag.errors) ==
        std::vector<std::string>{
            "crisis.json:$.contacts: has no urgent contact for everyone in England",
            "crisis.json:$.contacts: has no urgent contact for everyone in Wales",
            "crisis.json:$.contacts: has no urgent contact for everyone in Scotland",
            "crisis.json:$.contacts: has no urgent contact for everyone in Northern Ireland"});
}

TEST_CASE("the loader checks signposts: ids, concerns, nation, ages and contacts that exist",
          "[loaders][crisis][safety]") {
  const std::string c =
      R"({"id":"samaritans","name":"S","how":"Call 116 123","when":"Always","for":"All","phone":"116123",
      "nations":["england"]})";
  CHECK(crisis_errors(c, R"([{"id":"gp","concerns":["psychosis"],"nation":"wales","ages":{"min":18,"max":120},
      "text":"See a GP.","contacts":["samaritans"]}])")
            .empty());
  CHECK(
      crisis_errors(
          c, R"([{"id":"gp","concerns":["sadness"],"nation":"mars","text":"See a GP.","contacts":["nope"]},
      {"id":"gp","ages":{"min":20,"max":10},"text":"Again.","contacts":[]}])") ==
      std::vector<std::string>{
          R"(crisis.json:$.signposts[0].concerns[0]: unknown id "sadness")",
          R"(crisis.json:$.signposts[0].nation: unknown value "mars"; expected one of: england, northern-ireland, scotland, wales)",
          R"(crisis.json:$.signposts[0].contacts[0]: unknown id "nope")",
          "crisis.json:$.signposts[1].ages: min is greater than max",
          R"(crisis.json:$.signposts[1].id: repeats "gp")"});
}

TEST_CASE("every bundled place carries the nation of its region", "[data][places][safety]") {
  std::map<std::string, int> per_nation;
  for (const auto& p : test::bundled_dataset().places.places) {
    INFO(p.name << ", " << p.region);
    CHECK(p.nation == nation_for_region(p.region));
    ++per_nation[p.nation];
  }
  CHECK(per_nation.size() == 4);
  const json doc = json::parse(R"({"source":"s","licence":"l","attribution":"a","places":[
      {"name":"Newry","region":"Northern Ireland","nation":"england","lat":54.17,"lon":-6.33}]})");
  Diagnostics diag;
  diag.file = "places.json";
  parse_places(doc, diag);
  CHECK(test::error_lines(diag.errors) ==
        std::vector<std::string>{
            R"(places.json:$.places[0].nation: is "england" but the region is Northern Ireland)"});
}

TEST_CASE("coordinates take the nation of the nearest town, and none far out at sea", "[places][safety]") {
  const Places& places = test::bundled_dataset().places;
  CHECK(nation_near(places, 54.60, -5.93) == "northern-ireland");  // Belfast
  CHECK(nation_near(places, 51.48, -3.18) == "wales");             // Cardiff
  CHECK(nation_near(places, 55.86, -4.25) == "scotland");          // Glasgow
  CHECK(nation_near(places, 51.51, -0.13) == "england");           // London
  CHECK(nation_near(places, 53.05, -3.00) == "wales");             // Wrexham, near the border
  CHECK(nation_near(places, 53.19, -2.89) == "england");           // Chester, across it
  CHECK(nation_near(places, 56.50, 1.50).empty());                 // the North Sea
}

// ---------------------------------------------------------------------------------- the questions

TEST_CASE("the safety question asks about the person the therapy is for, over the last two weeks",
          "[data][questionnaire][safety]") {
  const auto& questions = test::bundled_dataset().questionnaire.questions;
  const auto it =
      std::find_if(questions.begin(), questions.end(), [](const Question& q) { return q.id == "safety"; });
  REQUIRE(it != questions.end());
  const Question& q = *it;
  CHECK(q.prompt.find("last two weeks") != std::string::npos);
  CHECK(q.prompt.find("you") != std::string::npos);
  const std::map<std::string, std::string> must_say{
      {"couple", "either of you"}, {"family", "anyone in your family"}, {"child", "your child"}};
  for (const auto& [who, words] : must_say) {
    INFO(who);
    REQUIRE(q.prompt_by_who.count(who));
    CHECK(q.prompt_by_who.at(who).find(words) != std::string::npos);
    CHECK(q.prompt_by_who.at(who).find("last two weeks") != std::string::npos);
  }
  std::vector<std::pair<std::string, std::string>> answers;
  for (const auto& o : q.options) answers.emplace_back(o.label, o.risk);
  CHECK(answers ==
        std::vector<std::pair<std::string, std::string>>{{"No", "none"},
                                                         {"Yes, but I feel safe right now", "some"},
                                                         {"Yes, and I do not feel safe", "urgent"},
                                                         {"I'd rather not say", "some"}});
  // No promise the site cannot keep: it shows contacts; it cannot keep anyone safe or call for help.
  for (const char* promise : {"keep you safe", "we will call", "we will contact", "make sure you are safe"}) {
    INFO(promise);
    CHECK(q.help.find(promise) == std::string::npos);
  }
}

TEST_CASE("a question that speaks to the visitor as the client is worded for a child, a couple and a family",
          "[data][questionnaire][safety]") {
  // These ask about the visitor's own arrangements (how, where, how far, what they pay, which
  // approach they have in mind), which read the same whoever the therapy is for.
  const std::set<std::string> about_the_visitor{"who",    "format",   "location",  "max_distance_km",
                                                "budget", "low_cost", "approaches"};
  for (const auto& q : test::bundled_dataset().questionnaire.questions) {
    if (about_the_visitor.count(q.id)) continue;
    INFO(q.id << ": " << q.prompt);
    if (q.id == "age") {  // asked only for "myself" and "child"
      CHECK(q.prompt_by_who.count("child"));
      continue;
    }
    for (const char* who : {"couple", "family", "child"}) CHECK(q.prompt_by_who.count(who));
  }
}

TEST_CASE("the loader checks wording by who: known answers, asked after who, risk only on safety",
          "[loaders][questionnaire][safety]") {
  CHECK(questionnaire_errors(std::string("[") + kWho + "," + kSafety + "]").empty());
  CHECK(questionnaire_errors(
            std::string("[") + kWho +
            R"(,{"id":"concerns","kind":"multi","prompt":"What?","prompt_by_who":{"robot":"Beep?"},
      "options":[{"id":"a","label":"A","label_by_who":{"child":7}}]},)" +
            kSafety + "]") ==
        std::vector<std::string>{
            "q.json:$.questions[1].options[0].label_by_who.child: must be text, not a number",
            "q.json:$.questions[1].prompt_by_who.robot: is not an answer to the who question"});
  CHECK(questionnaire_errors(
            std::string(
                R"([{"id":"concerns","kind":"multi","prompt":"What?","prompt_by_who":{"child":"For them?"},
      "options":[{"id":"a","label":"A","risk":"none"}]},)") +
            kWho + "," + kSafety + "]") ==
        std::vector<std::string>{"q.json:$.questions[0].prompt_by_who: needs the who question to come first",
                                 "q.json:$.questions[0].options[0].risk: is only for the safety question"});
  CHECK(questionnaire_errors(std::string("[") + kWho +
                             R"(,{"id":"safety","kind":"single","prompt":"Safe?","options":[
      {"id":"none","label":"No","risk":"none"},{"id":"quiet","label":"Rather not say"}]}])") ==
        std::vector<std::string>{"q.json:$.questions[1].options[1].risk: is required: say which risk level "
                                 "(none, some or urgent) this answer means",
                                 "q.json:$.questions[1].options: has no answer meaning some",
                                 "q.json:$.questions[1].options: has no answer meaning urgent"});
}
