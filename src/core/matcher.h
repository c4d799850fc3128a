// Matching a visitor's answers (answers.h, DESIGN §4) against a therapist directory, giving the
// result of DESIGN §5: crisis contacts and signposts (crisis_contacts.h, signposts.h), recommended
// approaches, the best matches with the reasons and caveats behind their scores, excluded counts
// and "relax" suggestions.
//
// How it works:
// - prepare_matcher() runs once per loaded directory and turns each therapist into a compact row
//   (bit masks for formats, clients, availability, identity; small integer ids for concerns,
//   approaches and languages; coordinates in one pool) so a match touches no strings.
// - match() makes ONE pass over the rows. For each therapist it evaluates every hard filter (who,
//   age, accepting_new, format, distance, then each must-have in must_have_fields() order) into a
//   bit mask, and scores those that pass. excluded.by counts each failing therapist under its
//   first failing filter. Suggestions come from the same masks: dropping must-have F gains exactly
//   the therapists whose only failure is F; widening distance or budget gains those whose only
//   failure is that filter and who are within the new limit. Tests check these numbers by
//   re-running match() with the relaxed answers.
// - Scores come from score terms (kWeights, below): every term that earns points writes a reason,
//   every term that earns nothing writes a caveat, and nothing else writes either. The score is
//   round(100 · earned / possible) over the terms that apply to the answers (a term applies when
//   the visitor answered its question), so it reads as "how much of what you asked for".
// - Reasons and caveats (strings) are built only for the `limit` best, ties broken by id.
// Deterministic: no clocks, hashes or unordered iteration reach the output; distances are rounded
// to 0.1 km before they are compared or printed (see round_km), approach scores to 0.01.
// Cost: O(n · (c + a)) per match for n therapists with c concerns and a approaches each, plus
// O(n log limit) for the ranking; about 40 bytes per therapist of extra memory at prepare time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "answers.h"
#include "diagnostics.h"
#include "model.h"
#include "places.h"
#include "result_summary.h"
#include "serialize.h"

namespace tft {

// The weight of each score term: the points a therapist earns when the term is fully met. Terms
// that do not apply to the visitor's answers drop out of both sides of the score's fraction.
struct ScoreWeights {
  // The visitor's concerns that the therapist lists, as a share of those asked: the single best
  // sign that this person does this kind of work.
  double concerns = 30;
  // How strong the glossary's evidence is for the therapist's approaches on the visitor's concerns
  // (strong 1, moderate 0.6, emerging 0.3 of the weight, best approach per concern, averaged over
  // the concerns that have any evidence listed). Only evidence tags whose ages fit the person count
  // (approach_recommendations.h, docs/evidence.md).
  double evidence = 15;
  // Offers at least one approach the visitor asked for by name.
  double approaches = 15;
  // Fees from within budget: full weight; up to £20 over: falling linearly to half; further: none.
  double budget = 10;
  // Offers concessions or low-cost places, when the visitor wants them.
  double low_cost = 5;
  // Works in at least one of the visitor's languages.
  double languages = 5;
  // Is the gender the visitor would prefer (not "any").
  double gender = 5;
  // Share of the visitor's times (daytime, evening, weekend) the therapist offers.
  double availability = 5;
  // Share of the visitor's identity needs (e.g. LGBTQ+ affirming) the therapist states.
  double identity = 5;
  // In-person sessions within the visitor's distance: full weight next door, half at the limit.
  double distance = 5;
};

inline constexpr ScoreWeights kWeights{};

// One evaluated score term of one therapist.
struct ScoreTerm {
  const char* name;  // "concerns", "evidence", ... as in ScoreWeights
  double earned = 0;
  double possible = 0;
  std::string reason;  // set exactly when earned > 0 (and explanations were asked for)
  std::string caveat;  // set when something asked for is missing
};

// Everything precomputed from one dataset and directory. Holds pointers: `data` and `directory`
// must outlive it and stay unchanged.
struct Matcher {
  struct Row {
    std::uint32_t concerns_begin = 0, approaches_begin = 0, languages_begin = 0, locations_begin = 0;
    std::uint8_t concerns_count = 0, approaches_count = 0, languages_count = 0, locations_count = 0;
    std::uint8_t formats = 0, clients = 0, availability = 0, identity = 0, gender = 0;
    std::uint8_t age_min = 0, age_max = 120;
    bool accepting_new = false, concessions = false, low_cost_places = false;
    std::uint16_t fee_min = 0;
    std::uint32_t id_rank = 0;  // position of the id in sorted order, for tie-breaks
    std::uint32_t updated = 0;  // the entry's "updated" date as YYYYMMDD (day_number)
  };

