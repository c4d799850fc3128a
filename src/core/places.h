// Looking up UK places from the bundled list (data/places-gb.json) without any network request:
// exact look-up of what a visitor typed, prefix look-up for the place box as they type, "did you
// mean" suggestions for a name we do not know, and straight-line distances.
//
// Names are compared in a normal form: letters folded as everywhere in the core (text.h: lower
// case, accents dropped, ŵ → w, é → e, æ → ae), apostrophes
// dropped (Bo'ness = Bo’ness = Boness), other punctuation and hyphens read as spaces, and "St"/"St."
// read as "saint" (St Albans = Saint Albans). Several places share a name (Newport is in Wales, on
// the Isle of Wight and in Shropshire): a bare name means the most populous one, and "Newport,
// Isle of Wight" or "Newport, England" picks by county or nation after the last comma.
//
// Cost: build_place_index is O(n log n) in the number of places (1,636 bundled: well under 1 ms);
// find_place and places_with_prefix are O(log n + matches); suggest_places is O(n · len²) with
// short names (about 0.2 ms for the bundled list). Beyond the result, a call allocates only the
// normal form of what was typed; the edit distance works in fixed arrays on the stack.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace tft {

// The normal form described above; also used by tests to state what counts as the same name.
std::string normalise_place_name(std::string_view name);

struct PlaceIndex {
  const Places* places = nullptr;   // not owned; must outlive the index
  std::vector<std::string> keys;    // normal form of places->places[i].name
  std::vector<std::size_t> by_key;  // indices sorted by key, then population (largest first), name
};

PlaceIndex build_place_index(const Places& places);

// The place `query` names, or nullptr. `query` may end in ", COUNTY" or ", NATION" to choose
// among places of the same name; an unknown qualifier is no match (so a typo is not silently
// resolved to the wrong Newport).
const Place* find_place(const PlaceIndex& index, std::string_view query);

// Places whose normal-form name starts with the normal form of `prefix`, most populous first
// (ties by name, region), at most `limit`. An empty prefix gives nothing.
std::vector<const Place*> places_with_prefix(const PlaceIndex& index, std::string_view prefix,
                                             std::size_t limit);

// Up to `limit` distinct known names closest to `query` by edit distance (a transposition counts
// as one edit), nearest first, then most populous. Only names within max(2, length/3) edits.
std::vector<std::string> suggest_places(const PlaceIndex& index, std::string_view query, std::size_t limit);

// Great-circle distance in kilometres (haversine, mean Earth radius 6371 km).
double haversine_km(double lat1, double lon1, double lat2, double lon2);

// Distances as shown and compared: rounded to 0.1 km, so tiny libm differences between native and
// WebAssembly builds cannot change a printed byte or which side of a limit a therapist falls.
double round_km(double km);

}  // namespace tft
