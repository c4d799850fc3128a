// Answering a query from the index (search_index.cpp builds it): each query word's candidate
// terms (candidates_for), a weighted match per document and word (score_words), name bonuses and
// ranking (rank_docs), then the hits with snippets (search_snippets.cpp). Tuning: search_internal.h.
#include "search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include "json_text.h"
#include "search_internal.h"
#include "sort_order.h"
#include "text.h"
#include "text_normalise.h"

namespace tft {

namespace {

constexpr std::size_t kMaxQueryBytes = 256;
constexpr std::size_t kMaxQueryWords = 12;
constexpr std::size_t kMaxLimit = 100;

// A visitor's word → words the glossary uses for the same thing. Applied to queries only.
const std::vector<std::pair<std::string_view, std::vector<std::string_view>>>& synonyms() {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> s = {
      {"child", {"childhood", "young"}},
      {"childhood", {"child", "early"}},
      {"teen", {"teenager", "adolescent", "young"}},
      {"teenager", {"adolescent", "young"}},
      {"adolescent", {"teenager", "young"}},
      {"marriage", {"couple", "partner"}},
      {"married", {"couple", "partner"}},
      {"partner", {"couple"}},
      {"husband", {"couple", "partner"}},
      {"wife", {"couple", "partner"}},
      {"sex", {"sexual"}},
      {"sexual", {"sex"}},
      {"body", {"somatic", "bodily"}},
      {"ocd", {"obsessive", "compulsive"}},
      {"ptsd", {"trauma", "traumatic"}},
      {"traumatic", {"trauma"}},
      {"depressed", {"depression"}},
      {"anxious", {"anxiety"}},
      {"worry", {"anxiety"}},
      {"drinking", {"alcohol", "drink"}},
      {"drink", {"alcohol"}},
      {"drug", {"addiction", "substance"}},
      {"smoking", {"smoke", "stop"}},
      {"grief", {"bereavement", "loss"}},
      {"bereavement", {"grief", "loss"}},
      {"dance", {"movement"}},
      {"dream", {"unconscious"}},
      {"talking", {"talk"}},
      {"talk", {"talking"}},
      {"active", {"activity", "activation"}},
      {"value", {"values"}},
      {"autistic", {"autism"}},
  };
  return s;
}

struct Candidate {
  std::uint32_t term;
  double quality;  // 1 exact, less for synonyms, prefixes and typos (MatchQualities)
};

struct QueryWord {
  std::string term;
  std::vector<Candidate> candidates;  // sorted by term id, one per term
  bool known = false;                 // the word itself is in the vocabulary ...
  std::uint32_t exact = 0;            // ... as this term
};

// Every quality offered for a query word's candidate terms; best() keeps the best one per term.
struct Offers {
  std::vector<Candidate> offered;
  void offer(std::uint32_t term, double quality) { offered.push_back({term, quality}); }
  std::vector<Candidate> best() {
    sort_items(offered, [](const Candidate& a, const Candidate& b) {
      return a.term != b.term ? a.term < b.term : a.quality > b.quality;
    });
    std::vector<Candidate> out;
    for (const Candidate& c : offered)
      if (out.empty() || out.back().term != c.term) out.push_back(c);
    return out;
  }
};

int allowed_edits(std::size_t length) {
  return length >= kSearchTuning.two_edits_from ? 2 : length >= kSearchTuning.one_edit_from ? 1 : 0;
}

void offer_synonyms(const SearchTables& t, const std::string& q, Offers& offers) {
  bool found = false;
  for (const auto& [word, alternatives] : synonyms()) {
    if (word != q) continue;
    for (std::string_view alt : alternatives) {
      const std::uint32_t term = find_term(t, normalise_term(alt), found);
      if (found) offers.offer(term, kSearchTuning.qualities.synonym);
    }
  }
}

// The word still being typed may be the start of a longer one; the closer to complete, the
// better. Earlier words are complete, so only long ones get the benefit of the doubt.
void offer_prefixes(const SearchTables& t, const std::string& q, std::uint32_t from, bool last_word,
                    Offers& offers) {
  if (!((last_word && q.size() >= kSearchTuning.prefix_from_typing) ||
        q.size() >= kSearchTuning.prefix_from_finished))
    return;
  const MatchQualities& mq = kSearchTuning.qualities;
  for (std::uint32_t term = from; term < t.terms.size(); ++term) {
    const std::string& text = t.terms[term];
    if (text.compare(0, q.size(), q) != 0) break;
    if (text.size() == q.size()) continue;
    const double completeness = static_cast<double>(q.size()) / static_cast<double>(text.size());
    offers.offer(term,
                 (last_word ? mq.prefix_typing : mq.prefix_complete) + mq.prefix_completeness * completeness);
  }
}

// The word being typed may run past the stem the index keeps: "feelin" for "feel" (feeling).
void offer_stems(const SearchTables& t, const std::string& q, bool last_word, Offers& offers) {
  if (!(last_word && q.size() >= 5)) return;
  bool found = false;
  for (std::size_t len = q.size() - 1; len >= 4 && len + 3 >= q.size(); --len) {
    const std::uint32_t term = find_term(t, q.substr(0, len), found);
    if (found) offers.offer(term, kSearchTuning.qualities.stem_typed_past);
  }
}

// A typo inside a word still being typed: "atachm" against the start of "attachment". The start
// of the term may be one byte shorter than q, as long, or one longer: those are three rows of one
// edit-distance table (the term's bytes down, q's across; the distance is symmetric), so one table
// answers all three, and it stops at the first row whose every cell is over `edits`, as every later
// row then is too.
bool typo_in_started_word(const std::string& q, std::string_view term, std::uint32_t qmask, int edits) {
  const std::string_view head = term.substr(0, q.size() + 1);
  if (popcount(qmask & ~letter_mask(head)) > edits) return false;
  constexpr std::size_t kMaxTable = 64;
  if (q.size() > kMaxTable) {
    for (std::size_t len = q.size() - 1; len <= q.size() + 1; ++len)
      if (bounded_edit_distance(q, head.substr(0, len), edits) <= edits) return true;
    return false;
  }
  const std::size_t m = q.size();
  std::array<std::array<int, kMaxTable + 1>, 3> rows;
  int* prev2 = rows[0].data();
  int* prev = rows[1].data();
  int* cur = rows[2].data();
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= head.size(); ++i) {
    const int row_min = edit_distance_row(head, i, q, prev2, prev, cur);
    if (i + 1 >= m && cur[m] <= edits) return true;
    if (row_min > edits) return false;
    int* const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return false;
}

// Words within `edits` typos of q (a swap of neighbours counting as one).
void offer_typos(const SearchTables& t, const std::string& q, int edits, bool last_word, Offers& offers) {
  const MatchQualities& mq = kSearchTuning.qualities;
  const std::uint32_t qmask = letter_mask(q);
  // A typo in a started word depends only on the term's first q.size() + 1 bytes, and sorted terms
  // that start alike sit together, so the last answer holds for each term starting the same way.
  std::string_view last_head;
  bool last_head_near = false;
  for (std::uint32_t term = 0; term < t.terms.size(); ++term) {
    const std::size_t length = t.lengths[term];
    const bool whole = length + edits >= q.size() && length <= q.size() + edits;
    const bool started = last_word && length > q.size() + 1;
    if (!whole && !started) continue;
    if (popcount(qmask & ~t.letters[term]) > edits) continue;
    const std::string& text = t.terms[term];
    const int d = whole ? bounded_edit_distance(q, text, edits) : edits + 1;
    if (d > 0 && d <= edits) offers.offer(term, d == 1 ? mq.one_edit : mq.two_edits);
    if (!started || d <= edits) continue;
    const std::string_view head = std::string_view(text).substr(0, q.size() + 1);
    if (head != last_head) last_head = head, last_head_near = typo_in_started_word(q, text, qmask, edits);
    if (last_head_near) offers.offer(term, mq.typo_while_typing);
  }
}

void find_candidates(const SearchTables& t, QueryWord& word, bool last_word) {
  const std::string& q = word.term;
  Offers offers;
  bool found = false;
  const std::uint32_t exact = find_term(t, q, found);
  const bool known_word = found;
  word.known = found;
  word.exact = exact;
  if (found) offers.offer(exact, kSearchTuning.qualities.exact);
  offer_synonyms(t, q, offers);
  offer_prefixes(t, q, exact, last_word, offers);
  offer_stems(t, q, last_word, offers);
  // A word the glossary uses is taken as meant: "grief" must not also find "brief", nor "attack"
  // "attachment". Only unknown words are treated as typos.
  const int edits = known_word ? 0 : allowed_edits(q.size());
  if (edits > 0) offer_typos(t, q, edits, last_word, offers);
  word.candidates = offers.best();
}

double saturate(std::uint16_t count) {
  return 2.0 * count / (count + 1.0);
}

// How well the query words match one name or alias: "exact" when the words are the same (with or
// without generic words such as "therapy"), otherwise the share of query words found in the
// name and the share of the name they cover.
struct NameMatch {
  int tier = 0;        // 3 exact, 2 exact without generic words, 1 every query word in the name, 0 some
  double quality = 0;  // mean quality of the matched query words
  double query_share = 0;
  double name_share = 0;
};

// What ranking and snippets ask of the query again and again, worked out once per query.
struct QueryTerms {
  bool all_known = true;                     // every word is in the vocabulary
  std::vector<std::uint32_t> all, specific;  // the words' own terms in order; without generic words
  // Per term (zeroed by make_unique in one memset, not element by element):
  std::unique_ptr<std::uint16_t[]> answers;    // a bit for each word the term is a candidate of
  std::unique_ptr<std::uint16_t[]> highlight;  // the same, for terms rare enough to highlight
  std::vector<std::uint32_t> marked;           // the terms whose `highlight` is not 0, in order
};

QueryTerms query_terms(const SearchTables& t, const std::vector<QueryWord>& words) {
  QueryTerms q;
  q.answers = std::make_unique<std::uint16_t[]>(t.terms.size());
  q.highlight = std::make_unique<std::uint16_t[]>(t.terms.size());
  for (std::size_t w = 0; w < words.size(); ++w) {
    const auto bit = static_cast<std::uint16_t>(1u << w);
    if (!words[w].known) q.all_known = false;
    q.all.push_back(words[w].exact);
    if (!is_generic(words[w].term)) q.specific.push_back(words[w].exact);
    for (const auto& c : words[w].candidates) {
      q.answers[c.term] = static_cast<std::uint16_t>(q.answers[c.term] | bit);
      if (t.idf[c.term] > kSearchTuning.idf_to_highlight)
        q.highlight[c.term] = static_cast<std::uint16_t>(q.highlight[c.term] | bit);
    }
  }
  for (const auto& w : words)
    for (const auto& c : w.candidates)
      if (q.highlight[c.term]) q.marked.push_back(c.term);
  sort_numbers(q.marked);
  q.marked.erase(std::unique(q.marked.begin(), q.marked.end()), q.marked.end());
  return q;
}

// Whether the query's words are exactly the name's, optionally leaving out generic words.
bool same_words(const QueryTerms& q, const SearchName& name, bool skip_generic) {
  if (!q.all_known) return false;
  const auto& a = skip_generic ? q.specific : q.all;
  const auto& b = skip_generic ? name.specific_terms : name.terms;
  return !a.empty() && a == b;
}

// The quality of `term` as a candidate of `word` (0 when it is none).
double quality_of(const QueryWord& word, std::uint32_t term) {
  const auto it = std::lower_bound(word.candidates.begin(), word.candidates.end(), term,
                                   [](const Candidate& c, std::uint32_t t) { return c.term < t; });
  return it != word.candidates.end() && it->term == term ? it->quality : 0;
}

// `covered` is scratch space, reused between calls.
NameMatch match_name(const std::vector<QueryWord>& words, const QueryTerms& q, const SearchName& name,
                     std::vector<char>& covered) {
  NameMatch m;
  if (words.empty() || name.terms.empty()) return m;
  double matched = 0, quality = 0;
  covered.assign(name.terms.size(), 0);
  for (std::size_t w = 0; w < words.size(); ++w) {
    double best = 0;
    std::size_t where = name.terms.size();
    for (std::size_t i = 0; i < name.terms.size(); ++i) {
      if (!(q.answers[name.terms[i]] & (1u << w))) continue;
      const double c = quality_of(words[w], name.terms[i]);
      if (c > best) best = c, where = i;
    }
    if (where < name.terms.size()) {
      covered[where] = 1;
      matched += 1;
      quality += best;
    }
  }
  double name_total = 0, name_covered = 0;
  for (std::size_t i = 0; i < name.terms.size(); ++i) {
    const double w = name.generic[i] ? kSearchTuning.names.generic_word_share : 1.0;
    name_total += w;
    if (covered[i]) name_covered += w;
  }
  m.query_share = matched / static_cast<double>(words.size());
  m.quality = matched > 0 ? quality / matched : 0;
  m.name_share = name_covered / name_total;
  if (same_words(q, name, false))
    m.tier = 3;
  else if (same_words(q, name, true))
    m.tier = 2;
  else if (matched == static_cast<double>(words.size()))
    m.tier = 1;
  return m;
}

double name_bonus(const NameMatch& m) {
  const NameBonuses& b = kSearchTuning.names;
  switch (m.tier) {
    case 3:
      return b.exact;
    case 2:
      return b.exact_but_generic;
    case 1:
      return b.every_word + b.every_word_fit * m.quality * m.name_share;
    default:
      return b.some_words * m.query_share * m.query_share * m.quality * m.name_share;
  }
}

double round3(double x) {
  return std::round(x * 1000.0) / 1000.0;
}

// The query's meaningful words with their candidates; empty when it asks nothing yet.
std::vector<QueryWord> query_words(const SearchTables& t, std::string_view text) {
  std::vector<Token> tokens = tokenise(text, kMaxQueryWords);
  std::vector<QueryWord> words;
  // "what is ACT" → "act": filler words only count when the query has nothing else; a query of
  // filler words alone ("the", "a") asks nothing yet, and showing every entry would be noise.
  for (const auto& token : tokens)
    if (std::string term = normalise_term(token.text); !is_stopword(term))
      words.push_back({std::move(term), {}});
  // A trailing space means the last word is finished, so no prefix guessing.
  const bool typing = !text.empty() && !tokens.empty() && tokens.back().end == text.size();
  for (std::size_t i = 0; i < words.size(); ++i)
    find_candidates(t, words[i], typing && i + 1 == words.size());
  return words;
}

// Per document and query word, the best weighted match; per document, the field that matched best.
struct WordScores {
  std::vector<double> score;  // [doc * words + word]
  std::vector<SearchField> best_field;
};

WordScores score_words(const SearchTables& t, const std::vector<QueryWord>& words) {
  const std::size_t n_docs = t.docs.size();
  const FieldWeights& fw = kSearchTuning.fields;
  WordScores s{std::vector<double>(n_docs * words.size(), 0.0),
               std::vector<SearchField>(n_docs, SearchField::body)};
  std::vector<double> best_field_weight(n_docs, 0.0);
  for (std::size_t w = 0; w < words.size(); ++w) {
    for (const auto& c : words[w].candidates) {
      const auto& postings = t.postings[c.term];
      // Sum over the fields of one doc: a word in the name and the text beats the name alone.
      for (std::size_t p = 0; p < postings.size();) {
        const std::uint32_t doc = postings[p].doc;
        double weight = 0;
        for (; p < postings.size() && postings[p].doc == doc; ++p) {
          const SearchField field = postings[p].field;
          weight += field == SearchField::concerns
                        ? fw.concerns * std::min<double>(postings[p].count, fw.concerns_cap)
                        : fw.of(field) * saturate(postings[p].count);
          if (fw.of(field) > best_field_weight[doc] && t.idf[c.term] > kSearchTuning.idf_to_place) {
            best_field_weight[doc] = fw.of(field);
            s.best_field[doc] = field;
          }
        }
        double& best = s.score[doc * words.size() + w];
        best = std::max(best, c.quality * t.idf[c.term] * weight);
      }
    }
  }
  return s;
}

struct Scored {
  std::uint32_t doc;
  double score;
  std::size_t name_index;
  int tier;
  double relevance;
};

// Every document holding a query word, with its relevance and best name bonus, best first.
std::vector<Scored> rank_docs(const SearchTables& t, const std::vector<QueryWord>& words, const QueryTerms& q,
                              const WordScores& ws) {
  std::vector<Scored> scored;
  scored.reserve(t.docs.size());
  std::vector<char> covered;
  for (std::uint32_t d = 0; d < t.docs.size(); ++d) {
    double relevance = 0, matched = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
      relevance += ws.score[d * words.size() + w];
      if (ws.score[d * words.size() + w] > 0) matched += 1;
    }
    if (matched == 0) continue;
    relevance *= kSearchTuning.coverage_base +
                 kSearchTuning.coverage_share * matched / static_cast<double>(words.size());
    double bonus = 0;
    std::size_t name_index = 0;
    int tier = 0;
    // A name none of whose words answers the query earns no bonus, so most entries skip this.
    const auto& name_terms = t.docs[d].name_terms;
    const bool named = std::any_of(name_terms.begin(), name_terms.end(),
                                   [&](std::uint32_t term) { return q.answers[term] != 0; });
    for (std::size_t n = 0; named && n < t.docs[d].names.size(); ++n) {
      const NameMatch m = match_name(words, q, t.docs[d].names[n], covered);
      const double b = name_bonus(m);
      if (b > bonus) bonus = b, name_index = n, tier = m.tier;
    }
    scored.push_back({d, round3(bonus + relevance), name_index, tier, relevance});
  }
  sort_items(scored, [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    return t.docs[a.doc].slug < t.docs[b.doc].slug;
  });
  return scored;
}

// Noise: entries that share only a stray word with the query. Judged on relevance, not the name
// bonus, so one entry named after the query does not hide the others about it.
void drop_noise(std::vector<Scored>& scored) {
  double top_relevance = 0;
  for (const auto& s : scored) top_relevance = std::max(top_relevance, s.relevance);
  scored.erase(std::remove_if(scored.begin(), scored.end(),
                              [&](const Scored& s) {
                                return s.tier == 0 && s.relevance < kSearchTuning.noise_share * top_relevance;
                              }),
               scored.end());
}

SearchHit make_hit(const SearchTables& t, const Scored& s, SearchField best_field, const QueryTerms& q) {
  const SearchDoc& doc = t.docs[s.doc];
  SearchHit hit;
  hit.slug = doc.slug;
  hit.name = doc.name;
  hit.score = s.score;
  const SearchName& name = doc.names[s.name_index];
  const bool by_name = s.tier > 0 || best_field == SearchField::name || best_field == SearchField::alias;
  if (by_name) {
    hit.matched = name.is_alias ? "alias" : "name";
    if (name.is_alias) hit.alias = name.text;
  } else {
    hit.matched = best_field == SearchField::summary ? "summary" : "text";
  }
  Snippet snippet = make_snippet(t, doc, q.highlight.get(), q.marked, hit.matched == "text");
  hit.snippet = std::move(snippet.text);
  hit.highlights = std::move(snippet.highlights);
  hit.name_highlights = name_highlights(doc.names[0], q.highlight.get());
  return hit;
}

}  // namespace

