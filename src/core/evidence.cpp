#include "evidence.h"

#include "text.h"

namespace tft {

namespace {

constexpr AgeRange kAdultsAssumed{18, 64};
constexpr AgeRange kChildren{0, 17};
constexpr AgeRange kAnyAge{0, 120};

}  // namespace

const char* evidence_level_words(Evidence e) {
  switch (e) {
    case Evidence::strong:
      return "Strong evidence";
    case Evidence::moderate:
      return "Moderate evidence";
    case Evidence::emerging:
      return "Emerging evidence";
  }
  return "Emerging evidence";
}

AgeRange evidence_ages(const Answers& a) {
  if (a.age) return {*a.age, a.age_to};
  if (a.who == "child") return kChildren;
  if (a.who == "family") return kAnyAge;
  return kAdultsAssumed;
}

bool ages_overlap(AgeRange a, AgeRange b) {
  return a.min <= b.max && b.min <= a.max;
}

double evidence_weight(const ConcernEvidence& tag) {
  const bool offer = tag.recommendation == Recommendation::offer;
  const bool consider = tag.recommendation == Recommendation::consider;
  switch (tag.evidence) {
    case Evidence::strong:
      return offer ? 1.0 : 0.9;
    case Evidence::moderate:
      return offer ? 0.75 : consider ? 0.65 : 0.55;
    case Evidence::emerging:
      return offer || consider ? 0.4 : tag.recommendation == Recommendation::review_evidence ? 0.3 : 0.2;
  }
  return 0;
}

const ConcernEvidence* best_evidence(const GlossaryEntry& entry, const std::string& concern, AgeRange ages) {
  const ConcernEvidence* best = nullptr;
  for (const auto& tag : entry.concerns)
    if (tag.id == concern && ages_overlap(tag.ages, ages) &&
        (!best || evidence_weight(tag) > evidence_weight(*best)))
      best = &tag;
  return best;
}

std::string age_group_words(AgeRange ages) {
  const std::string lo = std::to_string(ages.min), hi = std::to_string(ages.max);
  if (ages.min == 0 && ages.max >= 120) return "people of any age";
  if (ages.max >= 120) return ages.min == 18 ? "adults" : "people aged " + lo + " and over";
  if (ages.min == 0 && ages.max == 17) return "children and young people";
  if (ages.min == 0) return "children under " + std::to_string(ages.max + 1);
  if (ages.max <= 12) return "children aged " + lo + " to " + hi;
  if (ages.max <= 17)
    return (ages.min >= 12 ? "young people aged " : "children and young people aged ") + lo + " to " + hi;
  return "people aged " + lo + " to " + hi;
}

std::string evidence_reason(const ConcernEvidence& tag, const std::string& concern_label) {
  const std::string what = tag.model.empty() ? "this" : tag.model;
  const std::string whom = age_group_words(tag.ages);
  // "adults with parenting" does not read; every other concern label follows "with".
  const std::string need =
      (tag.id == "parenting" ? "who want help with " : "with ") + lower_first(concern_label);
  std::string text = std::string(evidence_level_words(tag.evidence)) + ": ";
  switch (tag.recommendation) {
    case Recommendation::offer:
      text += "NICE recommends offering " + what + " to " + whom + " " + need;
      break;
    case Recommendation::consider:
      text += "for " + whom + " " + need + ", NICE says to consider " + what;
      break;
    case Recommendation::review_evidence:
      text += "some research suggests " + what + " may help " + whom + " " + need;
      break;
    case Recommendation::research_only:
      text += "early research suggests " + what + " may help " + whom + " " + need;
      break;
  }
  return text + " (" + tag.source + ")";
}

std::string evidence_source_words(const ConcernEvidence& tag) {
  switch (tag.recommendation) {
    case Recommendation::offer:
      return tag.source + ", which says to offer it";
    case Recommendation::consider:
      return tag.source + ", which says to consider it";
    case Recommendation::review_evidence:
      return tag.source + "; no NICE recommendation";
    case Recommendation::research_only:
      return tag.source + "; early research only";
  }
  return tag.source;
}

}  // namespace tft
