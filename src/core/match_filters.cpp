// The hard filters: the answers turned into the rows' vocabulary once per match (make_query), and
// every filter evaluated for one therapist into a bit mask (evaluate). A therapist that fails any
// filter is not shown; excluded.by counts it under the first it fails, in Filter order.
#include <algorithm>
#include <cmath>

#include "approach_recommendations.h"
#include "contact.h"
#include "evidence.h"
#include "matcher_internal.h"
#include "vocabulary.h"

namespace tft {

const char* const kFilterNames[kFilterCount] = {
    "who",    "age",      "accepting_new",    "format",    "distance",     "approaches",
    "budget", "low_cost", "therapist_gender", "languages", "availability", "identity"};

namespace {

// The client group a therapist must see for who the therapy is for.
std::uint8_t client_for(const std::string& who) {
  return code_of(client_codes(), who == "couple" ? "couples" : who == "family" ? "families" : "individuals");
}

// The visitor's concerns by number, and which of them any approach has evidence for at their age.
void number_concerns(const Matcher& m, const Answers& a, Query& q) {
  const std::size_t nc = m.tables->concern_ids.size(), na = m.tables->approach_slugs.size();
  q.concern_wanted.assign(nc, 0);
  q.concern_has_evidence.assign(nc, 0);
  for (const auto& c : a.concerns) {
    const auto it = std::lower_bound(m.tables->concern_ids.begin(), m.tables->concern_ids.end(), c);
    if (it == m.tables->concern_ids.end() || *it != c) continue;
    const auto id = static_cast<std::uint16_t>(it - m.tables->concern_ids.begin());
    q.concern_wanted[id] = 1;
    q.concerns.push_back(id);
    for (std::size_t ap = 0; ap < na; ++ap)
      if (q.evidence[ap * nc + id]) q.concern_has_evidence[id] = 1;
    if (q.concern_has_evidence[id]) ++q.evidence_concerns;
  }
}

void number_approaches(const Matcher& m, const Answers& a, Query& q) {
  q.approach_wanted.assign(m.tables->approach_slugs.size(), 0);
  for (const auto& s : a.approaches) {
    const auto it = std::lower_bound(m.tables->approach_slugs.begin(), m.tables->approach_slugs.end(), s);
    if (it == m.tables->approach_slugs.end() || *it != s) continue;
    const auto id = static_cast<std::uint16_t>(it - m.tables->approach_slugs.begin());
    q.approach_wanted[id] = 1;
    q.approaches.push_back(id);
  }
}

// The nearest in-person location of therapist i, into e.distance and e.nearest.
void find_nearest(const Matcher& m, const Query& q, const MatcherRow& r, bool exact, Eval& e) {
  const Answers& a = *q.a;
  for (std::uint32_t k = 0; k < r.locations_count; ++k) {
    const double lat = m.tables->location_pool[2 * std::size_t{r.locations_begin + k}];
    const double lon = m.tables->location_pool[2 * std::size_t{r.locations_begin + k} + 1];
    if (!exact && std::fabs(lat - a.lat) * kDistanceCutoff.km_per_degree_latitude > q.cutoff_km) continue;
    const double d = round_km(haversine_km(a.lat, a.lon, lat, lon));
    if (d < e.distance) {
      e.distance = d;
      e.nearest = static_cast<int>(k);
    }
  }
}

bool offers_wanted_approach(const Matcher& m, const Query& q, const MatcherRow& r) {
  bool any = false;
  for (std::uint32_t k = 0; k < r.approaches_count; ++k)
    any = any || q.approach_wanted[m.tables->approach_pool[r.approaches_begin + k]];
  return any;
}

bool speaks_wanted_language(const Matcher& m, const Query& q, const MatcherRow& r) {
  bool any = false;
  for (std::uint32_t k = 0; k < r.languages_count; ++k)
    for (const auto l : q.languages) any = any || m.tables->language_pool[r.languages_begin + k] == l;
  return any;
}

// The must-haves the visitor chose, as Filter bits of what this therapist fails.
std::uint16_t failed_must_haves(const Matcher& m, const Query& q, const MatcherRow& r) {
  std::uint16_t failed = 0;
  const auto fail_if = [&](Filter f, bool fails) {
    if ((q.must & (1u << f)) && fails) failed = static_cast<std::uint16_t>(failed | (1u << f));
  };
  fail_if(kApproaches, (q.must & (1u << kApproaches)) && !offers_wanted_approach(m, q, r));
  fail_if(kBudget, r.fee_min > q.budget);
  fail_if(kLowCost, !(r.concessions || r.low_cost_places));
  fail_if(kGender, q.gender && r.gender != q.gender);
  fail_if(kLanguages, (q.must & (1u << kLanguages)) && !speaks_wanted_language(m, q, r));
  fail_if(kAvailability, !(r.availability & q.availability));
  fail_if(kIdentity, (r.identity & q.identity) != q.identity);
  return failed;
}

}  // namespace

Filter must_have_filter(std::string_view field) {
  for (int f = kApproaches; f < kFilterCount; ++f)
    if (field == kFilterNames[f]) return static_cast<Filter>(f);
  return kFilterCount;
}

std::uint16_t language_code(std::string_view l) {
  return l.size() == 2 ? static_cast<std::uint16_t>((l[0] - 'a') * 26 + (l[1] - 'a')) : 0xFFFF;
}

Query make_query(const Matcher& m, const Answers& a, const MatchOptions& options) {
  Query q;
  q.a = &a;
  q.unit = options.unit;
  q.today = options.today.empty() ? m.tables->newest_updated : options.today;
  q.stale_before = day_number(months_before(q.today, kFreshMonths));
  q.formats = mask_of(format_codes(), a.format);
  q.in_person = (q.formats & kInPerson) && a.has_location;
  q.client = client_for(a.who);
  q.check_age = a.age.has_value() && q.client == code_of(client_codes(), "individuals");
  q.age = a.age.value_or(0);
  q.age_to = a.age_to;
  q.availability = mask_of(availability_codes(), a.availability);
  q.identity = mask_of(identity_codes(), a.identity);
  q.gender = a.therapist_gender == "any" ? 0 : code_of(gender_codes(), a.therapist_gender);
  q.has_budget = a.budget.has_value();
  q.budget = a.budget.value_or(0);
  double widest = a.max_distance_km;
  for (const double step : distance_steps(q.unit)) widest = std::max(widest, step);
  q.cutoff_km = widest + kDistanceCutoff.margin_km;
  for (const auto& f : a.must_have) {
    const Filter filter = must_have_filter(f);
    if (filter != kFilterCount) q.must = static_cast<std::uint16_t>(q.must | (1u << filter));
  }
  q.evidence = evidence_levels(m, evidence_ages(a));
  number_concerns(m, a, q);
  number_approaches(m, a, q);
  for (const auto& l : a.languages) q.languages.push_back(language_code(l));
  return q;
}

Eval evaluate(const Matcher& m, const Query& q, std::size_t i, bool exact) {
  const MatcherRow& r = m.tables->rows[i];
  const Answers& a = *q.a;
  Eval e;
  auto fail = [&](Filter f) { e.failed = static_cast<std::uint16_t>(e.failed | (1u << f)); };
  if (!(r.clients & q.client)) fail(kWho);
  if (q.check_age && (q.age < r.age_min || q.age_to > r.age_max)) fail(kAge);
  if (!r.accepting_new) fail(kAccepting);
  if ((r.formats & kInPerson) && a.has_location) find_nearest(m, q, r, exact, e);
  const bool remote_ok = (r.formats & q.formats & ~kInPerson) != 0;
  const bool in_person_possible = (r.formats & q.formats & kInPerson) != 0;
  if (!remote_ok) {
    if (!in_person_possible)
      fail(kFormat);
    else if (!(q.in_person && e.distance <= a.max_distance_km))
      fail(kDistance);
  }
  if (q.must) e.failed = static_cast<std::uint16_t>(e.failed | failed_must_haves(m, q, r));
  return e;
}

int first_filter(std::uint16_t failed) {
  for (int f = 0; f < kFilterCount; ++f)
    if (failed & (1u << f)) return f;
  return -1;
}

}  // namespace tft
