// prepare_matcher (the compact rows) and match (the one pass, the ranking and the result). The
// filters are in match_filters.cpp, the score terms in score_terms.cpp, the relax suggestions in
// match_suggestions.cpp, one therapist's words in match_result.cpp, the tuning in match_tuning.h.
#include "matcher.h"

#include <algorithm>
#include <map>
#include <memory>

#include "approach_recommendations.h"
#include "crisis_contacts.h"
#include "json_input.h"
#include "loaders.h"
#include "matcher_internal.h"
#include "packed_rows.h"
#include "result_summary.h"
#include "signposts.h"
#include "vocabulary.h"

namespace tft {

namespace {

// ------------------------------------------------------------------------------------ preparing

long number_of(const std::vector<std::string>& sorted, std::string_view id) {
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), id);
  return it != sorted.end() && *it == id ? it - sorted.begin() : -1;
}

// Concerns by id and approaches by slug, each numbered in sorted order.
void number_vocabulary(const Dataset& data, MatcherTables& m) {
  std::map<std::string, std::string> labels;
  for (const auto& c : data.concerns) labels[c.id] = c.label;
  for (const auto& [id, label] : labels) {
    m.concern_ids.push_back(id);
    m.concern_labels.push_back(label);
  }
  for (const auto& s : approach_slugs(data)) m.approach_slugs.push_back(s);  // std::set: sorted
  m.approach_entries.assign(m.approach_slugs.size(), nullptr);
  for (std::size_t ap = 0; ap < m.approach_slugs.size(); ++ap)
    m.approach_entries[ap] = find_entry(data, m.approach_slugs[ap]);
}

// Place names numbered as first met, so a location keeps a number and its name is stored once.
struct PlaceNumbers {
  std::map<std::string, std::uint32_t, std::less<>> numbers;

  std::uint32_t of(std::string_view name, MatcherTables& m) {
    auto it = numbers.find(name);
    if (it == numbers.end()) {
      it = numbers.emplace(std::string(name), static_cast<std::uint32_t>(m.place_names.size())).first;
      m.place_names.emplace_back(name);
    }
    return it->second;
  }
};

std::uint8_t small(std::size_t n) {
  return static_cast<std::uint8_t>(std::min<std::size_t>(n, 255));
}

// Known ids of `ids` (numbered by `sorted`) appended to `pool`; at most 255.
std::uint8_t pool_ids(const std::vector<std::string>& ids, const std::vector<std::string>& sorted,
                      std::vector<std::uint16_t>& pool) {
  std::uint8_t count = 0;
  for (const auto& id : ids)
    if (const long n = number_of(sorted, id); n >= 0 && count < 255) {
      pool.push_back(static_cast<std::uint16_t>(n));
      ++count;
    }
  return count;
}

void pack_lists(const Therapist& t, MatcherTables& m, PlaceNumbers& places, MatcherRow& r) {
  r.concerns_begin = static_cast<std::uint32_t>(m.concern_pool.size());
  r.concerns_count = pool_ids(t.concerns, m.concern_ids, m.concern_pool);
  r.approaches_begin = static_cast<std::uint32_t>(m.approach_pool.size());
  r.approaches_count = pool_ids(t.approaches, m.approach_slugs, m.approach_pool);
  r.languages_begin = static_cast<std::uint32_t>(m.language_pool.size());
  r.languages_count = small(t.languages.size());
  for (std::size_t k = 0; k < r.languages_count; ++k)
    m.language_pool.push_back(language_code(t.languages[k]));
  r.locations_begin = static_cast<std::uint32_t>(m.location_pool.size() / 2);
  r.locations_count = small(t.locations.size());
  for (std::size_t k = 0; k < r.locations_count; ++k) {
    m.location_pool.push_back(t.locations[k].lat);
    m.location_pool.push_back(t.locations[k].lon);
    m.location_place.push_back(places.of(t.locations[k].place, m));
  }
}

