// Glossary search and the place box: any bytes as a query must give hits whose highlights lie
// inside the text they mark (JavaScript slices with them), and place suggestions for any prefix.
#include "core/place_lookup.h"
#include "core/search.h"
#include "core/serialize.h"
#include "core/text.h"
#include "fuzz_support.h"

using namespace tft;

namespace {
void check_highlights(const std::vector<Highlight>& ranges, const std::string& text) {
  const std::size_t length = utf16_length(text);
  for (const auto& [start, count] : ranges)
    fuzz::require(count > 0 && start + count <= length, "a highlight lies inside its text");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const SearchIndex index = build_search_index(fuzz::dataset());
  const std::string_view query = fuzz::as_text(data, size);
  const SearchResult result = search(index, query, 8);
  fuzz::require(result.hits.size() <= 8, "no more hits than asked for");
  for (const SearchHit& hit : result.hits) {
    check_highlights(hit.highlights, hit.snippet);
    check_highlights(hit.name_highlights, hit.name);
  }
  (void)to_text(search_result_to_json(result), false);
  (void)to_text(places_json(fuzz::sample_matcher().places, query, 10), false);
  (void)suggest_places(fuzz::sample_matcher().places, query, 3);
  return 0;
}
