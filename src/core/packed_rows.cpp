#include "packed_rows.h"
#include "sort_order.h"

#include <algorithm>

namespace tft {

namespace {

// `d.by_id` with rows [first, first + new_ids.size()) merged in, or the first id found twice. One
// three-way comparison per step finds a repeat while merging, so no second pass looks for one.
std::optional<std::string> merged_order(const PackedRows& d, const std::vector<std::string_view>& new_ids,
                                        std::vector<std::uint32_t>& merged) {
  const auto first = static_cast<std::uint32_t>(d.ids.size());
  std::vector<std::uint32_t> added = row_numbers(new_ids.size());
  sort_rows(added, [&](std::uint32_t x, std::uint32_t y) { return new_ids[x] < new_ids[y]; });
  for (std::size_t k = 1; k < added.size(); ++k)
    if (new_ids[added[k]] == new_ids[added[k - 1]]) return std::string(new_ids[added[k]]);
  merged.reserve(d.by_id.size() + added.size());
  std::size_t a = 0, b = 0;
  while (a < d.by_id.size() && b < added.size()) {
    const int order = d.ids[d.by_id[a]].compare(new_ids[added[b]]);
    if (order == 0) return std::string(new_ids[added[b]]);
    merged.push_back(order < 0 ? d.by_id[a++] : first + added[b++]);
  }
  merged.insert(merged.end(), d.by_id.begin() + static_cast<std::ptrdiff_t>(a), d.by_id.end());
  for (; b < added.size(); ++b) merged.push_back(first + added[b]);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> add_packed_rows(PackedRows& d, std::unique_ptr<const std::string> bytes,
                                           const MatchingView& view) {
  PackedShardRows shard;
  std::vector<std::string_view> new_ids;
  shard.starts.reserve(view.therapists);
  new_ids.reserve(view.therapists);
  for (MatchingCursor cursor(view); !cursor.done();) {
    shard.starts.push_back(cursor.start());
    new_ids.push_back(cursor.next().id);
  }
  std::vector<std::uint32_t> merged;
  if (auto repeated = merged_order(d, new_ids, merged)) return repeated;
  shard.bytes = std::move(bytes);
  shard.view = view;
  shard.first = static_cast<std::uint32_t>(d.ids.size());
  d.shards.push_back(std::move(shard));
  d.ids.insert(d.ids.end(), new_ids.begin(), new_ids.end());
  d.by_id = std::move(merged);
  return std::nullopt;
}

std::optional<std::size_t> find_packed(const PackedRows& d, std::string_view id) {
  const auto it = std::lower_bound(d.by_id.begin(), d.by_id.end(), id,
                                   [&](std::uint32_t i, std::string_view key) { return d.ids[i] < key; });
  if (it == d.by_id.end() || d.ids[*it] != id) return std::nullopt;
  return *it;
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
