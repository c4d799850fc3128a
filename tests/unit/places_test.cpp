#include <catch2/catch.hpp>

#include "core/place_lookup.h"
#include "core/places.h"
#include "test_support.h"

using namespace tft;

namespace {
const PlaceIndex& bundled_places() {
  static const PlaceIndex index = build_place_index(test::bundled_dataset().places);
  return index;
}
}  // namespace

TEST_CASE("place names compare without case, accents, apostrophes or the St/Saint difference", "[places]") {
  CHECK(normalise_place_name("St Albans") == normalise_place_name("saint albans"));
  CHECK(normalise_place_name("St. Albans") == "saint albans");
  CHECK(normalise_place_name("Bo’ness") == normalise_place_name("Bo'ness"));
  CHECK(normalise_place_name("Bo'ness") == "boness");
  CHECK(normalise_place_name("Stoke-on-Trent") == "stoke on trent");
  CHECK(normalise_place_name("  Ynys   Môn ") == "ynys mon");
  CHECK(normalise_place_name("Stone") == "stone");  // "st" only as a whole word
}

TEST_CASE("a typed place is found whatever its case, accents or Saint spelling", "[places]") {
  const PlaceIndex& index = bundled_places();
  const Place* leeds = find_place(index, "LEEDS");
  REQUIRE(leeds);
  CHECK(leeds->name == "Leeds");
  const Place* albans = find_place(index, "Saint Albans");
  REQUIRE(albans);
  CHECK(albans->name == "St Albans");
  CHECK(find_place(index, "Narnia") == nullptr);
  CHECK(find_place(index, "") == nullptr);
}

TEST_CASE("an ambiguous name means the most populous place unless a county or nation is given", "[places]") {
  const PlaceIndex& index = bundled_places();
  const Place* bare = find_place(index, "Newport");
  REQUIRE(bare);
  CHECK(bare->region == "Wales");
  const Place* wight = find_place(index, "Newport, Isle of Wight");
  REQUIRE(wight);
  CHECK(wight->county == "Isle of Wight");
  const Place* england = find_place(index, "newport, england");
  REQUIRE(england);
  CHECK(england->region == "England");
  CHECK(england->county == "Isle of Wight");  // the larger of the two English Newports
  CHECK(find_place(index, "Newport, Narnia") == nullptr);
}

TEST_CASE("the place box lists places starting with what was typed, largest first", "[places]") {
  const PlaceIndex& index = bundled_places();
  const auto lee = places_with_prefix(index, "lee", 5);
  REQUIRE(!lee.empty());
  CHECK(lee.size() <= 5);
  CHECK(lee[0]->name == "Leeds");
  for (const Place* p : lee) CHECK(normalise_place_name(p->name).rfind("lee", 0) == 0);
  for (std::size_t i = 1; i < lee.size(); ++i) CHECK(lee[i - 1]->population >= lee[i]->population);
  CHECK(places_with_prefix(index, "", 5).empty());
  CHECK(places_with_prefix(index, "lee", 0).empty());
  CHECK(places_with_prefix(index, "zzzz", 5).empty());
  const auto saint = places_with_prefix(index, "Saint Al", 3);
  REQUIRE(saint.size() == 1);
  CHECK(saint[0]->name == "St Albans");
}

TEST_CASE("a misspelt place gets the nearest known names as suggestions", "[places]") {
  const PlaceIndex& index = bundled_places();
  const auto leds = suggest_places(index, "Leds", 3);
  REQUIRE(!leds.empty());
  CHECK(leds[0] == "Leeds");
  const auto manc = suggest_places(index, "Manchestr", 3);
  REQUIRE(!manc.empty());
  CHECK(manc[0] == "Manchester");
  const auto swapped = suggest_places(index, "Yrok", 3);  // a transposition counts as one edit
  REQUIRE(!swapped.empty());
  CHECK(swapped[0] == "York");
  CHECK(suggest_places(index, "qqqqqqqqqqqqqqqqqq", 3).empty());
  CHECK(suggest_places(index, std::string(100000, 'x'), 3).empty());  // long input stays cheap
}

TEST_CASE("haversine distances match known UK distances and round to 0.1 km", "[places]") {
  CHECK(haversine_km(53.8, -1.55, 53.8, -1.55) == 0.0);
  // Leeds to York is about 35 km; London to Edinburgh about 534 km, as the crow flies.
  CHECK(haversine_km(53.7965, -1.5478, 53.9576, -1.0827) == Approx(34.9).margin(1.0));
  CHECK(haversine_km(51.5074, -0.1278, 55.9533, -3.1883) == Approx(534).margin(3.0));
  CHECK(round_km(4.249) == 4.2);
  CHECK(round_km(4.25001) == 4.3);
}

TEST_CASE("a place's label names its county only when another place shares the name, and reads back to it",
          "[places]") {
  const PlaceIndex& index = bundled_places();
  const Place* leeds = find_place(index, "Leeds");
  REQUIRE(leeds);
  CHECK(place_label(index, *leeds) == "Leeds");
  const Place* wight = find_place(index, "Newport, Isle of Wight");
  REQUIRE(wight);
  CHECK(place_label(index, *wight) == "Newport, Isle of Wight");
  for (const Place* p : places_with_prefix(index, "newport", 20)) {
    if (p->name != "Newport") continue;
    CHECK(find_place(index, place_label(index, *p)) == p);
  }
}

TEST_CASE("the place box's JSON: suggestions with labels, and what typed text names", "[places]") {
  const PlaceIndex& index = bundled_places();
  const ordered_json found = resolve_place_json(index, "st. albans");
  CHECK(found["place"]["name"] == "St Albans");
  CHECK(found["place"]["label"] == "St Albans");
  CHECK_FALSE(found.contains("suggestions"));
  const ordered_json miss = resolve_place_json(index, "Manchestr");
  CHECK(miss["place"].is_null());
  CHECK(miss["suggestions"][0] == "Manchester");
  const ordered_json listed = places_json(index, "aberys", 8);
  REQUIRE(listed["places"].size() == 1);
  CHECK(listed["places"][0]["label"] == "Aberystwyth");
  CHECK(places_json(index, "", 8)["places"].empty());
}