void pack_fields(const Therapist& t, MatcherRow& r) {
  r.formats = mask_of(format_codes(), t.formats);
  r.clients = mask_of(client_codes(), t.clients);
  r.availability = mask_of(availability_codes(), t.availability);
  r.identity = mask_of(identity_codes(), t.identity);
  r.gender = code_of(gender_codes(), t.gender);
  r.age_min = static_cast<std::uint8_t>(std::clamp(t.age_min, 0, 255));
  r.age_max = static_cast<std::uint8_t>(std::clamp(t.age_max, 0, 255));
  r.accepting_new = t.accepting_new;
  r.concessions = t.concessions;
  r.low_cost_places = t.low_cost_places;
  r.fee_min = static_cast<std::uint16_t>(std::clamp(t.fee_min, 0, 65535));
  r.updated = day_number(t.updated);
}

// ------------------------------------------------------------------------------------ from packed rows

// One packed file's vocabulary codes as the matcher's numbers (kNone: not in the dataset), worked
// out once per file so that no row looks a string up.
constexpr std::uint16_t kNone = 0xFFFF;
struct FileCodes {
  std::vector<std::uint16_t> concerns, approaches;
  std::vector<std::uint8_t> identity;  // the tag's bit
  std::vector<std::uint32_t> places;   // into place_names
};

FileCodes file_codes(const MatchingView& v, MatcherTables& m, PlaceNumbers& places) {
  FileCodes c;
  const auto number = [](const std::vector<std::string>& sorted, std::string_view id) {
    const long n = number_of(sorted, id);
    return n < 0 ? kNone : static_cast<std::uint16_t>(n);
  };
  for (const auto id : v.concerns) c.concerns.push_back(number(m.concern_ids, id));
  for (const auto slug : v.approaches) c.approaches.push_back(number(m.approach_slugs, slug));
  for (const auto tag : v.identity) c.identity.push_back(code_of(identity_codes(), tag));
  for (const auto name : v.places) c.places.push_back(places.of(name, m));
  return c;
}

// As pool_ids: the known numbers of a row's codes appended to `pool`.
std::uint8_t pool_codes(const std::uint8_t* codes, unsigned count, const std::vector<std::uint16_t>& numbers,
                        std::vector<std::uint16_t>& pool) {
  std::uint8_t kept = 0;
  for (unsigned k = 0; k < count; ++k)
    if (numbers[codes[k]] != kNone) pool.push_back(numbers[codes[k]]), ++kept;
  return kept;
}

// The bits of fixed codes (a position in `table`, as packed files store them).
std::uint8_t table_bits(const CodedWords& table, const std::uint8_t* codes, unsigned count) {
  std::uint8_t mask = 0;
  for (unsigned k = 0; k < count; ++k) mask = static_cast<std::uint8_t>(mask | table[codes[k]].code);
  return mask;
}

void pack_row_lists(const PackedRow& p, const FileCodes& c, MatcherTables& m, MatcherRow& r) {
  r.concerns_begin = static_cast<std::uint32_t>(m.concern_pool.size());
  r.concerns_count = pool_codes(p.concerns, p.concerns_count, c.concerns, m.concern_pool);
  r.approaches_begin = static_cast<std::uint32_t>(m.approach_pool.size());
  r.approaches_count = pool_codes(p.approaches, p.approaches_count, c.approaches, m.approach_pool);
  r.languages_begin = static_cast<std::uint32_t>(m.language_pool.size());
  r.languages_count = p.languages_count;
  for (unsigned k = 0; k < p.languages_count; ++k) m.language_pool.push_back(p.language(k));
  r.locations_begin = static_cast<std::uint32_t>(m.location_pool.size() / 2);
  r.locations_count = p.locations_count;
  for (unsigned k = 0; k < p.locations_count; ++k) {
    m.location_pool.push_back(p.lat(k));
    m.location_pool.push_back(p.lon(k));
    m.location_place.push_back(c.places[p.place(k)]);
  }
}

