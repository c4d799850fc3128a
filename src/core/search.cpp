#include "search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

#include "text_normalise.h"

namespace tft {

namespace {

constexpr std::size_t kMaxQueryBytes = 256;
constexpr std::size_t kMaxQueryWords = 12;
constexpr std::size_t kMaxLimit = 100;
constexpr std::size_t kSnippetBytes = 180;

double field_weight(SearchField f) {
  switch (f) {
    case SearchField::name: return 10;
    case SearchField::alias: return 8;
    case SearchField::summary: return 3;
    case SearchField::concerns: return 1.5;  // per evidence point, up to 4
    case SearchField::body: return 1;
  }
  return 1;
}

// Words that say "a kind of therapy" without saying which; a name is still matched exactly when
// a visitor leaves them out ("schema" finds "Schema therapy").
bool is_generic(std::string_view t) {
  return t == "therapy" || t == "therapist" || t == "treatment" || t == "psychotherapy" || t == "approach";
}

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
  double quality;  // 1 exact, less for synonyms, prefixes and typos
};

struct QueryWord {
  std::string term;
  std::vector<Candidate> candidates;  // sorted by term id
};

std::uint32_t find_term(const SearchIndex& index, std::string_view t, bool& found) {
  const auto it = std::lower_bound(index.terms.begin(), index.terms.end(), t,
                                   [](const std::string& a, std::string_view b) { return a < b; });
  found = it != index.terms.end() && *it == t;
  return static_cast<std::uint32_t>(it - index.terms.begin());
}

int allowed_edits(std::size_t length) { return length >= 8 ? 2 : length >= 4 ? 1 : 0; }

// One bit per letter (digits and other bytes share the top bits). Each letter of the query that
// a word lacks costs at least one edit, so popcount(query & ~word) > edits rules a word out
// before the edit distance is computed: most of the vocabulary, for the price of an AND.
std::uint32_t letter_mask(std::string_view s) {
  std::uint32_t m = 0;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 'a' && u <= 'z') m |= 1u << (u - 'a');
    else if (u >= '0' && u <= '9') m |= 1u << (26 + (u - '0') % 5);
    else m |= 1u << 31;
  }
  return m;
}

int popcount(std::uint32_t x) {
  int n = 0;
  for (; x; x &= x - 1) ++n;
  return n;
}

std::vector<Candidate> candidates_for(const SearchIndex& index, const std::string& q, bool last_word) {
  std::map<std::uint32_t, double> best;
  const auto offer = [&](std::uint32_t term, double quality) {
    auto [it, inserted] = best.emplace(term, quality);
    if (!inserted && quality > it->second) it->second = quality;
  };
  bool found = false;
  const std::uint32_t exact = find_term(index, q, found);
  const bool known_word = found;
  if (found) offer(exact, 1.0);
  for (const auto& [word, alternatives] : synonyms()) {
    if (word != q) continue;
    for (std::string_view alt : alternatives) {
      const std::uint32_t t = find_term(index, normalise_term(alt), found);
      if (found) offer(t, 0.8);
    }
  }
  // The word still being typed may be the start of a longer one; the closer to complete, the
  // better. Earlier words are complete, so only long ones get the benefit of the doubt.
  // A single letter would match half the vocabulary, so prefixes start at two.
  if ((last_word && q.size() >= 2) || q.size() >= 5) {
    for (std::uint32_t t = exact; t < index.terms.size(); ++t) {
      const std::string& term = index.terms[t];
      if (term.compare(0, q.size(), q) != 0) break;
      if (term.size() == q.size()) continue;
      const double completeness = static_cast<double>(q.size()) / static_cast<double>(term.size());
      offer(t, (last_word ? 0.6 : 0.45) + 0.3 * completeness);
    }
  }
  // The word being typed may run past the stem the index keeps: "feelin" for "feel" (feeling).
  if (last_word && q.size() >= 5) {
    for (std::size_t len = q.size() - 1; len >= 4 && len + 3 >= q.size(); --len) {
      const std::uint32_t t = find_term(index, q.substr(0, len), found);
      if (found) offer(t, 0.6);
    }
  }
  // A word the glossary uses is taken as meant: "grief" must not also find "brief", nor "attack"
  // "attachment". Only unknown words are treated as typos.
  const int edits = known_word ? 0 : allowed_edits(q.size());
  if (edits > 0) {
    const std::uint32_t qmask = letter_mask(q);
    for (std::uint32_t t = 0; t < index.terms.size(); ++t) {
      const std::string& term = index.terms[t];
      const bool whole = term.size() + edits >= q.size() && term.size() <= q.size() + edits;
      const bool started = last_word && term.size() > q.size() + 1;
      if (!whole && !started) continue;
      if (popcount(qmask & ~index.letters[t]) > edits) continue;
      const int d = whole ? bounded_edit_distance(q, term, edits) : edits + 1;
      if (d > 0 && d <= edits) offer(t, d == 1 ? 0.75 : 0.55);
      // A typo inside a word still being typed: "atachm" against the start of "attachment".
      if (started && d > edits) {
        const std::string_view head = std::string_view(term).substr(0, q.size() + 1);
        if (popcount(qmask & ~letter_mask(head)) > edits) continue;
        for (std::size_t len = q.size() - 1; len <= q.size() + 1; ++len) {
          if (bounded_edit_distance(q, head.substr(0, len), edits) <= edits) {
            offer(t, 0.5);
            break;
          }
        }
      }
    }
  }
  std::vector<Candidate> out;
  out.reserve(best.size());
  for (const auto& [t, quality] : best) out.push_back({t, quality});
  return out;
}

