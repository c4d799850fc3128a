// One therapist as the match result shows it (docs/matching.md, "Reading the result"): the only
// place reasons and caveats are built, and only for the `limit` best.
#include <cmath>

#include "matcher_internal.h"
#include "serialize.h"

namespace tft {

namespace {

double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

}  // namespace

bool is_stale_row(const Query& q, const Matcher::Row& r) {
  return r.updated && r.updated < q.stale_before;
}

ordered_json match_item(const Matcher& m, const Query& q, std::size_t i, int score) {
  const Therapist& t = m.directory->therapists[i];
  const Eval e = evaluate(m, q, i, true);
  ScoreTerm terms[kTermCount];
  score_terms(m, q, i, e, true, terms);
  const bool stale = is_stale_row(q, m.rows[i]);
  ordered_json reasons = ordered_json::array(), caveats = ordered_json::array(), breakdown = ordered_json::array();
  // An entry that may be out of date puts that first: every other line rests on its details.
  if (stale) caveats.push_back(stale_caveat(t.updated));
  for (const auto& term : terms) {
    if (!term.reason.empty()) reasons.push_back(term.reason);
    if (!term.caveat.empty()) caveats.push_back(term.caveat);
    if (term.possible > 0)
      breakdown.push_back({{"term", term.name}, {"earned", round2(term.earned)}, {"possible", term.possible}});
  }
  ordered_json j;
  j["id"] = t.id;
  j["name"] = t.name;
  j["score"] = score;
  j["band"] = fit_band(score);
  j["lists_concern"] = lists_concern(q, terms);
  j["stale"] = stale;
  if (e.nearest >= 0) j["distance_km"] = e.distance;
  j["reasons"] = std::move(reasons);
  j["caveats"] = std::move(caveats);
  j["breakdown"] = std::move(breakdown);
  if (e.nearest >= 0)
    j["place"] = t.locations[static_cast<std::size_t>(e.nearest)].place;
  else if (!t.locations.empty())
    j["place"] = t.locations[0].place;
  // The rest of the entry, as the results page shows it (same shape as the directory file).
  ordered_json full = therapist_to_json(t);
  for (auto it = full.begin(); it != full.end(); ++it)
    if (it.key() != "id" && it.key() != "name") j[it.key()] = it.value();
  return j;
}

}  // namespace tft
