#include "nations.h"

#include "places.h"

namespace tft {

namespace {

struct NationName {
  const char* id;
  const char* name;
};

constexpr NationName kNations[] = {{"england", "England"},
                                   {"wales", "Wales"},
                                   {"scotland", "Scotland"},
                                   {"northern-ireland", "Northern Ireland"}};

}  // namespace

const std::vector<std::string>& nation_ids() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> out;
    for (const auto& n : kNations) out.emplace_back(n.id);
    return out;
  }();
  return v;
}

const std::set<std::string>& nation_id_set() {
  static const std::set<std::string> s(nation_ids().begin(), nation_ids().end());
  return s;
}

std::string nation_name(std::string_view id) {
  for (const auto& n : kNations)
    if (id == n.id) return n.name;
  return "";
}

std::string nation_for_region(std::string_view region) {
  for (const auto& n : kNations)
    if (region == n.name) return n.id;
  return "";
}

std::string nation_near(const Places& places, double lat, double lon) {
  const Place* best = nullptr;
  double best_km = 0;
  for (const Place& p : places.places) {
    const double km = haversine_km(lat, lon, p.lat, p.lon);
    // Strictly nearer wins, so of two places at the same distance the first in list order does.
    if (km <= kNationSearchKm && (!best || km < best_km)) {
      best_km = km;
      best = &p;
    }
  }
  return best ? best->nation : "";
}

}  // namespace tft
