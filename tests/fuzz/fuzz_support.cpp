#include "fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/text_safety.h"

namespace tft::fuzz {

namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(TFT_DATA_DIR) + "/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Bundled {
  std::vector<std::string> texts;
  DatasetLoad dataset;
  DirectoryLoad directory;
  Matcher matcher;
};

const Bundled& bundled() {
  static const Bundled* b = [] {
    auto* out = new Bundled;
    for (const char* name : {"glossary.json", "concerns.json", "questionnaire.json", "crisis.json",
                             "places-gb.json", "therapists.sample.json"})
      out->texts.push_back(read(name));
    const auto& t = out->texts;
    out->dataset = load_dataset({{"glossary.json", t[0]},
                                 {"concerns.json", t[1]},
                                 {"questionnaire.json", t[2]},
                                 {"crisis.json", t[3]},
                                 {"places-gb.json", t[4]}});
    require(out->dataset.ok(), "the bundled data loads cleanly");
    out->directory = load_directory({"therapists.sample.json", t[5]}, out->dataset.data);
    require(out->directory.ok(), "the sample directory loads cleanly");
    out->matcher = prepare_matcher(out->dataset.data, out->directory.directory);
    return out;
  }();
  return *b;
}

}  // namespace

const Dataset& dataset() {
  return bundled().dataset.data;
}
const Directory& sample_directory() {
  return bundled().directory.directory;
}
const Matcher& sample_matcher() {
  return bundled().matcher;
}

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

void check_errors(const std::vector<Error>& errors) {
  for (const Error& e : errors) {
    require(e.path.rfind("$", 0) == 0, "every error path starts at $");
    const std::string line = format_error(e);
    require(printable(line, line.size() + 1, false) == line, "an error line is printable as it is");
    require(utf8_length(line) <= 520, "an error line is at most a few hundred characters");
  }
}

}  // namespace tft::fuzz
