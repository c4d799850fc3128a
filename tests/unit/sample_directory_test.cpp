// The bundled sample directory is fictional down to its contact details: every address is at
// example.org (reserved for examples) and every phone number is in an Ofcom drama range, so no
// visitor trying the demo can reach a real person.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/contact.h"
#include "test_support.h"

using namespace tft;

TEST_CASE("every sample therapist can be contacted, only at fictional addresses and numbers",
          "[data][contact]") {
  const Directory& d = test::bundled_directory();
  REQUIRE(d.therapists.size() >= 200);
  const std::regex drama_phone(R"(0113 496 0\d{3}|07700 900\d{3})");
  const std::regex example_site(R"(https://[a-z0-9-]+\.example\.org)");
  std::set<std::string> phones, emails;
  std::size_t stale = 0, waiting_given = 0;
  for (const Therapist& t : d.therapists) {
    CAPTURE(t.id);
    CHECK_FALSE((t.contact.email.empty() && t.contact.phone.empty() && t.contact.website.empty()));
    if (!t.contact.email.empty()) {
      const std::string suffix = "@example.org";
      CHECK(t.contact.email.size() > suffix.size());
      CHECK(t.contact.email.compare(t.contact.email.size() - suffix.size(), suffix.size(), suffix) == 0);
      CHECK(emails.insert(t.contact.email).second);
    }
    if (!t.contact.phone.empty()) {
      CHECK(std::regex_match(t.contact.phone, drama_phone));
      CHECK(phones.insert(t.contact.phone).second);
    }
    if (!t.contact.website.empty()) CHECK(std::regex_match(t.contact.website, example_site));
    CHECK(t.updated.size() == 10);
    if (is_stale(t.updated, "2026-11-20")) ++stale;
    if (!t.waiting.empty()) ++waiting_given;
  }
  // A demo needs both kinds: most entries current, some old enough to show the caveat.
  CHECK(stale > 0);
  CHECK(stale < d.therapists.size() / 4);
  CHECK(waiting_given > 0);
  CHECK(waiting_given < d.therapists.size());
}