void pack_row_fields(const PackedRow& p, const FileCodes& c, MatcherRow& r) {
  r.formats = table_bits(format_codes(), p.formats, p.formats_count);
  r.clients = table_bits(client_codes(), p.clients, p.clients_count);
  r.availability = table_bits(availability_codes(), p.availability, p.availability_count);
  for (unsigned k = 0; k < p.identity_count; ++k)
    r.identity = static_cast<std::uint8_t>(r.identity | c.identity[p.identity[k]]);
  r.gender = gender_codes()[p.gender].code;
  r.age_min = p.age_min;
  r.age_max = p.age_max;
  r.accepting_new = p.accepting_new;
  r.concessions = p.concessions;
  r.low_cost_places = p.low_cost_places;
  r.fee_min = p.fee_min;
  r.updated = p.updated;
}

// Room for every row's lists at once: pools grown item by item are copied over and over.
void reserve_pools(const PackedRows& directory, MatcherTables& m) {
  std::size_t concerns = 0, approaches = 0, languages = 0, locations = 0;
  for (const PackedShardRows& shard : directory.shards)
    for (MatchingCursor cursor(shard.view); !cursor.done();) {
      const PackedRow p = cursor.next();
      concerns += p.concerns_count, approaches += p.approaches_count;
      languages += p.languages_count, locations += p.locations_count;
    }
  m.concern_pool.reserve(concerns);
  m.approach_pool.reserve(approaches);
  m.language_pool.reserve(languages);
  m.location_pool.reserve(2 * locations);
  m.location_place.reserve(locations);
}

// Rows for every shard, in directory order, and the ids for tie-breaks.
void pack_packed_rows(const PackedRows& directory, MatcherTables& m) {
  reserve_pools(directory, m);
  PlaceNumbers places;
  std::uint32_t newest = 0;
  std::size_t i = 0;
  for (const PackedShardRows& shard : directory.shards) {
    const FileCodes codes = file_codes(shard.view, m, places);
    for (MatchingCursor cursor(shard.view); !cursor.done(); ++i) {
      const PackedRow p = cursor.next();
      pack_row_lists(p, codes, m, m.rows[i]);
      pack_row_fields(p, codes, m.rows[i]);
      newest = std::max(newest, p.updated);
    }
  }
  m.newest_updated = day_text(newest);
  m.ids = directory.ids;
}

// The tables with the dataset's vocabulary numbered and `rows` rows to fill, for either directory form.
std::unique_ptr<MatcherTables> empty_tables(const Dataset& data, std::size_t rows) {
  auto tables = std::make_unique<MatcherTables>();
  number_vocabulary(data, *tables);
  tables->rows.resize(rows);
  return tables;
}

Matcher with_tables(const Dataset& data, std::unique_ptr<MatcherTables> tables) {
  Matcher m;
  m.data = &data;
  m.places = build_place_index(data.places);
  m.tables = std::move(tables);
  return m;
}

// ------------------------------------------------------------------------------------ matching

// The ranking key (docs/matching.md): therapists who list a chosen concern first; then by fit
// band; within a band, entries confirmed in the last kFreshMonths before older ones; then score;
// ties by id.
struct Scored {
  int score;
  std::uint8_t lists, band, fresh;
  std::uint32_t index;
};

// Ties by id, compared only when everything else is equal, so the ids need no sorting when the
// matcher is prepared (a sort of 100,000 ids cost more than the rest of preparing them in
// WebAssembly); a JSON directory that repeats an id falls back on the directory order.
struct Better {
  const std::vector<std::string_view>* ids;
  bool operator()(const Scored& x, const Scored& y) const {
    if (x.lists != y.lists) return x.lists > y.lists;
    if (x.band != y.band) return x.band > y.band;
    if (x.fresh != y.fresh) return x.fresh > y.fresh;
    if (x.score != y.score) return x.score > y.score;
    const std::string_view a = (*ids)[x.index], b = (*ids)[y.index];
    return a != b ? a < b : x.index < y.index;
  }
};

