// Every number that tunes a match, named in one place: how many points each score term is worth,
// how partial credit falls off inside a term, the steps the "relax" suggestions offer and the
// cheap distance cut-off. The matcher's source files read these constants and no bare numbers;
// docs/matching.md explains the choices.
#pragma once

#include <array>
#include <cstddef>

#include "result_summary.h"

namespace tft {

// The weight of each score term: the points a therapist earns when the term is fully met. Terms
// that do not apply to the visitor's answers drop out of both sides of the score's fraction.
struct ScoreWeights {
  // The visitor's concerns that the therapist lists, as a share of those asked: the single best
  // sign that this person does this kind of work.
  double concerns = 30;
  // How strong the glossary's evidence is for the therapist's approaches on the visitor's concerns
  // (ScoreShape::evidence_by_level of the weight, best approach per concern, averaged over the
  // concerns that have any evidence listed). Only evidence tags whose ages fit the person count
  // (approach_recommendations.h, docs/evidence.md).
  double evidence = 15;
  // Offers at least one approach the visitor asked for by name.
  double approaches = 15;
  // Fees from within budget: full weight; a little over (up to ScoreShape::budget_slack pounds):
  // falling linearly to ScoreShape::budget_at_slack of it; further: none.
  double budget = 10;
  // Offers concessions or low-cost places, when the visitor wants them.
  double low_cost = 5;
  // Works in at least one of the visitor's languages.
  double languages = 5;
  // Is the gender the visitor would prefer (not "any").
  double gender = 5;
  // Share of the visitor's times (daytime, evening, weekend) the therapist offers.
  double availability = 5;
  // Share of the visitor's identity needs (e.g. LGBTQ+ affirming) the therapist states.
  double identity = 5;
  // In-person sessions within the visitor's distance: full weight next door, falling linearly to
  // ScoreShape::distance_at_limit of it at the visitor's limit.
  double distance = 5;
};

inline constexpr ScoreWeights kWeights{};

// How partial credit falls off inside a term.
struct ScoreShape {
  // The share of the evidence weight each level earns: none, emerging, moderate, strong.
  std::array<double, 4> evidence_by_level{0, 0.3, 0.6, 1.0};
  // Pounds over budget that still earn some of the budget weight.
  double budget_slack = 20;
  // The share of the budget weight left at budget + budget_slack.
  double budget_at_slack = 0.5;
  // The share of the distance weight left at exactly the visitor's distance limit.
  double distance_at_limit = 0.5;
};

inline constexpr ScoreShape kScoreShape{};

// How the recommended approaches are ranked (approach_recommendations.h): a score from 0 to 1.
struct RecommendationWeights {
  // Times the mean evidence weight (evidence.h) over the concerns any approach has evidence for.
  double evidence = 0.8;
  // Added when the visitor asked for the approach by name.
  double asked = 0.15;
  // Times the share of passing therapists who offer it.
  double offered_share = 0.05;
  // How many approaches the result lists at most.
  std::size_t listed = 6;
};

inline constexpr RecommendationWeights kRecommendationWeights{};

// What the "relax" suggestions offer: the smallest step that lets more therapists through.
struct RelaxSteps {
  // Travel limits in kilometres, for results worded in km ...
  std::array<double, 4> distance_km{10, 25, 50, 100};
  // ... and in miles (5, 10, 25 and 50 miles, so a suggestion reads in round miles).
  std::array<double, 4> distance_miles_km{5 * kKmPerMile, 10 * kKmPerMile, 25 * kKmPerMile, 50 * kKmPerMile};
  // Pounds added to the budget.
  std::array<double, 2> budget_rise{10, 20};
};

inline constexpr RelaxSteps kRelaxSteps{};

// The travel limits a "travel further" suggestion offers, in kilometres, smallest first, for
// results worded in `unit`.
inline const std::array<double, 4>& distance_steps(DistanceUnit unit) {
  return unit == DistanceUnit::km ? kRelaxSteps.distance_km : kRelaxSteps.distance_miles_km;
}

// The cheap test that skips distances not worth computing: a location further north or south
// than the widest limit considered (plus a margin) cannot be within it.
struct DistanceCutoff {
  double km_per_degree_latitude = 111.2;
  // Slack so rounding can never skip a place within the limit.
  double margin_km = 5;
};

inline constexpr DistanceCutoff kDistanceCutoff{};

}  // namespace tft
