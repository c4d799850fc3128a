// The parts of a match result that help a visitor scan it (docs/matching.md, "Reading the
// result"): the fit band that stands in for the score, the summary facts the page words as its
// first sentence, the freshness caveat, and distances worded in kilometres or miles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "serialize.h"

namespace tft {

// Score 0-100 in words: "strong" (80 and over), "good" (60-79), "partial" (below 60).
inline constexpr int kStrongFit = 80;
inline constexpr int kGoodFit = 60;
const char* fit_band(int score);
// 2 strong, 1 good, 0 partial: the order bands sort in.
int fit_band_rank(int score);

// How distances are worded in reasons, caveats and suggestions. The numbers in the result stay in
// kilometres whatever the words say.
enum class DistanceUnit { km, miles };
inline constexpr double kKmPerMile = 1.609344;
// "4.2 km" / "3 miles", "less than a mile" (whole miles: a straight line between town centres
// does not justify a decimal).
std::string distance_text(double km, DistanceUnit unit);

// The caveat on an entry not confirmed within kFreshMonths of the reference day.
std::string stale_caveat(std::string_view updated);

// YYYY-MM-DD as a comparable number (20260303); 0 for anything else.
std::uint32_t day_number(std::string_view iso);
// A day_number() back as YYYY-MM-DD; "" for 0 or a number that is no YYYYMMDD.
std::string day_text(std::uint32_t day);

// What the summary sentence says, counted over every therapist that passes (not only those shown).
struct SummaryFacts {
  std::size_t passing = 0;
  bool concerns_asked = false;
  std::size_t listing = 0;       // passing therapists who list at least one chosen concern
  bool in_person_asked = false;  // in-person sessions with a place to measure from
  double max_distance_km = 0;
  // Of the first group (those listing a concern when there are any, otherwise all that pass):
  std::size_t nearby = 0;  // can meet in person within max_distance_km
  std::uint8_t remote_formats =
      0;                  // bits (2 video, 4 phone, 8 text) the others offer and the visitor accepts
  std::size_t stale = 0;  // passing therapists not confirmed within kFreshMonths
  std::string today;      // the reference day used
};
ordered_json summary_json(const SummaryFacts& s);

}  // namespace tft
