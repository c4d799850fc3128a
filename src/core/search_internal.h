// The glossary search's own business, shared by search_index.cpp (building), search.cpp
// (querying and ranking) and search_snippets.cpp (snippets and highlights), and nothing else:
// the inverted index's tables and every number that tunes the ranking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search.h"

namespace tft {

enum class SearchField : std::uint8_t { name, alias, summary, concerns, body };
constexpr std::size_t kSearchFieldCount = 5;

// A word of a name or passage: its term and its byte range in the text, kept so a snippet can be
// cut and highlighted without normalising text again at query time.
struct SearchSpan {
  std::uint32_t term;
  std::uint32_t begin, end;
};

struct SearchPosting {
  std::uint32_t doc;
  SearchField field;
  std::uint16_t count;  // occurrences of the term in that field
};

struct SearchName {
  std::string text;                  // as written ("CBT", "Attachment-based therapy")
  std::vector<std::uint32_t> terms;  // term ids in order
  std::vector<SearchSpan> spans;
  bool is_alias = false;
  // Worked out once when the index is built, so ranking compares ids and never re-reads a term:
  std::vector<std::uint32_t> specific_terms;  // `terms` without generic words such as "therapy"
  std::vector<std::uint8_t> generic;          // per term in `terms`: 1 for a generic word
};

struct SearchPassage {
  SearchField field;
  std::string text;  // summary or one body paragraph, newlines already turned into spaces
  std::vector<SearchSpan> spans;
};

// A term rare enough to place a snippet (idf above SearchTuning::idf_to_place) and a passage of
// one document holding it.
struct SearchTermInPassage {
  std::uint32_t term;
  std::uint32_t passage;
};

struct SearchDoc {
  std::string slug;
  std::string name;
  std::vector<SearchName> names;        // [0] is the entry's name, then its aliases
  std::vector<SearchPassage> passages;  // [0] is the summary
  // Each distinct (term, passage) pair of the passages' placing terms, by term then passage, so
  // choosing a hit's snippet looks up the query's terms instead of reading every word again.
  std::vector<SearchTermInPassage> placing_terms;
  std::vector<std::uint32_t> name_terms;  // every term of every name, sorted, once each
};

struct SearchTables {
  std::vector<std::string> terms;                    // every distinct term, sorted
  std::vector<std::vector<SearchPosting>> postings;  // per term, by doc
  std::vector<double> idf;                           // per term
  std::vector<std::uint32_t> letters;  // per term: a bit per letter present, to skip typo checks
  std::vector<std::uint32_t> lengths;  // per term: its length in bytes, read without the string
  std::vector<SearchDoc> docs;         // in the Dataset's order (by slug)
};

// ------------------------------------------------------------------------------------ tuning

// How much a query word found in each field is worth (times the term's IDF and match quality).
struct FieldWeights {
  double name = 10;
  double alias = 8;
  double summary = 3;
  double concerns = 1.5;           // per evidence point (SearchTuning::concern_repeats) ...
  std::uint16_t concerns_cap = 4;  // ... counting at most this many
  double body = 1;

  double of(SearchField f) const {
    switch (f) {
      case SearchField::name:
        return name;
      case SearchField::alias:
        return alias;
      case SearchField::summary:
        return summary;
      case SearchField::concerns:
        return concerns;
      case SearchField::body:
        return body;
    }
    return body;
  }
};

// How well a candidate term stands for a query word, 1 for the word itself.
struct MatchQualities {
  double exact = 1.0;
  double synonym = 0.8;
  // A prefix of a longer word: base + completeness · (query length / term length).
  double prefix_typing = 0.6;     // the last word, still being typed
  double prefix_complete = 0.45;  // an earlier word of five letters or more
  double prefix_completeness = 0.3;
  double stem_typed_past = 0.6;  // "feelin" for the indexed stem "feel"
  double one_edit = 0.75;
  double two_edits = 0.55;
  double typo_while_typing = 0.5;  // "atachm" against the start of "attachment"
};

// Bonuses that put name matches above relevance (see search.h's ranking), by NameMatch tier.
struct NameBonuses {
  double exact = 1000;              // the query is the name or an alias
  double exact_but_generic = 900;   // ... leaving out words such as "therapy"
  double every_word = 300;          // every query word is in the name ...
  double every_word_fit = 200;      // ... plus this times match quality and name coverage
  double some_words = 100;          // some words: this times coverage squared, quality, share
  double generic_word_share = 0.5;  // how much a generic word counts toward covering a name
};

struct SearchTuning {
  FieldWeights fields;
  MatchQualities qualities;
  NameBonuses names;
  // Typos allowed by word length: two from 8 letters, one from 4, none below.
  std::size_t two_edits_from = 8, one_edit_from = 4;
  // Prefix matching from this many letters for the word being typed (one letter would match half
  // the vocabulary), and for finished words only from this many (long ones get the benefit of
  // the doubt).
  std::size_t prefix_from_typing = 2, prefix_from_finished = 5;
  // Times a concern label is indexed by evidence level (emerging, moderate, strong).
  int concern_repeats[3] = {1, 2, 3};
  // Relevance is scaled by (base + share · matched words / query words).
  double coverage_base = 0.5, coverage_share = 0.5;
  // Hits whose relevance is below this share of the best, and hold no query word in a name,
  // are dropped as noise.
  double noise_share = 0.05;
  // Terms rarer than these IDFs decide where a hit matched and which snippet shows; and are
  // highlighted ("therapy" in every other sentence would be noise).
  double idf_to_place = 0.3, idf_to_highlight = 0.15;
};

inline constexpr SearchTuning kSearchTuning{};

// ------------------------------------------------------------------------------------ shared steps

// Words that say "a kind of therapy" without saying which ("therapy", "treatment", ...).
bool is_generic(std::string_view term);

// The id of term `t`; `found` says whether it is in the vocabulary (else the insertion point).
std::uint32_t find_term(const SearchTables& tables, std::string_view t, bool& found);

// One bit per letter (digits and other bytes share the top bits). Each letter of the query that
// a word lacks costs at least one edit, so popcount(query & ~word) > edits rules a word out
// before the edit distance is computed.
std::uint32_t letter_mask(std::string_view s);
int popcount(std::uint32_t x);

// Snippets: the passage a hit shows, cut near kSnippetBytes, with the query words highlighted.
struct Snippet {
  std::string text;
  std::vector<Highlight> highlights;
};

// `word_mask[term]` holds a bit for each query word the term answers (0 for none); `marked` lists
// the terms whose mask is not 0, in increasing order.
Snippet make_snippet(const SearchTables& tables, const SearchDoc& doc, const std::uint16_t* word_mask,
                     const std::vector<std::uint32_t>& marked, bool matched_in_text);
std::vector<Highlight> name_highlights(const SearchName& name, const std::uint16_t* word_mask);

}  // namespace tft