// A name is still matched exactly when a visitor leaves generic words out ("schema" finds "Schema
// therapy").
bool is_generic(std::string_view t) {
  return t == "therapy" || t == "therapist" || t == "treatment" || t == "psychotherapy" || t == "approach";
}

std::uint32_t find_term(const SearchTables& t, std::string_view term, bool& found) {
  const auto it = std::lower_bound(t.terms.begin(), t.terms.end(), term,
                                   [](const std::string& a, std::string_view b) { return a < b; });
  found = it != t.terms.end() && *it == term;
  return static_cast<std::uint32_t>(it - t.terms.begin());
}

std::uint32_t letter_mask(std::string_view s) {
  std::uint32_t m = 0;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 'a' && u <= 'z')
      m |= 1u << (u - 'a');
    else if (u >= '0' && u <= '9')
      m |= 1u << (26 + (u - '0') % 5);
    else
      m |= 1u << 31;
  }
  return m;
}

int popcount(std::uint32_t x) {
  return __builtin_popcount(x);  // one instruction in WebAssembly (i32.popcnt)
}

SearchResult search(const SearchIndex& index, std::string_view query, std::size_t limit) {
  SearchResult result;
  result.query = std::string(query);
  limit = std::min(limit, kMaxLimit);
  if (limit == 0 || !index.tables) return result;
  const SearchTables& t = *index.tables;
  const std::vector<QueryWord> words = query_words(t, query.substr(0, kMaxQueryBytes));
  if (words.empty()) return result;
  const QueryTerms q = query_terms(t, words);
  const WordScores ws = score_words(t, words);
  std::vector<Scored> scored = rank_docs(t, words, q, ws);
  drop_noise(scored);
  if (scored.size() > limit) scored.resize(limit);
  for (const Scored& s : scored) result.hits.push_back(make_hit(t, s, ws.best_field[s.doc], q));
  return result;
}