double saturate(std::uint16_t count) { return 2.0 * count / (count + 1.0); }

// How well the query words match one name or alias: "exact" when the words are the same (with or
// without generic words such as "therapy"), otherwise the share of query words found in the
// name and the share of the name they cover.
struct NameMatch {
  int tier = 0;  // 3 exact, 2 exact without generic words, 1 every query word in the name, 0 some
  double quality = 0;   // mean quality of the matched query words
  double query_share = 0;
  double name_share = 0;
};

NameMatch match_name(const SearchIndex& index, const std::vector<QueryWord>& words,
                     const SearchIndex::Name& name) {
  NameMatch m;
  if (words.empty() || name.terms.empty()) return m;
  const auto exact_sequence = [&](bool skip_generic) {
    std::vector<std::uint32_t> a;
    for (const auto& w : words) {
      bool found = false;
      const std::uint32_t t = find_term(index, w.term, found);
      if (!found) return false;
      if (!(skip_generic && is_generic(w.term))) a.push_back(t);
    }
    std::vector<std::uint32_t> b;
    for (std::uint32_t t : name.terms)
      if (!(skip_generic && is_generic(index.terms[t]))) b.push_back(t);
    return !a.empty() && a == b;
  };
  double matched = 0, quality = 0;
  std::vector<bool> covered(name.terms.size(), false);
  for (const auto& w : words) {
    double best = 0;
    std::size_t where = name.terms.size();
    for (std::size_t i = 0; i < name.terms.size(); ++i) {
      for (const auto& c : w.candidates)
        if (c.term == name.terms[i] && c.quality > best) best = c.quality, where = i;
    }
    if (where < name.terms.size()) {
      covered[where] = true;
      matched += 1;
      quality += best;
    }
  }
  double name_total = 0, name_covered = 0;
  for (std::size_t i = 0; i < name.terms.size(); ++i) {
    const double w = is_generic(index.terms[name.terms[i]]) ? 0.5 : 1.0;
    name_total += w;
    if (covered[i]) name_covered += w;
  }
  m.query_share = matched / static_cast<double>(words.size());
  m.quality = matched > 0 ? quality / matched : 0;
  m.name_share = name_covered / name_total;
  if (exact_sequence(false)) m.tier = 3;
  else if (exact_sequence(true)) m.tier = 2;
  else if (matched == static_cast<double>(words.size())) m.tier = 1;
  return m;
}

double name_bonus(const NameMatch& m) {
  switch (m.tier) {
    case 3: return 1000;
    case 2: return 900;
    case 1: return 300 + 200 * m.quality * m.name_share;
    default: return 100 * m.query_share * m.query_share * m.quality * m.name_share;
  }
}

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

