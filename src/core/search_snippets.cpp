// Snippets for search hits: which passage to show (the summary, unless the words were found only
// further down the page), where to cut it to about kSnippetBytes, and the query words to
// highlight, in UTF-16 units so JavaScript can slice the string directly.
#include <algorithm>

#include "search_internal.h"
#include "text.h"
#include "text_normalise.h"

namespace tft {

namespace {

constexpr std::size_t kSnippetBytes = 180;

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
    while (c.end > c.start && (text[c.end - 1] == ',' || text[c.end - 1] == ' ' || text[c.end - 1] == ';'))
      --c.end;
  }
  c.before = c.start > 0;
  // A cut at the end of a sentence reads as complete; anywhere else, say that text goes on.
  c.after = c.end < text.size() && (c.end == 0 || text[c.end - 1] != '.');
  return c;
}

// Highlights for the words of `spans` whose term is marked, inside text[from, to), counted in
// UTF-16 units from `from` plus `offset` (the ellipsis in front of a cut snippet).
std::vector<Highlight> highlight(std::string_view text, const std::vector<SearchSpan>& spans,
                                 const std::uint16_t* word_mask, std::size_t from, std::size_t to,
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

// Whether a span's term answers a query word and is rare enough to place a snippet.
bool places_snippet(const SearchTables& t, const std::uint16_t* word_mask, const SearchSpan& sp) {
  return word_mask[sp.term] && t.idf[sp.term] > kSearchTuning.idf_to_place;
}

const SearchSpan* first_match(const SearchTables& t, const std::uint16_t* word_mask, const SearchPassage& p) {
  for (const auto& sp : p.spans)
    if (places_snippet(t, word_mask, sp)) return &sp;
  return nullptr;
}

// The paragraph holding the most distinct query words, earliest first. Reads the document's
// placing terms (built with the index) rather than every word: by looking up each marked term
// when the query has few, else by one pass over the pairs.
const SearchPassage* richest_passage(const SearchDoc& doc, const std::uint16_t* word_mask,
                                     const std::vector<std::uint32_t>& marked) {
  std::vector<std::uint32_t> seen(doc.passages.size(), 0);
  const auto& pairs = doc.placing_terms;
  if (marked.size() * 16 < pairs.size()) {
    for (std::uint32_t term : marked) {
      auto it = std::lower_bound(pairs.begin(), pairs.end(), term,
                                 [](const SearchTermInPassage& p, std::uint32_t t) { return p.term < t; });
      for (; it != pairs.end() && it->term == term; ++it) seen[it->passage] |= word_mask[term];
    }
  } else {
    for (const auto& p : pairs) seen[p.passage] |= word_mask[p.term];
  }
  const SearchPassage* passage = &doc.passages[0];
  int best_count = 0;
  for (std::size_t p = 0; p < seen.size(); ++p)
    if (popcount(seen[p]) > best_count) best_count = popcount(seen[p]), passage = &doc.passages[p];
  return passage;
}

}  // namespace

Snippet make_snippet(const SearchTables& t, const SearchDoc& doc, const std::uint16_t* word_mask,
                     const std::vector<std::uint32_t>& marked, bool matched_in_text) {
  const SearchPassage* passage = &doc.passages[0];
  const SearchSpan* focus = first_match(t, word_mask, *passage);
  if (!focus && matched_in_text) {
    passage = richest_passage(doc, word_mask, marked);
    focus = first_match(t, word_mask, *passage);
  }
  const Cut cut = cut_snippet(passage->text, focus ? focus->begin : 0);
  Snippet s;
  if (cut.before) s.text += "\u2026";
  s.text += passage->text.substr(cut.start, cut.end - cut.start);
  if (cut.after) s.text += "\u2026";
  s.highlights = highlight(passage->text, passage->spans, word_mask, cut.start, cut.end, cut.before ? 1 : 0);
  return s;
}

std::vector<Highlight> name_highlights(const SearchName& name, const std::uint16_t* word_mask) {
  return highlight(name.text, name.spans, word_mask, 0, name.text.size(), 0);
}

}  // namespace tft
