// The packed directory (docs/directory-format.md): pack -> load gives back exactly the directory the
// JSON loader gives, matching it prints the same bytes, the visitor's shards hold every therapist
// that matters to their result, and damaged files are errors that name the byte, never a crash.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "core/answers.h"
#include "core/matcher.h"
#include "core/packed_directory.h"
#include "core/partial_directory.h"
#include "core/published_directory.h"
#include "core/sha256.h"
#include "core/vocabulary.h"
#include "test_support.h"

using namespace tft;

namespace {

std::map<std::string, std::string> files_of(const PackResult& p) {
  std::map<std::string, std::string> out;
  for (const auto& f : p.files) out[f.name] = f.bytes;
  return out;
}

// Every therapist as the JSON the CLI prints for it, by id: equal text means equal fields, in order.
std::map<std::string, std::string> by_id(const Directory& d) {
  std::map<std::string, std::string> out;
  for (const auto& t : d.therapists) out[t.id] = to_text(therapist_to_json(t), false);
  return out;
}

void require_round_trip(const Directory& original, const PackOptions& options) {
  const PackResult packed = pack_directory(original, options);
  for (const auto& e : packed.errors) INFO(format_error(e));
  REQUIRE(packed.ok());
  const DirectoryLoad back =
      load_packed_directory(packed.manifest, files_of(packed), test::bundled_dataset());
  for (const auto& e : back.errors) INFO(format_error(e));
  REQUIRE(back.ok());
  CHECK(back.directory.fictional == original.fictional);
  CHECK(back.directory.notice == original.notice);
  REQUIRE(back.directory.therapists.size() == original.therapists.size());
  const auto want = by_id(original), got = by_id(back.directory);
  for (const auto& [id, text] : want) {
    INFO(id);
    REQUIRE(got.count(id));
    CHECK(got.at(id) == text);
  }
  // The manifest survives its own JSON.
  const std::string text = to_text(manifest_to_json(packed.manifest), true);
  const ManifestLoad reread = parse_manifest({"directory.json", text});
  for (const auto& e : reread.errors) INFO(format_error(e));
  REQUIRE(reread.ok());
  CHECK(to_text(manifest_to_json(reread.manifest), true) == text);
}

template <typename T>
const T& pick(std::mt19937& rng, const std::vector<T>& list) {
  return list[rng() % list.size()];
}

template <typename T>
std::vector<T> distinct(std::mt19937& rng, const std::vector<T>& list, std::size_t lo, std::size_t hi) {
  std::vector<T> pool = list;
  std::shuffle(pool.begin(), pool.end(), rng);
  const std::size_t n = std::min(pool.size(), lo + rng() % (hi - lo + 1));
  return {pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(n)};
}

// Random therapists that the JSON loader would accept, reaching every limit of the format: 40
// concerns, 12 approaches, 20 languages, 10 locations, empty and full optional fields, non-ASCII text
// (but no invisible characters such as a soft hyphen: text fields refuse those, docs/security.md),
// coordinates with six decimals at the UK's corners.
Directory generated_directory(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  const Dataset& data = test::bundled_dataset();
  std::vector<std::string> concerns, approaches;
  for (const auto& c : data.concerns) concerns.push_back(c.id);
  for (const auto& a : approach_slugs(data)) approaches.push_back(a);
  const std::vector<std::string> formats{"in-person", "video", "phone", "text"},
      clients{"individuals", "couples", "families"}, slots{"weekday-daytime", "weekday-evening", "weekend"},
      genders{"female", "male", "non-binary", "undisclosed"},
      places{"Leeds", "Ynys Môn", "Saint Helier ", "Derry~Londonderry", "Pen-y-bont ar Ogwr"};
  std::vector<std::string> languages, identity(identity_tags().begin(), identity_tags().end()),
      bodies(registration_bodies().begin(), registration_bodies().end());
  for (char a = 'a'; a <= 'z'; a += 3)
    for (char b = 'a'; b <= 'z'; b += 5) languages.push_back({a, b});
  Directory d;
  d.fictional = seed % 2 == 0;
  d.notice = seed % 3 ? "Generated for a test; nobody here is real." : "";
  for (std::size_t i = 0; i < n; ++i) {
    Therapist t;
    t.id = "g-" + std::to_string(seed) + "-" + std::to_string(i);
    t.name = i % 7 ? "Therapist " + std::to_string(i) : "Siân Ó Dálaigh-Øster 🌱";
    t.pronouns = i % 3 ? "" : "they/them";
    t.gender = pick(rng, genders);
    const std::size_t regs = 1 + rng() % 8;
    for (std::size_t k = 0; k < regs; ++k)
      t.registrations.push_back(
          {pick(rng, bodies), "accredited member", "FICTIONAL-" + std::to_string(rng() % 100000),
           "2026-0" + std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10)});
    t.approaches = distinct(rng, approaches, 1, 12);
    t.concerns = distinct(rng, concerns, 1, i % 5 ? 6 : 40);
    t.clients = distinct(rng, clients, 1, 3);
    t.age_min = static_cast<int>(rng() % 60);
    t.age_max = t.age_min + static_cast<int>(rng() % static_cast<unsigned>(121 - t.age_min));
    t.formats = distinct(rng, formats, 1, 4);
    const bool in_person = std::find(t.formats.begin(), t.formats.end(), "in-person") != t.formats.end();
    const std::size_t locs = in_person ? 1 + rng() % (i % 4 ? 2 : 10) : rng() % 2;
    for (std::size_t k = 0; k < locs; ++k) {
      // Whole millionths divided once, as a parser reads "53.123456".
      const double lat = static_cast<double>(49000000 + static_cast<int>(rng() % 12500001)) / 1e6;
      const double lon = static_cast<double>(-8700000 + static_cast<int>(rng() % 10700001)) / 1e6;
      t.locations.push_back({pick(rng, places), lat, lon});
    }
    t.languages = distinct(rng, languages, 1, i % 6 ? 2 : 20);
    t.fee_min = static_cast<int>(rng() % 1001);
    t.fee_max = t.fee_min + static_cast<int>(rng() % static_cast<unsigned>(1001 - t.fee_min));
    t.concessions = rng() % 2;
    t.low_cost_places = rng() % 2;
    t.availability = distinct(rng, slots, 1, 3);
    t.identity = distinct(rng, identity, 0, i % 2 ? 0 : 5);
    t.accepting_new = rng() % 5 != 0;
    t.bio = i % 4 ? "" : "First line.\nSecond line, with “quotes” & <angle brackets>.";
    // Contact details in each combination the format allows (at least one), and every waiting code.
    const std::size_t ways = 1 + i % 7;  // bits: email, phone, website
    if (ways & 1) t.contact.email = "g" + std::to_string(i) + "@example.org";
    if (ways & 2)
      t.contact.phone = i % 2 ? "0113 496 0" + std::to_string(100 + i % 900) : "+44 (0)7700 900123";
    if (ways & 4) t.contact.website = "https://g" + std::to_string(i) + ".example.org/about?from=tft";
    t.waiting = std::vector<std::string>{"", "none", "weeks", "months"}[i % 4];
    t.updated = std::to_string(2020 + i % 8) + "-" + (i % 12 < 9 ? "0" : "") + std::to_string(1 + i % 12) +
                "-" + (i % 28 < 9 ? "0" : "") + std::to_string(1 + i % 28);
    d.therapists.push_back(std::move(t));
  }
  return d;
}

