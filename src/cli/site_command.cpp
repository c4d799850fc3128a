#include <iostream>

#include "commands.h"

namespace tft::cli {

int run_site(const Args& args) {
  std::cerr << "tft " << args.command << ": not built yet\n";
  return 3;
}

}  // namespace tft::cli
