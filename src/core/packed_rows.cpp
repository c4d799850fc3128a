#include "packed_rows.h"
#include <algorithm>

namespace tft {

namespace {

auto id_of(const PackedRows& d) {
  return [&d](std::uint32_t i) { return d.ids[i]; };
}

// The table rebuilt holding the first `held` ids (unique), with room for `room` at most half full.
void rebuild_slots(PackedRows& d, std::size_t held, std::size_t room) {
  d.id_index.rebuild(ItemIndex::slots_for(room, 16), held, id_of(d));
}

}  // namespace

std::optional<std::string> add_packed_rows(PackedRows& d, std::unique_ptr<const std::string> bytes,
                                           const MatchingView& view) {
  PackedShardRows shard;
  const std::size_t before = d.ids.size();
  shard.starts.reserve(view.therapists);
  // Grown by doubling, not to the exact size: reserving exactly copied every id loaded so far
  // again for each shard added.
  if (d.ids.capacity() < before + view.therapists)
    d.ids.reserve(std::max(2 * before, before + view.therapists));
  for (MatchingCursor cursor(view); !cursor.done();) {
    shard.starts.push_back(cursor.start());
    d.ids.push_back(cursor.next().id);
  }
  if (2 * d.ids.size() > d.id_index.slots.size()) rebuild_slots(d, before, d.ids.size());
  for (std::size_t i = before; i < d.ids.size(); ++i) {
    const std::size_t s = d.id_index.slot_of(d.ids[i], id_of(d));
    if (d.id_index.slots[s] != 0) {  // an id of this file, or of one added before: undo the file
      std::string repeated(d.ids[i]);
      d.ids.resize(before);
      rebuild_slots(d, before, before);
      return repeated;
    }
    d.id_index.slots[s] = static_cast<std::uint32_t>(i + 1);
  }
  shard.bytes = std::move(bytes);
  shard.view = view;
  shard.first = static_cast<std::uint32_t>(before);
  d.shards.push_back(std::move(shard));
  return std::nullopt;
}

std::optional<std::size_t> find_packed(const PackedRows& d, std::string_view id) {
  if (d.id_index.slots.empty()) return std::nullopt;
  const std::uint32_t at = d.id_index.slots[d.id_index.slot_of(id, id_of(d))];
  if (at == 0) return std::nullopt;
  return at - 1;
}

void add_packed_profiles(PackedRows& d, std::uint32_t shard_first, std::uint32_t first_row,
                         std::vector<PackedProfile> records) {
  for (PackedShardRows& shard : d.shards)
    if (shard.first == shard_first) {
      shard.profiles.emplace_back(first_row, std::move(records));
      return;
    }
}

std::pair<const PackedShardRows*, std::uint32_t> packed_shard_of(const PackedRows& d, std::size_t index) {
  // The last shard whose first row is at or before `index`.
  const auto it = std::upper_bound(d.shards.begin(), d.shards.end(), index,
                                   [](std::size_t i, const PackedShardRows& s) { return i < s.first; });
  const PackedShardRows& shard = *(it - 1);
  return {&shard, static_cast<std::uint32_t>(index - shard.first)};
}

PackedRow packed_row(const PackedShardRows& shard, std::uint32_t row) {
  return MatchingCursor(shard.view, row, shard.starts[row]).next();
}

Therapist packed_entry(const PackedRows& d, std::size_t index) {
  const auto [shard, row] = packed_shard_of(d, index);
  const PackedProfile* profile = nullptr;
  for (const auto& [first, records] : shard->profiles)
    if (row >= first && row - first < records.size()) profile = &records[row - first];
  return unpack_therapist(shard->view, packed_row(*shard, row), profile);
}

}  // namespace tft