std::string small_matching_file() {
  const Directory& d = test::bundled_directory();
  return pack_matching({&d.therapists[0], &d.therapists[1]});
}

std::string check_error(const std::string& bytes) {
  const MatchingCheck c = check_matching("shard.match.bin", bytes);
  return c.ok() ? "" : format_error(c.errors[0]);
}

void put32(std::string& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
std::uint32_t get32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return v;
}

const PlaceIndex& place_index() {
  static const PlaceIndex index = build_place_index(test::bundled_dataset().places);
  return index;
}

// Answers that stress place and format: any place in the places list, distances from 1 to 300 km.
std::string generated_answers(std::mt19937& rng) {
  const auto& places = test::bundled_dataset().places.places;
  const std::vector<std::vector<std::string>> formats{
      {"in-person"}, {"video"}, {"in-person", "video"}, {"phone", "text"}, {"in-person", "phone"}};
  const auto& f = pick(rng, formats);
  json a{{"who", rng() % 5 ? "myself" : "couple"}, {"format", f}};
  if (a["who"] == "myself" && rng() % 2) a["age"] = 18 + rng() % 60;
  const bool in_person = f[0] == "in-person";
  if (in_person || rng() % 3 == 0) {
    const Place& p = places[rng() % places.size()];
    a["location"] = {{"lat", p.lat}, {"lon", p.lon}};
    a["max_distance_km"] = 1 + rng() % 300;
  }
  if (rng() % 2) a["budget"] = {{"max_per_session", 30 + rng() % 60}};
  if (rng() % 3 == 0)
    a["concerns"] = {pick(rng, std::vector<std::string>{"anxiety", "ocd", "grief-loss", "relationships"})};
  if (rng() % 3 == 0) {
    a["therapist_gender"] = "female";
    a["must_have"] = {"therapist_gender"};
  }
  return a.dump();
}

Answers parsed(const std::string& text) {
  AnswersParse p = parse_answers(text, test::bundled_dataset(), place_index());
  INFO(text);
  REQUIRE(p.ok());
  return p.answers;
}

}  // namespace

TEST_CASE("SHA-256 gives the FIPS 180-4 test vectors", "[packed]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("the checksum is zlib's CRC-32, skipping bytes 12-15", "[packed]") {
  CHECK(packed_checksum("123456789") == 0xCBF43926u);  // the standard check value
  std::string a = "0123456789abXXXXcdef", b = "0123456789abYYYYcdef";
  CHECK(packed_checksum(a) == packed_checksum(b));
  b[18] = 'E';
  CHECK(packed_checksum(a) != packed_checksum(b));
}

