#include "text_normalise.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <utility>

namespace tft {

namespace {

// Decodes one UTF-8 sequence at `i`. Returns the code point and sets `len`; malformed bytes give
// U+FFFD with len 1, so decoding always moves forward.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  len = 1;
  if (c < 0x80) return c;
  std::size_t need = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) need = 1, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0) need = 2, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0) need = 3, cp = c & 0x07;
  else return 0xFFFD;
  if (i + need >= s.size()) return 0xFFFD;
  for (std::size_t k = 1; k <= need; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  len = need + 1;
  return cp;
}

// Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F) folded to ASCII; "" means "not a
// letter" (× and ÷). Lower and upper case share a row, so the fold also lower-cases.
const char* latin_fold(char32_t cp) {
  static const char* const kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
      "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
      "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x152 || cp == 0x153) return "oe";
    if (cp == 0x132 || cp == 0x133) return "ij";
    if (cp == 0x138) return "k";
    if (cp == 0x149) return "n";
    if (cp == 0x17F) return "s";
    // Map by name ranges rather than a 128-entry table: each run of letters shares a base.
    struct Run { char32_t first, last; const char* base; };
    static const Run runs[] = {{0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
                               {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x134, 0x135, "j"},
                               {0x136, 0x137, "k"}, {0x139, 0x142, "l"}, {0x143, 0x148, "n"}, {0x14A, 0x14B, "n"},
                               {0x14C, 0x151, "o"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"},
                               {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}};
    for (const Run& r : runs)
      if (cp >= r.first && cp <= r.last) return r.base;
  }
  return nullptr;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }

// Punctuation and symbols in the ranges people paste from word processors: dashes, quotes,
// bullets, ellipsis, non-breaking and other spaces. Everything else above ASCII counts as a letter.
bool is_separator(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  if (cp >= 0x80 && cp <= 0xBF) return true;  // C1 controls, NBSP, Latin-1 punctuation
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2000 && cp <= 0x206F) return true;  // general punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return true;  // CJK punctuation
  if (cp >= 0x2100 && cp <= 0x2BFF) return true;  // arrows, maths, technical, dingbats
  if (cp >= 0xFE00 && cp <= 0xFE0F) return true;  // variation selectors (emoji presentation)
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
  if (ends_with(s, "ies") && !ends_with(s, "eies") && !ends_with(s, "aies")) return s.substr(0, s.size() - 3) + "y";
  for (const char* t : {"ches", "shes", "sses", "xes", "zzes"})
    if (ends_with(s, t)) return s.substr(0, s.size() - 2);
  if (ends_with(s, "s") && !ends_with(s, "ss") && !ends_with(s, "us") && !ends_with(s, "is"))
    return s.substr(0, s.size() - 1);
  return s;
}

// Whole-word British/American pairs the rules below do not cover, and irregular plurals.
// Canonical form on the right (UK spelling, as the glossary is written).
const std::pair<std::string_view, std::string_view> kWordMap[] = {
    {"children", "child"},        {"kid", "child"},          {"kiddie", "child"},
    {"counseling", "counselling"}, {"counseled", "counselled"}, {"counselor", "counsellor"},
    {"center", "centre"},         {"centered", "centred"},   {"centering", "centring"},
    {"theater", "theatre"},       {"fiber", "fibre"},        {"meter", "metre"},
    {"pediatric", "paediatric"},  {"pediatrician", "paediatrician"}, {"anemia", "anaemia"},
    {"anesthetic", "anaesthetic"}, {"estrogen", "oestrogen"}, {"esophagus", "oesophagus"},
    {"fetal", "foetal"},          {"gynecology", "gynaecology"}, {"orthopedic", "orthopaedic"},
    {"maneuver", "manoeuvre"},    {"aging", "ageing"},       {"judgment", "judgement"},
    {"defense", "defence"},       {"offense", "offence"},    {"license", "licence"},
    {"dialog", "dialogue"},       {"catalog", "catalogue"},  {"enroll", "enrol"},
    {"fulfill", "fulfil"},        {"skillful", "skilful"},   {"gray", "grey"},
    {"mom", "mum"},               {"practise", "practice"},  {"program", "programme"},
    {"traveling", "travelling"},  {"traveled", "travelled"}, {"labeled", "labelled"},
    {"labeling", "labelling"},    {"modeling", "modelling"}, {"modeled", "modelled"},
    {"canceled", "cancelled"},    {"focussed", "focused"},   {"focussing", "focusing"},
    {"men", "man"},               {"women", "woman"},        {"people", "person"},
};

