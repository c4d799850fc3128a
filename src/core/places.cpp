#include "places.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tft {

namespace {

// ASCII base letters for U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A), which cover
// the accents in UK place names (Welsh ŵ ŷ â, Irish á, and names typed with foreign keyboards).
// Generated with Python's unicodedata NFKD; × and ÷ read as spaces.
constexpr std::string_view kLatinBase =
    "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuytyaaaaaaccccccccddddeeeeeeeeeeggggggg"
    "ghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Decodes one UTF-8 code point at s[i], advancing i; malformed bytes come back as U+FFFD.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  std::uint32_t cp = c & (0x3Fu >> extra);
  for (; extra > 0; --extra) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3Fu);
  }
  return cp;
}

// Optimal string alignment distance (Damerau–Levenshtein where a transposition costs one), with
// an early exit once every cell of a row exceeds `bound`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > bound) return bound + 1;
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > bound) return bound + 1;
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}

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
    const std::uint32_t cp = next_code_point(name, i);
    char c = ' ';
    if (cp == '\'' || cp == 0x2019 || cp == 0x2018) continue;  // Bo'ness, Bo’ness
    if (cp < 0x80) {
      const char a = static_cast<char>(cp);
      if (a >= 'A' && a <= 'Z')
        c = static_cast<char>(a - 'A' + 'a');
      else if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))
        c = a;
    } else if (cp >= 0xC0 && cp < 0x180) {
      c = kLatinBase[cp - 0xC0];
    }
    if (c == ' ' && (flat.empty() || flat.back() == ' ')) continue;
    flat += c;
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
  index.by_key.resize(places.places.size());
  for (std::size_t i = 0; i < index.by_key.size(); ++i) index.by_key[i] = i;
  std::sort(index.by_key.begin(), index.by_key.end(), [&](std::size_t a, std::size_t b) {
    if (index.keys[a] != index.keys[b]) return index.keys[a] < index.keys[b];
    return by_population(&places.places[a], &places.places[b]);
  });
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
  const std::size_t bound = std::max<std::size_t>(2, key.size() / 3);
  struct Candidate {
    std::size_t distance;
    const Place* place;
  };
  std::vector<Candidate> found;
  for (std::size_t i = 0; i < index.keys.size(); ++i) {
    const std::size_t d = edit_distance(key, index.keys[i], bound);
    if (d <= bound) found.push_back({d, &index.places->places[i]});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
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
  const double s1 = std::sin(dlat / 2), s2 = std::sin(dlon / 2);
  const double a = s1 * s1 + std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * s2 * s2;
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

double round_km(double km) {
  return std::round(km * 10.0) / 10.0;
}

}  // namespace tft
