// Glossary search: typo-tolerant, search-as-you-type, deterministic (docs/design.md; the search result is
// under "Result").
//
// Build a SearchIndex once from the Dataset, then call search() as often as you like; the index
// copies what it needs, so it does not point into the Dataset and may outlive it.
//
// What a query matches:
// - Text is tokenised and normalised by text_normalise.h: case, accents, punctuation, plurals and
//   British/American spellings (behavior = behaviour, centered = centred, -ize = -ise).
// - Each word matches exactly, by a synonym a visitor might use (kids → child, marriage → couple),
//   as a prefix when it is the last word typed (search as you type: "psychody"), or with typos:
//   one edit for words of 4-7 letters, two for 8 or more, a swap of neighbours counting as one.
//   Words of 1-3 letters (acronyms such as CBT) only match exactly, or as a typed prefix.
// - Fields weigh differently: name, then aliases (acronyms and other names), then the summary,
//   then the labels of the concerns the approach is used for, then the body text.
//
// Ranking: a query equal to an entry's name or an alias (ignoring words such as "therapy") comes
// first; then entries whose name or an alias holds every word of the query; then the rest by a
// BM25-like relevance. Ties in the printed score are broken by slug, so the same query always
// gives the same bytes. Hits whose relevance is under 5% of the best relevance, and which do not
// hold every query word in a name, are dropped as noise.
//
// Arithmetic uses only + - * / and sqrt, which IEEE 754 rounds the same everywhere, so the native
// CLI and the WebAssembly build print byte-identical scores.
//
// Cost: build_search_index is linear in the glossary's text: it tokenises every field once and
// keeps each passage's word spans, so queries never re-read text (tens of milliseconds for the 44
// bundled entries natively, about 2,200 distinct terms; roughly three times that in WebAssembly,
// which is why web/js/glossary-search.js builds it as soon as the box is focused; do it once).
// search() looks each query word up in the sorted vocabulary, walks the prefix range, and checks typos
// against words that pass a length and letter mask filter, O(words × vocabulary) at worst; then it scores
// only entries holding a candidate. Everything a query asks again and again is worked out once: per query,
// each word's own term and a bit per term for the words it answers; when the index is built, each name's
// generic words, each entry's name terms and each passage's rare terms. So ranking compares ids and
// allocates nothing per entry, snippets and highlights are built only for the hits returned, and
// search_result_to_text writes the JSON without building a tree. Median about 20 us a query natively
// and about 0.12 ms in WebAssembly (through tft.js, in node) on the bundled glossary:
//   ./build/native/tft_tests "[bench]"; node tests/bench/bench_search.mjs
// Queries are cut to their first 256 bytes and 12 words, so hostile input costs bounded work.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model.h"

namespace tft {

struct SearchTables;  // the inverted index (search_internal.h)

// Everything search() reads, built once from a Dataset. It copies what it needs, so it does not
// point into the Dataset and may outlive it.
struct SearchIndex {
  std::unique_ptr<const SearchTables> tables;

  SearchIndex();
  SearchIndex(SearchIndex&&) noexcept;
  SearchIndex& operator=(SearchIndex&&) noexcept;
  ~SearchIndex();
};

// A [start, length] range in UTF-16 code units, so JavaScript can slice the string directly.
using Highlight = std::pair<std::size_t, std::size_t>;

struct SearchHit {
  std::string slug;
  std::string name;
  double score = 0;     // higher is better; rounded to 3 decimals
  std::string matched;  // "name" | "alias" | "summary" | "text": where the best match was
  std::string alias;    // the alias that matched, when matched == "alias"
  std::string snippet;  // the summary, or the passage the query matched, cut near 180 characters
  std::vector<Highlight> highlights;       // in snippet
  std::vector<Highlight> name_highlights;  // in name
};

struct SearchResult {
  std::string query;
  std::vector<SearchHit> hits;
};

SearchIndex build_search_index(const Dataset& data);

// How many distinct terms the index holds (for the benchmark's report).
std::size_t search_vocabulary_size(const SearchIndex& index);

// The best `limit` hits for `query` (limit 0 gives none; at most 100 are returned).
SearchResult search(const SearchIndex& index, std::string_view query, std::size_t limit = 10);

// {"query", "hits": [{"slug", "name", "score", "snippet", "highlights", "name_highlights",
// "matched", "alias"?}]} — the four fields the first design fixed come first.
nlohmann::ordered_json search_result_to_json(const SearchResult& result);

// The same JSON as compact text, byte for byte what to_text(search_result_to_json(result), false)
// gives, written straight into one string: building the JSON tree first cost more than the search
// itself (the WebAssembly module answers every keystroke this way).
std::string search_result_to_text(const SearchResult& result);

}  // namespace tft
