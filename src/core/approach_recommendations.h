// Which approaches suit a visitor's concerns, for their age, and why (the "approaches" part of the
// match result). Uses only evidence tags that fit the person's age (evidence.h), ranks NICE's
// "offer" above "consider" above review evidence, and says in each reason what the evidence is,
// for whom and on whose word. docs/evidence.md describes the model and the ranking.
#pragma once

#include <cstdint>
#include <vector>

#include "answers.h"
#include "matcher.h"
#include "serialize.h"

namespace tft {

// Evidence level per [approach * concerns + concern] for someone of `ages`: 0 none, 1 emerging,
// 2 moderate, 3 strong, from the same tag the recommendations cite (best_evidence). The matcher's
// evidence score term reads this, so a therapist earns points only for evidence that fits the person.
std::vector<std::uint8_t> evidence_levels(const Matcher& m, AgeRange ages);

// Up to six approaches, best first: [{slug, name, score, reasons}]. An approach is listed when some
// tag fits the person for one of their concerns, or when they asked for it. Score (0-1, two
// decimals) = 0.8 x the mean evidence weight over the concerns any approach has fitting evidence
// for + 0.15 if asked for + 0.05 x the share of passing therapists who offer it; ties by slug.
// `offered[a]` counts the passing therapists who offer approach a; `passing` is how many passed.
ordered_json approach_recommendations(const Matcher& m, const Answers& answers,
                                      const std::vector<std::uint32_t>& offered, std::size_t passing);

}  // namespace tft
