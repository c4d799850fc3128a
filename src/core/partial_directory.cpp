#include "partial_directory.h"

#include <algorithm>
#include <memory>

#include "packed_directory.h"
#include "sort_order.h"

namespace tft {

namespace {

// The shard and row of a loaded directory index (shards' rows are consecutive from `first`).
std::optional<std::pair<std::size_t, std::uint32_t>> shard_row(const PartialDirectory& d, std::size_t index) {
  for (std::size_t s = 0; s < d.shards.size(); ++s) {
    const auto& st = d.shards[s];
    if (st.loaded && index >= st.first && index < std::size_t{st.first} + d.manifest.shards[s].therapists)
      return std::pair{s, static_cast<std::uint32_t>(index - st.first)};
  }
  return std::nullopt;
}

}  // namespace

std::vector<Error> open_manifest(PartialDirectory& d, const Source& manifest) {
  d = PartialDirectory{};
  ManifestLoad load = parse_manifest(manifest);
  if (!load.ok()) return std::move(load.errors);
  d.manifest = std::move(load.manifest);
  d.directory.fictional = d.manifest.fictional;
  d.directory.notice = d.manifest.notice;
  d.shards.resize(d.manifest.shards.size());
  for (std::size_t s = 0; s < d.shards.size(); ++s)
    d.shards[s].profiles_loaded.assign(d.manifest.shards[s].profiles.size(), 0);
  return {};
}

std::vector<std::size_t> shards_to_load(const PartialDirectory& d, const Answers& answers) {
  std::vector<std::size_t> out;
  for (const std::size_t s : shards_for(d.manifest, answers))
    if (!d.shards[s].loaded) out.push_back(s);
  return out;
}

std::vector<Error> add_shard(PartialDirectory& d, std::size_t shard, std::string_view bytes,
                             const Dataset& data, std::string_view sha256) {
  return add_shard(d, shard, std::string(bytes), data, sha256);
}

std::vector<Error> add_shard(PartialDirectory& d, std::size_t shard, std::string&& bytes, const Dataset& data,
                             std::string_view sha256) {
  std::vector<Error> errors;
  if (shard >= d.shards.size())
    return {{"directory.json", "$.shards", "has no shard " + std::to_string(shard)}};
  const ShardEntry& entry = d.manifest.shards[shard];
  if (d.shards[shard].loaded) return {{entry.matching.file, "$", "is already loaded"}};
  // The directory keeps the bytes: the matcher reads its rows from them (packed_rows.h).
  auto owned = std::make_unique<const std::string>(std::move(bytes));
  const std::optional<MatchingView> view = check_shard_matching(entry, *owned, data, errors, sha256);
  if (!view) return errors;
  auto& state = d.shards[shard];
  const auto first = static_cast<std::uint32_t>(d.directory.size());
  // Refused whole, with nothing added, when an id repeats one of the shard's own or one loaded.
  if (const auto repeated = add_packed_rows(d.directory, std::move(owned), *view))
    return {{entry.matching.file, "$", "repeats id " + quote_for_message(*repeated) + " from another shard"}};
  state.first = first;
  state.checksum = view->checksum;
  state.loaded = true;
  return {};
}

std::optional<std::size_t> find_loaded(const PartialDirectory& d, std::string_view id) {
  return find_packed(d.directory, id);
}

std::vector<ProfileFileRef> profile_files_for(const PartialDirectory& d,
                                              const std::vector<std::string>& ids) {
  std::vector<ProfileFileRef> out;
  for (const auto& id : ids) {
    const auto index = find_loaded(d, id);
    if (!index) continue;
    const auto where = shard_row(d, *index);
    if (!where) continue;
    const auto& files = d.manifest.shards[where->first].profiles;
    for (std::size_t f = 0; f < files.size(); ++f) {
      if (where->second < files[f].first || where->second >= files[f].first + files[f].therapists) continue;
      const ProfileFileRef ref{where->first, f};
      if (!d.shards[ref.shard].profiles_loaded[f] && std::find(out.begin(), out.end(), ref) == out.end())
        out.push_back(ref);
      break;
    }
  }
  sort_items(out, [](const ProfileFileRef& x, const ProfileFileRef& y) {
    return x.shard != y.shard ? x.shard < y.shard : x.file < y.file;
  });
  return out;
}

std::vector<Error> add_profiles(PartialDirectory& d, ProfileFileRef ref, std::string_view bytes,
                                std::string_view sha256) {
  std::vector<Error> errors;
  if (ref.shard >= d.shards.size() || ref.file >= d.manifest.shards[ref.shard].profiles.size())
    return {{"directory.json", "$.shards",
             "has no profile file " + std::to_string(ref.file) + " in shard " + std::to_string(ref.shard)}};
  const ShardEntry& entry = d.manifest.shards[ref.shard];
  const ProfileFileEntry& file = entry.profiles[ref.file];
  auto& state = d.shards[ref.shard];
  if (!state.loaded)
    return {
        {file.file.file, "$", "belongs to shard " + quote_for_message(entry.name) + ", which is not loaded"}};
  if (state.profiles_loaded[ref.file]) return {{file.file.file, "$", "is already loaded"}};
  auto profiles = read_shard_profiles(entry.matching.file, file, bytes, state.checksum, errors, sha256);
  if (!profiles) return errors;
  add_packed_profiles(d.directory, state.first, file.first, std::move(*profiles));
  state.profiles_loaded[ref.file] = 1;
  return {};
}

NotLoaded count_not_loaded(const PartialDirectory& d, const Answers& answers) {
  NotLoaded out;
  out.filter = answers.accepts("in-person") ? "distance" : "format";
  const std::vector<std::size_t> needed = shards_for(d.manifest, answers);
  for (std::size_t s = 0; s < d.shards.size(); ++s) {
    if (d.shards[s].loaded) continue;
    const bool is_needed = std::find(needed.begin(), needed.end(), s) != needed.end();
    (is_needed ? out.unreadable : out.therapists) += d.manifest.shards[s].therapists;
  }
  return out;
}

void add_not_loaded(ordered_json& result, const NotLoaded& n) {
  if (n.therapists == 0 && n.unreadable == 0) return;
  ordered_json& ex = result["excluded"];
  ex["total"] = ex.value("total", std::uint64_t{0}) + n.therapists + n.unreadable;
  ordered_json& by = ex["by"];
  if (n.therapists) by[n.filter] = by.value(n.filter, std::uint64_t{0}) + n.therapists;
  if (n.unreadable) by["unreadable"] = by.value("unreadable", std::uint64_t{0}) + n.unreadable;
  ex["not_loaded"] = n.therapists + n.unreadable;
}

MatchText match_partial_text(const Matcher& m, const PartialDirectory& d, std::string_view answers_json,
                             const MatchOptions& options) {
  MatchText out;
  AnswersParse parsed = parse_answers(answers_json, *m.data, m.places);
  if (!parsed.ok()) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  ordered_json result = match_result_to_json(match(m, parsed.answers, options));
  add_not_loaded(result, count_not_loaded(d, parsed.answers));
  out.text = to_text(result, true);
  return out;
}

}  // namespace tft
