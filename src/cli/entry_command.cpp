#include <iostream>

#include "../core/serialize.h"
#include "commands.h"

namespace tft::cli {

int run_entry(const Args& args) {
  if (args.positional.size() != 1) {
    std::cerr << "tft entry: give one slug, e.g. tft entry attachment-based\n";
    return 2;
  }
  const Loaded loaded = load_all(args, false);
  if (!loaded.dataset.ok()) {
    print_errors(loaded.dataset.errors);
    return 1;
  }
  const GlossaryEntry* e = find_entry(loaded.dataset.data, args.positional[0]);
  if (!e) {
    std::cerr << "tft entry: no glossary entry has the slug " << quote_for_message(args.positional[0])
              << "\n";
    return 1;
  }
  std::cout << to_text(entry_to_json(*e), true) << "\n";
  return 0;
}

}  // namespace tft::cli