  const Dataset* data = nullptr;
  const Directory* directory = nullptr;
  PlaceIndex places;
  std::vector<std::string> concern_ids, concern_labels;  // by concern number
  std::vector<std::string> approach_slugs;               // by approach number
  std::vector<const GlossaryEntry*> approach_entries;    // by approach number; nullptr if none
  std::vector<Row> rows;
  std::vector<std::uint16_t> concern_pool, approach_pool, language_pool;
  std::vector<double> location_pool;  // lat, lon pairs
  std::string newest_updated;         // the latest "updated" date in the directory: the default "today"
};

// How a match is run and worded beyond the answers (docs/matching.md).
struct MatchOptions {
  std::size_t limit = 20;  // 0 means every therapist that passes
  // The day entries are judged against: one not confirmed in the kFreshMonths before it gets a
  // caveat and ranks lower. Empty: the directory's newest "updated" date, so a run with no date
  // given depends on nothing but its inputs (and the CLI and WASM print the same bytes).
  std::string today;
  DistanceUnit unit = DistanceUnit::km;  // the words; numbers stay in km
};

// Checks options that arrive as text (the CLI's flags, the WASM call): "today" must be a date,
// "units" km or miles. Errors name the option.
std::vector<Error> parse_match_options(std::string_view today, std::string_view units, MatchOptions& out);

Matcher prepare_matcher(const Dataset& data, const Directory& directory);

// Appends the therapists of `shard` to `into` (for directories split by region, DESIGN §9).
// Re-run prepare_matcher afterwards.
void append_directory(Directory& into, Directory&& shard);

// The DESIGN §5 result for valid answers, with the summary, fit bands and freshness of
// docs/matching.md. `limit` 0 means every therapist that passes.
ordered_json match(const Matcher& m, const Answers& answers, const MatchOptions& options);
ordered_json match(const Matcher& m, const Answers& answers, std::size_t limit);

// Parses, validates and matches in one call: the result as pretty JSON text, or the errors.
// The CLI and the WASM module both print through this, so their bytes are the same.
struct MatchText {
  std::vector<Error> errors;
  std::string text;
  bool ok() const { return errors.empty(); }
};
MatchText match_text(const Matcher& m, std::string_view answers_json, const MatchOptions& options);
MatchText match_text(const Matcher& m, std::string_view answers_json, std::size_t limit);

// The score terms of one therapist (directory index) for `answers`, with reasons and caveats:
// what match() used for its score. Exposed so tests can hold every reason to a term that counts.
std::vector<ScoreTerm> explain_score(const Matcher& m, const Answers& answers, std::size_t therapist);

// Whether a therapist passes every hard filter, and the name of the first it fails ("" if none).
std::string first_failing_filter(const Matcher& m, const Answers& answers, std::size_t therapist);

// The farthest distance (km) a match for these answers looks at: the visitor's own limit, or the
// widest "travel up to" suggestion. Therapists who meet only in person farther away than this can
// change neither the matches nor the suggestions (shards_for in published_directory.h relies on it).
double widest_distance_considered_km(const Answers& answers);

// The places box: `{"places": [{name, county, region, lat, lon}]}` for a typed prefix.
ordered_json places_json(const PlaceIndex& index, std::string_view prefix, std::size_t limit);

}  // namespace tft
