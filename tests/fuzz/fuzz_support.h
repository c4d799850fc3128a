// Shared by the libFuzzer targets in this folder (scripts/fuzz runs them, docs/security.md says
// how): the bundled data loaded once, and the checks every target makes of what the core returned.
// A failed check aborts, which libFuzzer reports as a crash with the input that caused it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/loaders.h"
#include "core/matcher.h"

namespace tft::fuzz {

// data/ and its sample directory, loaded once; aborts if the bundled data has errors.
const Dataset& dataset();
const Directory& sample_directory();
const Matcher& sample_matcher();

std::string_view as_text(const std::uint8_t* data, std::size_t size);

// Aborts with `what` on stderr unless `ok`.
void require(bool ok, const char* what);

// Every error names a place ("$..."), and its line is short and printable whatever the input.
void check_errors(const std::vector<Error>& errors);

}  // namespace tft::fuzz