// What the one pass over the rows finds.
struct Pass {
  std::vector<Scored> passing;
  std::array<std::size_t, kFilterCount> by{};  // failing therapists by first failing filter
  std::vector<std::uint32_t> offered;          // by approach: passing therapists offering it
  RelaxGains gains = start_gains();
  SummaryFacts facts;
  // Nearby and remote-only counts for the listing group and for everyone, to pick from at the end.
  std::size_t nearby_all = 0, nearby_listing = 0;
  std::uint8_t remote_all = 0, remote_listing = 0;
};

// Counts one passing therapist toward the summary's facts.
void count_summary(const Query& q, const MatcherRow& r, const Eval& e, bool lists, bool stale, Pass& pass) {
  pass.facts.listing += lists ? 1 : 0;
  pass.facts.stale += stale ? 1 : 0;
  if (!q.in_person) return;
  const bool near = (r.formats & q.formats & kInPerson) && e.distance <= q.a->max_distance_km;
  const std::uint8_t remote = near ? 0 : static_cast<std::uint8_t>(r.formats & q.formats & ~kInPerson);
  pass.nearby_all += near ? 1 : 0;
  pass.remote_all |= remote;
  if (lists) pass.nearby_listing += near ? 1 : 0, pass.remote_listing |= remote;
}

Pass scan(const Matcher& m, const Query& q) {
  const MatcherTables& tables = *m.tables;
  const std::size_t n = tables.rows.size();
  Pass pass;
  pass.passing.reserve(n);  // one allocation: growing it step by step churns a heap full of directory strings
  pass.offered.assign(tables.approach_slugs.size(), 0);
  ScoreTerm terms[kTermCount];
  for (std::size_t i = 0; i < n; ++i) {
    const Eval e = evaluate(m, q, i, false);
    const MatcherRow& r = tables.rows[i];
    if (e.failed) {
      ++pass.by[static_cast<std::size_t>(first_filter(e.failed)) % kFilterCount];
      count_gains(m, q, i, e, pass.gains);
      continue;
    }
    score_terms(m, q, i, e, false, terms);
    const int score = total_score(terms);
    const bool lists = lists_concern(q, terms), stale = is_stale_row(q, r);
    pass.passing.push_back({score, static_cast<std::uint8_t>(lists),
                            static_cast<std::uint8_t>(fit_band_rank(score)),
                            static_cast<std::uint8_t>(!stale), static_cast<std::uint32_t>(i)});
    count_summary(q, r, e, lists, stale, pass);
    for (std::uint32_t k = 0; k < r.approaches_count; ++k)
      ++pass.offered[tables.approach_pool[r.approaches_begin + k]];
  }
  return pass;
}

SummaryFacts summary_facts(const Query& q, const Pass& pass) {
  SummaryFacts facts = pass.facts;
  facts.concerns_asked = !q.concerns.empty();
  facts.in_person_asked = q.in_person;
  facts.max_distance_km = q.a->max_distance_km;
  facts.today = q.today;
  facts.passing = pass.passing.size();
  const bool by_listing = facts.concerns_asked && facts.listing > 0;
  facts.nearby = by_listing ? pass.nearby_listing : pass.nearby_all;
  facts.remote_formats = by_listing ? pass.remote_listing : pass.remote_all;
  return facts;
}

std::vector<ExcludedCount> count_excluded(const Pass& pass) {
  std::vector<ExcludedCount> by;
  for (int f = 0; f < kFilterCount; ++f)
    if (pass.by[f]) by.push_back({kFilterNames[f], pass.by[f]});
  return by;
}

}  // namespace

// ------------------------------------------------------------------------------------ public

Matcher::Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

Matcher prepare_matcher(const Dataset& data, const Directory& directory) {
  auto tables = empty_tables(data, directory.therapists.size());
  std::vector<std::string_view> ids;
  ids.reserve(directory.therapists.size());
  PlaceNumbers places;
  for (std::size_t i = 0; i < directory.therapists.size(); ++i) {
    const Therapist& t = directory.therapists[i];
    MatcherRow& r = tables->rows[i];
    pack_lists(t, *tables, places, r);
    pack_fields(t, r);
    if (t.updated > tables->newest_updated && r.updated) tables->newest_updated = t.updated;
    ids.push_back(t.id);
  }
  tables->ids = std::move(ids);
  Matcher m = with_tables(data, std::move(tables));
  m.directory = &directory;
  return m;
}

