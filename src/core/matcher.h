// Matching a visitor's answers (answers.h, docs/design.md#answers) against a therapist directory, giving the
// result of docs/design.md#result: crisis contacts and signposts (crisis_contacts.h, signposts.h),
// recommended approaches, the best matches with the reasons and caveats behind their scores, excluded counts
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
// - Scores come from score terms (kWeights in match_tuning.h): every term that earns points writes a reason,
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
#include <memory>
#include <optional>
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

// One evaluated score term of one therapist.
struct ScoreTerm {
  const char* name;  // "concerns", "evidence", ... as in ScoreWeights (match_tuning.h)
  double earned = 0;
  double possible = 0;
  std::string reason;  // set exactly when earned > 0 (and explanations were asked for)
  std::string caveat;  // set when something asked for is missing
};

struct MatcherTables;  // the compact rows and their vocabularies (matcher_internal.h)
struct PackedRows;     // loaded packed shards (packed_rows.h)

// Everything precomputed from one dataset and directory. Holds pointers: `data` and the directory
// (`directory` or `packed`, whichever it was prepared from) must outlive it and stay unchanged.
// Build it with prepare_matcher; its tables are the matcher's own business.
struct Matcher {
  const Dataset* data = nullptr;
  const Directory* directory = nullptr;
  const PackedRows* packed = nullptr;
  PlaceIndex places;
  std::unique_ptr<const MatcherTables> tables;

  Matcher();
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();
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
// The same rows read straight from packed shards' bytes: each file's vocabulary codes are turned into
// the matcher's numbers once, so no row is unpacked into strings. Matching gives the same bytes as
// over the unpacked directory.
Matcher prepare_matcher(const Dataset& data, const PackedRows& directory);

// Appends the therapists of `shard` to `into` (for directories split by region, docs/directory-format.md).
// Re-run prepare_matcher afterwards.
void append_directory(Directory& into, Directory&& shard);

// One therapist that passes every hard filter, with the words behind its score.
struct MatchedTherapist {
  // The full entry: the Matcher's own for a JSON directory, or `made` for a packed one. A unique_ptr,
  // not a shared_ptr: the latter's control block brings libc++'s RTTI-built memory.o and with it
  // libc++abi's dynamic_cast code into the module (docs/matching.md, "Module size", wave 11).
  const Therapist* therapist = nullptr;
  std::unique_ptr<const Therapist> made;  // moves keep its address, so `therapist` stays valid
  int score = 0;                          // 0..100: the share of what was asked for that they meet
  const char* band = "";                  // the score in words (fit_band, result_summary.h)
  bool lists_concern = false;             // lists at least one of the visitor's concerns
  bool stale = false;                     // not confirmed within kFreshMonths of the reference day
  std::optional<double> distance_km;      // to the nearest in-person location, when one was measured
  std::optional<std::string> place;       // that location's place, else the first listed
  std::vector<std::string> reasons;       // one per score term that earned points
  std::vector<std::string> caveats;       // the freshness caveat first, then one per term that lost points
  std::vector<ScoreTerm> breakdown;       // the terms that apply (no words; earned to 0.01)
};

// How many therapists failed, each counted under the first hard filter it fails.
struct ExcludedCount {
  const char* filter;  // "who", "age", "accepting_new", "format", "distance", then must-haves
  std::size_t count;
};

// One way to see more therapists, with exactly how many more it would show.
struct RelaxSuggestion {
  const char* relax = "";    // "must_have" | "max_distance_km" | "budget" | "format"
  std::string field;         // for "must_have": the must-have to make a preference
  std::optional<double> to;  // for "max_distance_km" (km) and "budget" (pounds): the new limit
  std::string add;           // for "format": the format to accept as well
  std::size_t gain = 0;
  std::string text;  // the sentence the page shows
};

// The result of one match (docs/design.md#result). Points into the Matcher's directory: use it
// while that lives.
struct MatchResult {
  // Declared only to scope the NOLINT to the default constructor: as JsonDocument's (json_input.h),
  // nlohmann's noexcept default constructor holds a throw that cannot run. Still an aggregate.
  MatchResult() = default;  // NOLINT(bugprone-exception-escape)
  ordered_json crisis;      // crisis_part (crisis_contacts.h)
  ordered_json signposts;   // signposts_part (signposts.h)
  SummaryFacts summary;
  ordered_json approaches;                // approach_recommendations.h
  std::vector<MatchedTherapist> matches;  // best first (docs/matching.md has the ranking)
  std::size_t excluded_total = 0;
  std::vector<ExcludedCount> excluded_by;    // filters in order, only those that excluded someone
  std::vector<RelaxSuggestion> suggestions;  // largest gain first
};

// The result for valid answers, with the summary, fit bands and freshness of docs/matching.md.
// `limit` 0 means every therapist that passes.
MatchResult match(const Matcher& m, const Answers& answers, const MatchOptions& options);
MatchResult match(const Matcher& m, const Answers& answers, std::size_t limit);

// The result as JSON: {crisis, signposts, summary, approaches, matches, excluded, suggestions},
// each match completed with the rest of its directory entry.
ordered_json match_result_to_json(const MatchResult& result);

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

}  // namespace tft
