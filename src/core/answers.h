// A visitor's questionnaire answers (docs/design.md#answers): parsed from untrusted JSON text and checked
// before any matching happens. Every problem becomes an Error in file "answers" with the JSON path
// of the field, e.g. `answers:$.location.place: unknown place "Leds"; did you mean Leeds, Leek?`.
//
// Rules beyond docs/design.md#answers, chosen to catch mistakes early rather than match on a
// misunderstanding:
// - `who` and `format` are required; everything else is optional.
// - `age` is a whole number 0..120, or an age band {"min", "max"} (the questionnaire offers bands
//   for a child); for who = "child" it must be under 18; for "couple" and "family" it is not asked
//   and is an error if given. A band passes a therapist only if their ages cover all of it.
// - `location` is {"place": NAME} or {"lat", "lon"} inside the UK's bounds; it is required when
//   in-person is the only acceptable format. A place is looked up with find_place (places.h).
// - `max_distance_km` 1..1000, default kDefaultDistanceKm when a location is given.
// - `budget.max_per_session` 0..1000 pounds.
// - `must_have` may name budget, therapist_gender, languages, availability, identity, approaches,
//   low_cost; each named field must itself be answered (a must-have of nothing is a mistake).
// - `safety` defaults to {"risk": "none"}.
// Input limits: 64 KiB of text, 8 levels of nesting, 40 items per list. Never throws.
// Cost: linear in the text; an unknown place adds one scan of the places list for suggestions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "model.h"
#include "places.h"

namespace tft {

constexpr double kDefaultDistanceKm = 20.0;

struct Answers {
  std::string who;                      // myself | couple | family | child
  std::optional<int> age;               // the age, or the lowest age of a band
  int age_to = 0;                       // the highest age of a band; equal to *age for a number
  std::vector<std::string> concerns;    // concern ids
  std::vector<std::string> approaches;  // approach slugs the visitor would like
  std::vector<std::string> format;      // acceptable formats, at least one
  bool has_location = false;
  std::string place;  // the resolved place's name, or empty for lat/lon
  double lat = 0, lon = 0;
  double max_distance_km = kDefaultDistanceKm;
  std::optional<double> budget;  // max per session, pounds
  bool low_cost = false;
  std::vector<std::string> languages;    // ISO 639-1
  std::string therapist_gender = "any";  // female | male | non-binary | any
  std::vector<std::string> availability;
  std::vector<std::string> identity;
  std::vector<std::string> must_have;
  std::string risk = "none";  // none | some | urgent
  // The visitor's nation (nations.h): the chosen place's, or for coordinates the nearest place's;
  // empty when the answers give no location. Picks the crisis contacts and signposts.
  std::string nation;

  bool accepts(std::string_view fmt) const;
  bool must(std::string_view field) const;
};

struct AnswersParse {
  Answers answers;
  std::vector<Error> errors;
  bool ok() const { return errors.empty(); }
};

// The fields `must_have` may name, in the order the matcher applies them.
const std::vector<std::string>& must_have_fields();

// `partial` accepts answers part-way through the questionnaire (for the crisis contacts shown the
// moment the safety question is answered): nothing is required and no cross-field rule applies,
// but every field given is still checked.
enum class AnswersMode { complete, partial };

AnswersParse parse_answers(std::string_view text, const Dataset& data, const PlaceIndex& places,
                           AnswersMode mode = AnswersMode::complete);

}  // namespace tft
