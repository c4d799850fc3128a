// Native half of ./scripts/bench: in this one process, times
// - loading the JSON directory (shards given in order: parse, check, append, prepare the matcher),
//   when JSON shards are given;
// - loading the published directory PACKED_DIR (`tft pack`) from bytes already in memory, "once
//   fetched": the manifest, every matching file (verify, check, unpack), the matcher prepared; and
//   separately every profile file;
// - the memory-bandwidth floor: one pass summing the packed matching files as 64-bit words (the
//   least any matcher reading those bytes must spend; the minimum of 21 passes);
// - matching each answer set over the packed directory: RUNS timed runs after 3 untimed warm-ups,
//   --limit 20, the median per set, and the set's summary.passing.
// Prints one JSON object:
// {"therapists", "json": {"load_ms", "prepare_ms"} or null, "packed": {"load_ms", "prepare_ms",
//  "profiles_ms", "matching_bytes"}, "floor_ms": [min, median], "runs",
//  "sets": {ANSWERS_NAME: [median ms, min ms, passing]}}.
//
//   tft_bench DATA_DIR RUNS ANSWERS[,ANSWERS...] PACKED_DIR [JSON_SHARD...]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "core/loaders.h"
#include "core/matcher.h"
#include "core/partial_directory.h"
#include "core/published_directory.h"

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

int fail(const tft::Error& e) {
  std::cerr << tft::format_error(e) << "\n";
  return 1;
}

// The sum of `bytes` read as little-endian 64-bit words (the tail byte by byte): every byte read
// once, in order, with as little work per byte as the compiler can manage.
std::uint64_t sum_words(const std::string& bytes) {
  std::uint64_t sum = 0;
  const std::size_t words = bytes.size() / 8;
  for (std::size_t i = 0; i < words; ++i) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + 8 * i, 8);
    sum += w;
  }
  for (std::size_t i = 8 * words; i < bytes.size(); ++i) sum += static_cast<unsigned char>(bytes[i]);
  return sum;
}

