#include <catch2/catch.hpp>

#include "core/contact.h"

using namespace tft;

TEST_CASE("email addresses: ordinary forms pass, broken ones are named", "[contact]") {
  for (const char* ok :
       {"sam@example.org", "sam.fixture+tft@mail.example.co.uk", "o'hare@example.org", "a@b.cd"})
    CHECK(email_problem(ok).empty());
  for (const char* bad :
       {"", "sam", "sam@", "@example.org", "sam@@example.org", "sam@example", "sam@example.o",
        "sam@-example.org", "sam @example.org", ".sam@example.org", "sa..m@example.org", "sam@example..org",
        "sam@example.org.", "<sam>@example.org", "sam@exa_mple.org"})
    CHECK(email_problem(bad) == "expected an email address such as name@example.org");
}

TEST_CASE("phone numbers: UK national and +44 forms with spaces, dashes or brackets", "[contact]") {
  for (const char* ok : {"0113 496 0000", "01134960999", "07700 900123", "+44 7700 900123",
                         "+44 (0)113 496 0001", "(0113) 496-0002", "020 7946 0000"})
    CHECK(phone_problem(ok).empty());
  for (const char* bad : {"", "12345", "0113 496", "0113 496 0000 0000", "+1 212 555 0100", "0113 CALL ME",
                          "0113+4960000", "tel:01134960000", "+44 113 496 00000 1"})
    CHECK(phone_problem(bad) == "expected a UK phone number such as 0113 496 0000");
}

TEST_CASE("websites: https only, a real host name, nothing that could break out of a link", "[contact]") {
  for (const char* ok :
       {"https://example.org", "https://www.example.org/", "https://sam.example.org/about?x=1#top"})
    CHECK(website_problem(ok).empty());
  CHECK(website_problem("http://example.org") == "must start with https:// (a secure address), not http://");
  for (const char* bad :
       {"", "example.org", "javascript:alert(1)", "https://", "https://localhost", "https://exa mple.org",
        "ftp://example.org", "HTTPS//example.org", "https://user@example.org", "data:text/html,x"})
    CHECK(website_problem(bad) ==
          "expected a web address starting with https://, such as https://www.example.org");
  for (const char* bad :
       {"https://example.org/a b", "https://example.org/\"><script>", "https://example.org/<x>"})
    CHECK(website_problem(bad) == "must not contain spaces, quotes or angle brackets");
}

TEST_CASE("months_before counts calendar months and clamps to the month's last day", "[contact][freshness]") {
  CHECK(months_before("2026-11-30", 6) == "2026-05-30");
  CHECK(months_before("2026-03-15", 6) == "2025-09-15");
  CHECK(months_before("2026-08-31", 6) == "2026-02-28");
  CHECK(months_before("2028-08-31", 6) == "2028-02-29");  // a leap year
  CHECK(months_before("2026-01-01", 12) == "2025-01-01");
}

TEST_CASE("an entry is stale when confirmed more than six months before the reference day",
          "[contact][freshness]") {
  CHECK_FALSE(is_stale("2026-05-30", "2026-11-30"));  // exactly six months: still current
  CHECK(is_stale("2026-05-29", "2026-11-30"));
  CHECK_FALSE(is_stale("2026-11-30", "2026-11-30"));
  CHECK_FALSE(is_stale("2027-01-01", "2026-11-30"));  // confirmed "after" today: never stale
  CHECK_FALSE(is_stale("", "2026-11-30"));
  CHECK_FALSE(is_stale("2020-01-01", ""));
  CHECK_FALSE(is_stale("2020-01-01", "not a date"));
}
