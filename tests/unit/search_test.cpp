// Behaviour of the normaliser and the search engine, one property per test.
#include <catch2/catch.hpp>

#include "allocation_probe.h"
#include "core/search.h"
#include "core/serialize.h"
#include "core/text.h"
#include "core/text_normalise.h"
#include "test_support.h"

using namespace tft;

namespace {

std::vector<std::string> terms(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& t : tokenise(text)) out.push_back(normalise_term(t.text));
  return out;
}

const SearchIndex& bundled_index() {
  static const SearchIndex index = build_search_index(test::bundled_dataset());
  return index;
}

std::vector<std::string> slugs(const std::string& query, std::size_t limit = 10) {
  std::vector<std::string> out;
  for (const auto& h : search(bundled_index(), query, limit).hits) out.push_back(h.slug);
  return out;
}

std::string top(const std::string& query) {
  const auto s = slugs(query, 1);
  return s.empty() ? "" : s[0];
}

}  // namespace

TEST_CASE("tokenise folds case, accents and punctuation and keeps byte ranges", "[search][normalise]") {
  const auto toks = tokenise("Émotion-Focused, CBT’s  naïve!");
  REQUIRE(toks.size() == 4);
  CHECK(toks[0].text == "emotion");
  CHECK(toks[0].begin == 0);
  CHECK(toks[0].end == 8);  // "É" is two bytes
  CHECK(toks[1].text == "focused");
  CHECK(toks[2].text == "cbts");
  CHECK(toks[3].text == "naive");
  CHECK(tokenise("a\xff\xfe"
                 "b")
            .size() == 2);  // invalid UTF-8 separates, never crashes
  CHECK(tokenise(std::string(1000, 'x') + " y", 1).size() == 1);
}

TEST_CASE("British and American spellings normalise to one term", "[search][normalise]") {
  CHECK(terms("behavior behaviour behavioral behavioural behaviours") ==
        std::vector<std::string>{"behaviour", "behaviour", "behavioural", "behavioural", "behaviour"});
  CHECK(terms("centered")[0] == terms("centred")[0]);
  CHECK(terms("center")[0] == terms("centre")[0]);
  CHECK(terms("mentalization")[0] == terms("mentalisation")[0]);
  CHECK(terms("desensitization")[0] == terms("desensitisation")[0]);
  CHECK(terms("counseling")[0] == terms("counselling")[0]);
  CHECK(terms("counselors")[0] == terms("counsellor")[0]);
  CHECK(terms("pediatric")[0] == terms("paediatric")[0]);
  CHECK(terms("analyze")[0] == terms("analyse")[0]);
  CHECK(terms("therapies")[0] == "therapy");
  CHECK(terms("couples")[0] == terms("couple")[0]);
  CHECK(terms("changing")[0] == terms("change")[0]);
  // Short words and acronyms are left alone.
  CHECK(terms("CBT ACT need being")[0] == "cbt");
  CHECK(terms("CBT ACT need being")[2] == "need");
  CHECK(terms("CBT ACT need being")[3] == "being");
}

TEST_CASE("edit distance counts a swap of neighbours as one edit and stops at the bound",
          "[search][normalise]") {
  CHECK(bounded_edit_distance("jungain", "jungian", 1) == 1);
  CHECK(bounded_edit_distance("atachment", "attachment", 2) == 1);
  CHECK(bounded_edit_distance("abc", "xyz", 1) == 2);
  CHECK(bounded_edit_distance("gestalt", "gestalt", 0) == 0);
  CHECK(bounded_edit_distance("short", "a much longer word", 2) == 3);
}

TEST_CASE("utf16_length counts astral characters as two units", "[search][normalise]") {
  CHECK(utf16_length("abc") == 3);
  CHECK(utf16_length("\xc3\xa9") == 1);          // é
  CHECK(utf16_length("\xe2\x80\xa6") == 1);      // …
  CHECK(utf16_length("\xf0\x9f\x99\x82") == 2);  // 🙂
}