TEST_CASE("pack then load gives back the sample directory exactly", "[packed]") {
  require_round_trip(test::bundled_directory(), PackOptions{});
  // Many small shards and profile files: every boundary between them is crossed.
  require_round_trip(test::bundled_directory(), PackOptions{40, 5, 7});
}

TEST_CASE("pack then load gives back generated directories exactly, at every limit of the format",
          "[packed]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    require_round_trip(generated_directory(300, seed), PackOptions{120, 30, 17});
  }
}

TEST_CASE("packing is deterministic and splits by remote formats, place and size", "[packed]") {
  const PackOptions options{60, 5, 9};
  const PackResult a = pack_directory(test::bundled_directory(), options);
  const PackResult b = pack_directory(test::bundled_directory(), options);
  REQUIRE(a.ok());
  REQUIRE(a.files.size() == b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) CHECK(a.files[i].bytes == b.files[i].bytes);

  std::map<std::string, const Therapist*> therapists;
  for (const auto& t : test::bundled_directory().therapists) therapists[t.id] = &t;
  const auto files = files_of(a);
  std::size_t total = 0;
  for (const ShardEntry& s : a.manifest.shards) {
    INFO(s.name);
    CHECK(s.therapists <= (s.remote ? options.shard_size : options.region_size));
    for (const auto& p : s.profiles) CHECK(p.therapists <= options.profile_size);
    const MatchingCheck check = check_matching(s.matching.file, files.at(s.matching.file));
    REQUIRE(check.ok());
    MatchingCursor cursor(check.view);
    while (!cursor.done()) {
      const Therapist& t = *therapists.at(std::string(cursor.next().id));
      const bool remote = std::any_of(t.formats.begin(), t.formats.end(),
                                      [](const std::string& f) { return f != "in-person"; });
      CHECK(remote == s.remote);
      // Every in-person location lies inside the shard's bounds.
      if (!remote)
        for (const auto& l : t.locations) {
          REQUIRE(s.bounds);
          CHECK((l.lat >= s.bounds->south && l.lat <= s.bounds->north && l.lon >= s.bounds->west &&
                 l.lon <= s.bounds->east));
        }
      ++total;
    }
  }
  CHECK(total == test::bundled_directory().therapists.size());
}

TEST_CASE("matching a packed directory prints the same bytes as matching the JSON", "[packed]") {
  const PackResult packed = pack_directory(test::bundled_directory(), PackOptions{50, 6, 11});
  REQUIRE(packed.ok());
  const DirectoryLoad back =
      load_packed_directory(packed.manifest, files_of(packed), test::bundled_dataset());
  REQUIRE(back.ok());
  const Matcher json_matcher = prepare_matcher(test::bundled_dataset(), test::bundled_directory());
  const Matcher packed_matcher = prepare_matcher(test::bundled_dataset(), back.directory);
  std::mt19937 rng(14);
  for (int i = 0; i < 150; ++i) {
    const std::string answers = generated_answers(rng);
    INFO(answers);
    const MatchText a = match_text(json_matcher, answers, i % 3 ? 20 : 0);
    const MatchText b = match_text(packed_matcher, answers, i % 3 ? 20 : 0);
    REQUIRE(a.ok());
    CHECK(a.text == b.text);
  }
}

TEST_CASE("the visitor's shards hold every therapist their result depends on", "[packed]") {
  const PackResult packed = pack_directory(test::bundled_directory(), PackOptions{50, 4, 11});
  REQUIRE(packed.ok());
  const Manifest& m = packed.manifest;
  const auto files = files_of(packed);
  const Matcher everyone = prepare_matcher(test::bundled_dataset(), test::bundled_directory());
  std::mt19937 rng(1414);
  std::size_t skipped_some = 0;
  const int sets = test::sets_to_walk(200);
  for (int i = 0; i < sets; ++i) {
    const std::string text = generated_answers(rng);
    INFO(text);
    const Answers a = parsed(text);
    const auto picked = shards_for(m, a);
    // Every remote shard, always; a region shard only when the visitor may meet in person.
    for (std::size_t s = 0; s < m.shards.size(); ++s) {
      const bool in = std::find(picked.begin(), picked.end(), s) != picked.end();
      if (m.shards[s].remote) CHECK(in);
      if (!a.accepts("in-person")) CHECK((m.shards[s].remote || !in));
    }
    Manifest subset = m;
    subset.shards.clear();
    for (const auto s : picked) subset.shards.push_back(m.shards[s]);
    skipped_some += subset.shards.size() < m.shards.size();
    const DirectoryLoad part = load_packed_directory(subset, files, test::bundled_dataset());
    REQUIRE(part.ok());
    const Matcher some = prepare_matcher(test::bundled_dataset(), part.directory);
    const ordered_json full = test::match_json(everyone, a, 0), mine = test::match_json(some, a, 0);
    CHECK(mine["matches"] == full["matches"]);
    CHECK(mine["approaches"] == full["approaches"]);
    CHECK(mine["suggestions"] == full["suggestions"]);
  }
  // The test must exercise skipping, not only loading everything.
  CHECK(skipped_some > static_cast<std::size_t>(sets / 4));
}

