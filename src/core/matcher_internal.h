// The matcher's own business, shared by its source files (matcher.cpp, match_filters.cpp,
// score_terms.cpp, match_suggestions.cpp, match_wording.cpp, match_result.cpp) and nothing else:
// the answers turned into the rows' vocabulary (Query), the hard filters' verdict on one row
// (Eval), the score terms, the relax gains and the wording helpers. Nothing outside those files
// and approach_recommendations.cpp includes it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "match_tuning.h"
#include "matcher.h"
#include "text.h"

namespace tft {

// One therapist, packed: bit masks from the vocabulary tables (vocabulary.h), small integer ids
// into the pools below, and the few numbers a filter or score reads.
struct MatcherRow {
  std::uint32_t concerns_begin = 0, approaches_begin = 0, languages_begin = 0, locations_begin = 0;
  std::uint8_t concerns_count = 0, approaches_count = 0, languages_count = 0, locations_count = 0;
  std::uint8_t formats = 0, clients = 0, availability = 0, identity = 0, gender = 0;
  std::uint8_t age_min = 0, age_max = 120;
  bool accepting_new = false, concessions = false, low_cost_places = false;
  std::uint16_t fee_min = 0;
  std::uint32_t updated = 0;  // the entry's "updated" date as YYYYMMDD (day_number)
};

// What prepare_matcher builds once per directory, so a match touches no strings.
struct MatcherTables {
  std::vector<std::string> concern_ids, concern_labels;  // by concern number, sorted by id
  std::vector<std::string> approach_slugs;               // by approach number, sorted
  std::vector<const GlossaryEntry*> approach_entries;    // by approach number; nullptr if none
  std::vector<MatcherRow> rows;                          // by directory index
  std::vector<std::string_view> ids;                     // by directory index, into the directory
  std::vector<std::uint16_t> concern_pool, approach_pool, language_pool;
  std::vector<double> location_pool;          // lat, lon pairs
  std::vector<std::uint32_t> location_place;  // by location (as location_pool pairs): into place_names
  std::vector<std::string> place_names;       // each place a location names, once
  std::string newest_updated;  // the latest "updated" date in the directory: the default "today"
};

// Evidence levels as evidence_levels() (approach_recommendations.h) gives them; they index
// ScoreShape::evidence_by_level.
enum EvidenceLevel : std::uint8_t { kNoEvidence, kEmerging, kModerate, kStrong };
extern const char* const kEvidenceWord[4];  // "", "emerging", "moderate", "strong"

// ------------------------------------------------------------------------------------ filters

// The hard filters, in the order a failing therapist is counted under the first it fails.
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
extern const char* const kFilterNames[kFilterCount];

// The filter a must-have field names, kFilterCount for none.
Filter must_have_filter(std::string_view field);

// The code of in-person sessions in format_codes() (vocabulary.h).
constexpr std::uint8_t kInPerson = 1;

// Two lower-case letters as a number, 0xFFFF for anything else.
std::uint16_t language_code(std::string_view l);

// The answers turned into the rows' vocabulary, once per match.
struct Query {
  const Answers* a = nullptr;
  DistanceUnit unit = DistanceUnit::km;
  std::string today;               // the reference day for freshness
  std::uint32_t stale_before = 0;  // entries updated before this day number are stale
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

Query make_query(const Matcher& m, const Answers& a, const MatchOptions& options);

// Far enough that no limit reaches it: the distance of a therapist with no reachable location.
constexpr double kFar = 1e9;

// The hard filters' verdict on one therapist.
struct Eval {
  std::uint16_t failed = 0;  // bit per Filter
  double distance = kFar;    // nearest in-person location, rounded; kFar when not reachable or unknown
  int nearest = -1;          // index into the therapist's locations
};

// `exact` computes the distance whatever the gap (for printing); otherwise far places are skipped.
Eval evaluate(const Matcher& m, const Query& q, std::size_t i, bool exact);

// The first failing Filter, -1 for none.
int first_filter(std::uint16_t failed);

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

// Fills `t` (kTermCount items) for therapist i. With `explain` it also writes the reasons and
// caveats; without it touches no strings, for the pass over the whole directory. One function
// per term, each beside its words, so the words can never disagree with the points.
void score_terms(const Matcher& m, const Query& q, std::size_t i, const Eval& e, bool explain, ScoreTerm* t);

// round(100 · earned / possible) over the terms that apply; 100 when none does.
int total_score(const ScoreTerm* t);

// Whether a therapist lists at least one of the visitor's concerns (the concerns term earned).
bool lists_concern(const Query& q, const ScoreTerm* terms);

// ------------------------------------------------------------------------------------ suggestions

// What relaxing each thing would gain, counted during the one pass over the directory.
struct RelaxGains {
  std::array<std::size_t, kFilterCount> drop{};  // making must-have F a preference
  std::array<std::size_t, std::tuple_size<decltype(RelaxSteps::distance_km)>::value> distance{};
  std::array<std::size_t, std::tuple_size<decltype(RelaxSteps::budget_rise)>::value> budget{};
  std::vector<std::size_t> format;  // by format_codes() position
};

RelaxGains start_gains();

// Counts what relaxing would gain for one therapist that failed (e.failed != 0).
void count_gains(const Matcher& m, const Query& q, std::size_t i, const Eval& e, RelaxGains& gains);

// The suggestions worth making, largest gain first.
std::vector<RelaxSuggestion> relax_suggestions(const Query& q, const RelaxGains& gains);

// ------------------------------------------------------------------------------------ wording

std::string join_words(const std::vector<std::string>& items, const char* last = " and ");
std::string pounds(double v);
std::string plural(std::size_t n, const char* one, const char* many);
std::string approach_name(const Matcher& m, std::uint16_t id);
// Labels the questionnaire shows for an option ("cy" -> "Welsh (Cymraeg)"), else the id.
std::string option_label(const Matcher& m, const char* question, const std::string& id);

// ------------------------------------------------------------------------------------ result parts

bool is_stale_row(const Query& q, const MatcherRow& r);

// The name of location k of row r.
std::string_view location_place(const Matcher& m, const MatcherRow& r, std::size_t k);

// Points `item` at therapist i's full entry, made from its packed row when the matcher reads a packed
// directory.
void set_matcher_entry(const Matcher& m, std::size_t i, MatchedTherapist& item);

// One of the best therapists with its words: the only place reasons and caveats are built.
MatchedTherapist matched(const Matcher& m, const Query& q, std::size_t i, int score);

}  // namespace tft
