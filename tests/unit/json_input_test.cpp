// The parser's limits (json_input.h) against the attacks of issue #12: a NUL byte that ended the
// parse early (defect 8), files whose parse tree was 40 times their size (defect 6), error lines
// as long as the input (defect 10), duplicate keys, and text that displays as something it is not
// (defect 11). Memory is measured by counting every allocation (allocation_probe.h).
#include <catch2/catch.hpp>

#include <functional>

#include "allocation_probe.h"
#include "core/loaders.h"
#include "core/text_safety.h"
#include "test_support.h"

using namespace tft;

namespace {

// `open` + `count` copies of `item` joined by commas + `close`.
std::string repeated(const std::string& open, const std::string& item, std::size_t count,
                     const std::string& close) {
  std::string s = open;
  s.reserve(open.size() + count * (item.size() + 1) + close.size());
  for (std::size_t i = 0; i < count; ++i) {
    if (i) s += ',';
    s += item;
  }
  return s + close;
}

const json& good_therapist() {
  static const json t =
      json::parse(test::read_text(test::fixture_path("directory-errors.json")))["good_therapist"];
  return t;
}

std::string directory_with(const json& therapist) {
  return json{{"fictional", true}, {"therapists", json::array({therapist})}}.dump();
}

}  // namespace

TEST_CASE("a NUL byte is refused with its place, not taken as the end of the text", "[json][security]") {
  const std::string text = std::string(R"({"fictional":true,"therapists":[]})") + '\0' + "junk";
  const DirectoryLoad load = load_directory({"d.json", text}, test::bundled_dataset());
  CHECK(test::error_lines(load.errors) ==
        std::vector<std::string>{
            "d.json:$: not valid JSON: a NUL byte at line 1, column 35 (JSON text never holds one)"});

  const std::string inside = "{\n  \"fictional\": true,\n  \"notice\": \"é" + std::string(1, '\0') + "\"\n}";
  Diagnostics diag;
  CHECK_FALSE(parse_json(inside, {}, diag));
  REQUIRE(diag.errors.size() == 1);
  // Columns count characters: "  "notice": "é" is 14 characters (15 bytes) before the NUL.
  CHECK(diag.errors[0].message ==
        "not valid JSON: a NUL byte at line 3, column 15 (JSON text never holds one)");
}

TEST_CASE("syntax errors give the line and the column in characters", "[json][security]") {
  Diagnostics diag;
  CHECK_FALSE(parse_json("{\"é\u00e9\": tru }", {}, diag));
  REQUIRE(diag.errors.size() == 1);
  // The parser stops on the space after "tru": character 11, byte 13.
  CHECK(diag.errors[0].message.rfind("not valid JSON: parse error at line 1, column 11: syntax error", 0) ==
        0);
  // Errors the parser files under another heading read the same way.
  Diagnostics overflow;
  CHECK_FALSE(parse_json("[1e999]", {}, overflow));
  CHECK(overflow.errors.at(0).message ==
        "not valid JSON: parse error at line 1, column 6: number overflow parsing '1e999'");
}

TEST_CASE("a repeated key is refused where it repeats, not silently overwritten", "[json][security]") {
  json t = good_therapist();
  std::string text = directory_with(t);
  // A second "name" after the first: which one would a reader believe?
  const std::string first = R"("name":"Sam Fixture")";
  text.insert(text.find(first) + first.size(), R"(,"name":"Someone Else")");
  const DirectoryLoad load = load_directory({"d.json", text}, test::bundled_dataset());
  CHECK(load.directory.therapists.empty());
  CHECK(
      test::error_lines(load.errors) ==
      std::vector<std::string>{
          R"(d.json:$.therapists[0].name: repeats the key "name" (each key may appear once in an object))"});
  // The path names each open container's current item, however deep.
  Diagnostics nested;
  CHECK_FALSE(parse_json(R"([[1,[2,3,{"a":[1,2,{"a":1,"a":2}]}]]])", {}, nested));
  CHECK(nested.errors.at(0).path == "$[0][1][2].a[2].a");
}

// Objects keep their members in file order (json is nlohmann::ordered_json), so two things a sorted
// map gave for free are done by hand: finding a repeated key in a big object without comparing it
// with every earlier key, and listing unknown fields in key order whatever the file's order.
TEST_CASE("a repeated key is found in a big object, and unknown fields are listed in key order",
          "[json][security]") {
  // 40 keys: past the linear look, so the hash table finds the repeat. Every key of the first
  // 40 repeated at the end must be refused, wherever it was in the object.
  std::string keys;
  for (int i = 0; i < 40; ++i) keys += (i ? "," : "") + std::string("\"k") + std::to_string(i) + "\":0";
  for (const int again : {0, 15, 16, 17, 39}) {
    Diagnostics diag;
    const std::string key = "k" + std::to_string(again);
    CHECK_FALSE(parse_json("{" + keys + ",\"" + key + "\":1}", {}, diag));
    REQUIRE(diag.errors.size() == 1);
    CHECK(diag.errors[0].path == "$." + key);
    CHECK(diag.errors[0].message ==
          "repeats the key \"" + key + "\" (each key may appear once in an object)");
  }
  Diagnostics fine;
  const JsonDocument doc = parse_json("{" + keys + ",\"k40\":0}", {}, fine);
  REQUIRE(doc);
  CHECK(doc->size() == 41);

  // Unknown fields in the byte order of their keys (upper case before lower), not the file's.
  Diagnostics diag;
  const JsonDocument object = parse_json(R"({"zeta":1,"name":"x","alpha":2,"Mid":3,"a b":4})", {}, diag);
  REQUIRE(object);
  ObjectReader r(*object, "$", diag);
  CHECK(r.text("name", Need::required, 10) == "x");
  r.finish();
  CHECK(test::error_lines(diag.errors) ==
        std::vector<std::string>{":$.Mid: unknown field", R"(:$["a b"]: unknown field)",
                                 ":$.alpha: unknown field", ":$.zeta: unknown field"});
}

