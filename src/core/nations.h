// The four UK nations (docs/safety.md). Each runs its own NHS, so the urgent mental health line, the
// free talking-therapy route and the domestic abuse helpline differ by nation (docs/safety.md).
// Places carry their nation; a visitor's nation comes from the place they chose or, for
// coordinates, from the nearest bundled place (nation_near below).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace tft {

// "england", "wales", "scotland", "northern-ireland", in the order lists and groups show them.
const std::vector<std::string>& nation_ids();
const std::set<std::string>& nation_id_set();

// The name a visitor reads ("Northern Ireland"), or "" for an unknown id.
std::string nation_name(std::string_view id);

// The nation id for a place's region ("Northern Ireland" → "northern-ireland"), or "".
std::string nation_for_region(std::string_view region);

// How far the nearest bundled place may be for coordinates to count as being in its nation. The
// bundled list has a town of 5,000 people or more every few kilometres across the UK, so a point
// further than this from all of them is at sea or outside the UK: its nation is unknown.
inline constexpr double kNationSearchKm = 50.0;

// The nation of the place nearest (lat, lon), or "" when none is within kNationSearchKm. Near a
// border this is the nearest town's nation, which may be the other side of it: a visitor there is
// shown that nation's routes and can still see every nation's on the crisis page.
// Cost: one pass over the places (1,636 bundled: about 20 µs).
std::string nation_near(const Places& places, double lat, double lon);

}  // namespace tft
