// "Relax" suggestions: ways to see more therapists, each with exactly how many more. They are
// counted during match()'s one pass from the same filter masks: dropping must-have F gains exactly
// the therapists whose only failure is F; widening distance or budget gains those whose only
// failure is that filter and who are within the new limit; accepting another format gains those
// who fail only on where (format or distance) and offer it. Tests check these numbers by
// re-running match() with the relaxed answers. Steps: match_tuning.h (kRelaxSteps).
#include <algorithm>

#include "matcher_internal.h"
#include "small_sort.h"
#include "vocabulary.h"

namespace tft {

namespace {

// How a must-have reads in a sentence: "Make language a preference rather than a must-have".
const char* must_have_words(std::string_view field) {
  return field == "budget"             ? "your budget"
         : field == "therapist_gender" ? "the therapist's gender"
         : field == "languages"        ? "language"
         : field == "availability"     ? "the times you can make"
         : field == "identity"         ? "what your therapist should understand"
         : field == "low_cost"         ? "a low-cost place"
                                       : "the approaches you chose";
}

std::string to_see(std::size_t gain) {
  return " to see " + plural(gain, "more therapist", "more therapists");
}

void must_have_suggestions(const Query& q, const RelaxGains& gains, std::vector<RelaxSuggestion>& out) {
  for (const auto& field : q.a->must_have) {
    const Filter f = must_have_filter(field);
    if (f == kFilterCount || !gains.drop[f]) continue;
    RelaxSuggestion s{"must_have", field, std::nullopt, "", gains.drop[f], ""};
    s.text = std::string("Make ") + must_have_words(field) + " a preference rather than a must-have" +
             to_see(s.gain);
    out.push_back(std::move(s));
  }
}

// The smallest widening that helps.
void distance_suggestion(const Query& q, const RelaxGains& gains, std::vector<RelaxSuggestion>& out) {
  const auto& steps = distance_steps(q.unit);
  for (std::size_t s = 0; s < steps.size(); ++s) {
    if (!gains.distance[s]) continue;
    out.push_back({"max_distance_km", "", steps[s], "", gains.distance[s],
                   "Travel up to " + distance_text(steps[s], q.unit) + to_see(gains.distance[s])});
    return;
  }
}

// The smallest rise that helps.
void budget_suggestion(const Query& q, const RelaxGains& gains, std::vector<RelaxSuggestion>& out) {
  for (std::size_t s = 0; s < kRelaxSteps.budget_rise.size(); ++s) {
    if (!gains.budget[s]) continue;
    const double rise = kRelaxSteps.budget_rise[s];
    out.push_back({"budget", "", q.budget + rise, "", gains.budget[s],
                   "Raise your budget by " + pounds(rise) + " to " + pounds(q.budget + rise) +
                       to_see(gains.budget[s])});
    return;
  }
}

void format_suggestions(const RelaxGains& gains, std::vector<RelaxSuggestion>& out) {
  const CodedWords& formats = format_codes();
  for (std::size_t k = 0; k < formats.size(); ++k) {
    if (!gains.format[k]) continue;
    out.push_back({"format", "", std::nullopt, std::string(formats[k].id), gains.format[k],
                   "Add " + std::string(formats[k].words) + " sessions" + to_see(gains.format[k])});
  }
}

}  // namespace

RelaxGains start_gains() {
  RelaxGains gains;
  gains.format.assign(format_codes().size(), 0);
  return gains;
}

void count_gains(const Matcher& m, const Query& q, std::size_t i, const Eval& e, RelaxGains& gains) {
  const MatcherRow& r = m.tables->rows[i];
  const std::size_t f = static_cast<std::size_t>(first_filter(e.failed)) % kFilterCount;
  // Exactly one failing filter: relaxing that one alone would let this therapist through.
  if ((e.failed & (e.failed - 1)) == 0) {
    ++gains.drop[f];
    const auto& steps = distance_steps(q.unit);
    if (f == kDistance && q.in_person && (r.formats & kInPerson))
      for (std::size_t s = 0; s < steps.size(); ++s)
        if (steps[s] > q.a->max_distance_km && e.distance <= steps[s]) ++gains.distance[s];
    if (f == kBudget)
      for (std::size_t s = 0; s < kRelaxSteps.budget_rise.size(); ++s)
        if (r.fee_min <= q.budget + kRelaxSteps.budget_rise[s]) ++gains.budget[s];
  }
  // Failing only on where: another format the therapist offers would let them through.
  const std::uint16_t where = (1u << kFormat) | (1u << kDistance);
  if ((e.failed & ~where) == 0) {
    const CodedWords& formats = format_codes();
    for (std::size_t k = 0; k < formats.size(); ++k) {
      const std::uint8_t bit = formats[k].code;
      if (bit != kInPerson && !(q.formats & bit) && (r.formats & bit)) ++gains.format[k];
    }
  }
}

std::vector<RelaxSuggestion> relax_suggestions(const Query& q, const RelaxGains& gains) {
  std::vector<RelaxSuggestion> found;
  must_have_suggestions(q, gains, found);
  distance_suggestion(q, gains, found);
  budget_suggestion(q, gains, found);
  format_suggestions(gains, found);
  small_stable_sort(found,
                    [](const RelaxSuggestion& x, const RelaxSuggestion& y) { return x.gain > y.gain; });
  return found;
}

}  // namespace tft
