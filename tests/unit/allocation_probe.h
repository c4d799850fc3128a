// Counts the bytes the test binary holds through operator new (every std::string, vector, map and
// nlohmann value), and how many allocations it made, so a test can measure the peak a call needs
// or that it allocates nothing, not guess it from the code. The one replacement of the global
// operator new in the test binary. The
// counts are what malloc actually handed out (malloc_usable_size), bookkeeping aside.
#pragma once

#include <cstddef>

namespace tft::test {

// Bytes held right now.
std::size_t bytes_in_use();

// Calls to operator new since the binary started, whatever their size (so a test can show a call
// allocates nothing at all).
std::size_t allocations_made();

// Measures the peak held while it is alive, above what was held when it was created.
class PeakWatch {
 public:
  PeakWatch();
  std::size_t peak_above_start() const;

 private:
  std::size_t start_;
};

}  // namespace tft::test
