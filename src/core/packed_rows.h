// The therapists of loaded packed shards, kept as their checked matching files rather than unpacked
// (docs/directory-format.md, "Loading only what a visitor needs"). The matcher builds its rows
// straight from these bytes (prepare_matcher in matcher.h), and a full Therapist (strings, lists,
// card text) is made only for a therapist that is shown: a match result's top entries, or an entry
// asked for by id. Loading a shard therefore costs a copy of its bytes and one pass over its rows,
// not a few dozen allocations per therapist.
//
// Rows are numbered across shards in the order the shards were added ("directory index"), as the
// JSON directory numbers its therapists. Each shard's bytes live in their own heap block, so the
// views into them stay valid however the containers holding them move.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "item_index.h"
#include "model.h"
#include "packed_directory.h"

namespace tft {

// One added matching file.
struct PackedShardRows {
  std::unique_ptr<const std::string> bytes;  // the checked file; `view` points into it
  MatchingView view;
  std::uint32_t first = 0;       // directory index of the file's row 0
  std::vector<RowStart> starts;  // by row: where its lists begin, to read one row on its own
  // Card text from the profile files added so far: the shard row of each file's first record, and
  // its records in row order.
  std::vector<std::pair<std::uint32_t, std::vector<PackedProfile>>> profiles;
};

struct PackedRows {
  bool fictional = false;
  std::string notice;
  std::vector<PackedShardRows> shards;  // in the order added, their rows consecutive
  std::vector<std::string_view> ids;    // by directory index, into the shards' bytes (unique)
  // The ids' directory indexes by id. A shard's ids are looked up and added in O(m) for m rows,
  // whatever is loaded already, so adding shards one by one never re-sorts or re-merges the ids.
  ItemIndex id_index;
  std::size_t size() const { return ids.size(); }
};

// Takes a checked matching file (`bytes` owns what `view` points into) as the next shard's rows,
// adding its ids to the id index. When one of its ids repeats another of the file or one already
// added, nothing changes and that id is returned. O(m) for m rows added (amortised: the table
// doubles as it fills).
std::optional<std::string> add_packed_rows(PackedRows& d, std::unique_ptr<const std::string> bytes,
                                           const MatchingView& view);

// The directory index of `id`, or nothing. O(1) on average.
std::optional<std::size_t> find_packed(const PackedRows& d, std::string_view id);

// Keeps the card text of a profile file: `records` are the rows from `first_row` of the shard whose
// row 0 is directory index `shard_first`.
void add_packed_profiles(PackedRows& d, std::uint32_t shard_first, std::uint32_t first_row,
                         std::vector<PackedProfile> records);

// The shard holding directory index `index` (< d.size()), and the row within it.
std::pair<const PackedShardRows*, std::uint32_t> packed_shard_of(const PackedRows& d, std::size_t index);

// The row at directory index `index` (< d.size()).
PackedRow packed_row(const PackedShardRows& shard, std::uint32_t row);
inline std::string_view packed_id(const PackedRows& d, std::size_t index) {
  return d.ids[index];
}

// The entry as the directory file holds it: everything, with the card text when its profile file
// has been added (empty text fields otherwise, as unpack_therapist leaves them).
Therapist packed_entry(const PackedRows& d, std::size_t index);

}  // namespace tft
