#include "matcher.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>

#include "approach_recommendations.h"
#include "contact.h"
#include "crisis_contacts.h"
#include "evidence.h"
#include "json_input.h"
#include "loaders.h"
#include "signposts.h"
#include "vocabulary.h"

namespace tft {

namespace {

// ------------------------------------------------------------------------------------ vocabulary

constexpr std::uint8_t kInPerson = 1;

std::uint8_t format_bit(std::string_view f) {
  return f == "in-person" ? 1 : f == "video" ? 2 : f == "phone" ? 4 : f == "text" ? 8 : 0;
}
std::uint8_t client_bit(std::string_view c) {
  return c == "individuals" ? 1 : c == "couples" ? 2 : c == "families" ? 4 : 0;
}
std::uint8_t availability_bit(std::string_view a) {
  return a == "weekday-daytime" ? 1 : a == "weekday-evening" ? 2 : a == "weekend" ? 4 : 0;
}
std::uint8_t identity_bit(std::string_view tag) {
  std::uint8_t bit = 1;
  for (const auto& t : identity_tags()) {
    if (t == tag) return bit;
    bit = static_cast<std::uint8_t>(bit << 1);
  }
  return 0;
}
std::uint8_t gender_code(std::string_view g) {
  return g == "female" ? 1 : g == "male" ? 2 : g == "non-binary" ? 3 : g == "undisclosed" ? 4 : 0;
}
std::uint16_t language_code(std::string_view l) {
  return l.size() == 2 ? static_cast<std::uint16_t>((l[0] - 'a') * 26 + (l[1] - 'a')) : 0xFFFF;
}

enum Filter {
  kWho,
  kAge,
  kAccepting,
  kFormat,
  kDistance,
  kApproaches,
  kBudget,
  kLowCost,
  kGender,
  kLanguages,
  kAvailability,
  kIdentity,
  kFilterCount
};
const char* const kFilterNames[kFilterCount] = {
    "who",    "age",      "accepting_new",    "format",    "distance",     "approaches",
    "budget", "low_cost", "therapist_gender", "languages", "availability", "identity"};

Filter must_have_filter(std::string_view field) {
  for (int f = kApproaches; f < kFilterCount; ++f)
    if (field == kFilterNames[f]) return static_cast<Filter>(f);
  return kFilterCount;
}

constexpr double kEvidenceWeight[4] = {0, 0.3, 0.6, 1.0};
const char* const kEvidenceWord[4] = {"", "emerging", "moderate", "strong"};

// Budget rises offered as suggestions (pounds); distance steps come from distance_steps().
constexpr double kBudgetSteps[] = {10, 20};
constexpr double kFar = 1e9;

// ------------------------------------------------------------------------------------ the query

// The answers turned into the row's vocabulary, once per match.
struct Query {
  const Answers* a = nullptr;
  DistanceUnit unit = DistanceUnit::km;
  std::string today;              // the reference day for freshness
  std::uint32_t stale_before = 0; // entries updated before this day number are stale
  std::uint8_t formats = 0, client = 0, availability = 0, identity = 0, gender = 0;
  bool in_person = false, check_age = false, has_budget = false;
  int age = 0, age_to = 0;
  double budget = 0;
  double cutoff_km = 0;  // beyond this latitude gap no distance is worth computing
  std::uint16_t must = 0;
  std::vector<char> concern_wanted, approach_wanted;
  std::vector<std::uint16_t> concerns, approaches, languages;
  std::vector<std::uint8_t> evidence;      // [approach * concerns + concern], for the person's age
  std::vector<char> concern_has_evidence;  // by concern: some glossary approach has evidence for it
  std::size_t evidence_concerns = 0;       // how many of the visitor's concerns have evidence
};

Query make_query(const Matcher& m, const Answers& a, const MatchOptions& options = {}) {
  Query q;
  q.a = &a;
  q.unit = options.unit;
  q.today = options.today.empty() ? m.newest_updated : options.today;
  q.stale_before = day_number(months_before(q.today, kFreshMonths));
  for (const auto& f : a.format) q.formats |= format_bit(f);
  q.in_person = (q.formats & kInPerson) && a.has_location;
  q.client = a.who == "couple" ? 2 : a.who == "family" ? 4 : 1;
  q.check_age = a.age.has_value() && q.client == 1;
  q.age = a.age.value_or(0);
  q.age_to = a.age_to;
  for (const auto& s : a.availability) q.availability |= availability_bit(s);
  for (const auto& s : a.identity) q.identity |= identity_bit(s);
  q.gender = a.therapist_gender == "any" ? 0 : gender_code(a.therapist_gender);
  q.has_budget = a.budget.has_value();
  q.budget = a.budget.value_or(0);
  double widest = a.max_distance_km;
  std::size_t steps = 0;
  const double* step = distance_steps(q.unit, steps);
  for (std::size_t s = 0; s < steps; ++s) widest = std::max(widest, step[s]);
  q.cutoff_km = widest + 5;
  for (const auto& f : a.must_have) {
    const Filter filter = must_have_filter(f);
    if (filter != kFilterCount) q.must |= static_cast<std::uint16_t>(1u << filter);
  }
  const std::size_t nc = m.concern_ids.size(), na = m.approach_slugs.size();
  q.concern_wanted.assign(nc, 0);
  q.approach_wanted.assign(na, 0);
  q.concern_has_evidence.assign(nc, 0);
  q.evidence = evidence_levels(m, evidence_ages(a));
  for (const auto& c : a.concerns) {
    const auto it = std::lower_bound(m.concern_ids.begin(), m.concern_ids.end(), c);
    if (it == m.concern_ids.end() || *it != c) continue;
    const auto id = static_cast<std::uint16_t>(it - m.concern_ids.begin());
    q.concern_wanted[id] = 1;
    q.concerns.push_back(id);
    for (std::size_t ap = 0; ap < na; ++ap)
      if (q.evidence[ap * nc + id]) q.concern_has_evidence[id] = 1;
    if (q.concern_has_evidence[id]) ++q.evidence_concerns;
  }
  for (const auto& s : a.approaches) {
    const auto it = std::lower_bound(m.approach_slugs.begin(), m.approach_slugs.end(), s);
    if (it == m.approach_slugs.end() || *it != s) continue;
    const auto id = static_cast<std::uint16_t>(it - m.approach_slugs.begin());
    q.approach_wanted[id] = 1;
    q.approaches.push_back(id);
  }
  for (const auto& l : a.languages) q.languages.push_back(language_code(l));
  return q;
}

// ------------------------------------------------------------------------------------ filters

struct Eval {
  std::uint16_t failed = 0;  // bit per Filter
  double distance = kFar;    // nearest in-person location, rounded; kFar when not reachable or unknown
  int nearest = -1;          // index into the therapist's locations
};

int popcount8(unsigned v) {
  int n = 0;
  for (; v; v &= v - 1) ++n;
  return n;
}

// `exact` computes the distance whatever the gap (for printing); otherwise far places are skipped.
Eval evaluate(const Matcher& m, const Query& q, std::size_t i, bool exact) {
  const Matcher::Row& r = m.rows[i];
  const Answers& a = *q.a;
  Eval e;
  auto fail = [&](Filter f) { e.failed = static_cast<std::uint16_t>(e.failed | (1u << f)); };
  if (!(r.clients & q.client)) fail(kWho);
  if (q.check_age && (q.age < r.age_min || q.age_to > r.age_max)) fail(kAge);
  if (!r.accepting_new) fail(kAccepting);
  if ((r.formats & kInPerson) && a.has_location) {
    for (std::uint32_t k = 0; k < r.locations_count; ++k) {
      const double lat = m.location_pool[2 * (r.locations_begin + k)];
      const double lon = m.location_pool[2 * (r.locations_begin + k) + 1];
      if (!exact && std::fabs(lat - a.lat) * 111.2 > q.cutoff_km) continue;
      const double d = round_km(haversine_km(a.lat, a.lon, lat, lon));
      if (d < e.distance) {
        e.distance = d;
        e.nearest = static_cast<int>(k);
      }
    }
  }
  const bool remote_ok = (r.formats & q.formats & ~kInPerson) != 0;
  const bool in_person_possible = (r.formats & q.formats & kInPerson) != 0;
  if (!remote_ok) {
    if (!in_person_possible)
      fail(kFormat);
    else if (!(q.in_person && e.distance <= a.max_distance_km))
      fail(kDistance);
  }
  if (q.must) {
    if (q.must & (1u << kApproaches)) {
      bool any = false;
      for (std::uint32_t k = 0; k < r.approaches_count; ++k)
        any = any || q.approach_wanted[m.approach_pool[r.approaches_begin + k]];
      if (!any) fail(kApproaches);
    }
    if ((q.must & (1u << kBudget)) && r.fee_min > q.budget) fail(kBudget);
    if ((q.must & (1u << kLowCost)) && !(r.concessions || r.low_cost_places)) fail(kLowCost);
    if ((q.must & (1u << kGender)) && q.gender && r.gender != q.gender) fail(kGender);
    if (q.must & (1u << kLanguages)) {
      bool any = false;
      for (std::uint32_t k = 0; k < r.languages_count; ++k)
        for (const auto l : q.languages) any = any || m.language_pool[r.languages_begin + k] == l;
      if (!any) fail(kLanguages);
    }
    if ((q.must & (1u << kAvailability)) && !(r.availability & q.availability)) fail(kAvailability);
    if ((q.must & (1u << kIdentity)) && (r.identity & q.identity) != q.identity) fail(kIdentity);
  }
  return e;
}

int first_filter(std::uint16_t failed) {
  for (int f = 0; f < kFilterCount; ++f)
    if (failed & (1u << f)) return f;
  return -1;
}

// ------------------------------------------------------------------------------------ wording

std::string lower_first(const std::string& label) {
  // "Anxiety or worry" -> "anxiety or worry", but "ADHD" stays "ADHD".
  if (label.size() >= 2 && label[0] >= 'A' && label[0] <= 'Z' && !(label[1] >= 'A' && label[1] <= 'Z'))
    return static_cast<char>(label[0] - 'A' + 'a') + label.substr(1);
  return label;
}

std::string join_words(const std::vector<std::string>& items, const char* last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? last : ", ";
    out += items[i];
  }
  return out;
}

std::string pounds(double v) {
  char buf[32];
  if (std::floor(v) == v)
    std::snprintf(buf, sizeof buf, "£%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "£%.2f", v);
  return buf;
}

std::string approach_name(const Matcher& m, std::uint16_t id) {
  const GlossaryEntry* e = m.approach_entries[id];
  return e ? e->name : m.approach_slugs[id];
}

// Labels the questionnaire shows for an option ("cy" -> "Welsh (Cymraeg)"), else the id.
std::string option_label(const Matcher& m, const char* question, const std::string& id) {
  for (const auto& q : m.data->questionnaire.questions)
    if (q.id == question)
      for (const auto& o : q.options)
        if (o.id == id) return o.label;
  return id;
}

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

// Whole numbers print without ".0", so a suggestion reads 25, not 25.0.
ordered_json number_json(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return static_cast<std::int64_t>(v);
  return v;
}

const char* availability_words(std::uint8_t bit) {
  return bit == 1 ? "weekday daytime" : bit == 2 ? "weekday evening" : "weekend";
}

const char* gender_words(std::uint8_t code) {
  return code == 1 ? "a woman" : code == 2 ? "a man" : code == 3 ? "non-binary" : "not stated";
}

// ------------------------------------------------------------------------------------ scoring

enum Term {
  tConcerns,
  tEvidence,
  tApproaches,
  tBudget,
  tLowCost,
  tLanguages,
  tGender,
  tAvailability,
  tIdentity,
  tDistance,
  kTermCount
};
const char* const kTermNames[kTermCount] = {"concerns",  "evidence", "approaches",   "budget",   "low_cost",
                                            "languages", "gender",   "availability", "identity", "distance"};

// Fills `t` (kTermCount items) for therapist i. With `explain` it also writes the reasons and
// caveats; without it touches no strings, for the pass over the whole directory. One function for
// both, so the words can never disagree with the points.
void score_terms(const Matcher& m, const Query& q, std::size_t i, const Eval& e, bool explain, ScoreTerm* t) {
  const Matcher::Row& r = m.rows[i];
  const Answers& a = *q.a;
  const ScoreWeights& w = kWeights;
  for (int k = 0; k < kTermCount; ++k) {
    t[k].name = kTermNames[k];
    t[k].earned = t[k].possible = 0;
    if (explain) t[k].reason.clear(), t[k].caveat.clear();
  }
  const std::size_t nc = m.concern_ids.size();

  if (!q.concerns.empty()) {
    std::size_t covered = 0;
    for (std::uint32_t k = 0; k < r.concerns_count; ++k)
      covered += q.concern_wanted[m.concern_pool[r.concerns_begin + k]] ? 1 : 0;
    t[tConcerns].possible = w.concerns;
    t[tConcerns].earned = w.concerns * static_cast<double>(covered) / static_cast<double>(q.concerns.size());
    if (explain) {
      std::vector<std::string> yes, no;
      for (const auto c : q.concerns) {
        bool has = false;
        for (std::uint32_t k = 0; k < r.concerns_count; ++k)
          has = has || m.concern_pool[r.concerns_begin + k] == c;
        (has ? yes : no).push_back(lower_first(m.concern_labels[c]));
      }
      if (!yes.empty()) t[tConcerns].reason = "Works with " + join_words(yes);
      if (!no.empty()) t[tConcerns].caveat = "Does not list " + join_words(no, " or ");
    }
  }

  if (q.evidence_concerns > 0) {
    double sum = 0;
    // For the words: (approach, level) -> the concerns it is the best evidence for, in order met.
    struct Group {
      std::uint16_t approach;
      int level;
      std::vector<std::string> concerns;
    };
    std::vector<Group> groups;
    std::vector<std::string> no;
    for (const auto c : q.concerns) {
      if (!q.concern_has_evidence[c]) continue;
      int best = 0;
      std::uint16_t best_approach = 0;
      for (std::uint32_t k = 0; k < r.approaches_count; ++k) {
        const std::uint16_t ap = m.approach_pool[r.approaches_begin + k];
        const int level = q.evidence[ap * nc + c];
        if (level > best) best = level, best_approach = ap;
      }
      sum += kEvidenceWeight[best];
      if (!explain) continue;
      if (!best) {
        no.push_back(lower_first(m.concern_labels[c]));
        continue;
      }
      auto g = std::find_if(groups.begin(), groups.end(),
                            [&](const Group& x) { return x.approach == best_approach && x.level == best; });
      if (g == groups.end()) g = groups.insert(groups.end(), Group{best_approach, best, {}});
      g->concerns.push_back(lower_first(m.concern_labels[c]));
    }
    t[tEvidence].possible = w.evidence;
    t[tEvidence].earned = w.evidence * sum / static_cast<double>(q.evidence_concerns);
    if (explain) {
      std::string text;
      for (const Group& g : groups)
        text += (text.empty() ? "Offers " : "; and ") + approach_name(m, g.approach) + ", with " +
                kEvidenceWord[g.level] + " evidence for " + join_words(g.concerns);
      t[tEvidence].reason = text;
      if (!no.empty())
        t[tEvidence].caveat = "None of their approaches has listed evidence for " + join_words(no, " or ");
    }
  }

  if (!q.approaches.empty()) {
    std::vector<std::string> yes;
    for (std::uint32_t k = 0; k < r.approaches_count; ++k) {
      const std::uint16_t ap = m.approach_pool[r.approaches_begin + k];
      if (q.approach_wanted[ap]) {
        t[tApproaches].earned = w.approaches;
        if (explain) yes.push_back(approach_name(m, ap));
      }
    }
    t[tApproaches].possible = w.approaches;
    if (explain) {
      if (!yes.empty())
        t[tApproaches].reason = "Offers " + join_words(yes) + ", which you asked for";
      else {
        std::vector<std::string> asked;
        for (const auto ap : q.approaches) asked.push_back(approach_name(m, ap));
        t[tApproaches].caveat = "Does not offer " + join_words(asked, " or ");
      }
    }
  }

  if (q.has_budget) {
    const double over = r.fee_min - q.budget;
    t[tBudget].possible = w.budget;
    t[tBudget].earned = over <= 0 ? w.budget : over <= 20 ? w.budget * (1 - 0.5 * over / 20) : 0;
    if (explain) {
      const std::string extra = r.concessions ? " (concessions available)" : "";
      // A little over earns some points but is not a reason to choose them: it is said once, as a
      // caveat, so the card never calls the same fee both "close to" and "over" the budget.
      if (over <= 0)
        t[tBudget].reason =
            "Fees from " + pounds(r.fee_min) + ", within your " + pounds(q.budget) + " budget";
      else
        t[tBudget].caveat = "Fees from " + pounds(r.fee_min) + ", " + pounds(over) + " over your " +
                            pounds(q.budget) + " budget" + extra;
    }
  }

  if (a.low_cost) {
    t[tLowCost].possible = w.low_cost;
    if (r.concessions || r.low_cost_places) t[tLowCost].earned = w.low_cost;
    if (explain) {
      if (r.concessions && r.low_cost_places)
        t[tLowCost].reason = "Offers concessions and low-cost places";
      else if (r.concessions)
        t[tLowCost].reason = "Offers concessions";
      else if (r.low_cost_places)
        t[tLowCost].reason = "Offers low-cost places";
      else
        t[tLowCost].caveat = "No concessions or low-cost places";
    }
  }

  if (!q.languages.empty()) {
    t[tLanguages].possible = w.languages;
    std::vector<std::string> yes, no;
    for (std::size_t j = 0; j < q.languages.size(); ++j) {
      bool has = false;
      for (std::uint32_t k = 0; k < r.languages_count; ++k)
        has = has || m.language_pool[r.languages_begin + k] == q.languages[j];
      if (has) t[tLanguages].earned = w.languages;
      if (explain) (has ? yes : no).push_back(option_label(m, "languages", a.languages[j]));
    }
    if (explain) {
      if (!yes.empty())
        t[tLanguages].reason = "Works in " + join_words(yes);
      else
        t[tLanguages].caveat = "Does not work in " + join_words(no, " or ");
    }
  }

  if (q.gender) {
    t[tGender].possible = w.gender;
    if (r.gender == q.gender) t[tGender].earned = w.gender;
    if (explain) {
      if (r.gender == q.gender)
        t[tGender].reason = std::string("Is ") + gender_words(q.gender) + ", as you preferred";
      else if (r.gender == 4)
        t[tGender].caveat = "Has not said their gender";
      else
        t[tGender].caveat = std::string("Is not ") + gender_words(q.gender) + " (your preference)";
    }
  }

  if (q.availability) {
    const int asked = popcount8(q.availability), shared = popcount8(q.availability & r.availability);
    t[tAvailability].possible = w.availability;
    t[tAvailability].earned = w.availability * shared / asked;
    if (explain) {
      std::vector<std::string> yes, no;
      for (std::uint8_t bit = 1; bit <= 4; bit = static_cast<std::uint8_t>(bit << 1))
        if (q.availability & bit) (r.availability & bit ? yes : no).push_back(availability_words(bit));
      if (!yes.empty()) t[tAvailability].reason = "Has " + join_words(yes) + " slots";
      if (!no.empty()) t[tAvailability].caveat = "No " + join_words(no, " or ") + " slots";
    }
  }

  if (q.identity) {
    const int asked = popcount8(q.identity), shared = popcount8(q.identity & r.identity);
    t[tIdentity].possible = w.identity;
    t[tIdentity].earned = w.identity * shared / asked;
    if (explain) {
      std::vector<std::string> yes, no;
      for (const auto& tag : a.identity) {
        const std::string label = option_label(m, "identity", tag);
        ((r.identity & identity_bit(tag)) ? yes : no).push_back(label == tag ? tag : lower_first(label));
      }
      if (!yes.empty()) t[tIdentity].reason = "Says they are " + join_words(yes);
      if (!no.empty()) t[tIdentity].caveat = "Does not say they are " + join_words(no, " or ");
    }
  }

  if (q.in_person) {
    t[tDistance].possible = w.distance;
    const bool within = (r.formats & kInPerson) && e.distance <= a.max_distance_km;
    if (within) t[tDistance].earned = w.distance * (1 - 0.5 * e.distance / a.max_distance_km);
    if (explain) {
      const std::string from = a.place.empty() ? "you" : a.place;
      const Directory& d = *m.directory;
      const std::string where =
          e.nearest >= 0 ? d.therapists[i].locations[static_cast<std::size_t>(e.nearest)].place : "";
      if (within)
        t[tDistance].reason =
            distance_text(e.distance, q.unit) + " from " + from + " (in-person sessions in " + where + ")";
      else if (r.formats & kInPerson)
        // Short, because it is often the card's one caveat: the summary already says the visitor's
        // limit and that these therapists meet in other ways.
        t[tDistance].caveat = "In-person sessions are " + distance_text(e.distance, q.unit) + " away, in " + where;
      else
        t[tDistance].caveat = "Does not offer in-person sessions";
    }
  }
}

int total_score(const ScoreTerm* t) {
  double earned = 0, possible = 0;
  for (int k = 0; k < kTermCount; ++k) earned += t[k].earned, possible += t[k].possible;
  if (possible <= 0) return 100;  // nothing to weigh: every therapist that passes fits equally
  return static_cast<int>(std::lround(100.0 * earned / possible));
}

// ------------------------------------------------------------------------------------ output parts

double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

bool is_stale_row(const Query& q, const Matcher::Row& r) { return r.updated && r.updated < q.stale_before; }

// Whether a therapist lists at least one of the visitor's concerns (the concerns term earned).
bool lists_concern(const Query& q, const ScoreTerm* terms) { return !q.concerns.empty() && terms[tConcerns].earned > 0; }

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

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

// ------------------------------------------------------------------------------------ public

void append_directory(Directory& into, Directory&& shard) {
  into.fictional = into.therapists.empty() ? shard.fictional : (into.fictional && shard.fictional);
  if (into.notice.empty()) into.notice = shard.notice;
  into.therapists.reserve(into.therapists.size() + shard.therapists.size());
  for (auto& t : shard.therapists) into.therapists.push_back(std::move(t));
}

Matcher prepare_matcher(const Dataset& data, const Directory& directory) {
  Matcher m;
  m.data = &data;
  m.directory = &directory;
  m.places = build_place_index(data.places);
  std::map<std::string, std::string> labels;
  for (const auto& c : data.concerns) labels[c.id] = c.label;
  for (const auto& [id, label] : labels) {
    m.concern_ids.push_back(id);
    m.concern_labels.push_back(label);
  }
  for (const auto& s : approach_slugs(data)) m.approach_slugs.push_back(s);  // std::set: sorted
  auto concern_number = [&](const std::string& id) -> long {
    const auto it = std::lower_bound(m.concern_ids.begin(), m.concern_ids.end(), id);
    return it != m.concern_ids.end() && *it == id ? it - m.concern_ids.begin() : -1;
  };
  auto approach_number = [&](const std::string& slug) -> long {
    const auto it = std::lower_bound(m.approach_slugs.begin(), m.approach_slugs.end(), slug);
    return it != m.approach_slugs.end() && *it == slug ? it - m.approach_slugs.begin() : -1;
  };
  m.approach_entries.assign(m.approach_slugs.size(), nullptr);
  for (std::size_t ap = 0; ap < m.approach_slugs.size(); ++ap) m.approach_entries[ap] = find_entry(data, m.approach_slugs[ap]);

  const auto& list = directory.therapists;
  m.rows.resize(list.size());
  std::vector<std::uint32_t> order(list.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return list[x].id != list[y].id ? list[x].id < list[y].id : x < y;
  });
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) m.rows[order[rank]].id_rank = rank;
  auto small = [](std::size_t n) { return static_cast<std::uint8_t>(std::min<std::size_t>(n, 255)); };
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Therapist& t = list[i];
    Matcher::Row& r = m.rows[i];
    r.concerns_begin = static_cast<std::uint32_t>(m.concern_pool.size());
    for (const auto& c : t.concerns)
      if (const long n = concern_number(c); n >= 0 && r.concerns_count < 255) {
        m.concern_pool.push_back(static_cast<std::uint16_t>(n));
        ++r.concerns_count;
      }
    r.approaches_begin = static_cast<std::uint32_t>(m.approach_pool.size());
    for (const auto& s : t.approaches)
      if (const long n = approach_number(s); n >= 0 && r.approaches_count < 255) {
        m.approach_pool.push_back(static_cast<std::uint16_t>(n));
        ++r.approaches_count;
      }
    r.languages_begin = static_cast<std::uint32_t>(m.language_pool.size());
    r.languages_count = small(t.languages.size());
    for (std::size_t k = 0; k < r.languages_count; ++k)
      m.language_pool.push_back(language_code(t.languages[k]));
    r.locations_begin = static_cast<std::uint32_t>(m.location_pool.size() / 2);
    r.locations_count = small(t.locations.size());
    for (std::size_t k = 0; k < r.locations_count; ++k) {
      m.location_pool.push_back(t.locations[k].lat);
      m.location_pool.push_back(t.locations[k].lon);
    }
    for (const auto& f : t.formats) r.formats |= format_bit(f);
    for (const auto& c : t.clients) r.clients |= client_bit(c);
    for (const auto& s : t.availability) r.availability |= availability_bit(s);
    for (const auto& s : t.identity) r.identity |= identity_bit(s);
    r.gender = gender_code(t.gender);
    r.age_min = static_cast<std::uint8_t>(std::clamp(t.age_min, 0, 255));
    r.age_max = static_cast<std::uint8_t>(std::clamp(t.age_max, 0, 255));
    r.accepting_new = t.accepting_new;
    r.concessions = t.concessions;
    r.low_cost_places = t.low_cost_places;
    r.fee_min = static_cast<std::uint16_t>(std::clamp(t.fee_min, 0, 65535));
    r.updated = day_number(t.updated);
    if (t.updated > m.newest_updated && r.updated) m.newest_updated = t.updated;
  }
  return m;
}