TEST_CASE("the distance to a shard's bounds is the distance to its nearest point", "[packed]") {
  // Oracle: the smallest distance to a fine grid over the box's edges (the nearest point of a box
  // seen from outside lies on an edge).
  std::mt19937 rng(99);
  auto r = [&](unsigned n) { return static_cast<double>(rng() % n); };
  for (int i = 0; i < 300; ++i) {
    const double south = 49.5 + r(1000) / 100.0, west = -8 + r(800) / 100.0;
    const Bounds box{south, west, south + r(300) / 100.0, west + r(400) / 100.0};
    const double lat = 49 + r(1250) / 100.0, lon = -8.7 + r(1070) / 100.0;
    double best = 1e9;
    const int steps = 400;
    for (int k = 0; k <= steps; ++k) {
      const double f = static_cast<double>(k) / steps;
      const double la = box.south + f * (box.north - box.south), lo = box.west + f * (box.east - box.west);
      best = std::min({best, haversine_km(lat, lon, la, box.west), haversine_km(lat, lon, la, box.east),
                       haversine_km(lat, lon, box.south, lo), haversine_km(lat, lon, box.north, lo)});
    }
    const bool inside = lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east;
    const double d = distance_to_bounds_km(lat, lon, box);
    INFO(lat << "," << lon << " box " << box.south << "," << box.west << " " << box.north << "," << box.east);
    if (inside)
      CHECK(d == 0);
    else {
      CHECK(d <= best + 1e-6);
      CHECK(d >= best - 1.0);  // the grid is about 1 km fine
    }
  }
}

TEST_CASE("a truncated matching file is an error at every length, never a crash", "[packed][corrupt]") {
  const std::string good = small_matching_file();
  REQUIRE(check_error(good).empty());
  for (std::size_t n = 0; n < good.size(); ++n) {
    INFO("length " << n);
    const std::string e = check_error(good.substr(0, n));
    CHECK(e.rfind("shard.match.bin:byte ", 0) == 0);
  }
  CHECK(check_error(good.substr(0, 20)) ==
        "shard.match.bin:byte 20: the file is 20 bytes, shorter than the 32-byte header: it is "
        "truncated or not a packed directory file");
  CHECK(check_error(good.substr(0, good.size() - 1)).find("byte 8: the header says the file is") !=
        std::string::npos);
}

TEST_CASE("a flip of any single byte of a small file is an error", "[packed][corrupt]") {
  const std::string good = small_matching_file();
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (const unsigned mask : {0x01u, 0x80u, 0xFFu}) {
      std::string bad = good;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      INFO("byte " << i << " xor " << int(mask));
      CHECK_FALSE(check_error(bad).empty());
    }
  }
  const Directory& d = test::bundled_directory();
  const std::string profiles = pack_profiles({&d.therapists[0]}, 0, 0);
  REQUIRE(read_profiles("p.bin", profiles).ok());
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    std::string bad = profiles;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    INFO("byte " << i);
    CHECK_FALSE(read_profiles("p.bin", bad).ok());
  }
}

TEST_CASE("damage behind a correct checksum is still found, by the structure checks", "[packed][corrupt]") {
  const std::string good = small_matching_file();
  auto sealed = [](std::string b) {
    seal_packed(b);
    return b;
  };
  std::string v = good;
  v[4] = 2;
  CHECK(check_error(sealed(v)) ==
        "shard.match.bin:byte 4: format version 2 is not supported (this build reads version 1); re-pack the "
        "directory "
        "with this version of tft pack");
  std::string m = good;
  m[0] = 'X';
  CHECK(check_error(m).find("byte 0: not a packed matching file") != std::string::npos);
  CHECK(check_error(good.substr(0, 12) + "\x01\x02\x03\x04" + good.substr(16))
            .find("byte 12: checksum mismatch") != std::string::npos);

  // Offsets in the section table that point elsewhere, sizes that run past the end.
  for (std::size_t section = 0; section < 6; ++section) {
    const std::size_t entry = 32 + 8 * section;
    std::string off = good;
    put32(off, entry, get32(good, entry) + 1);
    CHECK(check_error(sealed(off)) == "shard.match.bin:byte " + std::to_string(entry) + ": section " +
                                          std::to_string(section) + " should start at byte " +
                                          std::to_string(get32(good, entry)) + ", not " +
                                          std::to_string(get32(good, entry) + 1));
    std::string size = good;
    put32(size, entry + 4, 0x7FFFFFF0u);
    CHECK_FALSE(check_error(sealed(size)).empty());
  }
  std::string count = good;
  put32(count, 16, 3);
  CHECK(check_error(sealed(count)).find("byte 16: the header counts 3 therapists") != std::string::npos);
  std::string huge = good;
  put32(huge, 16, 0xFFFFFFFFu);
  CHECK_FALSE(check_error(sealed(huge)).empty());

  // Every byte after the header changed to every value, checksum recomputed: each result is either
  // an error or a file whose rows all read back, and nothing reads out of bounds (run under ASan).
  std::size_t rejected = 0, accepted = 0;
  for (std::size_t i = 32; i < good.size(); ++i)
    for (unsigned value : {0u, 1u, 2u, 40u, 41u, 120u, 121u, 255u}) {
      std::string b = good;
      b[i] = static_cast<char>(value);
      b = sealed(b);
      const MatchingCheck c = check_matching("x", b);
      if (!c.ok()) {
        ++rejected;
        continue;
      }
      ++accepted;
      MatchingCursor cursor(c.view);
      while (!cursor.done()) {
        const PackedRow r = cursor.next();
        const Therapist t = unpack_therapist(c.view, r, nullptr);
        CHECK(!t.id.empty());
      }
    }
  CHECK(rejected > accepted);
}