// The JSON directory's load: returns false after printing the first error.
bool time_json_load(const tft::Dataset& data, char** shards, int count, double& load_ms, double& prepare_ms,
                    std::size_t& therapists) {
  tft::Directory directory;
  for (int i = 0; i < count; ++i) {
    const std::string text = read(shards[i]);
    const auto t0 = std::chrono::steady_clock::now();
    tft::DirectoryLoad load = tft::load_directory({shards[i], text}, data);
    tft::append_directory(directory, std::move(load.directory));
    load_ms += since(t0);
    if (!load.errors.empty()) {
      fail(load.errors[0]);
      return false;
    }
  }
  const auto t1 = std::chrono::steady_clock::now();
  const tft::Matcher matcher = tft::prepare_matcher(data, directory);
  prepare_ms = since(t1);
  therapists = directory.therapists.size();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: tft_bench DATA_DIR RUNS ANSWERS[,ANSWERS...] PACKED_DIR [JSON_SHARD...]\n";
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
  const std::string packed_dir = argv[4];
  std::vector<std::string> texts;
  for (const char* n : {"glossary", "concerns", "questionnaire", "crisis", "places-gb"})
    texts.push_back(read(data + "/" + n + ".json"));
  const tft::DatasetLoad dataset = tft::load_dataset({{"glossary.json", texts[0]},
                                                      {"concerns.json", texts[1]},
                                                      {"questionnaire.json", texts[2]},
                                                      {"crisis.json", texts[3]},
                                                      {"places-gb.json", texts[4]}});
  if (!dataset.ok()) return fail(dataset.errors[0]);

  // The JSON directory first, freed before the packed one is read, so at 1M the two never share memory.
  double json_load_ms = 0, json_prepare_ms = 0;
  std::size_t json_therapists = 0;
  if (argc > 5 &&
      !time_json_load(dataset.data, argv + 5, argc - 5, json_load_ms, json_prepare_ms, json_therapists))
    return 1;

  // The packed directory: every file read into memory before the clock starts ("once fetched").
  const std::string manifest_text = read(packed_dir + "/directory.json");
  tft::PartialDirectory published;
  auto t0 = std::chrono::steady_clock::now();
  auto errors = tft::open_manifest(published, {"directory.json", manifest_text});
  double packed_load_ms = since(t0);
  if (!errors.empty()) return fail(errors[0]);
  std::vector<std::string> matching;
  std::size_t matching_bytes = 0;
  for (const auto& shard : published.manifest.shards) {
    matching.push_back(read(packed_dir + "/" + shard.matching.file));
    matching_bytes += matching.back().size();
  }
  t0 = std::chrono::steady_clock::now();
  for (std::size_t s = 0; s < matching.size(); ++s) {
    errors = tft::add_shard(published, s, matching[s], dataset.data);
    if (!errors.empty()) return fail(errors[0]);
  }
  packed_load_ms += since(t0);
  t0 = std::chrono::steady_clock::now();
  const tft::Matcher matcher = tft::prepare_matcher(dataset.data, published.directory);
  const double packed_prepare_ms = since(t0);
  double profiles_ms = 0;
  for (std::size_t s = 0; s < published.manifest.shards.size(); ++s) {
    const auto& files = published.manifest.shards[s].profiles;
    for (std::size_t f = 0; f < files.size(); ++f) {
      const std::string bytes = read(packed_dir + "/" + files[f].file.file);
      t0 = std::chrono::steady_clock::now();
      errors = tft::add_profiles(published, {s, f}, bytes);
      profiles_ms += since(t0);
      if (!errors.empty()) return fail(errors[0]);
    }
  }

  std::vector<double> floor_times;
  std::uint64_t checksum = 0;
  for (int pass = 0; pass < 21; ++pass) {
    t0 = std::chrono::steady_clock::now();
    for (const auto& bytes : matching) checksum += sum_words(bytes);
    floor_times.push_back(since(t0));
  }

  std::printf("{\"therapists\":%zu,\"json\":", published.directory.size());
  if (json_therapists)
    std::printf("{\"therapists\":%zu,\"load_ms\":%.1f,\"prepare_ms\":%.1f}", json_therapists, json_load_ms,
                json_prepare_ms);
  else
    std::printf("null");
  std::printf(
      ",\"packed\":{\"load_ms\":%.2f,\"prepare_ms\":%.2f,\"profiles_ms\":%.1f,\"matching_bytes\":%zu},"
      "\"floor_ms\":[%.4f,%.4f],\"checksum\":%llu,\"runs\":%d,\"sets\":{",
      packed_load_ms, packed_prepare_ms, profiles_ms, matching_bytes,
      *std::min_element(floor_times.begin(), floor_times.end()), median(floor_times),
      static_cast<unsigned long long>(checksum % 1000), runs);
  tft::MatchOptions options;
  options.limit = 20;
  for (std::size_t k = 0; k < answer_files.size(); ++k) {
    const std::string answers = read(answer_files[k]);
    std::vector<double> times;
    tft::MatchText out;
    for (int w = 0; w < 3; ++w)
      out = tft::match_partial_text(matcher, published, answers,
                                    options);  // warm caches, as WASM warms its JIT
    if (!out.ok()) return fail(out.errors[0]);
    for (int r = 0; r < runs; ++r) {
      t0 = std::chrono::steady_clock::now();
      out = tft::match_partial_text(matcher, published, answers, options);
      times.push_back(since(t0));
    }
    const auto summary = tft::ordered_json::parse(out.text).at("summary");
    const std::string name = answer_files[k].substr(answer_files[k].find_last_of('/') + 1);
    // Median as the headline; the minimum too, since a shared machine adds long random pauses.
    std::printf("%s\"%s\":[%.3f,%.3f,%lld]", k ? "," : "", name.c_str(), median(times),
                *std::min_element(times.begin(), times.end()), summary.at("passing").get<long long>());
  }
  std::printf("}}\n");
  return 0;
}
