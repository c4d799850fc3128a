// A directory as it is published (docs/directory-format.md): a small JSON manifest,
// `directory.json`, listing shards, each one packed matching file plus one or more profile files.
//
// - pack_directory() turns a loaded (authoring, JSON) directory into the manifest and the files.
//   Therapists who offer any remote format (video, phone, text) go to the national "remote" shards,
//   because a visitor who accepts video must see every therapist who offers it; therapists who
//   meet only in person go to "region" shards, split by place so that each holds at most
//   region_size of them. Inside a shard therapists are ordered by place, so the results a visitor
//   sees tend to share a few profile files.
// - shards_for() says which shards a visitor's answers need: every remote shard, plus the region
//   shards whose bounds come within reach of the visitor's place when they accept in-person
//   sessions. Every therapist who could pass the format and distance filters, or be counted by a
//   "travel further" or "add video" suggestion, is in a shard it returns.
// - parse_manifest() checks a manifest like every other input; load_packed_directory() checks
//   each file against the manifest (size and SHA-256) and then reads it (packed_directory.h).
//
// Cost: pack_directory sorts the directory by place (O(n log² n)); shards_for is O(shards).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers.h"
#include "diagnostics.h"
#include "loaders.h"
#include "model.h"
#include "packed_directory.h"
#include "serialize.h"

namespace tft {

inline constexpr const char* kManifestFormat = "tft-packed-directory";

struct PublishedFile {
  std::string file;  // a plain file name, resolved against the manifest's folder
  std::uint64_t bytes = 0;
  std::string sha256;  // 64 lower-case hex characters
};

struct ProfileFileEntry {
  PublishedFile file;
  std::uint32_t first = 0;  // the shard row of the first therapist it holds
  std::uint32_t therapists = 0;
};

// The box (degrees) around a shard's in-person locations.
struct Bounds {
  double south = 0, west = 0, north = 0, east = 0;
};

struct ShardEntry {
  std::string name;
  bool remote = false;  // holds the therapists who offer video, phone or text
  std::uint32_t therapists = 0;
  std::optional<Bounds> bounds;  // absent when none of its therapists meets in person
  PublishedFile matching;
  std::vector<ProfileFileEntry> profiles;  // consecutive, covering every row of the shard
};

struct Manifest {
  int version = 1;
  bool fictional = false;
  std::string notice;
  std::uint64_t therapists = 0;
  std::vector<ShardEntry> shards;
};

struct PackOptions {
  std::size_t shard_size = 20000;  // most therapists in one remote shard
  std::size_t region_size = 500;   // most therapists in one region shard (about 30 kB of matching data)
  std::size_t profile_size = 250;  // most therapists in one profile file
};

struct PackedOutputFile {
  std::string name;
  std::string bytes;
};

struct PackResult {
  Manifest manifest;
  std::vector<PackedOutputFile> files;  // matching and profile files, in manifest order
  std::vector<Error> errors;            // therapists that cannot be packed exactly; nothing is written then
  bool ok() const { return errors.empty(); }
};

// Packs a directory that loaded without errors. Deterministic: the same directory and options give
// the same bytes. Ids must be unique across the whole directory (an error otherwise).
PackResult pack_directory(const Directory& directory, const PackOptions& options);

ordered_json manifest_to_json(const Manifest& manifest);

struct ManifestLoad {
  Manifest manifest;
  std::vector<Error> errors;
  bool ok() const { return errors.empty(); }
};
ManifestLoad parse_manifest(const Source& source);

// Whether `text` looks like a manifest rather than an authoring directory (its "format" field).
bool is_manifest_text(std::string_view text);

// The indexes of the shards `answers` need, in manifest order (see the header comment).
std::vector<std::size_t> shards_for(const Manifest& manifest, const Answers& answers);

// The smallest great-circle distance (km) from a point to a box of latitudes and longitudes.
double distance_to_bounds_km(double lat, double lon, const Bounds& box);

// Checks `bytes` against the manifest's size and SHA-256 for `file`; an error names the file.
// `sha256` is the bytes' digest (64 lower-case hex digits) when the caller has already computed it
// (the web worker, with the browser's crypto.subtle, which is far faster than hashing in
// WebAssembly), or empty for this function to compute it. Either way a digest that is not the
// manifest's refuses the file.
std::optional<Error> verify_published_file(const PublishedFile& file, std::string_view bytes,
                                           std::string_view sha256 = {});

// Verifies one shard's matching file against its manifest entry (size, SHA-256), checks it
// (check_matching), its therapist count, and its concern and approach ids against `data`. Returns
// the view into `bytes`, or nothing after adding the problems to `errors`.
std::optional<MatchingView> check_shard_matching(const ShardEntry& shard, std::string_view bytes,
                                                 const Dataset& data, std::vector<Error>& errors,
                                                 std::string_view sha256 = {});

// Verifies and reads one profile file of a shard (size, SHA-256, read_profiles) and checks it holds
// the rows the manifest says of the matching file with checksum `matching_checksum`. `sha256` as for
// verify_published_file.
std::optional<std::vector<PackedProfile>> read_shard_profiles(
    const std::string& matching_file, const ProfileFileEntry& entry, std::string_view bytes,
    std::uint32_t matching_checksum, std::vector<Error>& errors, std::string_view sha256 = {});

// Reads a whole published directory: `files` maps each file name in the manifest to its bytes. Every
// file is verified (size, SHA-256) and checked; concern and approach ids must be known to `data`,
// and ids must be unique across shards. Problems are errors naming the file and byte offset; shards
// with problems are left out, as the JSON loader leaves out broken entries.
DirectoryLoad load_packed_directory(const Manifest& manifest, const std::map<std::string, std::string>& files,
                                    const Dataset& data);

}  // namespace tft
