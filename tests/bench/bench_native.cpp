// Native half of ./scripts/bench: loads the data folder and a directory (shards given in order),
// then times loading and matching in this one process. Prints one JSON object:
// {"therapists", "load_ms", "prepare_ms", "match_ms": {ANSWERS_NAME: median ms}, "runs"}.
//
//   tft_bench DATA_DIR RUNS ANSWERS_FILE[,ANSWERS_FILE...] SHARD [SHARD...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "core/loaders.h"
#include "core/matcher.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: tft_bench DATA_DIR RUNS ANSWERS[,ANSWERS...] SHARD [SHARD...]\n";
    return 2;
  }
  const std::string data = argv[1];
  const int runs = std::max(1, std::atoi(argv[2]));
  std::vector<std::string> answer_files;
  for (std::string list = argv[3]; !list.empty();) {
    const auto comma = list.find(',');
    answer_files.push_back(list.substr(0, comma));
    list = comma == std::string::npos ? "" : list.substr(comma + 1);
  }
  std::vector<std::string> texts;
  for (const char* n : {"glossary", "concerns", "questionnaire", "crisis", "places-gb"})
    texts.push_back(read(data + "/" + n + ".json"));
  const tft::DatasetLoad dataset = tft::load_dataset({{"glossary.json", texts[0]},
                                                      {"concerns.json", texts[1]},
                                                      {"questionnaire.json", texts[2]},
                                                      {"crisis.json", texts[3]},
                                                      {"places-gb.json", texts[4]}});
  if (!dataset.ok()) {
    std::cerr << tft::format_error(dataset.errors[0]) << "\n";
    return 1;
  }
  // Load as the site would: read each shard's text, load it, append it; then prepare the matcher.
  tft::Directory directory;
  double load_ms = 0;
  for (int i = 4; i < argc; ++i) {
    const std::string text = read(argv[i]);
    const auto t0 = std::chrono::steady_clock::now();
    tft::DirectoryLoad load = tft::load_directory({argv[i], text}, dataset.data);
    tft::append_directory(directory, std::move(load.directory));
    load_ms += since(t0);
    if (!load.errors.empty()) {
      std::cerr << tft::format_error(load.errors[0]) << "\n";
      return 1;
    }
  }
  const auto t1 = std::chrono::steady_clock::now();
  const tft::Matcher matcher = tft::prepare_matcher(dataset.data, directory);
  const double prepare_ms = since(t1);
  std::printf("{\"therapists\":%zu,\"load_ms\":%.1f,\"prepare_ms\":%.1f,\"runs\":%d,\"match_ms\":{",
              directory.therapists.size(), load_ms, prepare_ms, runs);
  for (std::size_t k = 0; k < answer_files.size(); ++k) {
    const std::string answers = read(answer_files[k]);
    std::vector<double> times;
    std::size_t bytes = 0;
    for (int w = 0; w < 3; ++w)
      (void)tft::match_text(matcher, answers, 20);  // warm caches, as WASM warms its JIT
    for (int r = 0; r < runs; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      const tft::MatchText out = tft::match_text(matcher, answers, 20);
      times.push_back(since(t0));
      bytes = out.text.size();
      if (!out.ok()) {
        std::cerr << tft::format_error(out.errors[0]) << "\n";
        return 1;
      }
    }
    std::string name = answer_files[k].substr(answer_files[k].find_last_of('/') + 1);
    // Median as the headline; the minimum too, since a shared machine adds long random pauses.
    std::printf("%s\"%s\":[%.2f,%.2f]", k ? "," : "", name.c_str(), median(times),
                *std::min_element(times.begin(), times.end()));
    (void)bytes;
  }
  std::printf("}}\n");
  return 0;
}