TEST_CASE("a profile file must belong to its shard and hold the rows the manifest says",
          "[packed][corrupt]") {
  PackResult packed = pack_directory(test::bundled_directory(), PackOptions{});
  REQUIRE(packed.ok());
  auto files = files_of(packed);
  // Swap the two shards' first profile files (and fix the manifest's sizes and digests to match).
  ShardEntry &a = packed.manifest.shards[0], &b = packed.manifest.shards[1];
  std::swap(files[a.profiles[0].file.file], files[b.profiles[0].file.file]);
  std::swap(a.profiles[0].file.bytes, b.profiles[0].file.bytes);
  std::swap(a.profiles[0].file.sha256, b.profiles[0].file.sha256);
  const DirectoryLoad load = load_packed_directory(packed.manifest, files, test::bundled_dataset());
  REQUIRE_FALSE(load.ok());
  CHECK(format_error(load.errors[0]) == a.profiles[0].file.file + ":byte 20: does not hold rows 0-" +
                                            std::to_string(a.profiles[0].therapists) + " of " +
                                            a.matching.file);
}

TEST_CASE("the manifest's sizes and digests are checked before a file is read", "[packed][corrupt]") {
  const PackResult packed = pack_directory(test::bundled_directory(), PackOptions{});
  auto files = files_of(packed);
  const std::string name = packed.manifest.shards[0].matching.file;
  files[name][100] = static_cast<char>(files[name][100] ^ 1);
  DirectoryLoad load = load_packed_directory(packed.manifest, files, test::bundled_dataset());
  REQUIRE_FALSE(load.ok());
  CHECK(format_error(load.errors[0]) ==
        name +
            ":$: its SHA-256 does not match the manifest: the file is damaged or from another publication");
  files[name].pop_back();
  load = load_packed_directory(packed.manifest, files, test::bundled_dataset());
  CHECK(format_error(load.errors[0]).find(name + ":$: is ") == 0);
  files.erase(name);
  load = load_packed_directory(packed.manifest, files, test::bundled_dataset());
  CHECK(format_error(load.errors[0]) == name + ":$: is listed in the manifest but was not read");
}

TEST_CASE("a broken manifest gives errors naming the field", "[packed][corrupt]") {
  const PackResult packed = pack_directory(test::bundled_directory(), PackOptions{});
  json j = json::parse(to_text(manifest_to_json(packed.manifest), false));
  auto errors_of = [](const json& m) {
    std::vector<std::string> out;
    for (const auto& e : parse_manifest({"directory.json", m.dump()}).errors) out.push_back(format_error(e));
    return out;
  };
  json bad = j;
  bad["version"] = 2;
  CHECK(errors_of(bad) ==
        std::vector<std::string>{
            "directory.json:$.version: version 2 is not supported (this build reads version 1)"});
  bad = j;
  bad["shards"][0]["matching"]["file"] = "../secret";
  CHECK(errors_of(bad) ==
        std::vector<std::string>{"directory.json:$.shards[0].matching.file: must be a plain file name "
                                 "(lower-case letters, digits, '.', '-', '_')"});
  bad = j;
  bad["shards"][1]["matching"]["sha256"] = "ABC";
  CHECK(errors_of(bad) ==
        std::vector<std::string>{
            "directory.json:$.shards[1].matching.sha256: must be 64 lower-case hexadecimal digits"});
  bad = j;
  bad["therapists"] = 241;
  CHECK(errors_of(bad) ==
        std::vector<std::string>{"directory.json:$.therapists: is 241 but the shards hold 240"});
  bad = j;
  bad["shards"][1]["profiles"][0]["first"] = 1;
  CHECK(errors_of(bad).at(0) ==
        "directory.json:$.shards[1].profiles[0].first: should be 0: profile files cover the shard's rows in "
        "order");
  bad = j;
  bad["shards"][1].erase("bounds");
  CHECK(errors_of(bad) ==
        std::vector<std::string>{"directory.json:$.shards[1].bounds: is required for a region shard"});
  bad = j;
  bad["format"] = "something-else";
  CHECK(errors_of(bad).at(0).find("directory.json:$.format: expected") == 0);
}

