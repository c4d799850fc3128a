// Helpers shared by the Catch2 tests: reading fixtures and the bundled data once.
#pragma once

#include <cstdint>
#include <string>

#include "core/loaders.h"
#include "core/matcher.h"

namespace tft::test {

std::string read_text(const std::string& path);     // aborts the test run if the file is missing
std::string data_path(const std::string& name);     // data/NAME
std::string fixture_path(const std::string& name);  // tests/fixtures/NAME

// The bundled data/ folder, loaded once per test run.
const Dataset& bundled_dataset();
const Directory& bundled_directory();
std::vector<Error> bundled_errors();  // every problem in data/, as the CLI's validate would find

// match() with its result as the JSON the CLI prints (match_result_to_json).
ordered_json match_json(const Matcher& m, const Answers& answers, std::size_t limit);
ordered_json match_json(const Matcher& m, const Answers& answers, const MatchOptions& options);

// How many generated answer sets a randomised test walks: all `n` natively, a third under the
// sanitizers (TFT_SANITIZED_BUILD), where each check runs ten times slower or more. The native run
// proves the results; the sanitized one looks for memory and undefined-behaviour faults, which
// the first sets already drive through the same loaders and matcher (README, "Testing").
constexpr int sets_to_walk(int n) {
#ifdef TFT_SANITIZED_BUILD
  return n / 3;
#else
  return n;
#endif
}

// A fixed pseudo-random sequence (xorshift64) for tests that compare with an oracle on many inputs.
struct Xorshift64 {
  std::uint64_t x = 0x9E3779B97F4A7C15u;
  std::uint64_t next() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1p-53; }  // [0, 1)
};

// Errors as the CLI prints them, one "FILE:PATH: message" line each, for comparing in tests.
std::vector<std::string> error_lines(const std::vector<Error>& errors);

}  // namespace tft::test