TEST_CASE("tokens longer than any field are refused before the parser buffers them", "[json][security]") {
  Diagnostics diag;
  CHECK_FALSE(parse_json("{\"bio\": \"" + std::string(100000, 'x') + "\"}", {}, diag));
  CHECK(diag.errors.at(0).message ==
        "a string starting at line 1, column 9 is longer than 65536 bytes or never closed");
  Diagnostics numbers;
  CHECK_FALSE(parse_json("[1," + std::string(70000, '9') + "]", {}, numbers));
  CHECK(numbers.errors.at(0).message == "a number starting at line 1, column 4 is longer than 65536 bytes");
}

TEST_CASE("error lines stay a few hundred characters whatever the input held", "[json][security]") {
  // An unterminated string short enough for the parser: it quotes what it last read.
  std::string accents;
  for (int i = 0; i < 20000; ++i) accents += "é";
  const std::vector<std::string> inputs = {
      "{\"a\": \"" + accents,                      // unterminated, 2-byte characters
      "{\"" + std::string(50000, 'k') + "\": 1}",  // a long unknown key
      "{\"fictional\": true, \"therapists\": [], \"\u202Ekey\": \"\xff\"}",  // invalid UTF-8, bidi in a key
      // Control characters the parser quotes back: each is shown as a six-character escape, so
      // the cut counts what is written (found by the answers fuzz target).
      "{\"a\": \"" + std::string(200, '\x7f') + std::string(40, '\x0f') + "\"}",
  };
  for (const auto& text : inputs) {
    const DirectoryLoad load = load_directory({"d.json", text}, test::bundled_dataset());
    REQUIRE_FALSE(load.errors.empty());
    for (const auto& line : test::error_lines(load.errors)) {
      // Nothing left to escape or replace: no control or bidi characters, no invalid UTF-8.
      CHECK(printable(line, 10000, false) == line);
      CHECK(utf8_length(line) <= 520);
    }
  }
}

TEST_CASE("text fields refuse invisible and direction-changing characters, naming them", "[json][security]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"Sam \u202Erexif",
       "contains a bidirectional control, which can make text display in a different order (U+202E) at "
       "character 5; remove it"},
      {"Sam\u2066 Fixture",
       "contains a bidirectional control, which can make text display in a different order (U+2066) at "
       "character 4; remove it"},
      {"Sam\u200FFixture",
       "contains a bidirectional control, which can make text display in a different order (U+200F) at "
       "character 4; remove it"},
      {"Sa\u200Bm", "contains an invisible character (U+200B) at character 3; remove it"},
      {"\uFEFFSam", "contains an invisible character (U+FEFF) at character 1; remove it"},
      {"Sam\u2028Fixture", "contains a line or paragraph separator (U+2028) at character 4; remove it"},
      {"Sam\u2029", "contains a line or paragraph separator (U+2029) at character 4; remove it"},
      {"Sam\u0085", "contains a control character (U+0085) at character 4; remove it"},
      // What a browser's decoder leaves for bytes that were not UTF-8: the WASM module gets that.
      {"Sa\uFFFDm",
       "contains a replacement character, left where the text's encoding was damaged (U+FFFD) at character "
       "3; remove it"},
  };
  for (const auto& c : cases) {
    for (const char* field : {"name", "bio"}) {
      json t = good_therapist();
      t[field] = c.text;
      const DirectoryLoad load = load_directory({"d.json", directory_with(t)}, test::bundled_dataset());
      CHECK(load.directory.therapists.empty());
      CHECK(test::error_lines(load.errors) ==
            std::vector<std::string>{"d.json:$.therapists[0]." + std::string(field) + ": " + c.message});
    }
  }
  // An escaped NUL is a string character JSON allows; a text field still refuses it.
  json t = good_therapist();
  t["name"] = std::string("Sam") + '\0';
  CHECK(test::error_lines(load_directory({"d.json", directory_with(t)}, test::bundled_dataset()).errors) ==
        std::vector<std::string>{
            "d.json:$.therapists[0].name: contains a NUL character (U+0000) at character 4; remove it"});
  // Bios may hold line breaks; names may not. Letters from any script are fine.
  t = good_therapist();
  t["bio"] = "Croeso. Rwy'n siarad Cymraeg.\nمرحبا — 你好 — Ελληνικά 🙂";
  CHECK(load_directory({"d.json", directory_with(t)}, test::bundled_dataset()).ok());
}