TEST_CASE("pack refuses what it cannot hold exactly, and repeated ids", "[packed]") {
  Directory d;
  d.therapists = {test::bundled_directory().therapists[0], test::bundled_directory().therapists[1]};
  d.therapists[1].id = d.therapists[0].id;
  PackResult p = pack_directory(d, PackOptions{});
  REQUIRE(p.errors.size() == 1);
  CHECK(format_error(p.errors[0]) ==
        "directory:$.therapists[1].id: repeats id \"" + d.therapists[0].id + "\"");
  d.therapists[1].id = "t-other";
  REQUIRE_FALSE(d.therapists[0].locations.empty());
  d.therapists[0].locations[0].lat = 53.1234567;
  p = pack_directory(d, PackOptions{});
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message.find("has more than six decimals") != std::string::npos);
  CHECK(p.files.empty());
}

TEST_CASE("profile files carry contact details and are checked as the JSON loader checks them",
          "[packed][corrupt]") {
  Directory d = generated_directory(3, 9);
  d.therapists[1].contact = {"", "", "http://insecure.example.org"};
  const PackResult packed = pack_directory(d, PackOptions{});
  REQUIRE(packed.ok());
  const DirectoryLoad load =
      load_packed_directory(packed.manifest, files_of(packed), test::bundled_dataset());
  REQUIRE_FALSE(load.ok());
  CHECK(format_error(load.errors[0])
            .find("a contact detail: must start with https:// (a secure address), not http://") !=
        std::string::npos);
  d.therapists[1].contact = {};
  const PackResult none = pack_directory(d, PackOptions{});
  REQUIRE(none.ok());
  const DirectoryLoad empty = load_packed_directory(none.manifest, files_of(none), test::bundled_dataset());
  REQUIRE_FALSE(empty.ok());
  CHECK(format_error(empty.errors[0]).find("needs at least one of email, phone or website") !=
        std::string::npos);
}

// ------------------------------------------------------------------------------------ shard by shard

namespace {

// A fixed reference day: by default it is the newest "updated" date of what is loaded, which for a
// partial directory need not be the whole directory's (the page always passes the visitor's day).
MatchOptions fixed_day(std::size_t limit) {
  MatchOptions options;
  options.limit = limit;
  options.today = "2026-11-30";
  return options;
}

// A partial directory of `packed`, with every shard the answers need and then the profile files of
// the matches shown, as the web worker loads them. Returns the result text it prints.
std::string match_as_worker(PartialDirectory& d, const std::map<std::string, std::string>& files,
                            const std::string& text, std::size_t limit) {
  const Answers a = parsed(text);
  for (const auto s : shards_to_load(d, a)) {
    const auto errors =
        add_shard(d, s, files.at(d.manifest.shards[s].matching.file), test::bundled_dataset());
    REQUIRE(errors.empty());
  }
  Matcher m = prepare_matcher(test::bundled_dataset(), d.directory);
  std::vector<std::string> ids;
  const ordered_json first = test::match_json(m, a, fixed_day(limit));
  for (const auto& item : first["matches"]) ids.push_back(item["id"].get<std::string>());
  for (const auto& ref : profile_files_for(d, ids)) {
    const auto errors =
        add_profiles(d, ref, files.at(d.manifest.shards[ref.shard].profiles[ref.file].file.file));
    REQUIRE(errors.empty());
  }
  CHECK(profile_files_for(d, ids).empty());
  const MatchText out = match_partial_text(m, d, text, fixed_day(limit));
  REQUIRE(out.ok());
  return out.text;
}

PartialDirectory opened(const Manifest& m) {
  PartialDirectory d;
  REQUIRE(open_manifest(d, {"directory.json", to_text(manifest_to_json(m), true)}).empty());
  return d;
}

}  // namespace

TEST_CASE("packed shards matched from their bytes give the JSON's entries and results, at every limit",
          "[packed][partial]") {
  // The matcher reads packed rows without unpacking them (packed_rows.h): every code table, id
  // rank and place name it derives must give what the unpacked JSON directory gives.
  for (unsigned seed : {4u, 5u}) {
    INFO("seed " << seed);
    const Directory json = generated_directory(300, seed);
    const PackResult packed = pack_directory(json, PackOptions{120, 30, 17});
    REQUIRE(packed.ok());
    const auto files = files_of(packed);
    PartialDirectory d = opened(packed.manifest);
    for (std::size_t s = 0; s < packed.manifest.shards.size(); ++s) {
      REQUIRE(add_shard(d, s, files.at(packed.manifest.shards[s].matching.file), test::bundled_dataset())
                  .empty());
      for (std::size_t f = 0; f < packed.manifest.shards[s].profiles.size(); ++f)
        REQUIRE(add_profiles(d, {s, f}, files.at(packed.manifest.shards[s].profiles[f].file.file)).empty());
    }
    REQUIRE(d.directory.size() == json.therapists.size());
    for (const Therapist& t : json.therapists) {
      const auto i = find_loaded(d, t.id);
      REQUIRE(i);
      CHECK(therapist_to_json(packed_entry(d.directory, *i)) == therapist_to_json(t));
    }
    const Matcher from_bytes = prepare_matcher(test::bundled_dataset(), d.directory);
    const Matcher from_json = prepare_matcher(test::bundled_dataset(), json);
    std::mt19937 rng(seed);
    for (int k = 0; k < 40; ++k) {
      const std::string text = generated_answers(rng);
      INFO(text);
      const Answers a = parsed(text);
      CHECK(test::match_json(from_bytes, a, fixed_day(k % 2 ? 20 : 0)) ==
            test::match_json(from_json, a, fixed_day(k % 2 ? 20 : 0)));
    }
  }
}

