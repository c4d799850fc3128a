// `tft pack --out DIR [--shard-size N] [--region-size N] [--profile-size N] FILE...` publishes the
// authoring directory (one JSON file or several shards) as a packed directory: DIR/directory.json
// plus the matching and profile files it lists (docs/directory-format.md). A directory with any
// problem is not packed: a published directory must be exactly the one that was checked.
#include <sys/stat.h>

#include <fstream>
#include <iostream>
#include <map>

#include "../core/matcher.h"
#include "../core/published_directory.h"
#include "commands.h"

namespace tft::cli {

namespace {

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

}  // namespace

int run_pack(const Args& args) {
  if (args.positional.empty() || !args.has("--out")) {
    std::cerr << "tft pack: give the directory file(s) and a folder, e.g. tft pack --out site/directory "
                 "therapists.json\n";
    return 2;
  }
  PackOptions options;
  const auto shard = number_flag(args, "--shard-size", static_cast<long>(options.shard_size), 10000000);
  const auto region = number_flag(args, "--region-size", static_cast<long>(options.region_size), 10000000);
  const auto profile = number_flag(args, "--profile-size", static_cast<long>(options.profile_size), 10000000);
  if (!shard || !region || !profile) return 2;
  if (*shard < 1 || *region < 1 || *profile < 1) {
    std::cerr << "tft pack: sizes must be at least 1\n";
    return 2;
  }
  options.shard_size = static_cast<std::size_t>(*shard);
  options.region_size = static_cast<std::size_t>(*region);
  options.profile_size = static_cast<std::size_t>(*profile);

  Loaded loaded = load_all(args, false);
  if (!loaded.dataset.ok()) {
    print_errors(loaded.dataset.errors);
    return 1;
  }
  Directory directory;
  std::vector<Error> errors;
  std::map<std::string, std::string> first_file;  // id -> the file that gave it first
  for (const std::string& path : args.positional) {
    std::string why;
    const auto text = read_file(path, why);
    if (!text) {
      errors.push_back({path, "$", why});
      continue;
    }
    DirectoryLoad load = load_directory({path, *text}, loaded.dataset.data);
    errors.insert(errors.end(), load.errors.begin(), load.errors.end());
    for (std::size_t i = 0; i < load.directory.therapists.size(); ++i) {
      const std::string& id = load.directory.therapists[i].id;
      const auto [it, fresh] = first_file.emplace(id, path);
      if (!fresh) errors.push_back({path, "$", "repeats id \"" + id + "\" from " + it->second});
    }
    append_directory(directory, std::move(load.directory));
  }
  if (!errors.empty()) {
    print_errors(errors);
    std::cerr << "tft pack: " << errors.size() << " problem(s); nothing was written\n";
    return 1;
  }
  const PackResult packed = pack_directory(directory, options);
  if (!packed.ok()) {
    print_errors(packed.errors);
    std::cerr << "tft pack: " << packed.errors.size() << " problem(s); nothing was written\n";
    return 1;
  }
  const std::string out = args.flag("--out", "");
  mkdir(out.c_str(), 0755);  // an existing folder is fine; a failure shows when writing
  std::size_t matching_bytes = 0, profile_bytes = 0;
  for (const auto& f : packed.files) {
    if (!write_file(out + "/" + f.name, f.bytes)) {
      std::cerr << "tft pack: cannot write " << out << "/" << f.name << "\n";
      return 1;
    }
    (f.name.find(".match.") != std::string::npos ? matching_bytes : profile_bytes) += f.bytes.size();
  }
  // The manifest last, so a reader never sees it before the files it lists.
  if (!write_file(out + "/directory.json", to_text(manifest_to_json(packed.manifest), true) + "\n")) {
    std::cerr << "tft pack: cannot write " << out << "/directory.json\n";
    return 1;
  }
  const auto& m = packed.manifest;
  std::cout << "packed " << m.therapists << " therapists into " << m.shards.size() << " shards ("
            << matching_bytes << " bytes of matching data, " << profile_bytes << " bytes of profiles) in "
            << out << "/directory.json\n";
  return 0;
}

}  // namespace tft::cli
