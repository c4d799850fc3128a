// The answers parser and the matcher: any bytes as a visitor's answers must give errors with a
// place, or a result, against the bundled sample directory.
#include "fuzz_support.h"

using namespace tft;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const MatchText result = match_text(fuzz::sample_matcher(), fuzz::as_text(data, size), 20);
  fuzz::check_errors(result.errors);
  fuzz::require(result.ok() != result.text.empty(), "either errors or a result, never both or neither");
  return 0;
}
