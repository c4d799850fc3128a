#include "places.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "sort_order.h"
#include "text.h"
#include "trig.h"

namespace tft {

namespace {

bool by_population(const Place* a, const Place* b) {
  if (a->population != b->population) return a->population > b->population;
  if (a->name != b->name) return a->name < b->name;
  return a->region < b->region;
}

}  // namespace

std::string normalise_place_name(std::string_view name) {
  std::string flat;
  flat.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    const char32_t cp = next_code_point(name, i);
    if (cp == '\'' || cp == 0x2019 || cp == 0x2018) continue;  // Bo'ness, Bo’ness
    // Letters fold as everywhere in the core (text.h): Ŵ → w, æ → ae; anything else is a space.
    const std::string_view folded = fold_latin(cp);
    if (folded.empty() && (flat.empty() || flat.back() == ' ')) continue;
    flat += folded.empty() ? std::string_view(" ") : folded;
  }
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  // Word-level rewrite: "st" (from "St" or "St.") is "saint".
  std::string out;
  out.reserve(flat.size() + 8);
  std::size_t start = 0;
  while (start <= flat.size() && start < flat.size()) {
    std::size_t end = flat.find(' ', start);
    if (end == std::string::npos) end = flat.size();
    const std::string_view word(flat.data() + start, end - start);
    if (!out.empty()) out += ' ';
    out += word == "st" ? std::string_view("saint") : word;
    start = end + 1;
  }
  return out;
}

PlaceIndex build_place_index(const Places& places) {
  PlaceIndex index;
  index.places = &places;
  index.keys.reserve(places.places.size());
  for (const Place& p : places.places) index.keys.push_back(normalise_place_name(p.name));
  std::vector<std::uint32_t> order = row_numbers(places.places.size());
  sort_rows(order, [&](std::uint32_t a, std::uint32_t b) {
    if (index.keys[a] != index.keys[b]) return index.keys[a] < index.keys[b];
    return by_population(&places.places[a], &places.places[b]);
  });
  index.by_key.assign(order.begin(), order.end());
  return index;
}

const Place* find_place(const PlaceIndex& index, std::string_view query) {
  if (!index.places) return nullptr;
  std::string_view name = query, qualifier;
  const std::size_t comma = query.rfind(',');
  if (comma != std::string_view::npos) {
    name = query.substr(0, comma);
    qualifier = query.substr(comma + 1);
  }
  const std::string key = normalise_place_name(name);
  const std::string want = normalise_place_name(qualifier);
  if (key.empty()) return nullptr;
  auto it = std::lower_bound(index.by_key.begin(), index.by_key.end(), key,
                             [&](std::size_t i, const std::string& k) { return index.keys[i] < k; });
  // Entries with the same key are already in population order, so the first acceptable one wins.
  for (; it != index.by_key.end() && index.keys[*it] == key; ++it) {
    const Place& p = index.places->places[*it];
    if (want.empty() || normalise_place_name(p.county) == want || normalise_place_name(p.region) == want)
      return &p;
  }
  return nullptr;
}

std::vector<const Place*> places_with_prefix(const PlaceIndex& index, std::string_view prefix,
                                             std::size_t limit) {
  std::vector<const Place*> out;
  const std::string key = normalise_place_name(prefix);
  if (key.empty() || !index.places || limit == 0) return out;
  auto it = std::lower_bound(index.by_key.begin(), index.by_key.end(), key,
                             [&](std::size_t i, const std::string& k) { return index.keys[i] < k; });
  for (; it != index.by_key.end() && index.keys[*it].compare(0, key.size(), key) == 0; ++it)
    out.push_back(&index.places->places[*it]);
  const std::size_t keep = std::min(limit, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(), by_population);
  out.resize(keep);
  return out;
}

std::vector<std::string> suggest_places(const PlaceIndex& index, std::string_view query, std::size_t limit) {
  std::vector<std::string> out;
  std::string key = normalise_place_name(query.substr(0, std::min<std::size_t>(query.size(), 200)));
  if (key.empty() || !index.places || limit == 0) return out;
  const int bound = static_cast<int>(std::max<std::size_t>(2, key.size() / 3));
  struct Candidate {
    int distance;
    const Place* place;
  };
  std::vector<Candidate> found;
  for (std::size_t i = 0; i < index.keys.size(); ++i) {
    const int d = bounded_edit_distance(key, index.keys[i], bound);
    if (d <= bound) found.push_back({d, &index.places->places[i]});
  }
  sort_items(found, [](const Candidate& a, const Candidate& b) {
    return a.distance != b.distance ? a.distance < b.distance : by_population(a.place, b.place);
  });
  for (const Candidate& c : found) {
    if (out.size() == limit) break;
    if (std::find(out.begin(), out.end(), c.place->name) == out.end()) out.push_back(c.place->name);
  }
  return out;
}

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRadians, dlon = (lon2 - lon1) * kRadians;
  const double s1 = trig::sin(dlat / 2), s2 = trig::sin(dlon / 2);
  const double a = s1 * s1 + trig::cos(lat1 * kRadians) * trig::cos(lat2 * kRadians) * s2 * s2;
  return 2 * 6371.0 * trig::asin(std::min(1.0, std::sqrt(a)));
}

double round_km(double km) {
  return std::round(km * 10.0) / 10.0;
}

}  // namespace tft
