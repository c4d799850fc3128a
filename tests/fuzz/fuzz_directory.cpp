// The directory loader, then the matcher over whatever it loaded: any bytes as a directory file
// must give errors with a place, keep only entries that pass every rule, and match without
// crashing.
#include <set>

#include "fuzz_support.h"

using namespace tft;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Dataset& d = fuzz::dataset();
  const DirectoryLoad load =
      load_directory({"fuzz.json", fuzz::as_text(data, size)}, d, &fuzz::sample_directory());
  fuzz::check_errors(load.errors);
  // Loaded as a further shard of the sample, so no id may repeat one already loaded.
  std::set<std::string> ids;
  for (const Therapist& t : fuzz::sample_directory().therapists) ids.insert(t.id);
  for (const Therapist& t : load.directory.therapists) {
    fuzz::require(!t.id.empty() && !t.name.empty(), "a loaded therapist has an id and a name");
    fuzz::require(t.fee_min <= t.fee_max && t.age_min <= t.age_max,
                  "a loaded therapist's ranges are in order");
    fuzz::require(ids.insert(t.id).second, "no id is loaded twice");
  }
  const Matcher m = prepare_matcher(d, load.directory);
  static const char* answers[] = {
      R"({"who":"myself","age":30,"concerns":["anxiety"],"format":["video","in-person"],"location":{"place":"Leeds"},"safety":{"risk":"none"}})",
      R"({"who":"couple","format":["in-person"],"location":{"lat":51.5,"lon":-0.12},"budget":{"max_per_session":40},"must_have":["budget"]})",
  };
  for (const char* a : answers) {
    const MatchText result = match_text(m, a, 0);
    fuzz::require(result.ok(), "fixed answers match any loaded directory");
  }
  return 0;
}