struct Cut {
  std::size_t start = 0, end = 0;
  bool before = false, after = false;  // ellipses
};

// Where to cut `text` to about kSnippetBytes around byte `focus`: on word boundaries (never inside
// a UTF-8 sequence, since those bytes are never spaces), starting at the sentence holding the
// match when it begins close enough.
Cut cut_snippet(const std::string& text, std::size_t focus) {
  Cut c;
  c.end = text.size();
  if (text.size() <= kSnippetBytes) return c;
  if (focus > kSnippetBytes / 3) {
    const std::size_t floor = focus > kSnippetBytes / 2 ? focus - kSnippetBytes / 2 : 0;
    const std::size_t sentence = text.rfind(". ", focus);
    if (sentence != std::string::npos && sentence + 2 >= floor) {
      c.start = sentence + 2;
    } else {
      c.start = floor;
      // Start on a word boundary; at the very start of the text there is nothing before to check.
      while (c.start > 0 && c.start < focus && text[c.start - 1] != ' ') ++c.start;
    }
  }
  c.end = std::min(text.size(), c.start + kSnippetBytes);
  if (c.end < text.size()) {
    while (c.end > c.start && text[c.end] != ' ') --c.end;
    while (c.end > c.start && (text[c.end - 1] == ',' || text[c.end - 1] == ' ' || text[c.end - 1] == ';')) --c.end;
  }
  c.before = c.start > 0;
  // A cut at the end of a sentence reads as complete; anywhere else, say that text goes on.
  c.after = c.end < text.size() && (c.end == 0 || text[c.end - 1] != '.');
  return c;
}

// Highlights for the words of `spans` whose term is marked, inside text[from, to), counted in
// UTF-16 units from `from` plus `offset` (the ellipsis in front of a cut snippet).
std::vector<Highlight> highlight(std::string_view text, const std::vector<SearchIndex::Span>& spans,
                                 const std::vector<std::uint16_t>& word_mask, std::size_t from, std::size_t to,
                                 std::size_t offset) {
  std::vector<Highlight> out;
  std::size_t at = from, units = offset;
  for (const auto& sp : spans) {
    if (sp.begin < from || sp.end > to || !word_mask[sp.term]) continue;
    units += utf16_length(text.substr(at, sp.begin - at));
    const std::size_t length = utf16_length(text.substr(sp.begin, sp.end - sp.begin));
    out.push_back({units, length});
    units += length;
    at = sp.end;
  }
  return out;
}

}  // namespace