ordered_json match(const Matcher& m, const Answers& a, std::size_t limit) {
  MatchOptions options;
  options.limit = limit;
  return match(m, a, options);
}

ordered_json match(const Matcher& m, const Answers& a, const MatchOptions& options) {
  const std::size_t limit = options.limit;
  const Query q = make_query(m, a, options);
  const std::size_t n = m.rows.size();
  std::size_t step_count = 0;
  const double* distance_step = distance_steps(q.unit, step_count);
  // The ranking key (docs/matching.md): therapists who list a chosen concern first; then by fit
  // band; within a band, entries confirmed in the last six months before older ones; then score;
  // ties by id.
  struct Scored {
    int score;
    std::uint8_t lists, band, fresh;
    std::uint32_t rank;
    std::uint32_t index;
  };
  SummaryFacts facts;
  facts.concerns_asked = !q.concerns.empty();
  facts.in_person_asked = q.in_person;
  facts.max_distance_km = a.max_distance_km;
  facts.today = q.today;
  // Nearby and remote-only counts for the listing group and for everyone, to pick from at the end.
  std::size_t nearby_all = 0, nearby_listing = 0;
  std::uint8_t remote_all = 0, remote_listing = 0;
  std::vector<Scored> passing;
  passing.reserve(n);  // one allocation: growing it step by step churns a heap full of directory strings
  std::size_t by[kFilterCount] = {};
  std::vector<std::uint32_t> offered(m.approach_slugs.size(), 0);
  std::size_t gain_drop[kFilterCount] = {};
  std::size_t gain_distance[8] = {};
  std::size_t gain_budget[std::size(kBudgetSteps)] = {};
  std::size_t gain_format[4] = {};  // by format bit index: in-person (unused), video, phone, text
  ScoreTerm terms[kTermCount];
  const std::uint16_t where_mask = (1u << kFormat) | (1u << kDistance);

  for (std::size_t i = 0; i < n; ++i) {
    const Eval e = evaluate(m, q, i, false);
    const Matcher::Row& r = m.rows[i];
    if (e.failed) {
      const std::size_t f = static_cast<std::size_t>(first_filter(e.failed)) % kFilterCount;
      ++by[f];
      // Exactly one failing filter: relaxing that one alone would let this therapist through.
      if ((e.failed & (e.failed - 1)) == 0) {
        ++gain_drop[f];
        if (f == kDistance && q.in_person && (r.formats & kInPerson))
          for (std::size_t s = 0; s < step_count; ++s)
            if (distance_step[s] > a.max_distance_km && e.distance <= distance_step[s]) ++gain_distance[s];
        if (f == kBudget)
          for (std::size_t s = 0; s < std::size(kBudgetSteps); ++s)
            if (r.fee_min <= q.budget + kBudgetSteps[s]) ++gain_budget[s];
      }
      if ((e.failed & ~where_mask) == 0)
        for (int b = 1; b < 4; ++b)
          if (!(q.formats & (1u << b)) && (r.formats & (1u << b))) ++gain_format[b];
      continue;
    }
    score_terms(m, q, i, e, false, terms);
    const int score = total_score(terms);
    const bool lists = lists_concern(q, terms), stale = is_stale_row(q, r);
    passing.push_back({score, static_cast<std::uint8_t>(lists), static_cast<std::uint8_t>(fit_band_rank(score)),
                       static_cast<std::uint8_t>(!stale), r.id_rank, static_cast<std::uint32_t>(i)});
    facts.listing += lists ? 1 : 0;
    facts.stale += stale ? 1 : 0;
    if (q.in_person) {
      const bool near = (r.formats & q.formats & kInPerson) && e.distance <= a.max_distance_km;
      const std::uint8_t remote = near ? 0 : static_cast<std::uint8_t>(r.formats & q.formats & ~kInPerson);
      nearby_all += near ? 1 : 0;
      remote_all |= remote;
      if (lists) nearby_listing += near ? 1 : 0, remote_listing |= remote;
    }
    for (std::uint32_t k = 0; k < r.approaches_count; ++k) ++offered[m.approach_pool[r.approaches_begin + k]];
  }

  auto better = [](const Scored& x, const Scored& y) {
    if (x.lists != y.lists) return x.lists > y.lists;
    if (x.band != y.band) return x.band > y.band;
    if (x.fresh != y.fresh) return x.fresh > y.fresh;
    return x.score != y.score ? x.score > y.score : x.rank < y.rank;
  };
  const std::size_t keep = limit == 0 ? passing.size() : std::min(limit, passing.size());
  std::partial_sort(passing.begin(), passing.begin() + static_cast<std::ptrdiff_t>(keep), passing.end(),
                    better);

  facts.passing = passing.size();
  const bool by_listing = facts.concerns_asked && facts.listing > 0;
  facts.nearby = by_listing ? nearby_listing : nearby_all;
  facts.remote_formats = by_listing ? remote_listing : remote_all;

  ordered_json result;
  // Safety routes first (crisis_contacts.h, signposts.h): they fit the person and their nation.
  const Person person = person_from_answers(a);
  result["crisis"] = crisis_part(m.data->crisis, person);
  result["signposts"] = signposts_part(m.data->crisis, person);
  result["summary"] = summary_json(facts);
  result["approaches"] = approach_recommendations(m, a, offered, passing.size());
  ordered_json matches = ordered_json::array();
  for (std::size_t k = 0; k < keep; ++k)
    matches.push_back(match_item(m, q, passing[k].index, passing[k].score));
  result["matches"] = std::move(matches);
  ordered_json by_json = ordered_json::object();
  for (int f = 0; f < kFilterCount; ++f)
    if (by[f]) by_json[kFilterNames[f]] = by[f];
  result["excluded"] = {{"total", n - passing.size()}, {"by", by_json}};

  struct Suggestion {
    std::size_t gain;
    ordered_json json;
  };
  std::vector<Suggestion> found;
  for (const auto& field : a.must_have) {
    const Filter f = must_have_filter(field);
    if (f == kFilterCount || !gain_drop[f]) continue;
    const std::size_t g = gain_drop[f];
    found.push_back({g,
                     {{"relax", "must_have"},
                      {"field", field},
                      {"gain", g},
                      {"text", std::string("Make ") + must_have_words(field) +
                                   " a preference rather than a must-have to see " +
                                   plural(g, "more therapist", "more therapists")}}});
  }
  for (std::size_t s = 0; s < step_count; ++s) {
    if (!gain_distance[s]) continue;
    const std::size_t g = gain_distance[s];
    found.push_back({g,
                     {{"relax", "max_distance_km"},
                      {"to", number_json(distance_step[s])},
                      {"gain", g},
                      {"text", "Travel up to " + distance_text(distance_step[s], q.unit) + " to see " +
                                   plural(g, "more therapist", "more therapists")}}});
    break;  // the smallest widening that helps
  }
  for (std::size_t s = 0; s < std::size(kBudgetSteps); ++s) {
    if (!gain_budget[s]) continue;
    const std::size_t g = gain_budget[s];
    found.push_back({g,
                     {{"relax", "budget"},
                      {"to", number_json(q.budget + kBudgetSteps[s])},
                      {"gain", g},
                      {"text", "Raise your budget by " + pounds(kBudgetSteps[s]) + " to " +
                                   pounds(q.budget + kBudgetSteps[s]) + " to see " +
                                   plural(g, "more therapist", "more therapists")}}});
    break;
  }
  static const char* const kFormatIds[4] = {"in-person", "video", "phone", "text"};
  static const char* const kFormatWords[4] = {"in-person", "video", "phone", "text or messaging"};
  for (int b = 1; b < 4; ++b) {
    if (!gain_format[b]) continue;
    const std::size_t g = gain_format[b];
    found.push_back({g,
                     {{"relax", "format"},
                      {"add", kFormatIds[b]},
                      {"gain", g},
                      {"text", std::string("Add ") + kFormatWords[b] + " sessions to see " +
                                   plural(g, "more therapist", "more therapists")}}});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Suggestion& x, const Suggestion& y) { return x.gain > y.gain; });
  ordered_json suggestions = ordered_json::array();
  for (auto& s : found) suggestions.push_back(std::move(s.json));
  result["suggestions"] = std::move(suggestions);
  return result;
}

