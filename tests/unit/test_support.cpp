#include "test_support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace tft::test {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "test fixture missing: %s\n", path.c_str());
    std::abort();
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string data_path(const std::string& name) {
  return std::string(TFT_DATA_DIR) + "/" + name;
}
std::string fixture_path(const std::string& name) {
  return std::string(TFT_FIXTURES_DIR) + "/" + name;
}

std::vector<std::string> error_lines(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(format_error(e));
  return out;
}

namespace {
struct Bundled {
  std::string glossary, concerns, questionnaire, crisis, places, directory_text;
  DatasetLoad load;
  DirectoryLoad directory;
};

const Bundled& bundled() {
  static const Bundled* b = [] {
    auto* x = new Bundled;
    x->glossary = read_text(data_path("glossary.json"));
    x->concerns = read_text(data_path("concerns.json"));
    x->questionnaire = read_text(data_path("questionnaire.json"));
    x->crisis = read_text(data_path("crisis.json"));
    x->places = read_text(data_path("places-gb.json"));
    x->directory_text = read_text(data_path("therapists.sample.json"));
    x->load = load_dataset({{"glossary.json", x->glossary},
                            {"concerns.json", x->concerns},
                            {"questionnaire.json", x->questionnaire},
                            {"crisis.json", x->crisis},
                            {"places-gb.json", x->places}});
    x->directory = load_directory({"therapists.sample.json", x->directory_text}, x->load.data);
    for (const auto& e : x->load.errors) std::fprintf(stderr, "bundled data: %s\n", format_error(e).c_str());
    for (const auto& e : x->directory.errors)
      std::fprintf(stderr, "bundled directory: %s\n", format_error(e).c_str());
    return x;
  }();
  return *b;
}
}  // namespace

const Dataset& bundled_dataset() {
  return bundled().load.data;
}
const Directory& bundled_directory() {
  return bundled().directory.directory;
}
std::vector<Error> bundled_errors() {
  std::vector<Error> all = bundled().load.errors;
  all.insert(all.end(), bundled().directory.errors.begin(), bundled().directory.errors.end());
  return all;
}

ordered_json match_json(const Matcher& m, const Answers& answers, std::size_t limit) {
  return match_result_to_json(match(m, answers, limit));
}

ordered_json match_json(const Matcher& m, const Answers& answers, const MatchOptions& options) {
  return match_result_to_json(match(m, answers, options));
}

}  // namespace tft::test
