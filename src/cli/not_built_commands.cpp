// Commands whose issues have not landed yet. Each says so and fails, so no script mistakes a
// placeholder for a result. Remove a function from here when its real command file arrives.
#include <iostream>

#include "commands.h"

namespace tft::cli {

namespace {
int not_built(const Args& args) {
  std::cerr << "tft " << args.command << ": not built yet\n";
  return 3;
}
}  // namespace

int run_match(const Args& args) { return not_built(args); }

}  // namespace tft::cli