MatchText match_text(const Matcher& m, std::string_view answers_json, std::size_t limit) {
  MatchOptions options;
  options.limit = limit;
  return match_text(m, answers_json, options);
}

MatchText match_text(const Matcher& m, std::string_view answers_json, const MatchOptions& options) {
  MatchText out;
  AnswersParse parsed = parse_answers(answers_json, *m.data, m.places);
  if (!parsed.ok()) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  out.text = to_text(match(m, parsed.answers, options), true);
  return out;
}

std::vector<Error> parse_match_options(std::string_view today, std::string_view units, MatchOptions& out) {
  std::vector<Error> errors;
  if (!today.empty() && !is_valid_date(today))
    errors.push_back({"options", "$.today", "expected a date written YYYY-MM-DD, found " + quote_for_message(std::string(today))});
  else
    out.today = std::string(today);
  if (units == "miles")
    out.unit = DistanceUnit::miles;
  else if (units.empty() || units == "km")
    out.unit = DistanceUnit::km;
  else
    errors.push_back({"options", "$.units", "unknown value " + quote_for_message(std::string(units)) + "; expected one of: km, miles"});
  return errors;
}

std::vector<ScoreTerm> explain_score(const Matcher& m, const Answers& answers, std::size_t therapist) {
  const Query q = make_query(m, answers);
  const Eval e = evaluate(m, q, therapist, true);
  std::vector<ScoreTerm> terms(kTermCount);
  score_terms(m, q, therapist, e, true, terms.data());
  return terms;
}

std::string first_failing_filter(const Matcher& m, const Answers& answers, std::size_t therapist) {
  const Query q = make_query(m, answers);
  const int f = first_filter(evaluate(m, q, therapist, true).failed);
  return f < 0 ? "" : kFilterNames[f];
}

double widest_distance_considered_km(const Answers& answers) {
  // Whichever units the suggestions are worded in: the shards a visitor loads do not depend on it.
  double widest = answers.max_distance_km;
  for (const DistanceUnit unit : {DistanceUnit::km, DistanceUnit::miles}) {
    std::size_t count = 0;
    const double* steps = distance_steps(unit, count);
    for (std::size_t s = 0; s < count; ++s) widest = std::max(widest, steps[s]);
  }
  return widest;
}

ordered_json places_json(const PlaceIndex& index, std::string_view prefix, std::size_t limit) {
  ordered_json list = ordered_json::array();
  for (const Place* p : places_with_prefix(index, prefix, std::min<std::size_t>(limit, 100)))
    list.push_back(
        {{"name", p->name}, {"county", p->county}, {"region", p->region}, {"lat", p->lat}, {"lon", p->lon}});
  return {{"places", list}};
}

}  // namespace tft
