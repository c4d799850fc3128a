// Checks for a therapist's contact details and the freshness of an entry (docs/directory.md):
// an email address, a UK phone number, an https website, and dates compared by calendar month.
// Each *_problem returns "" when the value is acceptable, else what is wrong, for an error line.
#pragma once

#include <string>
#include <string_view>

namespace tft {

std::string email_problem(std::string_view s);
std::string phone_problem(std::string_view s);
std::string website_problem(std::string_view s);

// The date `months` calendar months before `date` (both YYYY-MM-DD), on the same day of the month
// or the month's last day when it is shorter: 2026-08-31 minus 6 months is 2026-02-28.
std::string months_before(std::string_view date, int months);

// How long an entry stays current after the therapist last confirmed it.
inline constexpr int kFreshMonths = 6;

// True when `updated` is more than kFreshMonths before `today` (both YYYY-MM-DD; an empty date is
// never stale, because there is nothing to compare).
bool is_stale(std::string_view updated, std::string_view today);

}  // namespace tft
