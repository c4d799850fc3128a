#include "text_normalise.h"

#include <utility>

#include "text.h"

namespace tft {

namespace {

bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018;
}

// Punctuation and symbols in the ranges people paste from word processors: dashes, quotes,
// bullets, ellipsis, non-breaking and other spaces. Everything else above ASCII counts as a letter.
bool is_separator(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  if (cp >= 0x80 && cp <= 0xBF) return true;  // C1 controls, NBSP, Latin-1 punctuation
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2000 && cp <= 0x206F) return true;    // general punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return true;    // CJK punctuation
  if (cp >= 0x2100 && cp <= 0x2BFF) return true;    // arrows, maths, technical, dingbats
  if (cp >= 0xFE00 && cp <= 0xFE0F) return true;    // variation selectors (emoji presentation)
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;  // emoji and pictographs
  if (cp == 0xFEFF || cp == 0xFFFD) return true;
  return false;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Plural and possessive endings only: enough to meet "therapies" and "therapy", "couples" and
// "couple", without the surprises of a full stemmer on names and acronyms.
std::string stem_plural(std::string s) {
  if (s.size() <= 3) return s;
  if (ends_with(s, "ies") && !ends_with(s, "eies") && !ends_with(s, "aies"))
    return s.substr(0, s.size() - 3) + "y";
  for (const char* t : {"ches", "shes", "sses", "xes", "zzes"})
    if (ends_with(s, t)) return s.substr(0, s.size() - 2);
  if (ends_with(s, "s") && !ends_with(s, "ss") && !ends_with(s, "us") && !ends_with(s, "is"))
    return s.substr(0, s.size() - 1);
  return s;
}

// Whole-word British/American pairs the rules below do not cover, and irregular plurals.
// Canonical form on the right (UK spelling, as the glossary is written).
const std::pair<std::string_view, std::string_view> kWordMap[] = {
    {"children", "child"},
    {"kid", "child"},
    {"kiddie", "child"},
    {"counseling", "counselling"},
    {"counseled", "counselled"},
    {"counselor", "counsellor"},
    {"center", "centre"},
    {"centered", "centred"},
    {"centering", "centring"},
    {"theater", "theatre"},
    {"fiber", "fibre"},
    {"meter", "metre"},
    {"pediatric", "paediatric"},
    {"pediatrician", "paediatrician"},
    {"anemia", "anaemia"},
    {"anesthetic", "anaesthetic"},
    {"estrogen", "oestrogen"},
    {"esophagus", "oesophagus"},
    {"fetal", "foetal"},
    {"gynecology", "gynaecology"},
    {"orthopedic", "orthopaedic"},
    {"maneuver", "manoeuvre"},
    {"aging", "ageing"},
    {"judgment", "judgement"},
    {"defense", "defence"},
    {"offense", "offence"},
    {"license", "licence"},
    {"dialog", "dialogue"},
    {"catalog", "catalogue"},
    {"enroll", "enrol"},
    {"fulfill", "fulfil"},
    {"skillful", "skilful"},
    {"gray", "grey"},
    {"mom", "mum"},
    {"practise", "practice"},
    {"program", "programme"},
    {"traveling", "travelling"},
    {"traveled", "travelled"},
    {"labeled", "labelled"},
    {"labeling", "labelling"},
    {"modeling", "modelling"},
    {"modeled", "modelled"},
    {"canceled", "cancelled"},
    {"focussed", "focused"},
    {"focussing", "focusing"},
    {"men", "man"},
    {"women", "woman"},
    {"people", "person"},
};

// Stems spelt -our in the UK and -or in the US: behaviour, colour, humour...
const std::string_view kOurStems[] = {"behavio", "colo",  "favo", "humo", "neighbo", "labo", "rigo",  "vigo",
                                      "endeavo", "harbo", "savo", "armo", "odo",     "rumo", "flavo", "hono"};

}  // namespace