SearchIndex build_search_index(const Dataset& data) {
  SearchIndex index;
  std::map<std::string, const Concern*> concerns;
  for (const auto& c : data.concerns) concerns[c.id] = &c;

  // One pass over the text: every word is tokenised once, interned under a provisional id, and
  // remembered in the field it came from and (for names and passages) with its byte range.
  // Provisional ids are renumbered in sorted order at the end.
  std::unordered_map<std::string, std::uint32_t> id_of_folded;  // folded spelling -> provisional id
  std::unordered_map<std::string, std::uint32_t> id_of_term;     // normalised term -> provisional id
  std::vector<std::string> vocabulary;
  const auto intern_term = [&](std::string term) {
    const auto [it, inserted] = id_of_term.emplace(std::move(term), static_cast<std::uint32_t>(vocabulary.size()));
    if (inserted) vocabulary.push_back(it->first);
    return it->second;
  };
  const auto intern = [&](const std::string& folded) {
    const auto it = id_of_folded.find(folded);
    if (it != id_of_folded.end()) return it->second;
    const std::uint32_t id = intern_term(normalise_term(folded));
    id_of_folded.emplace(folded, id);
    return id;
  };
  const auto spans_of = [&](const std::string& text) {
    std::vector<SearchIndex::Span> out;
    for (const Token& t : tokenise(text))
      out.push_back({intern(t.text), static_cast<std::uint32_t>(t.begin), static_cast<std::uint32_t>(t.end)});
    return out;
  };
  const auto flat = [](std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
  };
  constexpr std::size_t kFields = 5;  // SearchField values
  std::vector<std::array<std::vector<std::uint32_t>, kFields>> field_terms(data.glossary.size());

  for (std::size_t d = 0; d < data.glossary.size(); ++d) {
    const GlossaryEntry& e = data.glossary[d];
    auto& fields = field_terms[d];
    SearchIndex::Doc doc;
    doc.slug = e.slug;
    doc.name = e.name;
    std::vector<std::string> spellings{e.name};
    spellings.insert(spellings.end(), e.aliases.begin(), e.aliases.end());
    for (std::size_t n = 0; n < spellings.size(); ++n) {
      SearchIndex::Name name;
      name.text = spellings[n];
      name.is_alias = n > 0;
      name.spans = spans_of(name.text);
      auto& field = fields[static_cast<std::size_t>(n == 0 ? SearchField::name : SearchField::alias)];
      std::string joined;
      for (const auto& sp : name.spans) {
        name.terms.push_back(sp.term);
        field.push_back(sp.term);
      }
      // "TF-CBT" typed as "tfcbt", "dramatherapy" for "drama therapy": the joined name matches too.
      if (name.spans.size() > 1) {
        for (const Token& t : tokenise(name.text)) joined += t.text;
        field.push_back(intern(joined));
      }
      doc.names.push_back(std::move(name));
    }
    // The concerns an approach is used for, repeated by evidence level (strong 3, moderate 2,
    // emerging 1) so "anxiety" ranks the approaches with the best evidence for anxiety first.
    auto& concern_field = fields[static_cast<std::size_t>(SearchField::concerns)];
    for (const auto& c : e.concerns) {
      const auto it = concerns.find(c.id);
      if (it == concerns.end()) continue;
      std::vector<std::uint32_t> words;
      for (const auto& sp : spans_of(it->second->label + " " + c.id)) words.push_back(sp.term);
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      const int times = c.evidence == Evidence::strong ? 3 : c.evidence == Evidence::moderate ? 2 : 1;
      for (int k = 0; k < times; ++k) concern_field.insert(concern_field.end(), words.begin(), words.end());
    }
    const auto add_passage = [&](SearchField f, const std::string& text) {
      SearchIndex::Passage p{f, flat(text), {}};
      p.spans = spans_of(p.text);
      auto& field = fields[static_cast<std::size_t>(f)];
      for (const auto& sp : p.spans) field.push_back(sp.term);
      doc.passages.push_back(std::move(p));
    };
    add_passage(SearchField::summary, e.summary);
    std::vector<std::string> body{e.how_it_works, e.who_for, e.session};
    body.insert(body.end(), e.benefits.begin(), e.benefits.end());
    for (const auto& f : e.faqs) body.push_back(f.q + " " + f.a);
    body.push_back(e.evidence_summary);
    for (const auto& b : body) {
      // One passage per paragraph, so a snippet comes from the paragraph that matched.
      std::size_t start = 0;
      while (start <= b.size()) {
        std::size_t end = b.find("\n\n", start);
        if (end == std::string::npos) end = b.size();
        if (end > start) add_passage(SearchField::body, b.substr(start, end - start));
        start = end + 2;
      }
    }
    index.docs.push_back(std::move(doc));
  }

  // Renumber terms in sorted order, so prefixes are contiguous and look-ups are binary searches.
  std::vector<std::uint32_t> order(vocabulary.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return vocabulary[a] < vocabulary[b]; });
  std::vector<std::uint32_t> renumber(vocabulary.size());
  index.terms.reserve(vocabulary.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    renumber[order[i]] = i;
    index.terms.push_back(std::move(vocabulary[order[i]]));
  }
  for (auto& doc : index.docs) {
    for (auto& name : doc.names) {
      for (auto& t : name.terms) t = renumber[t];
      for (auto& sp : name.spans) sp.term = renumber[sp.term];
    }
    for (auto& p : doc.passages)
      for (auto& sp : p.spans) sp.term = renumber[sp.term];
  }

  // Postings in doc order, one per (doc, field) holding the term; scoring relies on one doc's
  // postings sitting together, which walking docs in order guarantees.
  index.postings.resize(index.terms.size());
  std::vector<std::uint32_t> doc_count(index.terms.size(), 0);
  for (std::uint32_t d = 0; d < field_terms.size(); ++d) {
    for (std::size_t f = 0; f < kFields; ++f) {
      std::vector<std::uint32_t> ids = field_terms[d][f];
      for (auto& t : ids) t = renumber[t];
      std::sort(ids.begin(), ids.end());
      for (std::size_t i = 0; i < ids.size();) {
        std::size_t j = i;
        while (j < ids.size() && ids[j] == ids[i]) ++j;
        auto& list = index.postings[ids[i]];
        if (list.empty() || list.back().doc != d) ++doc_count[ids[i]];
        list.push_back({d, static_cast<SearchField>(f), static_cast<std::uint16_t>(std::min<std::size_t>(j - i, 60000))});
        i = j;
      }
    }
  }

  // Inverse document frequency without a logarithm (see the header on byte-identical scores):
  // 2(x-1)/(x+1) follows ln x closely for common words and levels off for rare ones.
  const double n = static_cast<double>(index.docs.size());
  index.idf.resize(index.terms.size());
  for (std::size_t t = 0; t < index.terms.size(); ++t) {
    const double x = (n + 1.0) / (static_cast<double>(doc_count[t]) + 0.5);
    index.idf[t] = 2.0 * (x - 1.0) / (x + 1.0);
  }
  index.letters.reserve(index.terms.size());
  for (const auto& t : index.terms) index.letters.push_back(letter_mask(t));
  return index;
}