// Stems spelt -our in the UK and -or in the US: behaviour, colour, humour...
const std::string_view kOurStems[] = {"behavio", "colo", "favo", "humo", "neighbo", "labo", "rigo", "vigo",
                                      "endeavo", "harbo", "savo", "armo", "odo", "rumo", "flavo", "hono"};

}  // namespace

std::vector<Token> tokenise(std::string_view text, std::size_t max_tokens) {
  std::vector<Token> out;
  Token cur;
  bool in_token = false;
  std::size_t i = 0;
  const auto flush = [&](std::size_t end) {
    if (in_token && !cur.text.empty()) {
      cur.end = end;
      out.push_back(std::move(cur));
    }
    cur = Token{};
    in_token = false;
  };
  std::size_t last_end = 0;
  while (i < text.size() && out.size() < max_tokens) {
    std::size_t len = 1;
    const char32_t cp = decode(text, i, len);
    if (is_apostrophe(cp) && in_token) {
      // Inside a word ("don't", "children's") an apostrophe joins; anywhere else it separates.
      std::size_t next_len = 1;
      const bool letter_next = i + len < text.size() && !is_separator(decode(text, i + len, next_len)) &&
                               !is_apostrophe(decode(text, i + len, next_len));
      if (letter_next) {
        i += len;
        continue;
      }
      flush(last_end);
      i += len;
      continue;
    }
    if (is_separator(cp) || is_apostrophe(cp)) {
      flush(last_end);
      i += len;
      continue;
    }
    if (!in_token) {
      in_token = true;
      cur.begin = i;
    }
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      cur.text.push_back(c);
    } else if (const char* folded = latin_fold(cp)) {
      cur.text += folded;
    } else {
      cur.text.append(text.substr(i, len));
    }
    i += len;
    last_end = i;
  }
  if (out.size() < max_tokens) flush(last_end);
  return out;
}

static bool has_vowel(std::string_view s) { return s.find_first_of("aeiouy") != std::string_view::npos; }

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
  for (std::string_view z : {"ization", "izations", "ize", "ized", "izes", "izing", "izer", "yze", "yzed", "yzing"}) {
    if (ends_with(s, z) && s.size() > z.size() + 1) {
      s[s.size() - z.size() + 1] = 's';
      break;
    }
  }
  return stem_suffix(std::move(s));
}

bool is_stopword(std::string_view t) {
  static const std::string_view kStop[] = {"a",     "about", "an",   "and",  "are",  "as",   "at",   "be",
                                           "by",    "can",   "do",   "doe",  "does", "for",  "from", "how",
                                           "i",     "im",    "in",   "is",   "it",   "me",   "my",   "of",
                                           "on",    "or",    "so",   "that", "the",  "thi",  "this", "to",
                                           "too",   "want",  "what", "when", "which", "who", "why",  "will",
                                           "with",  "you",   "your", "get",  "need",  "much", "some", "there"};
  for (std::string_view s : kStop)
    if (s == t) return true;
  return false;
}

std::size_t utf16_length(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t len = 1;
    const char32_t cp = decode(utf8, i, len);
    n += cp >= 0x10000 ? 2 : 1;
    i += len;
  }
  return n;
}

int bounded_edit_distance(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  if (n > 64 || m > 64) return a == b ? 0 : max_distance + 1;  // search terms are words, not essays
  std::array<int, 65> prev2{}, prev{}, cur{};
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max_distance) return max_distance + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m] <= max_distance ? prev[m] : max_distance + 1;
}

}  // namespace tft
