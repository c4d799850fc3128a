// What the place box on the site asks of the bundled places list, as JSON for the page (through
// src/wasm/bindings.cpp): suggestions while the visitor types, and the place a typed text names.
// The page keeps no place list of its own, so the box, the answers and the matcher can never
// disagree about what a name means.
//
// Every place carries a `label`: the text the box shows once it is chosen and the answers carry.
// It is the bare name, or "Name, County" when another place has the same name (there are several
// Newports), so find_place reads every label back to the same place.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "places.h"
#include "serialize.h"

namespace tft {

// The bare name, or "Name, County" (else "Name, Region") when another place shares the name.
std::string place_label(const PlaceIndex& index, const Place& place);

// `{"places": [{name, county, region, lat, lon, label}]}` for a typed prefix, most populous first,
// at most min(limit, 100).
ordered_json places_json(const PlaceIndex& index, std::string_view prefix, std::size_t limit);

// `{"place": {name, county, region, lat, lon, label}}` for the place `text` names (as find_place
// reads it), or `{"place": null, "suggestions": [up to 3 known names]}` for one we do not know.
ordered_json resolve_place_json(const PlaceIndex& index, std::string_view text);

}  // namespace tft