TEST_CASE("a directory loaded shard by shard, as the worker loads it, gives the whole directory's result",
          "[packed][partial]") {
  const PackResult packed = pack_directory(test::bundled_directory(), PackOptions{50, 4, 11});
  REQUIRE(packed.ok());
  const auto files = files_of(packed);
  const Matcher everyone = prepare_matcher(test::bundled_dataset(), test::bundled_directory());
  std::mt19937 rng(2026);
  std::size_t partial_runs = 0, profile_files_skipped = 0;
  const int sets = test::sets_to_walk(120);
  for (int i = 0; i < sets; ++i) {
    const std::string text = generated_answers(rng);
    INFO(text);
    const Answers a = parsed(text);
    const std::size_t limit = i % 4 ? 20 : 0;
    PartialDirectory d = opened(packed.manifest);
    const ordered_json mine = ordered_json::parse(match_as_worker(d, files, text, limit));
    const ordered_json full = test::match_json(everyone, a, fixed_day(limit));
    // Everything but the excluded counts is the whole directory's, card text included.
    ordered_json mine_rest = mine, full_rest = full;
    mine_rest.erase("excluded"), full_rest.erase("excluded");
    CHECK(mine_rest == full_rest);
    // The excluded total still counts the whole directory, and its parts add up.
    std::uint64_t not_read = 0;
    for (std::size_t s = 0; s < d.shards.size(); ++s)
      if (!d.shards[s].loaded) not_read += packed.manifest.shards[s].therapists;
    CHECK(mine["excluded"]["total"] == full["excluded"]["total"]);
    std::uint64_t by_sum = 0;
    for (const auto& [key, n] : mine["excluded"]["by"].items()) by_sum += n.get<std::uint64_t>();
    CHECK(by_sum == mine["excluded"]["total"].get<std::uint64_t>());
    if (not_read) {
      ++partial_runs;
      CHECK(mine["excluded"]["not_loaded"] == not_read);
      // All of them are out of reach: counted under the filter that rules out their whole shard.
      const std::string filter = a.accepts("in-person") ? "distance" : "format";
      CHECK(mine["excluded"]["by"][filter].get<std::uint64_t>() >= not_read);
      CHECK_FALSE(mine["excluded"]["by"].contains("unreadable"));
    } else {
      CHECK(mine == full);
    }
    // Only the profile files of the matches shown were read.
    for (std::size_t s = 0; s < d.shards.size(); ++s)
      for (const bool loaded : d.shards[s].profiles_loaded) profile_files_skipped += !loaded;
  }
  CHECK(partial_runs > static_cast<std::size_t>(sets / 3));
  CHECK(profile_files_skipped > static_cast<std::size_t>(sets * 25 / 3));
}