namespace {

void append_highlights(std::string& out, const std::vector<Highlight>& highlights) {
  out += '[';
  for (std::size_t i = 0; i < highlights.size(); ++i) {
    if (i > 0) out += ',';
    out += '[';
    out += std::to_string(highlights[i].first);
    out += ',';
    out += std::to_string(highlights[i].second);
    out += ']';
  }
  out += ']';
}

}  // namespace

std::string search_result_to_text(const SearchResult& result) {
  std::string out = "{\"query\":";
  append_json_string(out, result.query);
  out += ",\"hits\":[";
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    const SearchHit& h = result.hits[i];
    if (i > 0) out += ',';
    out += "{\"slug\":";
    append_json_string(out, h.slug);
    out += ",\"name\":";
    append_json_string(out, h.name);
    out += ",\"score\":";
    append_json_double(out, h.score);
    out += ",\"snippet\":";
    append_json_string(out, h.snippet);
    out += ",\"highlights\":";
    append_highlights(out, h.highlights);
    out += ",\"name_highlights\":";
    append_highlights(out, h.name_highlights);
    out += ",\"matched\":";
    append_json_string(out, h.matched);
    if (!h.alias.empty()) {
      out += ",\"alias\":";
      append_json_string(out, h.alias);
    }
    out += '}';
  }
  out += "]}";
  return out;
}

nlohmann::ordered_json search_result_to_json(const SearchResult& result) {
  using nlohmann::ordered_json;
  ordered_json hits = ordered_json::array();
  for (const auto& h : result.hits) {
    ordered_json j;
    j["slug"] = h.slug;
    j["name"] = h.name;
    j["score"] = h.score;
    j["snippet"] = h.snippet;
    j["highlights"] = ordered_json::array();
    for (const auto& [start, length] : h.highlights) j["highlights"].push_back({start, length});
    j["name_highlights"] = ordered_json::array();
    for (const auto& [start, length] : h.name_highlights) j["name_highlights"].push_back({start, length});
    j["matched"] = h.matched;
    if (!h.alias.empty()) j["alias"] = h.alias;
    hits.push_back(std::move(j));
  }
  ordered_json out;
  out["query"] = result.query;
  out["hits"] = std::move(hits);
  return out;
}

}  // namespace tft
