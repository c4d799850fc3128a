// Building the glossary's search index, in named steps: every word of every entry is tokenised
// once and interned under a provisional id (index_entry), the ids are renumbered in sorted order
// (sort_vocabulary), then the postings (build_postings), the IDF (compute_idf) and the letter
// masks are filled in. Cost: linear in the glossary's text plus sorting the vocabulary.
#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "search_internal.h"
#include "sort_order.h"
#include "text_normalise.h"

namespace tft {

namespace {

using FieldTerms = std::array<std::vector<std::uint32_t>, kSearchFieldCount>;  // per SearchField

// The state of one build: terms interned so far, and each entry's terms by field.
struct Builder {
  std::unordered_map<std::string, std::uint32_t> id_of_folded;  // folded spelling -> provisional id
  std::unordered_map<std::string, std::uint32_t> id_of_term;    // normalised term -> provisional id
  std::vector<std::string> vocabulary;                          // by provisional id
  std::vector<FieldTerms> field_terms;                          // by doc
};

std::uint32_t intern_term(Builder& b, std::string term) {
  const auto [it, inserted] =
      b.id_of_term.emplace(std::move(term), static_cast<std::uint32_t>(b.vocabulary.size()));
  if (inserted) b.vocabulary.push_back(it->first);
  return it->second;
}

// The term id of a folded token; normalising is the costly part, so each spelling is done once.
std::uint32_t intern(Builder& b, const std::string& folded) {
  const auto it = b.id_of_folded.find(folded);
  if (it != b.id_of_folded.end()) return it->second;
  const std::uint32_t id = intern_term(b, normalise_term(folded));
  b.id_of_folded.emplace(folded, id);
  return id;
}

std::vector<SearchSpan> spans_of(Builder& b, const std::string& text) {
  std::vector<SearchSpan> out;
  for (const Token& t : tokenise(text))
    out.push_back(
        {intern(b, t.text), static_cast<std::uint32_t>(t.begin), static_cast<std::uint32_t>(t.end)});
  return out;
}

std::vector<std::uint32_t>& field(FieldTerms& fields, SearchField f) {
  return fields[static_cast<std::size_t>(f)];
}

// The entry's name and aliases.
void index_names(Builder& b, const GlossaryEntry& e, SearchDoc& doc, FieldTerms& fields) {
  std::vector<std::string> spellings{e.name};
  spellings.insert(spellings.end(), e.aliases.begin(), e.aliases.end());
  for (std::size_t n = 0; n < spellings.size(); ++n) {
    SearchName name;
    name.text = spellings[n];
    name.is_alias = n > 0;
    name.spans = spans_of(b, name.text);
    auto& terms = field(fields, n == 0 ? SearchField::name : SearchField::alias);
    for (const auto& sp : name.spans) {
      name.terms.push_back(sp.term);
      terms.push_back(sp.term);
    }
    // "TF-CBT" typed as "tfcbt", "dramatherapy" for "drama therapy": the joined name matches too.
    if (name.spans.size() > 1) {
      std::string joined;
      for (const Token& t : tokenise(name.text)) joined += t.text;
      terms.push_back(intern(b, joined));
    }
    doc.names.push_back(std::move(name));
  }
}

// The concerns an approach is used for, repeated by evidence level so "anxiety" ranks the
// approaches with the best evidence for anxiety first.
void index_concerns(Builder& b, const GlossaryEntry& e, const std::map<std::string, const Concern*>& concerns,
                    FieldTerms& fields) {
  auto& terms = field(fields, SearchField::concerns);
  for (const auto& c : e.concerns) {
    const auto it = concerns.find(c.id);
    if (it == concerns.end()) continue;
    std::vector<std::uint32_t> words;
    for (const auto& sp : spans_of(b, it->second->label + " " + c.id)) words.push_back(sp.term);
    sort_numbers(words);
    words.erase(std::unique(words.begin(), words.end()), words.end());
    const auto& repeats = kSearchTuning.concern_repeats;
    const int times = c.evidence == Evidence::strong     ? repeats[2]
                      : c.evidence == Evidence::moderate ? repeats[1]
                                                         : repeats[0];
    for (int k = 0; k < times; ++k) terms.insert(terms.end(), words.begin(), words.end());
  }
}

void add_passage(Builder& b, SearchField f, std::string text, SearchDoc& doc, FieldTerms& fields) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  SearchPassage p{f, std::move(text), {}};
  p.spans = spans_of(b, p.text);
  auto& terms = field(fields, f);
  for (const auto& sp : p.spans) terms.push_back(sp.term);
  doc.passages.push_back(std::move(p));
}

// The summary, then every body section, one passage per paragraph so a snippet comes from the
// paragraph that matched.
void index_passages(Builder& b, const GlossaryEntry& e, SearchDoc& doc, FieldTerms& fields) {
  add_passage(b, SearchField::summary, e.summary, doc, fields);
  std::vector<std::string> body{e.how_it_works, e.who_for, e.session};
  body.insert(body.end(), e.benefits.begin(), e.benefits.end());
  for (const auto& f : e.faqs) body.push_back(f.q + " " + f.a);
  body.push_back(e.evidence_summary);
  for (const auto& text : body) {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      if (end > start) add_passage(b, SearchField::body, text.substr(start, end - start), doc, fields);
      start = end + 2;
    }
  }
}

SearchDoc index_entry(Builder& b, const GlossaryEntry& e,
                      const std::map<std::string, const Concern*>& concerns, FieldTerms& fields) {
  SearchDoc doc;
  doc.slug = e.slug;
  doc.name = e.name;
  index_names(b, e, doc, fields);
  index_concerns(b, e, concerns, fields);
  index_passages(b, e, doc, fields);
  return doc;
}

