#include "result_summary.h"

#include <cmath>

#include "contact.h"
#include "glossary_pages.h"
#include "json_input.h"
#include "text.h"
#include "vocabulary.h"

namespace tft {

const char* fit_band(int score) {
  return score >= kStrongFit ? "strong" : score >= kGoodFit ? "good" : "partial";
}

int fit_band_rank(int score) {
  return score >= kStrongFit ? 2 : score >= kGoodFit ? 1 : 0;
}

std::string distance_text(double km, DistanceUnit unit) {
  if (unit == DistanceUnit::km) return fixed_decimals(km, std::floor(km) == km ? 0 : 1) + " km";
  const double miles = km / kKmPerMile;
  if (miles < 0.5) return "less than a mile";
  const long whole = std::lround(miles);
  if (whole == 1) return "1 mile";
  return std::to_string(whole) + " miles";
}

std::string stale_caveat(std::string_view updated) {
  return "Last confirmed these details on " + long_date(updated) + ", more than " +
         std::to_string(kFreshMonths) + " months ago: check they are still practising";
}

std::uint32_t day_number(std::string_view iso) {
  if (!is_valid_date(iso)) return 0;
  std::uint32_t n = 0;
  for (const char c : iso)
    if (c != '-') n = n * 10 + static_cast<std::uint32_t>(c - '0');
  return n;
}

std::string day_text(std::uint32_t day) {
  if (day == 0 || day > 99991231) return "";
  std::string text = "0000-00-00";
  for (const std::size_t at : {9, 8, 6, 5, 3, 2, 1, 0}) {
    text[at] = static_cast<char>('0' + day % 10);
    day /= 10;
  }
  return text;
}

ordered_json summary_json(const SummaryFacts& s) {
  ordered_json j;
  j["passing"] = s.passing;
  if (s.concerns_asked) j["listing_concerns"] = s.listing;
  if (s.in_person_asked) {
    j["max_distance_km"] = s.max_distance_km;
    j["nearby"] = s.nearby;
    ordered_json formats = ordered_json::array();
    for (const CodedWord& f : format_codes())
      if (f.id != "in-person" && (s.remote_formats & f.code)) formats.push_back(std::string(f.id));
    j["remote_formats"] = std::move(formats);
  }
  j["stale"] = s.stale;
  j["today"] = s.today;
  return j;
}

}  // namespace tft
