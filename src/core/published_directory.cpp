#include "published_directory.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "json_input.h"
#include "matcher.h"
#include "packed_directory.h"
#include "places.h"
#include "sha256.h"
#include "sort_order.h"
#include "trig.h"
#include "vocabulary.h"

namespace tft {

namespace {

constexpr double kPi = 3.14159265358979323846;

// ------------------------------------------------------------------------------------ packing

bool offers_in_person(const Therapist& t) {
  return std::find(t.formats.begin(), t.formats.end(), "in-person") != t.formats.end();
}
bool offers_remote(const Therapist& t) {
  for (const auto& f : t.formats)
    if (f != "in-person") return true;
  return false;
}

// Splits `items` (therapist indexes) by place until each part holds at most `max`: the wider side
// (north-south or east-west, in km) of the parts' first locations is cut at the median, ties broken
// by id. Parts come out in place order, so neighbours end up in the same part. Therapists without
// a location keep their order at the front, in parts of their own.
void split_by_place(const std::vector<Therapist>& all, const std::vector<std::uint32_t>& items,
                    std::size_t max, std::vector<std::vector<std::uint32_t>>& parts) {
  max = std::max<std::size_t>(max, 1);
  std::vector<std::uint32_t> placed, unplaced;
  for (const auto i : items) (all[i].locations.empty() ? unplaced : placed).push_back(i);
  for (std::size_t b = 0; b < unplaced.size(); b += max)
    parts.emplace_back(unplaced.begin() + static_cast<std::ptrdiff_t>(b),
                       unplaced.begin() + static_cast<std::ptrdiff_t>(std::min(unplaced.size(), b + max)));
  struct Step {
    std::size_t begin, end;
  };
  // Depth first, left part first, so parts are emitted in place order.
  std::vector<Step> stack{{0, placed.size()}};
  while (!stack.empty()) {
    const Step s = stack.back();
    stack.pop_back();
    if (s.end - s.begin <= max) {
      if (s.end > s.begin)
        parts.emplace_back(placed.begin() + static_cast<std::ptrdiff_t>(s.begin),
                           placed.begin() + static_cast<std::ptrdiff_t>(s.end));
      continue;
    }
    double south = 90, north = -90, west = 180, east = -180;
    for (std::size_t k = s.begin; k < s.end; ++k) {
      const Location& l = all[placed[k]].locations[0];
      south = std::min(south, l.lat), north = std::max(north, l.lat);
      west = std::min(west, l.lon), east = std::max(east, l.lon);
    }
    const bool by_lat = (north - south) >= (east - west) * trig::cos((south + north) / 2 * kPi / 180);
    const auto by_place = [&](std::uint32_t x, std::uint32_t y) {
      const Location &a = all[x].locations[0], &b = all[y].locations[0];
      const double ka = by_lat ? a.lat : a.lon, kb = by_lat ? b.lat : b.lon;
      return ka != kb ? ka < kb : all[x].id < all[y].id;
    };
    sort_rows(placed.data() + s.begin, placed.data() + s.end, by_place);
    const std::size_t mid = s.begin + (s.end - s.begin) / 2;
    stack.push_back({mid, s.end});
    stack.push_back({s.begin, mid});
  }
}

std::optional<Bounds> in_person_bounds(const std::vector<const Therapist*>& list) {
  std::optional<Bounds> b;
  for (const Therapist* t : list) {
    if (!offers_in_person(*t)) continue;
    for (const auto& l : t->locations) {
      if (!b) b = Bounds{l.lat, l.lon, l.lat, l.lon};
      b->south = std::min(b->south, l.lat), b->north = std::max(b->north, l.lat);
      b->west = std::min(b->west, l.lon), b->east = std::max(b->east, l.lon);
    }
  }
  return b;
}

std::string numbered(const std::string& stem, std::size_t n, std::size_t of) {
  std::string digits = std::to_string(n);
  const std::size_t width = std::max<std::size_t>(2, std::to_string(of).size());
  return stem + std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

std::uint32_t stored_checksum(const std::string& bytes) {
  std::uint32_t c = 0;
  for (int i = 3; i >= 0; --i)
    c = c << 8 | static_cast<unsigned char>(bytes[12 + static_cast<std::size_t>(i)]);
  return c;
}

PublishedFile published(const std::string& name, const std::string& bytes) {
  return {name, bytes.size(), sha256_hex(bytes)};
}

// ------------------------------------------------------------------------------------ manifest reading

bool is_plain_file_name(const std::string& s) {
  if (s.empty() || s.size() > 100 || s[0] == '.') return false;
  for (const char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

bool is_hex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (const char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::optional<PublishedFile> read_file_entry(ObjectReader& r, std::set<std::string>& names) {
  PublishedFile f;
  const auto file = r.text("file", Need::required, 100);
  if (file && !is_plain_file_name(*file))
    r.diagnostics().add(r.field_path("file"),
                        "must be a plain file name (lower-case letters, digits, '.', '-', '_')");
  else if (file && !names.insert(*file).second)
    r.diagnostics().add(r.field_path("file"), "names " + quote_for_message(*file) + " a second time");
  const auto bytes = r.integer("bytes", Need::required, 1, 0xFFFFFFFFLL);
  const auto sha = r.text("sha256", Need::required, 64);
  if (sha && !is_hex64(*sha))
    r.diagnostics().add(r.field_path("sha256"), "must be 64 lower-case hexadecimal digits");
  if (!file || !bytes || !sha) return std::nullopt;
  f.file = *file;
  f.bytes = static_cast<std::uint64_t>(*bytes);
  f.sha256 = *sha;
  return f;
}

}  // namespace

// ------------------------------------------------------------------------------------ public

PackResult pack_directory(const Directory& directory, const PackOptions& options) {
  PackResult out;
  const auto& all = directory.therapists;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string path = index_path("$.therapists", i);
    if (!ids.insert(all[i].id).second)
      out.errors.push_back({"directory", path + ".id", "repeats id " + quote_for_message(all[i].id)});
    const std::string problem = packable_problem(all[i]);
    if (!problem.empty()) out.errors.push_back({"directory", path, problem});
  }
  if (!out.ok()) return out;

  std::vector<std::uint32_t> remote, region;
  for (std::uint32_t i = 0; i < all.size(); ++i) (offers_remote(all[i]) ? remote : region).push_back(i);
  std::vector<std::vector<std::uint32_t>> remote_parts, region_parts;
  split_by_place(all, remote, options.shard_size, remote_parts);
  split_by_place(all, region, options.region_size, region_parts);

  Manifest& m = out.manifest;
  m.fictional = directory.fictional;
  m.notice = directory.notice;
  m.therapists = all.size();
  auto add_shard = [&](const std::vector<std::uint32_t>& members, bool is_remote, const std::string& name) {
    // Within the shard, order by place again at profile-file size: each profile file is one part.
    std::vector<std::vector<std::uint32_t>> pages;
    split_by_place(all, members, options.profile_size, pages);
    std::vector<const Therapist*> rows;
    for (const auto& page : pages)
      for (const auto i : page) rows.push_back(&all[i]);
    ShardEntry s;
    s.name = name;
    s.remote = is_remote;
    s.therapists = static_cast<std::uint32_t>(rows.size());
    s.bounds = in_person_bounds(rows);
    std::string matching = pack_matching(rows);
    const std::uint32_t checksum = stored_checksum(matching);
    s.matching = published(name + ".match.bin", matching);
    out.files.push_back({s.matching.file, std::move(matching)});
    std::uint32_t first = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const std::vector<const Therapist*> page(
          rows.begin() + first, rows.begin() + first + static_cast<std::ptrdiff_t>(pages[p].size()));
      std::string bytes = pack_profiles(page, first, checksum);
      ProfileFileEntry entry{published(numbered(name + ".profiles-", p + 1, pages.size()) + ".bin", bytes),
                             first, static_cast<std::uint32_t>(page.size())};
      out.files.push_back({entry.file.file, std::move(bytes)});
      s.profiles.push_back(std::move(entry));
      first += static_cast<std::uint32_t>(page.size());
    }
    m.shards.push_back(std::move(s));
  };
  for (std::size_t k = 0; k < remote_parts.size(); ++k)
    add_shard(remote_parts[k], true, numbered("remote-", k + 1, remote_parts.size()));
  for (std::size_t k = 0; k < region_parts.size(); ++k)
    add_shard(region_parts[k], false, numbered("region-", k + 1, region_parts.size()));
  return out;
}

ordered_json manifest_to_json(const Manifest& m) {
  auto file_json = [](const PublishedFile& f) {
    return ordered_json{{"file", f.file}, {"bytes", f.bytes}, {"sha256", f.sha256}};
  };
  ordered_json j;
  j["format"] = kManifestFormat;
  j["version"] = m.version;
  j["fictional"] = m.fictional;
  if (!m.notice.empty()) j["notice"] = m.notice;
  j["therapists"] = m.therapists;
  j["shards"] = ordered_json::array();
  for (const auto& s : m.shards) {
    ordered_json o;
    o["name"] = s.name;
    o["kind"] = s.remote ? "remote" : "region";
    o["therapists"] = s.therapists;
    if (s.bounds)
      o["bounds"] = {{"south", s.bounds->south},
                     {"west", s.bounds->west},
                     {"north", s.bounds->north},
                     {"east", s.bounds->east}};
    o["matching"] = file_json(s.matching);
    o["profiles"] = ordered_json::array();
    for (const auto& p : s.profiles) {
      ordered_json f = file_json(p.file);
      f["first"] = p.first;
      f["therapists"] = p.therapists;
      o["profiles"].push_back(std::move(f));
    }
    j["shards"].push_back(std::move(o));
  }
  return j;
}

bool is_manifest_text(std::string_view text) {
  return text.substr(0, 4096).find(std::string("\"") + kManifestFormat + "\"") != std::string_view::npos;
}

namespace {

// A shard's bounds: required for a region, south no more than north and west no more than east.
void read_bounds(ObjectReader& r, Diagnostics& diag, ShardEntry& s) {
  if (const json* b = r.object("bounds", Need::optional)) {
    ObjectReader br(*b, r.field_path("bounds"), diag);
    const auto south = br.number("south", Need::required, 49.0, 61.5),
               north = br.number("north", Need::required, 49.0, 61.5);
    const auto west = br.number("west", Need::required, -8.7, 2.0),
               east = br.number("east", Need::required, -8.7, 2.0);
    br.finish();
    if (south && north && west && east) {
      if (*south > *north || *west > *east) diag.add(br.path(), "south must not exceed north, nor west east");
      s.bounds = Bounds{*south, *west, *north, *east};
    }
  } else if (!s.remote) {
    diag.add(r.field_path("bounds"), "is required for a region shard");
  }
}

// A shard's profile files, which must cover its rows in order.
void read_profile_files(ObjectReader& r, Diagnostics& diag, std::set<std::string>& files, ShardEntry& s) {
  if (const json* list = r.array("profiles", Need::required, s.therapists ? 1 : 0, 100000)) {
    std::uint64_t next = 0;
    for (std::size_t p = 0; p < list->size(); ++p) {
      ObjectReader pr((*list)[p], index_path(r.field_path("profiles"), p), diag);
      ProfileFileEntry e;
      const auto file = read_file_entry(pr, files);
      e.first = static_cast<std::uint32_t>(pr.integer("first", Need::required, 0, 0xFFFFFFFFLL).value_or(0));
      e.therapists =
          static_cast<std::uint32_t>(pr.integer("therapists", Need::required, 1, 0xFFFFFFFFLL).value_or(0));
      if (e.first != next)
        diag.add(pr.field_path("first"),
                 "should be " + std::to_string(next) + ": profile files cover the shard's rows in order");
      next = std::uint64_t{e.first} + e.therapists;
      pr.finish();
      if (file) e.file = *file;
      s.profiles.push_back(std::move(e));
    }
    if (next != s.therapists)
      diag.add(r.field_path("profiles"),
               "cover " + std::to_string(next) + " rows but the shard has " + std::to_string(s.therapists));
  }
}

}  // namespace

ManifestLoad parse_manifest(const Source& source) {
  ManifestLoad out;
  Diagnostics diag;
  diag.file = source.name;
  ParseLimits limits;
  limits.max_bytes = 16u << 20;
  if (auto root = parse_json(source.text, limits, diag)) {
    ObjectReader top(*root, "$", diag);
    const auto format = top.text("format", Need::required, 40);
    if (format && *format != kManifestFormat)
      diag.add("$.format",
               "expected " + quote_for_message(kManifestFormat) + ", found " + quote_for_message(*format));
    const auto version = top.integer("version", Need::required, 0, 1000000);
    if (version && *version != 1)
      diag.add("$.version",
               "version " + std::to_string(*version) + " is not supported (this build reads version 1)");
    Manifest& m = out.manifest;
    m.fictional = top.boolean("fictional", Need::required).value_or(false);
    m.notice = top.text("notice", Need::optional, 600).value_or("");
    m.therapists =
        static_cast<std::uint64_t>(top.integer("therapists", Need::required, 0, 100000000).value_or(0));
    const json* shards = top.array("shards", Need::required, 1, 100000);
    top.finish();
    std::set<std::string> names, files;
    std::uint64_t total = 0;
    for (std::size_t i = 0; shards && i < shards->size(); ++i) {
      const std::string path = index_path("$.shards", i);
      ObjectReader r((*shards)[i], path, diag);
      ShardEntry s;
      s.name = r.text("name", Need::required, 64).value_or("");
      if (!s.name.empty() && !is_slug(s.name))
        diag.add(r.field_path("name"), "must be lower-case letters, digits and hyphens");
      else if (!s.name.empty() && !names.insert(s.name).second)
        diag.add(r.field_path("name"), "repeats shard " + quote_for_message(s.name));
      s.remote = r.one_of("kind", Need::required, {"remote", "region"}).value_or("") == "remote";
      s.therapists =
          static_cast<std::uint32_t>(r.integer("therapists", Need::required, 0, 0xFFFFFFFFLL).value_or(0));
      total += s.therapists;
      read_bounds(r, diag, s);
      if (const json* f = r.object("matching", Need::required)) {
        ObjectReader fr(*f, r.field_path("matching"), diag);
        if (auto file = read_file_entry(fr, files)) s.matching = *file;
        fr.finish();
      }
      read_profile_files(r, diag, files, s);
      r.finish();
      m.shards.push_back(std::move(s));
    }
    if (shards && total != m.therapists)
      diag.add("$.therapists",
               "is " + std::to_string(m.therapists) + " but the shards hold " + std::to_string(total));
  }
  out.errors = std::move(diag.errors);
  return out;
}

double distance_to_bounds_km(double lat, double lon, const Bounds& box) {
  if (lon >= box.west && lon <= box.east)
    return haversine_km(lat, lon, std::clamp(lat, box.south, box.north), lon);
  // Outside the box's longitudes the nearest point lies on its nearer meridian edge: the foot of
  // the perpendicular from the point to that meridian, kept within the box's latitudes.
  const double edge = lon < box.west ? box.west : box.east;
  // Its latitude is atan2(sin lat, cos lat · cos Δlon); beyond a quarter of the globe away (the
  // cosine negative) it is past a pole, which the clamp below makes the box's nearer end.
  const double rad = kPi / 180;
  const double y = trig::sin(lat * rad), x = trig::cos(lat * rad) * trig::cos((lon - edge) * rad);
  const double foot = x > 0 ? trig::asin(y / std::sqrt(x * x + y * y)) / rad : std::signbit(y) ? -90.0 : 90.0;
  return haversine_km(lat, lon, std::clamp(foot, box.south, box.north), edge);
}

std::vector<std::size_t> shards_for(const Manifest& manifest, const Answers& answers) {
  const bool in_person = answers.accepts("in-person") && answers.has_location;
  // Rounding margin: the matcher compares distances rounded to 0.1 km.
  const double reach = widest_distance_considered_km(answers) + 0.1;
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < manifest.shards.size(); ++i) {
    const ShardEntry& s = manifest.shards[i];
    if (s.remote ||
        (in_person && s.bounds && distance_to_bounds_km(answers.lat, answers.lon, *s.bounds) <= reach))
      out.push_back(i);
  }
  return out;
}

std::optional<Error> verify_published_file(const PublishedFile& file, std::string_view bytes,
                                           std::string_view sha256) {
  if (bytes.size() != file.bytes)
    return Error{
        file.file, "$",
        "is " + std::to_string(bytes.size()) + " bytes but the manifest says " + std::to_string(file.bytes)};
  const std::string computed = sha256.empty() ? sha256_hex(bytes) : std::string();
  if ((sha256.empty() ? std::string_view(computed) : sha256) != file.sha256)
    return Error{file.file, "$",
                 "its SHA-256 does not match the manifest: the file is damaged or from another publication"};
  return std::nullopt;
}

std::optional<MatchingView> check_shard_matching(const ShardEntry& s, std::string_view bytes,
                                                 const Dataset& data, std::vector<Error>& errors,
                                                 std::string_view sha256) {
  if (auto e = verify_published_file(s.matching, bytes, sha256)) {
    errors.push_back(*e);
    return std::nullopt;
  }
  MatchingCheck check = check_matching(s.matching.file, bytes);
  if (!check.ok()) {
    errors.insert(errors.end(), check.errors.begin(), check.errors.end());
    return std::nullopt;
  }
  const MatchingView& v = check.view;
  if (v.therapists != s.therapists) {
    errors.push_back({s.matching.file, "byte 16",
                      "holds " + std::to_string(v.therapists) + " therapists but the manifest says " +
                          std::to_string(s.therapists)});
    return std::nullopt;
  }
  const std::set<std::string> known_approaches = approach_slugs(data), known_concerns = concern_ids(data);
  bool known = true;
  for (const auto& c : v.concerns)
    if (!known_concerns.count(std::string(c)))
      known = false,
      errors.push_back({s.matching.file, "$", "unknown concern id " + quote_for_message(std::string(c))});
  for (const auto& a : v.approaches)
    if (!known_approaches.count(std::string(a)))
      known = false,
      errors.push_back({s.matching.file, "$", "unknown approach " + quote_for_message(std::string(a))});
  if (!known) return std::nullopt;
  return check.view;
}

std::optional<std::vector<PackedProfile>> read_shard_profiles(
    const std::string& matching_file, const ProfileFileEntry& entry, std::string_view bytes,
    std::uint32_t matching_checksum, std::vector<Error>& errors, std::string_view sha256) {
  if (auto e = verify_published_file(entry.file, bytes, sha256)) {
    errors.push_back(*e);
    return std::nullopt;
  }
  ProfilesRead read = read_profiles(entry.file.file, bytes);
  if (!read.ok()) {
    errors.insert(errors.end(), read.errors.begin(), read.errors.end());
    return std::nullopt;
  }
  if (read.matching_checksum != matching_checksum || read.first_row != entry.first ||
      read.profiles.size() != entry.therapists) {
    errors.push_back({entry.file.file, "byte 20",
                      "does not hold rows " + std::to_string(entry.first) + "-" +
                          std::to_string(entry.first + entry.therapists) + " of " + matching_file});
    return std::nullopt;
  }
  return std::move(read.profiles);
}

DirectoryLoad load_packed_directory(const Manifest& manifest, const std::map<std::string, std::string>& files,
                                    const Dataset& data) {
  DirectoryLoad out;
  out.directory.fictional = manifest.fictional;
  out.directory.notice = manifest.notice;
  std::set<std::string> ids;
  auto bytes_of = [&](const PublishedFile& f) -> const std::string* {
    const auto it = files.find(f.file);
    if (it == files.end()) {
      out.errors.push_back({f.file, "$", "is listed in the manifest but was not read"});
      return nullptr;
    }
    return &it->second;
  };
  for (const ShardEntry& s : manifest.shards) {
    const std::string* bytes = bytes_of(s.matching);
    if (!bytes) continue;
    const std::optional<MatchingView> view = check_shard_matching(s, *bytes, data, out.errors);
    if (!view) continue;
    std::vector<PackedProfile> profiles;
    for (const auto& p : s.profiles) {
      const std::string* pb = bytes_of(p.file);
      if (!pb) break;
      auto read = read_shard_profiles(s.matching.file, p, *pb, view->checksum, out.errors);
      if (!read) break;
      for (auto& profile : *read) profiles.push_back(std::move(profile));
    }
    if (profiles.size() != view->therapists) continue;
    MatchingCursor cursor(*view);
    for (std::size_t row = 0; !cursor.done(); ++row) {
      const PackedRow r = cursor.next();
      if (!ids.insert(std::string(r.id)).second) {
        out.errors.push_back({s.matching.file, "$",
                              "repeats id " + quote_for_message(std::string(r.id)) + " from another shard"});
        continue;
      }
      out.directory.therapists.push_back(unpack_therapist(*view, r, &profiles[row]));
    }
  }
  return out;
}

}  // namespace tft