std::vector<Token> tokenise(std::string_view text, std::size_t max_tokens) {
  std::vector<Token> out;
  Token cur;
  bool in_token = false;
  const auto flush = [&](std::size_t end) {
    if (in_token && !cur.text.empty()) {
      cur.end = end;
      out.push_back(std::move(cur));
    }
    cur = Token{};
    in_token = false;
  };
  std::size_t last_end = 0;
  for (std::size_t i = 0, next = 0; i < text.size() && out.size() < max_tokens; i = next) {
    const char32_t cp = next_code_point(text, next);
    if (is_apostrophe(cp) && in_token) {
      // Inside a word ("don't", "children's") an apostrophe joins; anywhere else it separates.
      std::size_t after = next;
      const char32_t following = next < text.size() ? next_code_point(text, after) : U' ';
      if (!is_separator(following) && !is_apostrophe(following)) continue;
      flush(last_end);
      continue;
    }
    if (is_separator(cp) || is_apostrophe(cp)) {
      flush(last_end);
      continue;
    }
    if (!in_token) {
      in_token = true;
      cur.begin = i;
    }
    // Latin letters fold (É → e, æ → ae); letters of other scripts are kept as written.
    const std::string_view folded = fold_latin(cp);
    if (!folded.empty())
      cur.text += folded;
    else
      cur.text.append(text.substr(i, next - i));
    last_end = next;
  }
  if (out.size() < max_tokens) flush(last_end);
  return out;
}

static bool has_vowel(std::string_view s) {
  return s.find_first_of("aeiouy") != std::string_view::npos;
}

// -ing, -ed and a final -e, so "changing", "changed" and "change" meet at "chang". Only when a
// real stem of four letters or more is left: "need", "being" and "during" stay as they are.
static std::string stem_suffix(std::string s) {
  for (std::string_view tail : {"ing", "ed"}) {
    if (ends_with(s, tail) && s.size() >= tail.size() + 4 && has_vowel(s.substr(0, s.size() - tail.size()))) {
      s.resize(s.size() - tail.size());
      return s;
    }
  }
  if (s.size() >= 5 && s.back() == 'e') s.pop_back();
  return s;
}

std::string normalise_term(std::string_view folded) {
  std::string s = stem_plural(std::string(folded));
  for (const auto& [from, to] : kWordMap)
    if (s == from) return stem_suffix(std::string(to));
  // -our: "behavior", "behavioral", "behaviorist" → "behaviour..."; only when a US form is seen.
  for (std::string_view stem : kOurStems) {
    if (s.size() > stem.size() && s.compare(0, stem.size(), stem) == 0 && s[stem.size()] == 'r' &&
        (stem.size() >= 5 || s.size() <= stem.size() + 3)) {
      s.insert(stem.size(), "u");
      break;
    }
  }
  // -ize/-yze and their forms → -ise/-yse: mentalization, desensitized, recognizing, analyze.
  for (std::string_view z :
       {"ization", "izations", "ize", "ized", "izes", "izing", "izer", "yze", "yzed", "yzing"}) {
    if (ends_with(s, z) && s.size() > z.size() + 1) {
      s[s.size() - z.size() + 1] = 's';
      break;
    }
  }
  return stem_suffix(std::move(s));
}

bool is_stopword(std::string_view t) {
  static const std::string_view kStop[] = {
      "a",     "about", "an",   "and",  "are",  "as",  "at",   "be",  "by",   "can",  "do",   "doe",
      "does",  "for",   "from", "how",  "i",    "im",  "in",   "is",  "it",   "me",   "my",   "of",
      "on",    "or",    "so",   "that", "the",  "thi", "this", "to",  "too",  "want", "what", "when",
      "which", "who",   "why",  "will", "with", "you", "your", "get", "need", "much", "some", "there"};
  for (std::string_view s : kStop)
    if (s == t) return true;
  return false;
}

}  // namespace tft
