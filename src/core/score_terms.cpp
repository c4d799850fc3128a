// The score terms, one function each with its words beside its points: a term that earns points
// writes a reason, a term that earns nothing (or less than it could) writes a caveat, and nothing
// else writes either. A term applies only when the visitor answered its question; one that does
// not apply keeps possible = 0 and drops out of the score. Weights: match_tuning.h.
#include <algorithm>
#include <cmath>

#include "matcher_internal.h"
#include "vocabulary.h"

namespace tft {

namespace {

// What every term reads: one therapist's row and the answers, and whether to write words.
struct TermInput {
  const Matcher& m;
  const Query& q;
  const Answers& a;
  std::size_t i;
  const MatcherRow& r;
  const Eval& e;
  bool explain;
};

int popcount8(unsigned v) {
  int n = 0;
  for (; v; v &= v - 1) ++n;
  return n;
}

bool therapist_lists(const TermInput& in, std::uint16_t c) {
  for (std::uint32_t k = 0; k < in.r.concerns_count; ++k)
    if (in.m.tables->concern_pool[in.r.concerns_begin + k] == c) return true;
  return false;
}

std::string concern_words(const TermInput& in, std::uint16_t c) {
  return lower_first(in.m.tables->concern_labels[c]);
}

// The visitor's concerns the therapist lists, as a share of those asked.
void concerns_term(const TermInput& in, ScoreTerm& t) {
  if (in.q.concerns.empty()) return;
  std::size_t covered = 0;
  for (std::uint32_t k = 0; k < in.r.concerns_count; ++k)
    covered += in.q.concern_wanted[in.m.tables->concern_pool[in.r.concerns_begin + k]] ? 1 : 0;
  t.possible = kWeights.concerns;
  t.earned = kWeights.concerns * static_cast<double>(covered) / static_cast<double>(in.q.concerns.size());
  if (!in.explain) return;
  std::vector<std::string> yes, no;
  for (const auto c : in.q.concerns) (therapist_lists(in, c) ? yes : no).push_back(concern_words(in, c));
  if (!yes.empty()) t.reason = "Works with " + join_words(yes);
  if (!no.empty()) t.caveat = "Does not list " + join_words(no, " or ");
}

// The best evidence level among the therapist's approaches for concern c, and that approach.
std::pair<int, std::uint16_t> best_evidence(const TermInput& in, std::uint16_t c) {
  int best = kNoEvidence;
  std::uint16_t best_approach = 0;
  for (std::uint32_t k = 0; k < in.r.approaches_count; ++k) {
    const std::uint16_t ap = in.m.tables->approach_pool[in.r.approaches_begin + k];
    const int level = in.q.evidence[ap * in.m.tables->concern_ids.size() + c];
    if (level > best) best = level, best_approach = ap;
  }
  return {best, best_approach};
}

// How strong the evidence is for the therapist's approaches on the visitor's concerns: the best
// approach per concern, averaged over the concerns that have any evidence listed.
void evidence_term(const TermInput& in, ScoreTerm& t) {
  if (in.q.evidence_concerns == 0) return;
  double sum = 0;
  // For the words: (approach, level) -> the concerns it is the best evidence for, in order met.
  struct Group {
    std::uint16_t approach;
    int level;
    std::vector<std::string> concerns;
  };
  std::vector<Group> groups;
  std::vector<std::string> no;
  for (const auto c : in.q.concerns) {
    if (!in.q.concern_has_evidence[c]) continue;
    const auto [best, best_approach] = best_evidence(in, c);
    sum += kScoreShape.evidence_by_level[static_cast<std::size_t>(best)];
    if (!in.explain) continue;
    if (!best) {
      no.push_back(concern_words(in, c));
      continue;
    }
    auto g = std::find_if(groups.begin(), groups.end(), [&, b = best, ba = best_approach](const Group& x) {
      return x.approach == ba && x.level == b;
    });
    if (g == groups.end()) g = groups.insert(groups.end(), Group{best_approach, best, {}});
    g->concerns.push_back(concern_words(in, c));
  }
  t.possible = kWeights.evidence;
  t.earned = kWeights.evidence * sum / static_cast<double>(in.q.evidence_concerns);
  if (!in.explain) return;
  for (const Group& g : groups)
    t.reason += (t.reason.empty() ? "Offers " : "; and ") + approach_name(in.m, g.approach) + ", with " +
                kEvidenceWord[g.level] + " evidence for " + join_words(g.concerns);
  if (!no.empty()) t.caveat = "None of their approaches has listed evidence for " + join_words(no, " or ");
}

// Offers at least one approach the visitor asked for by name.
void approaches_term(const TermInput& in, ScoreTerm& t) {
  if (in.q.approaches.empty()) return;
  std::vector<std::string> yes;
  for (std::uint32_t k = 0; k < in.r.approaches_count; ++k) {
    const std::uint16_t ap = in.m.tables->approach_pool[in.r.approaches_begin + k];
    if (in.q.approach_wanted[ap]) {
      t.earned = kWeights.approaches;
      if (in.explain) yes.push_back(approach_name(in.m, ap));
    }
  }
  t.possible = kWeights.approaches;
  if (!in.explain) return;
  if (!yes.empty()) {
    t.reason = "Offers " + join_words(yes) + ", which you asked for";
  } else {
    std::vector<std::string> asked;
    for (const auto ap : in.q.approaches) asked.push_back(approach_name(in.m, ap));
    t.caveat = "Does not offer " + join_words(asked, " or ");
  }
}

// Fees from within budget: full weight; a little over: falling linearly; further: none.
void budget_term(const TermInput& in, ScoreTerm& t) {
  if (!in.q.has_budget) return;
  const double over = in.r.fee_min - in.q.budget;
  const double slack = kScoreShape.budget_slack;
  t.possible = kWeights.budget;
  t.earned = over <= 0       ? kWeights.budget
             : over <= slack ? kWeights.budget * (1 - (1 - kScoreShape.budget_at_slack) * over / slack)
                             : 0;
  if (!in.explain) return;
  const std::string extra = in.r.concessions ? " (concessions available)" : "";
  // A little over earns some points but is not a reason to choose them: it is said once, as a
  // caveat, so the card never calls the same fee both "close to" and "over" the budget.
  if (over <= 0)
    t.reason = "Fees from " + pounds(in.r.fee_min) + ", within your " + pounds(in.q.budget) + " budget";
  else
    t.caveat = "Fees from " + pounds(in.r.fee_min) + ", " + pounds(over) + " over your " +
               pounds(in.q.budget) + " budget" + extra;
}

// Offers concessions or low-cost places, when the visitor wants them.
void low_cost_term(const TermInput& in, ScoreTerm& t) {
  if (!in.a.low_cost) return;
  t.possible = kWeights.low_cost;
  if (in.r.concessions || in.r.low_cost_places) t.earned = kWeights.low_cost;
  if (!in.explain) return;
  if (in.r.concessions && in.r.low_cost_places)
    t.reason = "Offers concessions and low-cost places";
  else if (in.r.concessions)
    t.reason = "Offers concessions";
  else if (in.r.low_cost_places)
    t.reason = "Offers low-cost places";
  else
    t.caveat = "No concessions or low-cost places";
}

// Works in at least one of the visitor's languages.
void languages_term(const TermInput& in, ScoreTerm& t) {
  if (in.q.languages.empty()) return;
  t.possible = kWeights.languages;
  std::vector<std::string> yes, no;
  for (std::size_t j = 0; j < in.q.languages.size(); ++j) {
    bool has = false;
    for (std::uint32_t k = 0; k < in.r.languages_count; ++k)
      has = has || in.m.tables->language_pool[in.r.languages_begin + k] == in.q.languages[j];
    if (has) t.earned = kWeights.languages;
    if (in.explain) (has ? yes : no).push_back(option_label(in.m, "languages", in.a.languages[j]));
  }
  if (!in.explain) return;
  if (!yes.empty())
    t.reason = "Works in " + join_words(yes);
  else
    t.caveat = "Does not work in " + join_words(no, " or ");
}

// Is the gender the visitor would prefer.
void gender_term(const TermInput& in, ScoreTerm& t) {
  if (!in.q.gender) return;
  t.possible = kWeights.gender;
  if (in.r.gender == in.q.gender) t.earned = kWeights.gender;
  if (!in.explain) return;
  const std::string preferred(words_of(gender_codes(), in.q.gender));
  if (in.r.gender == in.q.gender)
    t.reason = "Is " + preferred + ", as you preferred";
  else if (in.r.gender == code_of(gender_codes(), "undisclosed"))
    t.caveat = "Has not said their gender";
  else
    t.caveat = "Is not " + preferred + " (your preference)";
}

// Share of the visitor's times (daytime, evening, weekend) the therapist offers.
void availability_term(const TermInput& in, ScoreTerm& t) {
  if (!in.q.availability) return;
  const int asked = popcount8(in.q.availability), shared = popcount8(in.q.availability & in.r.availability);
  t.possible = kWeights.availability;
  t.earned = kWeights.availability * shared / asked;
  if (!in.explain) return;
  std::vector<std::string> yes, no;
  for (const CodedWord& slot : availability_codes())
    if (in.q.availability & slot.code) (in.r.availability & slot.code ? yes : no).emplace_back(slot.words);
  if (!yes.empty()) t.reason = "Has " + join_words(yes) + " slots";
  if (!no.empty()) t.caveat = "No " + join_words(no, " or ") + " slots";
}

// Share of the visitor's identity needs (e.g. LGBTQ+ affirming) the therapist states.
void identity_term(const TermInput& in, ScoreTerm& t) {
  if (!in.q.identity) return;
  const int asked = popcount8(in.q.identity), shared = popcount8(in.q.identity & in.r.identity);
  t.possible = kWeights.identity;
  t.earned = kWeights.identity * shared / asked;
  if (!in.explain) return;
  std::vector<std::string> yes, no;
  for (const auto& tag : in.a.identity) {
    const std::string label = option_label(in.m, "identity", tag);
    ((in.r.identity & code_of(identity_codes(), tag)) ? yes : no)
        .push_back(label == tag ? tag : lower_first(label));
  }
  if (!yes.empty()) t.reason = "Says they are " + join_words(yes);
  if (!no.empty()) t.caveat = "Does not say they are " + join_words(no, " or ");
}

// In-person sessions within the visitor's distance: full weight next door, less at the limit.
void distance_term(const TermInput& in, ScoreTerm& t) {
  if (!in.q.in_person) return;
  const double limit = in.a.max_distance_km;
  t.possible = kWeights.distance;
  const bool within = (in.r.formats & kInPerson) && in.e.distance <= limit;
  if (within)
    t.earned = kWeights.distance * (1 - (1 - kScoreShape.distance_at_limit) * in.e.distance / limit);
  if (!in.explain) return;
  const std::string from = in.a.place.empty() ? "you" : in.a.place;
  const std::string where =
      in.e.nearest >= 0 ? std::string(location_place(in.m, in.r, static_cast<std::size_t>(in.e.nearest)))
                        : "";
  if (within)
    t.reason =
        distance_text(in.e.distance, in.q.unit) + " from " + from + " (in-person sessions in " + where + ")";
  else if (in.r.formats & kInPerson)
    // Short, because it is often the card's one caveat: the summary already says the visitor's
    // limit and that these therapists meet in other ways.
    t.caveat = "In-person sessions are " + distance_text(in.e.distance, in.q.unit) + " away, in " + where;
  else
    t.caveat = "Does not offer in-person sessions";
}

struct TermDef {
  const char* name;
  void (*score)(const TermInput&, ScoreTerm&);
};

// In the order reasons and caveats are listed on a result.
const TermDef kTerms[kTermCount] = {{"concerns", concerns_term},     {"evidence", evidence_term},
                                    {"approaches", approaches_term}, {"budget", budget_term},
                                    {"low_cost", low_cost_term},     {"languages", languages_term},
                                    {"gender", gender_term},         {"availability", availability_term},
                                    {"identity", identity_term},     {"distance", distance_term}};

}  // namespace

const char* const kEvidenceWord[4] = {"", "emerging", "moderate", "strong"};

void score_terms(const Matcher& m, const Query& q, std::size_t i, const Eval& e, bool explain, ScoreTerm* t) {
  const TermInput in{m, q, *q.a, i, m.tables->rows[i], e, explain};
  for (int k = 0; k < kTermCount; ++k) {
    t[k].name = kTerms[k].name;
    t[k].earned = t[k].possible = 0;
    if (explain) t[k].reason.clear(), t[k].caveat.clear();
    kTerms[k].score(in, t[k]);
  }
}

int total_score(const ScoreTerm* t) {
  double earned = 0, possible = 0;
  for (int k = 0; k < kTermCount; ++k) earned += t[k].earned, possible += t[k].possible;
  if (possible <= 0) return 100;  // nothing to weigh: every therapist that passes fits equally
  return static_cast<int>(std::lround(100.0 * earned / possible));
}

bool lists_concern(const Query& q, const ScoreTerm* terms) {
  return !q.concerns.empty() && terms[tConcerns].earned > 0;
}

}  // namespace tft
