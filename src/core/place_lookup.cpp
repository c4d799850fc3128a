#include "place_lookup.h"

#include <algorithm>

namespace tft {

namespace {

// How many places share `key` (a normal-form name); by_key keeps equal keys together.
std::size_t places_named(const PlaceIndex& index, const std::string& key) {
  auto first = std::lower_bound(index.by_key.begin(), index.by_key.end(), key,
                                [&](std::size_t i, const std::string& k) { return index.keys[i] < k; });
  std::size_t n = 0;
  for (; first != index.by_key.end() && index.keys[*first] == key; ++first) ++n;
  return n;
}

ordered_json place_json(const PlaceIndex& index, const Place& p) {
  return {{"name", p.name}, {"county", p.county}, {"region", p.region},
          {"lat", p.lat},   {"lon", p.lon},       {"label", place_label(index, p)}};
}

}  // namespace

std::string place_label(const PlaceIndex& index, const Place& place) {
  if (places_named(index, normalise_place_name(place.name)) < 2) return place.name;
  return place.name + ", " + (place.county.empty() ? place.region : place.county);
}

ordered_json places_json(const PlaceIndex& index, std::string_view prefix, std::size_t limit) {
  ordered_json list = ordered_json::array();
  for (const Place* p : places_with_prefix(index, prefix, std::min<std::size_t>(limit, 100)))
    list.push_back(place_json(index, *p));
  return {{"places", list}};
}

ordered_json resolve_place_json(const PlaceIndex& index, std::string_view text) {
  if (const Place* p = find_place(index, text)) return {{"place", place_json(index, *p)}};
  return {{"place", nullptr}, {"suggestions", suggest_places(index, text, 3)}};
}

}  // namespace tft