TEST_CASE("an exact name or alias comes first", "[search][ranking]") {
  CHECK(top("Attachment-based therapy") == "attachment-based");
  CHECK(top("ABT") == "attachment-based");
  CHECK(top("attachment based family therapy") == "abft");
  CHECK(top("couples counselling") == "couples-therapy");
  const auto r = search(bundled_index(), "ABT", 5);
  REQUIRE(!r.hits.empty());
  CHECK(r.hits[0].matched == "alias");
  CHECK(r.hits[0].alias == "ABT");
  CHECK(r.hits[0].score >= 1000);
}

TEST_CASE("typos get one edit from 4 letters and two from 8, acronyms none", "[search][typos]") {
  CHECK(top("gestalt") == "gestalt");
  CHECK(top("gestlat") == "gestalt");  // swap: one edit
  CHECK(top("psycodynamic") == "psychodynamic");
  CHECK(top("hypnoterapyy") == "hypnotherapy");  // two edits in a 12-letter word
  CHECK(slugs("DTB").empty());                   // three letters: no typo tolerance
  CHECK(top("jngn") != "jungian");               // two edits in a 4-letter word is too many
}

TEST_CASE("the last word matches as a prefix while typing, not after a space", "[search][prefix]") {
  CHECK(top("psychody") == "psychodynamic");
  CHECK(top("hypno") == "hypnotherapy");
  CHECK(top("narr") == "narrative");
  CHECK(slugs("narr ").empty());  // a finished four-letter word is taken as written
  CHECK(top("cognitive beh") == "cbt");
}

TEST_CASE("search is deterministic and ties are broken by slug", "[search][ranking]") {
  const auto a = to_text(search_result_to_json(search(bundled_index(), "therapy for anxiety", 20)), false);
  const auto b = to_text(
      search_result_to_json(search(build_search_index(test::bundled_dataset()), "therapy for anxiety", 20)),
      false);
  CHECK(a == b);
  const auto hits = search(bundled_index(), "therapy for anxiety", 20).hits;
  for (std::size_t i = 1; i < hits.size(); ++i) {
    CHECK(hits[i - 1].score >= hits[i].score);
    if (hits[i - 1].score == hits[i].score) CHECK(hits[i - 1].slug < hits[i].slug);
  }
}

TEST_CASE("limit caps the hits and filler-only queries return none", "[search][limits]") {
  CHECK(slugs("therapy", 3).size() == 3);
  CHECK(slugs("therapy", 0).empty());
  CHECK(slugs("", 10).empty());
  CHECK(slugs("the a of", 10).empty());
  CHECK(slugs("zzzzqqqq", 10).empty());
}

TEST_CASE("hostile queries cost bounded work and never break the JSON", "[search][limits]") {
  const std::string huge(1 << 20, 'a');
  CHECK(search(bundled_index(), huge, 10).hits.size() <= 10);
  std::string words;
  for (int i = 0; i < 5000; ++i) words += "attachment ";
  CHECK(search(bundled_index(), words, 10).hits.size() <= 10);
  const auto r = search(bundled_index(), "\"<script>\xff\xfe", 10);
  const std::string text = to_text(search_result_to_json(r), false);
  CHECK(nlohmann::json::parse(text, nullptr, false).is_discarded() == false);
}

TEST_CASE("snippets highlight the matched words in UTF-16 units", "[search][snippet]") {
  const auto r = search(bundled_index(), "eye movements trauma", 1);
  REQUIRE(r.hits.size() == 1);
  const SearchHit& h = r.hits[0];
  CHECK(h.slug == "emdr");
  CHECK(!h.highlights.empty());
  CHECK(h.snippet.size() <= 200 + 6);
  // The snippet is ASCII up to the first highlight here, so UTF-16 units equal bytes.
  bool saw_trauma = false;
  for (const auto& [start, length] : h.highlights) {
    const std::string word = h.snippet.substr(start, length);
    if (word == "trauma") saw_trauma = true;
  }
  CHECK(saw_trauma);
}

TEST_CASE("a snippet comes from the passage that matched when the summary does not", "[search][snippet]") {
  const auto r = search(bundled_index(), "Bowlby", 1);
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].slug == "attachment-based");
  CHECK(r.hits[0].matched == "text");
  CHECK(r.hits[0].snippet.find("Bowlby") != std::string::npos);
}