TEST_CASE("quoted values in errors show hidden characters as escapes", "[json][security]") {
  json t = good_therapist();
  t["gender"] = "\u202Eelamef";
  const DirectoryLoad load = load_directory({"d.json", directory_with(t)}, test::bundled_dataset());
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].message.rfind(R"(unknown value "\u202eelamef"; expected one of:)", 0) == 0);
}

TEST_CASE("a streamed directory reports the top level first and loads nothing from a broken file",
          "[json][directory]") {
  json bad = good_therapist();
  bad["id"] = "t-000002";
  bad["gender"] = 3;
  const std::string text =
      json{{"therapists", {good_therapist(), bad, good_therapist()}}, {"extra", 1}}.dump();
  const DirectoryLoad load = load_directory({"d.json", text}, test::bundled_dataset());
  CHECK(load.directory.therapists.size() == 1);
  CHECK(test::error_lines(load.errors) ==
        std::vector<std::string>{"d.json:$.fictional: is required", "d.json:$.extra: unknown field",
                                 "d.json:$.therapists[1].gender: expected a string, found a number",
                                 R"(d.json:$.therapists[2].id: repeats id "t-000001")"});
  // The same entries followed by a syntax error: the file is not JSON, so no entry counts.
  const DirectoryLoad broken =
      load_directory({"d.json", text.substr(0, text.size() - 12)}, test::bundled_dataset());
  CHECK(broken.directory.therapists.empty());
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].message.rfind("not valid JSON", 0) == 0);
}

// The documented bound (docs/security.md): loading N bytes holds at most 8N + 4 MiB at its peak,
// counting the N bytes of text. Each hostile shape here is 8 MiB; tests/node/hostile.test.mjs loads
// 64 MiB ones through the CLI and the WASM module.
TEST_CASE("loading hostile shapes stays within 8 times the input size", "[json][security][memory]") {
  constexpr std::size_t kSize = 8u << 20;
  const auto fill = [](const std::string& open, const std::string& item, const std::string& close) {
    return repeated(open, item, (kSize - open.size() - close.size()) / (item.size() + 1), close);
  };
  std::string keys = "{";
  for (std::size_t i = 0; keys.size() < kSize - 20; ++i)
    keys += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":{}";
  keys += "}";
  const std::vector<std::pair<const char*, std::string>> shapes = {
      {"array of empty objects", fill("[", "{}", "]")},
      {"array of zeros", fill("[", "0", "]")},
      {"directory of empty objects", fill(R"({"fictional":true,"therapists":[)", "{}", "]}")},
      {"one therapist holding a huge array",
       fill(R"({"fictional":true,"therapists":[{"bio":[)", "0", "]}]}")},
      {"object with a million keys", keys},
      {"short strings", fill("[", "\"ab\"", "]")},
      {"nested arrays", fill("[", std::string(30, '[') + std::string(30, ']'), "]")},
  };
  for (const auto& [name, text] : shapes) {
    INFO(name);
    const test::PeakWatch watch;
    const DirectoryLoad load = load_directory({"d.json", text}, test::bundled_dataset());
    const std::size_t peak = watch.peak_above_start() + text.size();
    CHECK_FALSE(load.ok());
    CHECK(load.directory.therapists.empty());
    CHECK(peak <= 8 * text.size() + (4u << 20));
  }
}

TEST_CASE("the bundled files load within the same bound", "[json][memory]") {
  for (const char* name : {"therapists.sample.json"}) {
    const std::string text = test::read_text(test::data_path(name));
    // Minified, so there is less text for the same values: the hardest case for the bound.
    const std::string minified = json::parse(text).dump();
    const test::PeakWatch watch;
    const DirectoryLoad load = load_directory({name, minified}, test::bundled_dataset());
    CHECK(load.ok());
    CHECK(watch.peak_above_start() + minified.size() <= 8 * minified.size() + (4u << 20));
  }
  std::vector<std::string> texts;
  for (const char* name :
       {"glossary.json", "concerns.json", "questionnaire.json", "crisis.json", "places-gb.json"})
    texts.push_back(test::read_text(test::data_path(name)));
  const DatasetSources sources{{"glossary.json", texts[0]},
                               {"concerns.json", texts[1]},
                               {"questionnaire.json", texts[2]},
                               {"crisis.json", texts[3]},
                               {"places-gb.json", texts[4]}};
  std::size_t total = 0;
  for (const Source* s :
       {&sources.glossary, &sources.concerns, &sources.questionnaire, &sources.crisis, &sources.places})
    total += s->text.size();
  const test::PeakWatch watch;
  const DatasetLoad load = load_dataset(sources);
  CHECK(load.ok());
  CHECK(watch.peak_above_start() + total <= 8 * total + (4u << 20));
}
