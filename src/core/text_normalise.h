// Turning text into search terms, the same way for the glossary and for what a visitor types, so
// that "Behavior", "behaviour's" and "BEHAVIOURS" all meet at one term.
//
// A token is a run of letters and digits after folding (text.h's fold_latin): ASCII is
// lower-cased, accented Latin letters lose their accents (é→e, ß→ss, æ→ae), apostrophes inside a word are
// dropped
// ("children's"→"childrens"), and every other character separates tokens. Letters outside Latin
// are kept as they are, so non-English words still match themselves. Each token keeps the byte
// range it came from, which is how snippets highlight the words a visitor typed.
//
// normalise_term() then makes the term: a light plural stemmer (therapies→therapy, couples→couple)
// and one spelling for British/American pairs (behavior→behaviour, -ize→-ise, center→centre,
// counseling→counselling, pediatric→paediatric). Both are symmetric: the same function runs on the
// index and on queries, so an odd stem ("analysis"→"analysi") still matches itself.
//
// Cost: linear in the input bytes; no allocation beyond the output. Never throws; invalid UTF-8
// bytes separate tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tft {

struct Token {
  std::string text;       // folded, before normalise_term()
  std::size_t begin = 0;  // byte offset of the first byte in the source text
  std::size_t end = 0;    // byte offset one past the last byte
};

// Splits and folds `text`. At most `max_tokens` tokens are returned (the rest are ignored), so a
// hostile query of a million words costs bounded work.
std::vector<Token> tokenise(std::string_view text, std::size_t max_tokens = 100000);

// The canonical search term for one folded token.
std::string normalise_term(std::string_view folded);

// Words so common in questions ("for", "the", "my") that they carry no meaning for search.
bool is_stopword(std::string_view term);

}  // namespace tft
