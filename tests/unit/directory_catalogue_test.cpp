// data/directories.json: the published directories a partner's embed may name (docs/embedding.md).
#include <catch2/catch.hpp>

#include "core/directory_catalogue.h"
#include "test_support.h"

using namespace tft;

namespace {

std::vector<std::string> catalogue_errors(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : load_directory_catalogue({"directories.json", text}).errors)
    out.push_back(format_error(e));
  return out;
}

bool has_error(const std::vector<std::string>& errors, const std::string& line) {
  for (const auto& e : errors)
    if (e == line) return true;
  return false;
}

Therapist therapist(const std::string& id) {
  Therapist t;
  t.id = id;
  return t;
}

}  // namespace

TEST_CASE("the bundled list of published directories loads, and every listed id is in its file",
          "[catalogue][data]") {
  const std::string text = test::read_text(test::data_path("directories.json"));
  const CatalogueLoad load = load_directory_catalogue({"directories.json", text});
  REQUIRE(load.ok());
  const auto* fallback = find_catalogue_entry(load.catalogue, "");
  REQUIRE(fallback != nullptr);
  CHECK(fallback->name == "sample");
  CHECK_FALSE(fallback->therapists.has_value());
  const auto* wales = find_catalogue_entry(load.catalogue, "wales");
  REQUIRE(wales != nullptr);
  REQUIRE(wales->therapists.has_value());
  Directory directory = test::bundled_directory();
  const std::size_t all = directory.therapists.size();
  const auto missing = select_therapists(directory, *wales, 1, "directories.json");
  CHECK(missing.empty());
  CHECK(directory.therapists.size() == wales->therapists->size());
  CHECK(directory.therapists.size() < all);
  CHECK(find_catalogue_entry(load.catalogue, "nowhere") == nullptr);
}

TEST_CASE("a directory's file must be a plain path inside the data folder, never a URL", "[catalogue]") {
  CHECK(catalogue_file_problem("therapists.sample.json").empty());
  CHECK(catalogue_file_problem("regions/wales/directory.json").empty());
  for (const char* bad : {"https://evil.example/d.json", "//evil.example/d.json", "/etc/d.json", "../d.json",
                          "a/../../d.json", "./d.json", "a//d.json", "D.json", "a\\d.json", "d.json?x=1",
                          "d.txt", ".json", "a/.hidden.json", "data:,{}.json"}) {
    CAPTURE(bad);
    CHECK_FALSE(catalogue_file_problem(bad).empty());
  }
}

TEST_CASE("a broken list names each problem with its path", "[catalogue]") {
  const auto errors = catalogue_errors(R"({"directories": [
    {"name": "a", "label": "A", "file": "a.json", "default": true},
    {"name": "a", "label": "Again", "file": "http://x.example/b.json"},
    {"name": "-bad Name", "label": "C", "file": "c.json", "default": true, "extra": 1},
    {"name": "d", "label": "D", "file": "d.json", "therapists": ["t1", "t1"]}
  ]})");
  CAPTURE(errors);
  CHECK(has_error(errors, "directories.json:$.directories[1].name: repeats \"a\""));
  CHECK(has_error(
      errors,
      "directories.json:$.directories[1].file: may use only a-z, 0-9, \"-\", \"_\", \".\" and \"/\""));
  CHECK(has_error(errors,
                  "directories.json:$.directories[2].name: must be 1 to 40 of a-z, 0-9 and \"-\", not "
                  "starting with \"-\""));
  CHECK(has_error(errors,
                  "directories.json:$.directories: exactly one directory must be the default (\"default\": "
                  "true); found 2"));
  bool extra = false, repeated = false;
  for (const auto& e : errors) {
    extra = extra || e.rfind("directories.json:$.directories[2].extra:", 0) == 0;
    repeated = repeated || e.rfind("directories.json:$.directories[3].therapists", 0) == 0;
  }
  CHECK(extra);
  CHECK(repeated);
  CHECK(has_error(catalogue_errors(R"({"directories": [{"name": "a", "label": "A", "file": "a.json"}]})"),
                  "directories.json:$.directories: exactly one directory must be the default (\"default\": "
                  "true); found 0"));
  CHECK_FALSE(catalogue_errors("[1, 2").empty());
  CHECK_FALSE(catalogue_errors(R"({"directories": []})").empty());
}

TEST_CASE("selecting a directory keeps its therapists in the file's order and names ids the file lacks",
          "[catalogue]") {
  Directory directory;
  for (const char* id : {"t1", "t2", "t3", "t4"}) directory.therapists.push_back(therapist(id));
  CatalogueEntry entry;
  entry.name = "mine";
  entry.file = "d.json";
  entry.therapists = std::vector<std::string>{"t3", "gone", "t1"};
  const auto errors = select_therapists(directory, entry, 2, "directories.json");
  REQUIRE(directory.therapists.size() == 2);
  CHECK(directory.therapists[0].id == "t1");
  CHECK(directory.therapists[1].id == "t3");
  REQUIRE(errors.size() == 1);
  CHECK(format_error(errors[0]) ==
        "directories.json:$.directories[2].therapists[1]: \"gone\" is not a valid therapist in d.json");

  CatalogueEntry everyone;
  everyone.file = "d.json";
  const auto none = select_therapists(directory, everyone, 0, "directories.json");
  CHECK(none.empty());
  CHECK(directory.therapists.size() == 2);
}
