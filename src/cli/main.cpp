// `tft`: the native face of the core (docs/design.md, "Command line"). Validation, glossary look-ups, search,
// matching and static page generation, all printing JSON or `FILE:PATH: message` lines.
#include <cstring>
#include <iostream>

#include "commands.h"

namespace {

const char* kUsage =
    "usage: tft COMMAND [options]\n"
    "  validate [--data DIR] [--directory FILE]      check every data file\n"
    "  entry SLUG [--data DIR]                       print one glossary entry as JSON\n"
    "  search QUERY [--limit N] [--data DIR]          search the glossary\n"
    "  match --answers FILE|- [--directory FILE] [--limit N] [--today YYYY-MM-DD] [--units km|miles] [--data "
    "DIR]\n"
    "  site --out DIR [--data DIR]                    write the static glossary pages\n"
    "  crisis [--answers FILE|-] [--data DIR]         print the crisis contacts a visitor sees\n"
    "  pack --out DIR [--shard-size N] [--region-size N] [--profile-size N] FILE...\n"
    "                                                publish a directory as packed shards\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace tft::cli;
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  struct Command {
    const char* name;
    int (*run)(const Args&);
    std::vector<std::string> flags;
  };
  const Command commands[] = {
      {"validate", run_validate, {"--data", "--directory"}},
      {"entry", run_entry, {"--data"}},
      {"search", run_search, {"--data", "--limit"}},
      {"match", run_match, {"--data", "--directory", "--answers", "--limit", "--today", "--units"}},
      {"site", run_site, {"--data", "--out", "--base-url"}},
      {"crisis", run_crisis, {"--data", "--answers"}},
      {"pack", run_pack, {"--data", "--out", "--shard-size", "--region-size", "--profile-size"}},
  };
  for (const auto& c : commands) {
    if (command != c.name) continue;
    const auto args = parse_args(argc, argv, c.flags);
    if (!args) {
      std::cerr << kUsage;
      return 2;
    }
    return c.run(*args);
  }
  std::cerr << "tft: unknown command " << command << "\n" << kUsage;
  return 2;
}
