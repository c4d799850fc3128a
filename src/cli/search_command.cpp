#include <iostream>

#include "../core/search.h"
#include "../core/serialize.h"
#include "commands.h"

namespace tft::cli {

int run_search(const Args& args) {
  if (args.positional.size() != 1) {
    std::cerr << "tft search: give one query (quote it if it has spaces), e.g. tft search \"atachment\"\n";
    return 2;
  }
  const auto limit = number_flag(args, "--limit", 10, 100);
  if (!limit) return 2;
  const Loaded loaded = load_all(args, false);
  if (!loaded.dataset.ok()) {
    print_errors(loaded.dataset.errors);
    return 1;
  }
  const SearchIndex index = build_search_index(loaded.dataset.data);
  const SearchResult result = search(index, args.positional[0], static_cast<std::size_t>(*limit));
  std::cout << to_text(search_result_to_json(result), false) << "\n";
  return 0;
}

}  // namespace tft::cli
