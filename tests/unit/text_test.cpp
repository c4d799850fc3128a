// The one text module (src/core/text.h): UTF-8 decoding, folding, case and the bounded edit
// distance, and the promise that search terms and place names fold every letter the same way.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <new>
#include <string>

#include "core/places.h"
#include "core/text.h"
#include "core/text_normalise.h"

using namespace tft;

// Counts heap allocations while a test asks, so "allocates nothing" is measured, not promised.
namespace {
std::size_t g_allocations = 0;
bool g_counting = false;

struct CountAllocations {
  CountAllocations() { g_allocations = 0, g_counting = true; }
  ~CountAllocations() { g_counting = false; }
  std::size_t count() const { return g_allocations; }
};

std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// The single token search makes of `s` ("" when it makes none or several).
std::string search_fold(const std::string& s) {
  const auto tokens = tokenise(s);
  return tokens.size() == 1 ? tokens[0].text : "";
}
}  // namespace

void* operator new(std::size_t n) {
  if (g_counting) ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

TEST_CASE("ligatures and special letters are spelt out the same way in search and in place names", "[text]") {
  // The two folds used to disagree (æ → a for places, ae for search): one table now serves both.
  for (const char* word : {"Æthelred", "æble"}) {
    INFO(word);
    CHECK(search_fold(word).substr(0, 2) == "ae");
    CHECK(normalise_place_name(word).substr(0, 2) == "ae");
  }
  CHECK(search_fold("Straße") == "strasse");
  CHECK(normalise_place_name("Straße") == "strasse");
  CHECK(normalise_place_name("Þórsmörk") == "thorsmork");
  CHECK(normalise_place_name("Œuvre") == search_fold("Œuvre"));
  CHECK(normalise_place_name("Œuvre") == "oeuvre");
}

TEST_CASE("every Latin letter folds to the same ASCII for search and for places", "[text]") {
  int letters = 0;
  for (char32_t cp = 0xC0; cp <= 0x17F; ++cp) {
    const std::string folded(fold_latin(cp));
    if (folded.empty()) continue;  // × and ÷
    ++letters;
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(search_fold(utf8(cp)) == folded);
    CHECK(normalise_place_name(utf8(cp)) == folded);
    for (char c : folded) CHECK((c >= 'a' && c <= 'z'));
  }
  CHECK(letters == 0x17F - 0xC0 + 1 - 2);
}

TEST_CASE("fold_latin drops accents, lower-cases and spells out two-letter letters", "[text]") {
  CHECK(fold_latin(U'É') == "e");
  CHECK(fold_latin(U'ŵ') == "w");  // Welsh place names
  CHECK(fold_latin(U'Ł') == "l");
  CHECK(fold_latin(U'ß') == "ss");
  CHECK(fold_latin(U'þ') == "th");
  CHECK(fold_latin(U'œ') == "oe");
  CHECK(fold_latin(U'Ĳ') == "ij");
  CHECK(fold_latin(U'Q') == "q");
  CHECK(fold_latin(U'7') == "7");
  CHECK(fold_latin(U'×').empty());
  CHECK(fold_latin(U'-').empty());
  CHECK(fold_latin(U'ж').empty());  // other scripts are not Latin letters
}

TEST_CASE("UTF-8 decoding moves forward one byte on anything malformed and never reads past the end",
          "[text]") {
  const std::string mixed = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";  // a é ’ 😀
  std::size_t i = 0;
  CHECK(next_code_point(mixed, i) == U'a');
  CHECK(next_code_point(mixed, i) == U'é');
  CHECK(next_code_point(mixed, i) == U'’');
  CHECK(next_code_point(mixed, i) == U'😀');
  CHECK(i == mixed.size());
  CHECK(is_valid_utf8(mixed));
  for (const std::string& bad :
       {std::string("\x80"), std::string("\xC3"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
        std::string("\xF4\x90\x80\x80"), std::string("\xE2\x80")}) {
    std::size_t at = 0;
    CHECK(next_code_point(bad, at) == 0xFFFD);
    CHECK(at == 1);
    CHECK_FALSE(is_valid_utf8(bad));
  }
  CHECK(utf16_length(mixed) == 5);  // the emoji is two UTF-16 units
}

TEST_CASE("case helpers touch only ASCII letters and keep acronyms", "[text]") {
  CHECK(ascii_lower("ÉCOLE Ab-1") == "École ab-1");
  CHECK(lower_first("Anxiety or worry") == "anxiety or worry");
  CHECK(lower_first("ADHD") == "ADHD");
  CHECK(lower_first("Écoute") == "Écoute");
}

TEST_CASE("the bounded edit distance counts a swap as one edit and stops at the bound", "[text]") {
  CHECK(bounded_edit_distance("attachmnet", "attachment", 2) == 1);
  CHECK(bounded_edit_distance("leeds", "leeds", 0) == 0);
  CHECK(bounded_edit_distance("manchestr", "manchester", 1) == 1);
  CHECK(bounded_edit_distance("abc", "xyz", 1) == 2);  // over the bound: bound + 1
  CHECK(bounded_edit_distance("ab", "abcdef", 2) == 3);
  // Long place names work; past kMaxEditLength only equality counts.
  const std::string welsh = "llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
  CHECK(bounded_edit_distance(welsh, welsh.substr(0, welsh.size() - 1), 2) == 1);
  const std::string huge(kMaxEditLength + 1, 'x');
  CHECK(bounded_edit_distance(huge, huge, 1) == 0);
  CHECK(bounded_edit_distance(huge, huge.substr(1) + "y", 1) == 2);
}

TEST_CASE("the edit distance and the fold allocate nothing per call", "[text]") {
  const std::string a = "newcastle upon tyne", b = "newcastel upon tyne";
  int d = 0;
  std::size_t folded = 0, allocations = 0;
  {
    CountAllocations counter;
    for (int k = 0; k < 100; ++k) {
      d += bounded_edit_distance(a, b, 3);
      folded += fold_latin(U'æ').size();
    }
    allocations = counter.count();
  }
  CHECK(allocations == 0);
  CHECK(d == 100);
  CHECK(folded == 200);
}
