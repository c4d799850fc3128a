// A published directory read piece by piece, as the web worker reads it (docs/directory-format.md,
// "Loading only what a visitor needs"): the manifest first, then the matching files of the shards
// a visitor's answers need (shards_for), then the profile files of the therapists the page shows.
//
// The directory holds the loaded shards' checked matching files (packed_rows.h), each shard's rows
// consecutive and in file order; nothing is unpacked into strings until a therapist is shown, and
// their card text (name, bio, registrations, contact) stays empty until their profile file is
// added. Matching reads none of that text, so a match over the loaded shards scores and
// ranks exactly as over the whole directory; the worker adds the profile files of the matches it
// shows and matches again to print them. Therapists in shards not loaded are counted by
// count_not_loaded(), so the result's excluded counts still add up to the directory's size.
//
// Every file is verified (size, SHA-256 from the manifest) and checked before anything in it is
// used; a problem is an Error naming the file and byte, and leaves the directory as it was.
// Cost: add_shard copies the shard's bytes, checks them (SHA-256 unless handed in, CRC-32, every
// row) and walks the rows once, adding their ids to a hash index: O(m) for a shard of m rows,
// whatever is loaded already, and no allocation per row. profile_files_for makes one O(1) id
// lookup per id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers.h"
#include "diagnostics.h"
#include "loaders.h"
#include "matcher.h"
#include "model.h"
#include "packed_rows.h"
#include "published_directory.h"
#include "serialize.h"

namespace tft {

// Move-only: `directory` keeps each loaded shard's bytes and views into them.
struct PartialDirectory {
  Manifest manifest;
  PackedRows directory;  // the loaded shards' rows, as checked bytes (packed_rows.h)
  struct ShardState {
    bool loaded = false;
    std::uint32_t first = 0;     // directory index of the shard's row 0, once loaded
    std::uint32_t checksum = 0;  // its matching file's checksum (profile files carry it)
    // By profile file of the shard, 1 once loaded (bytes: vector<bool> brings code of its own, 168
    // bytes of the gzipped find module).
    std::vector<std::uint8_t> profiles_loaded;
  };
  std::vector<ShardState> shards;  // by manifest shard
};

// Starts a partial directory from a manifest; on errors the directory stays empty.
std::vector<Error> open_manifest(PartialDirectory& d, const Source& manifest);

// The shards `answers` need (shards_for) that are not loaded yet, in manifest order.
std::vector<std::size_t> shards_to_load(const PartialDirectory& d, const Answers& answers);

// Adds shard `shard`'s matching file (its bytes as fetched). Rejects the whole shard on any problem,
// including an id already loaded from another shard. Adding a loaded shard again is an error.
// `sha256`: the bytes' digest if the caller computed it (verify_published_file), else empty.
std::vector<Error> add_shard(PartialDirectory& d, std::size_t shard, std::string_view bytes,
                             const Dataset& data, std::string_view sha256 = {});
// The same, keeping `bytes` itself rather than a copy (the WebAssembly module's bytes, already
// copied once out of JavaScript).
std::vector<Error> add_shard(PartialDirectory& d, std::size_t shard, std::string&& bytes, const Dataset& data,
                             std::string_view sha256 = {});

// A profile file: shard `shard`'s profile file number `file` (indexes into the manifest).
struct ProfileFileRef {
  std::size_t shard = 0, file = 0;
  bool operator==(const ProfileFileRef& o) const { return shard == o.shard && file == o.file; }
};

// The profile files, not yet added, that hold the card text of these ids (ids not loaded are
// ignored), each once, in manifest order.
std::vector<ProfileFileRef> profile_files_for(const PartialDirectory& d, const std::vector<std::string>& ids);

// Fills in the card text of the therapists a profile file holds (its bytes as fetched); `sha256` as
// for add_shard.
std::vector<Error> add_profiles(PartialDirectory& d, ProfileFileRef ref, std::string_view bytes,
                                std::string_view sha256 = {});

// The directory index of a loaded therapist, or nothing.
std::optional<std::size_t> find_loaded(const PartialDirectory& d, std::string_view id);

// How many therapists are in shards not loaded (none of them can pass, since shards_for loads every
// shard that could hold a match), and the filter that rules each one out: those shards hold only
// therapists who meet in person and are all beyond reach, so "distance" when the visitor accepts
// in-person sessions and "format" when not.
// Shards the answers need but that could not be added (a failed fetch, a damaged file) are counted
// apart, as `unreadable`: nobody can say which filter their therapists would fail.
struct NotLoaded {
  std::uint64_t therapists = 0;  // in shards the answers do not need
  const char* filter = "format";
  std::uint64_t unreadable = 0;  // in shards the answers need that are not loaded
};
NotLoaded count_not_loaded(const PartialDirectory& d, const Answers& answers);

// Adds count_not_loaded() to a match result's `excluded`: both counts to `total`, `therapists` to
// `by[filter]`, `unreadable` to `by.unreadable`, and `not_loaded` (their sum) so the page can say
// how many were counted without being read. A result with nothing to add is left unchanged.
void add_not_loaded(ordered_json& result, const NotLoaded& not_loaded);

// match_text (matcher.h) over the loaded part of a partial directory: the same bytes as matching
// the whole directory, except that `excluded` counts the shards not loaded (add_not_loaded).
// `m` must have been prepared from `d.directory`.
MatchText match_partial_text(const Matcher& m, const PartialDirectory& d, std::string_view answers_json,
                             const MatchOptions& options);

}  // namespace tft
