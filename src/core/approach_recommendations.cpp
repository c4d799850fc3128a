#include "approach_recommendations.h"

#include <algorithm>
#include <cmath>

#include "evidence.h"
#include "matcher_internal.h"
#include "small_sort.h"
#include "sort_order.h"

namespace tft {

namespace {

std::uint8_t level_number(Evidence e) {
  return e == Evidence::strong ? 3 : e == Evidence::moderate ? 2 : 1;
}

double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

// The visitor's concerns that concerns.json knows, as concern numbers, in the order given.
std::vector<std::size_t> concern_numbers(const Matcher& m, const Answers& a) {
  std::vector<std::size_t> out;
  for (const auto& c : a.concerns) {
    const auto it = std::lower_bound(m.tables->concern_ids.begin(), m.tables->concern_ids.end(), c);
    if (it != m.tables->concern_ids.end() && *it == c)
      out.push_back(static_cast<std::size_t>(it - m.tables->concern_ids.begin()));
  }
  return out;
}

}  // namespace

std::vector<std::uint8_t> evidence_levels(const Matcher& m, AgeRange ages) {
  const std::size_t nc = m.tables->concern_ids.size();
  std::vector<std::uint8_t> levels(m.tables->approach_slugs.size() * nc, 0);
  for (std::size_t ap = 0; ap < m.tables->approach_slugs.size(); ++ap) {
    const GlossaryEntry* e = m.tables->approach_entries[ap];
    if (!e) continue;
    for (std::size_t c = 0; c < nc; ++c)
      if (const ConcernEvidence* tag = best_evidence(*e, m.tables->concern_ids[c], ages))
        levels[ap * nc + c] = level_number(tag->evidence);
  }
  return levels;
}

ordered_json approach_recommendations(const Matcher& m, const Answers& a,
                                      const std::vector<std::uint32_t>& offered, std::size_t passing) {
  const AgeRange ages = evidence_ages(a);
  const std::vector<std::size_t> concerns = concern_numbers(m, a);
  const std::size_t na = m.tables->approach_slugs.size();

  // best[ap][k]: the tag approach ap cites for the visitor's k-th concern, if any fits.
  std::vector<std::vector<const ConcernEvidence*>> best(na,
                                                        std::vector<const ConcernEvidence*>(concerns.size()));
  std::vector<char> concern_has_evidence(concerns.size(), 0);
  for (std::size_t ap = 0; ap < na; ++ap) {
    if (!m.tables->approach_entries[ap]) continue;
    for (std::size_t k = 0; k < concerns.size(); ++k) {
      best[ap][k] = best_evidence(*m.tables->approach_entries[ap], m.tables->concern_ids[concerns[k]], ages);
      if (best[ap][k]) concern_has_evidence[k] = 1;
    }
  }
  const auto evidence_concerns =
      static_cast<double>(std::count(concern_has_evidence.begin(), concern_has_evidence.end(), 1));

  struct Pick {
    double score;
    std::size_t id;
  };
  std::vector<Pick> picks;
  for (std::size_t ap = 0; ap < na; ++ap) {
    if (!m.tables->approach_entries[ap]) continue;
    double evidence = 0;
    for (const ConcernEvidence* tag : best[ap])
      if (tag) evidence += evidence_weight(*tag);
    if (evidence_concerns > 0) evidence /= evidence_concerns;
    const bool wanted = std::find(a.approaches.begin(), a.approaches.end(), m.tables->approach_slugs[ap]) !=
                        a.approaches.end();
    if (evidence <= 0 && !wanted) continue;
    const double share = passing ? static_cast<double>(offered[ap]) / static_cast<double>(passing) : 0;
    const RecommendationWeights& w = kRecommendationWeights;
    picks.push_back(
        {round2(w.evidence * evidence + w.asked * (wanted ? 1 : 0) + w.offered_share * share), ap});
  }
  sort_items(picks, [&](const Pick& x, const Pick& y) {
    return x.score != y.score ? x.score > y.score
                              : m.tables->approach_slugs[x.id] < m.tables->approach_slugs[y.id];
  });
  if (picks.size() > kRecommendationWeights.listed) picks.resize(kRecommendationWeights.listed);

  ordered_json list = ordered_json::array();
  for (const Pick& p : picks) {
    // Strongest evidence first; concerns with equal evidence keep the visitor's order.
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < concerns.size(); ++k)
      if (best[p.id][k]) order.push_back(k);
    small_stable_sort(order, [&](std::size_t x, std::size_t y) {
      return evidence_weight(*best[p.id][x]) > evidence_weight(*best[p.id][y]);
    });
    std::vector<std::string> reasons;
    reasons.reserve(order.size() + 1);
    for (const std::size_t k : order)
      reasons.push_back(evidence_reason(*best[p.id][k], m.tables->concern_labels[concerns[k]]));
    if (std::find(a.approaches.begin(), a.approaches.end(), m.tables->approach_slugs[p.id]) !=
        a.approaches.end())
      reasons.push_back("You asked for this approach");
    if (passing) {
      const std::uint32_t n = offered[p.id];
      reasons.push_back(n ? "Offered by " + std::to_string(n) + " of the " + std::to_string(passing) +
                                " therapists who fit your answers"
                          : "Not offered by any of the therapists who fit your answers");
    }
    list.push_back({{"slug", m.tables->approach_slugs[p.id]},
                    {"name", m.tables->approach_entries[p.id]->name},
                    {"score", p.score},
                    {"reasons", reasons}});
  }
  return list;
}

}  // namespace tft