Matcher prepare_matcher(const Dataset& data, const PackedRows& directory) {
  auto tables = empty_tables(data, directory.size());
  pack_packed_rows(directory, *tables);
  Matcher m = with_tables(data, std::move(tables));
  m.packed = &directory;
  return m;
}

MatchResult match(const Matcher& m, const Answers& a, std::size_t limit) {
  MatchOptions options;
  options.limit = limit;
  return match(m, a, options);
}

MatchResult match(const Matcher& m, const Answers& a, const MatchOptions& options) {
  const Query q = make_query(m, a, options);
  Pass pass = scan(m, q);
  auto& passing = pass.passing;
  const std::size_t keep = options.limit == 0 ? passing.size() : std::min(options.limit, passing.size());
  std::partial_sort(passing.begin(), passing.begin() + static_cast<std::ptrdiff_t>(keep), passing.end(),
                    Better{&m.tables->ids});

  MatchResult result;
  // Safety routes first (crisis_contacts.h, signposts.h): they fit the person and their nation.
  const Person person = person_from_answers(a);
  result.crisis = crisis_part(m.data->crisis, person);
  result.signposts = signposts_part(m.data->crisis, person);
  result.summary = summary_facts(q, pass);
  result.approaches = approach_recommendations(m, a, pass.offered, passing.size());
  for (std::size_t k = 0; k < keep; ++k)
    result.matches.push_back(matched(m, q, passing[k].index, passing[k].score));
  result.excluded_total = m.tables->rows.size() - passing.size();
  result.excluded_by = count_excluded(pass);
  result.suggestions = relax_suggestions(q, pass.gains);
  return result;
}

void append_directory(Directory& into, Directory&& shard) {
  into.fictional = into.therapists.empty() ? shard.fictional : (into.fictional && shard.fictional);
  if (into.notice.empty()) into.notice = shard.notice;
  into.therapists.reserve(into.therapists.size() + shard.therapists.size());
  for (auto& t : shard.therapists) into.therapists.push_back(std::move(t));
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
  out.text = to_text(match_result_to_json(match(m, parsed.answers, options)), true);
  return out;
}

std::vector<Error> parse_match_options(std::string_view today, std::string_view units, MatchOptions& out) {
  std::vector<Error> errors;
  if (!today.empty() && !is_valid_date(today))
    errors.push_back({"options", "$.today",
                      "expected a date written YYYY-MM-DD, found " + quote_for_message(std::string(today))});
  else
    out.today = std::string(today);
  if (units == "miles")
    out.unit = DistanceUnit::miles;
  else if (units.empty() || units == "km")
    out.unit = DistanceUnit::km;
  else
    errors.push_back(
        {"options", "$.units",
         "unknown value " + quote_for_message(std::string(units)) + "; expected one of: km, miles"});
  return errors;
}

std::vector<ScoreTerm> explain_score(const Matcher& m, const Answers& answers, std::size_t therapist) {
  const Query q = make_query(m, answers, MatchOptions{});
  const Eval e = evaluate(m, q, therapist, true);
  std::vector<ScoreTerm> terms(kTermCount);
  score_terms(m, q, therapist, e, true, terms.data());
  return terms;
}

std::string first_failing_filter(const Matcher& m, const Answers& answers, std::size_t therapist) {
  const Query q = make_query(m, answers, MatchOptions{});
  const int f = first_filter(evaluate(m, q, therapist, true).failed);
  return f < 0 ? "" : kFilterNames[f];
}

double widest_distance_considered_km(const Answers& answers) {
  // Whichever units the suggestions are worded in: the shards a visitor loads do not depend on it.
  double widest = answers.max_distance_km;
  for (const DistanceUnit unit : {DistanceUnit::km, DistanceUnit::miles})
    for (const double step : distance_steps(unit)) widest = std::max(widest, step);
  return widest;
}

}  // namespace tft