TEST_CASE("a damaged or repeated shard is refused whole and counted as unreadable",
          "[packed][partial][corrupt]") {
  const PackResult packed = pack_directory(test::bundled_directory(), PackOptions{50, 4, 11});
  REQUIRE(packed.ok());
  const auto files = files_of(packed);
  PartialDirectory d = opened(packed.manifest);
  const std::string& name = packed.manifest.shards[0].matching.file;
  std::string bad = files.at(name);
  bad[bad.size() / 2] ^= 0x20;
  auto errors = add_shard(d, 0, bad, test::bundled_dataset());
  REQUIRE(errors.size() == 1);
  CHECK(format_error(errors[0]) ==
        name +
            ":$: its SHA-256 does not match the manifest: the file is damaged or from another publication");
  CHECK(d.directory.size() == 0);
  CHECK_FALSE(d.shards[0].loaded);

  // The visitor's answers need shard 0 (remote shards are always needed): its therapists are unreadable.
  const Answers video = parsed(R"({"who": "myself", "format": ["video"]})");
  const NotLoaded n = count_not_loaded(d, video);
  CHECK(n.unreadable >= packed.manifest.shards[0].therapists);
  ordered_json result = {{"excluded", {{"total", 3}, {"by", {{"budget", 3}}}}}};
  add_not_loaded(result, n);
  CHECK(result["excluded"]["total"] == 3 + n.therapists + n.unreadable);
  CHECK(result["excluded"]["by"]["unreadable"] == n.unreadable);
  CHECK(result["excluded"]["by"]["budget"] == 3);

  // The right bytes load; a second copy is refused; profiles must come from their own shard.
  REQUIRE(add_shard(d, 0, files.at(name), test::bundled_dataset()).empty());
  CHECK(d.directory.size() == packed.manifest.shards[0].therapists);
  errors = add_shard(d, 0, files.at(name), test::bundled_dataset());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "is already loaded");
  const auto& p0 = packed.manifest.shards[0].profiles;
  REQUIRE(p0.size() >= 2);
  errors = add_profiles(d, {0, 0}, files.at(p0[1].file.file));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == p0[0].file.file);
  CHECK(packed_entry(d.directory, 0).name.empty());
  errors = add_profiles(d, {1, 0}, files.at(packed.manifest.shards[1].profiles[0].file.file));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("which is not loaded") != std::string::npos);

  // A shard whose ids another loaded shard already holds (two publications mixed) is refused.
  const PackResult other = pack_directory(test::bundled_directory(), PackOptions{60, 5, 9});
  REQUIRE(other.ok());
  Manifest mixed = packed.manifest;
  ShardEntry copy = other.manifest.shards[0];
  copy.name = "copy-01";
  copy.matching.file = "copy-01.match.bin";
  for (auto& p : copy.profiles) p.file.file = "copy-" + p.file.file;
  mixed.shards.push_back(copy);
  mixed.therapists += copy.therapists;
  PartialDirectory m = opened(mixed);
  for (std::size_t s = 0; s < packed.manifest.shards.size(); ++s)
    REQUIRE(
        add_shard(m, s, files.at(packed.manifest.shards[s].matching.file), test::bundled_dataset()).empty());
  const std::size_t before = m.directory.size();
  errors = add_shard(m, mixed.shards.size() - 1, files_of(other).at(other.manifest.shards[0].matching.file),
                     test::bundled_dataset());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "copy-01.match.bin");
  CHECK(errors[0].message.find("from another shard") != std::string::npos);
  CHECK(m.directory.size() == before);
  CHECK_FALSE(m.shards.back().loaded);
  // The id index is as before the refused shard: every loaded id at its row, nothing else.
  for (std::size_t i = 0; i < m.directory.size(); ++i) CHECK(find_loaded(m, m.directory.ids[i]) == i);
  CHECK_FALSE(find_loaded(m, "no-such-id"));
}

TEST_CASE("a digest handed in (the worker's crypto.subtle) is held to the manifest as the core's own is",
          "[packed][partial][corrupt]") {
  const PackResult packed = pack_directory(test::bundled_directory(), PackOptions{50, 4, 11});
  REQUIRE(packed.ok());
  const auto files = files_of(packed);
  const std::string& name = packed.manifest.shards[0].matching.file;
  const std::string& bytes = files.at(name);
  const std::string sha_message =
      name + ":$: its SHA-256 does not match the manifest: the file is damaged or from another publication";
  PartialDirectory d = opened(packed.manifest);

  // A digest that is not the manifest's refuses the file, even when the bytes themselves are right.
  std::string wrong = sha256_hex(bytes);
  wrong[10] = wrong[10] == '0' ? '1' : '0';
  for (const std::string& digest : {wrong, sha256_hex(bytes + "x"), std::string("not a digest"),
                                    packed.manifest.shards[0].matching.sha256.substr(0, 63)}) {
    const auto errors = add_shard(d, 0, bytes, test::bundled_dataset(), digest);
    REQUIRE(errors.size() == 1);
    CHECK(format_error(errors[0]) == sha_message);
    CHECK(d.directory.size() == 0);
  }
  // Damaged bytes with a digest of them: refused, as when the core hashes them.
  std::string bad = bytes;
  bad[bad.size() / 2] ^= 0x20;
  auto errors = add_shard(d, 0, bad, test::bundled_dataset(), sha256_hex(bad));
  REQUIRE(errors.size() == 1);
  CHECK(format_error(errors[0]) == sha_message);
  // A caller that vouches for damaged bytes with the manifest's own digest is still caught: the
  // file's CRC-32 and structure checks run whatever the digest.
  errors = add_shard(d, 0, bad, test::bundled_dataset(), packed.manifest.shards[0].matching.sha256);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == name);
  CHECK(errors[0].message.find("checksum mismatch") == 0);
  CHECK_FALSE(d.shards[0].loaded);

  // The right digest of the right bytes loads, and the profile files are held to theirs too.
  REQUIRE(add_shard(d, 0, bytes, test::bundled_dataset(), sha256_hex(bytes)).empty());
  CHECK(d.directory.size() == packed.manifest.shards[0].therapists);
  const std::string& profile = files.at(packed.manifest.shards[0].profiles[0].file.file);
  errors = add_profiles(d, {0, 0}, profile, wrong);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("its SHA-256 does not match the manifest") == 0);
  REQUIRE(add_profiles(d, {0, 0}, profile, sha256_hex(profile)).empty());
  CHECK_FALSE(packed_entry(d.directory, 0).name.empty());
}