// Renumbers terms in sorted order, so prefixes are contiguous and look-ups are binary searches.
// Returns provisional id -> final id.
std::vector<std::uint32_t> sort_vocabulary(Builder& b, SearchTables& t) {
  std::vector<std::uint32_t> order = row_numbers(b.vocabulary.size());
  sort_rows(order, [&](std::uint32_t x, std::uint32_t y) { return b.vocabulary[x] < b.vocabulary[y]; });
  std::vector<std::uint32_t> renumber(b.vocabulary.size());
  t.terms.reserve(b.vocabulary.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    renumber[order[i]] = i;
    t.terms.push_back(std::move(b.vocabulary[order[i]]));
  }
  for (auto& doc : t.docs) {
    for (auto& name : doc.names) {
      for (auto& term : name.terms) term = renumber[term];
      for (auto& sp : name.spans) sp.term = renumber[sp.term];
    }
    for (auto& p : doc.passages)
      for (auto& sp : p.spans) sp.term = renumber[sp.term];
  }
  return renumber;
}

// Postings in doc order, one per (doc, field) holding the term; scoring relies on one doc's
// postings sitting together, which walking docs in order guarantees. Returns each term's number
// of documents.
std::vector<std::uint32_t> build_postings(const Builder& b, const std::vector<std::uint32_t>& renumber,
                                          SearchTables& t) {
  t.postings.resize(t.terms.size());
  std::vector<std::uint32_t> doc_count(t.terms.size(), 0);
  for (std::uint32_t d = 0; d < b.field_terms.size(); ++d) {
    for (std::size_t f = 0; f < kSearchFieldCount; ++f) {
      std::vector<std::uint32_t> ids = b.field_terms[d][f];
      for (auto& id : ids) id = renumber[id];
      sort_numbers(ids);
      for (std::size_t i = 0; i < ids.size();) {
        std::size_t j = i;
        while (j < ids.size() && ids[j] == ids[i]) ++j;
        auto& list = t.postings[ids[i]];
        if (list.empty() || list.back().doc != d) ++doc_count[ids[i]];
        list.push_back({d, static_cast<SearchField>(f),
                        static_cast<std::uint16_t>(std::min<std::size_t>(j - i, 60000))});
        i = j;
      }
    }
  }
  return doc_count;
}

// Inverse document frequency without a logarithm (see search.h on byte-identical scores):
// 2(x-1)/(x+1) follows ln x closely for common words and levels off for rare ones.
void compute_idf(const std::vector<std::uint32_t>& doc_count, SearchTables& t) {
  const double n = static_cast<double>(t.docs.size());
  t.idf.resize(t.terms.size());
  for (std::size_t term = 0; term < t.terms.size(); ++term) {
    const double x = (n + 1.0) / (static_cast<double>(doc_count[term]) + 0.5);
    t.idf[term] = 2.0 * (x - 1.0) / (x + 1.0);
  }
}

// What ranking and snippets need per query, worked out once: each name's generic words, and each
// passage's placing terms (search_internal.h).
void precompute_for_queries(SearchTables& t) {
  for (auto& doc : t.docs) {
    for (auto& name : doc.names) {
      doc.name_terms.insert(doc.name_terms.end(), name.terms.begin(), name.terms.end());
      for (std::uint32_t term : name.terms) {
        const bool generic = is_generic(t.terms[term]);
        name.generic.push_back(generic ? 1 : 0);
        if (!generic) name.specific_terms.push_back(term);
      }
    }
    sort_numbers(doc.name_terms);
    doc.name_terms.erase(std::unique(doc.name_terms.begin(), doc.name_terms.end()), doc.name_terms.end());
    for (std::uint32_t p = 0; p < doc.passages.size(); ++p)
      for (const auto& sp : doc.passages[p].spans)
        if (t.idf[sp.term] > kSearchTuning.idf_to_place) doc.placing_terms.push_back({sp.term, p});
    auto& pairs = doc.placing_terms;
    sort_items(pairs, [](const SearchTermInPassage& a, const SearchTermInPassage& b) {
      return a.term != b.term ? a.term < b.term : a.passage < b.passage;
    });
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const SearchTermInPassage& a, const SearchTermInPassage& b) {
                              return a.term == b.term && a.passage == b.passage;
                            }),
                pairs.end());
    pairs.shrink_to_fit();
  }
}

}  // namespace

SearchIndex::SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;
SearchIndex::~SearchIndex() = default;

SearchIndex build_search_index(const Dataset& data) {
  auto tables = std::make_unique<SearchTables>();
  std::map<std::string, const Concern*> concerns;
  for (const auto& c : data.concerns) concerns[c.id] = &c;
  Builder b;
  b.field_terms.resize(data.glossary.size());
  for (std::size_t d = 0; d < data.glossary.size(); ++d)
    tables->docs.push_back(index_entry(b, data.glossary[d], concerns, b.field_terms[d]));
  const std::vector<std::uint32_t> renumber = sort_vocabulary(b, *tables);
  compute_idf(build_postings(b, renumber, *tables), *tables);
  tables->letters.reserve(tables->terms.size());
  tables->lengths.reserve(tables->terms.size());
  for (const auto& term : tables->terms) {
    tables->letters.push_back(letter_mask(term));
    tables->lengths.push_back(static_cast<std::uint32_t>(term.size()));
  }
  precompute_for_queries(*tables);
  SearchIndex index;
  index.tables = std::move(tables);
  return index;
}

std::size_t search_vocabulary_size(const SearchIndex& index) {
  return index.tables ? index.tables->terms.size() : 0;
}

}  // namespace tft