TEST_CASE("search JSON keeps the design's four fields first", "[search][serialize]") {
  const auto j = search_result_to_json(search(bundled_index(), "cbt", 1));
  CHECK(j.begin().key() == "query");
  const auto& hit = j["hits"][0];
  std::vector<std::string> keys;
  for (auto it = hit.begin(); it != hit.end(); ++it) keys.push_back(it.key());
  REQUIRE(keys.size() >= 4);
  CHECK(std::vector<std::string>(keys.begin(), keys.begin() + 4) ==
        std::vector<std::string>{"slug", "name", "score", "snippet"});
}

// The WebAssembly module writes search results with search_result_to_text, straight into one
// string; the CLI prints the JSON tree. The two must agree byte for byte, including for queries
// that are not UTF-8 or need escaping (nlohmann replaces invalid bytes and escapes controls).
TEST_CASE("search results written as text are the JSON tree's bytes", "[search][serialize]") {
  std::vector<std::string> queries;
  const auto fixture = nlohmann::json::parse(test::read_text(test::fixture_path("search-queries.json")));
  for (const auto& q : fixture["queries"]) queries.push_back(q["query"].get<std::string>());
  for (std::string hostile :
       {"", "cbt", "\"quoted\" cbt", "back\\slash emdr", "tab\tand\nnewline therapy", "bell\x07 grief",
        "\x7f cbt", "caf\xc3\xa9 therapy", "\xc0\xaf emdr", "\xed\xa0\x80 cbt", "\xf4\x90\x80\x80 grief",
        "\xe2\x82 trunc", "\xff\xfe", "\xf0\x9f\x99\x82 therapy"})
    queries.push_back(hostile);
  std::size_t hits = 0;
  for (const auto& query : queries) {
    for (std::size_t limit : {3, 100}) {
      const SearchResult r = search(bundled_index(), query, limit);
      hits += r.hits.size();
      INFO(query << " --limit " << limit);
      CHECK(search_result_to_text(r) == to_text(search_result_to_json(r), false));
    }
  }
  CHECK(hits > 1000);  // the comparison covered real hits: snippets, highlights, aliases
}

// A query does a fixed amount of allocation whatever the glossary's size: ranking works from ids
// worked out once per query and when the index is built, never a string or list per entry or name,
// and snippets are built only for the hits returned. Counted with operator new
// (allocation_probe.h) on the bundled glossary and on ten copies of it, asking each for its best
// hit (the same entry's text in both): work allocated for each entry a query finds would show as
// at least one more allocation for each of the 549 extra entries; the test allows one for every
// ten. The real difference is a handful, where the scores differ slightly.
TEST_CASE("searching ten times the entries allocates about the same: nothing per entry", "[search][lean]") {
  const Dataset& one = test::bundled_dataset();
  Dataset ten = one;
  ten.glossary.clear();
  for (int c = 0; c < 10; ++c)
    for (GlossaryEntry e : one.glossary) {
      e.slug += "-" + std::to_string(c);
      ten.glossary.push_back(std::move(e));
    }
  const SearchIndex& index_one = bundled_index();
  const SearchIndex index_ten = build_search_index(ten);
  const std::size_t extra_entries = ten.glossary.size() - one.glossary.size();
  const auto fixture = nlohmann::json::parse(test::read_text(test::fixture_path("search-queries.json")));
  for (const auto& q : fixture["queries"]) {
    const std::string query = q["query"].get<std::string>();
    std::size_t before = test::allocations_made();
    const SearchResult for_one = search(index_one, query, 1);
    const std::size_t allocations_one = test::allocations_made() - before;
    before = test::allocations_made();
    const SearchResult for_ten = search(index_ten, query, 1);
    const std::size_t allocations_ten = test::allocations_made() - before;
    INFO(query << ": " << allocations_one << " allocations for " << one.glossary.size() << " entries, "
               << allocations_ten << " for " << ten.glossary.size());
    REQUIRE(for_ten.hits.size() == for_one.hits.size());
    CHECK(allocations_ten < allocations_one + extra_entries / 10);
  }
}