SearchResult search(const SearchIndex& index, std::string_view query, std::size_t limit) {
  SearchResult result;
  result.query = std::string(query);
  limit = std::min(limit, kMaxLimit);
  if (limit == 0) return result;

  std::string_view text = query.substr(0, kMaxQueryBytes);
  std::vector<Token> tokens = tokenise(text, kMaxQueryWords);
  std::vector<QueryWord> words;
  for (const auto& t : tokens) words.push_back({normalise_term(t.text), {}});
  // "what is ACT" → "act": filler words only count when the query has nothing else.
  std::vector<QueryWord> meaningful;
  for (const auto& w : words)
    if (!is_stopword(w.term)) meaningful.push_back(w);
  // A query of filler words alone ("the", "a") asks nothing yet; showing every entry is noise.
  if (meaningful.empty()) return result;
  words = std::move(meaningful);
  // A trailing space means the last word is finished, so no prefix guessing.
  const bool typing = !text.empty() && tokens.back().end == text.size();
  for (std::size_t i = 0; i < words.size(); ++i)
    words[i].candidates = candidates_for(index, words[i].term, typing && i + 1 == words.size());

  const std::size_t n_docs = index.docs.size();
  // Per document and query word: the best weighted match.
  std::vector<double> word_score(n_docs * words.size(), 0.0);
  std::vector<double> best_field_weight(n_docs, 0.0);
  std::vector<SearchField> best_field(n_docs, SearchField::body);
  for (std::size_t w = 0; w < words.size(); ++w) {
    for (const auto& c : words[w].candidates) {
      const auto& postings = index.postings[c.term];
      // Sum over the fields of one doc: a word in the name and the text beats the name alone.
      for (std::size_t p = 0; p < postings.size();) {
        const std::uint32_t doc = postings[p].doc;
        double weight = 0;
        for (; p < postings.size() && postings[p].doc == doc; ++p) {
          const double fw = postings[p].field == SearchField::concerns
                                ? field_weight(SearchField::concerns) * std::min<double>(postings[p].count, 4)
                                : field_weight(postings[p].field) * saturate(postings[p].count);
          weight += fw;
          if (field_weight(postings[p].field) > best_field_weight[doc] && index.idf[c.term] > 0.3) {
            best_field_weight[doc] = field_weight(postings[p].field);
            best_field[doc] = postings[p].field;
          }
        }
        double& s = word_score[doc * words.size() + w];
        s = std::max(s, c.quality * index.idf[c.term] * weight);
      }
    }
  }

  struct Scored {
    std::uint32_t doc;
    double score;
    std::size_t name_index;
    int tier;
    double relevance;
  };
  std::vector<Scored> scored;
  for (std::uint32_t d = 0; d < n_docs; ++d) {
    double relevance = 0, matched = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
      relevance += word_score[d * words.size() + w];
      if (word_score[d * words.size() + w] > 0) matched += 1;
    }
    if (matched == 0) continue;
    relevance *= 0.5 + 0.5 * matched / static_cast<double>(words.size());
    double bonus = 0;
    std::size_t name_index = 0;
    int tier = 0;
    for (std::size_t n = 0; n < index.docs[d].names.size(); ++n) {
      const NameMatch m = match_name(index, words, index.docs[d].names[n]);
      const double b = name_bonus(m);
      if (b > bonus) bonus = b, name_index = n, tier = m.tier;
    }
    scored.push_back({d, round3(bonus + relevance), name_index, tier, relevance});
  }
  std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    return index.docs[a.doc].slug < index.docs[b.doc].slug;
  });
  // Noise: entries that share only a stray word with the query. Judged on relevance, not the
  // name bonus, so one entry named after the query does not hide the others about it.
  double top_relevance = 0;
  for (const auto& s : scored) top_relevance = std::max(top_relevance, s.relevance);
  scored.erase(std::remove_if(scored.begin(), scored.end(),
                              [&](const Scored& s) { return s.tier == 0 && s.relevance < 0.05 * top_relevance; }),
               scored.end());
  if (scored.size() > limit) scored.resize(limit);

  // Per term, a bit for each query word it answers; words that carry meaning get highlighted
  // ("therapy" in every other sentence would be noise).
  std::vector<std::uint16_t> word_mask(index.terms.size(), 0);
  for (std::size_t w = 0; w < words.size(); ++w)
    for (const auto& c : words[w].candidates)
      if (index.idf[c.term] > 0.15) word_mask[c.term] = static_cast<std::uint16_t>(word_mask[c.term] | (1u << w));

  for (const Scored& s : scored) {
    const SearchIndex::Doc& doc = index.docs[s.doc];
    SearchHit hit;
    hit.slug = doc.slug;
    hit.name = doc.name;
    hit.score = s.score;
    const SearchIndex::Name& name = doc.names[s.name_index];
    const bool by_name =
        s.tier > 0 || best_field[s.doc] == SearchField::name || best_field[s.doc] == SearchField::alias;
    if (by_name) {
      hit.matched = name.is_alias ? "alias" : "name";
      if (name.is_alias) hit.alias = name.text;
    } else {
      hit.matched = best_field[s.doc] == SearchField::summary ? "summary" : "text";
    }
    // The snippet: the summary, unless the words were found only further down the page; then the
    // paragraph holding the most distinct query words, earliest first.
    const auto first_match = [&](const SearchIndex::Passage& p) -> const SearchIndex::Span* {
      for (const auto& sp : p.spans)
        if (word_mask[sp.term] && index.idf[sp.term] > 0.3) return &sp;
      return nullptr;
    };
    const SearchIndex::Passage* passage = &doc.passages[0];
    const SearchIndex::Span* focus = first_match(*passage);
    if (!focus && hit.matched == "text") {
      int best_count = 0;
      for (const auto& p : doc.passages) {
        std::uint32_t seen = 0;
        for (const auto& sp : p.spans)
          if (index.idf[sp.term] > 0.3) seen |= word_mask[sp.term];
        if (popcount(seen) > best_count) best_count = popcount(seen), passage = &p;
      }
      focus = first_match(*passage);
    }
    const Cut cut = cut_snippet(passage->text, focus ? focus->begin : 0);
    if (cut.before) hit.snippet += "\u2026";
    hit.snippet += passage->text.substr(cut.start, cut.end - cut.start);
    if (cut.after) hit.snippet += "\u2026";
    hit.highlights = highlight(passage->text, passage->spans, word_mask, cut.start, cut.end, cut.before ? 1 : 0);
    hit.name_highlights = highlight(doc.names[0].text, doc.names[0].spans, word_mask, 0, doc.names[0].text.size(), 0);
    result.hits.push_back(std::move(hit));
  }
  return result;
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
