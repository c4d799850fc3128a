// One therapist as the match result shows it, and the whole result as JSON (docs/design.md#result).
// Reasons and caveats are built here and only here, and only for the `limit` best.
#include <cmath>

#include "matcher_internal.h"
#include "packed_rows.h"
#include "serialize.h"

namespace tft {

namespace {

double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

ordered_json matched_json(const MatchedTherapist& item) {
  const Therapist& t = *item.therapist;
  ordered_json breakdown = ordered_json::array();
  for (const ScoreTerm& term : item.breakdown)
    breakdown.push_back({{"term", term.name}, {"earned", term.earned}, {"possible", term.possible}});
  // The rest of the entry, as the results page shows it (same shape as the directory file).
  ordered_json full = therapist_to_json(t);
  // The match's own 11 members at most, then the entry's but its id and name.
  ordered_json j = object_with_room(11 + full.size() - 2);
  j["id"] = t.id;
  j["name"] = t.name;
  j["score"] = item.score;
  j["band"] = item.band;
  j["lists_concern"] = item.lists_concern;
  j["stale"] = item.stale;
  if (item.distance_km) j["distance_km"] = *item.distance_km;
  j["reasons"] = item.reasons;
  j["caveats"] = item.caveats;
  j["breakdown"] = std::move(breakdown);
  if (item.place) j["place"] = *item.place;
  for (auto it = full.begin(); it != full.end(); ++it)
    if (it.key() != "id" && it.key() != "name") j[it.key()] = std::move(it.value());
  return j;
}

// Whole numbers print without ".0", so a suggestion reads 25, not 25.0.
ordered_json number_json(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return static_cast<std::int64_t>(v);
  return v;
}

ordered_json suggestion_json(const RelaxSuggestion& s) {
  ordered_json j;
  j["relax"] = s.relax;
  if (!s.field.empty()) j["field"] = s.field;
  if (s.to) j["to"] = number_json(*s.to);
  if (!s.add.empty()) j["add"] = s.add;
  j["gain"] = s.gain;
  j["text"] = s.text;
  return j;
}

}  // namespace

void set_matcher_entry(const Matcher& m, std::size_t i, MatchedTherapist& item) {
  if (m.packed) {
    item.made = std::make_unique<const Therapist>(packed_entry(*m.packed, i));
    item.therapist = item.made.get();
    return;
  }
  // The directory outlives the result (matcher.h): point at the entry without owning it.
  item.therapist = &m.directory->therapists[i];
}

bool is_stale_row(const Query& q, const MatcherRow& r) {
  return r.updated && r.updated < q.stale_before;
}

std::string_view location_place(const Matcher& m, const MatcherRow& r, std::size_t k) {
  return m.tables->place_names[m.tables->location_place[r.locations_begin + k]];
}

MatchedTherapist matched(const Matcher& m, const Query& q, std::size_t i, int score) {
  const MatcherRow& r = m.tables->rows[i];
  const Eval e = evaluate(m, q, i, true);
  ScoreTerm terms[kTermCount];
  score_terms(m, q, i, e, true, terms);
  MatchedTherapist item;
  set_matcher_entry(m, i, item);
  item.score = score;
  item.band = fit_band(score);
  item.lists_concern = lists_concern(q, terms);
  item.stale = is_stale_row(q, r);
  // An entry that may be out of date puts that first: every other line rests on its details.
  if (item.stale) item.caveats.push_back(stale_caveat(day_text(r.updated)));
  for (const auto& term : terms) {
    if (!term.reason.empty()) item.reasons.push_back(term.reason);
    if (!term.caveat.empty()) item.caveats.push_back(term.caveat);
    if (term.possible > 0) item.breakdown.push_back({term.name, round2(term.earned), term.possible, "", ""});
  }
  if (e.nearest >= 0) {
    item.distance_km = e.distance;
    item.place = std::string(location_place(m, r, static_cast<std::size_t>(e.nearest)));
  } else if (r.locations_count > 0) {
    item.place = std::string(location_place(m, r, 0));
  }
  return item;
}

ordered_json match_result_to_json(const MatchResult& r) {
  ordered_json result;
  result["crisis"] = r.crisis;
  result["signposts"] = r.signposts;
  result["summary"] = summary_json(r.summary);
  result["approaches"] = r.approaches;
  ordered_json matches = ordered_json::array();
  for (const MatchedTherapist& item : r.matches) matches.push_back(matched_json(item));
  result["matches"] = std::move(matches);
  ordered_json by = ordered_json::object();
  for (const ExcludedCount& c : r.excluded_by) by[c.filter] = c.count;
  result["excluded"] = {{"total", r.excluded_total}, {"by", std::move(by)}};
  ordered_json suggestions = ordered_json::array();
  for (const RelaxSuggestion& s : r.suggestions) suggestions.push_back(suggestion_json(s));
  result["suggestions"] = std::move(suggestions);
  return result;
}

}  // namespace tft
