// `tft match --answers FILE|- [--directory FILE[,FILE...]] [--limit N] [--today YYYY-MM-DD]
// [--units km|miles]` (docs/design.md, "Command line"). Prints the result of docs/design.md; bad answers
// print `answers:PATH: message` lines and exit 1. Several directory files separated by commas are matched as
// one directory (regional shards, docs/directory-format.md). --today is the day entries are judged against
// for freshness (default: the directory's newest "updated" date, so the output depends on nothing but the
// files); --units words distances (docs/matching.md).
#include <iostream>

#include "../core/matcher.h"
#include "../core/published_directory.h"
#include "commands.h"

namespace tft::cli {

int run_match(const Args& args) {
  if (!args.positional.empty() || !args.has("--answers")) {
    std::cerr << "tft match: give the answers, e.g. tft match --answers answers.json (or - for stdin)\n";
    return 2;
  }
  const auto limit = number_flag(args, "--limit", 20, 1000000);
  if (!limit) return 2;
  MatchOptions options;
  options.limit = static_cast<std::size_t>(*limit);
  if (const auto bad = parse_match_options(args.flag("--today", ""), args.flag("--units", "km"), options);
      !bad.empty()) {
    for (const auto& e : bad) std::cerr << "tft match: --" << e.path.substr(2) << ": " << e.message << "\n";
    return 2;
  }
  std::string why;
  const auto answers = read_file(args.flag("--answers", "-"), why);
  if (!answers) {
    std::cerr << "tft match: " << args.flag("--answers", "-") << " " << why << "\n";
    return 1;
  }
  Loaded loaded = load_all(args, false);
  if (!loaded.dataset.ok()) {
    print_errors(loaded.dataset.errors);
    return 1;
  }
  // Directory files are loaded one by one and appended, so each shard's errors keep its name.
  const std::string list =
      args.flag("--directory", args.flag("--data", default_data_dir()) + "/therapists.sample.json");
  Directory directory;
  std::vector<Error> errors;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    const std::string path = list.substr(start, end - start);
    start = end + 1;
    if (path.empty()) continue;
    std::string read_error;
    const auto text = read_file(path, read_error);
    if (!text) {
      errors.push_back({path, "$", read_error});
      continue;
    }
    // A packed directory is named by its manifest (tft pack); anything else is authoring JSON.
    DirectoryLoad load = is_manifest_text(*text) ? read_published_directory(path, *text, loaded.dataset.data)
                                                 : load_directory({path, *text}, loaded.dataset.data);
    errors.insert(errors.end(), load.errors.begin(), load.errors.end());
    append_directory(directory, std::move(load.directory));
  }
  // A directory with broken entries still matches on its good ones, as on the site; say so.
  if (!errors.empty()) {
    print_errors(errors);
    std::cerr << "tft match: " << errors.size()
              << " problem(s) in the directory; those entries are left out\n";
  }
  const Matcher matcher = prepare_matcher(loaded.dataset.data, directory);
  const MatchText result = match_text(matcher, *answers, options);
  if (!result.ok()) {
    print_errors(result.errors);
    return 1;
  }
  std::cout << result.text << "\n";
  return 0;
}

}  // namespace tft::cli
