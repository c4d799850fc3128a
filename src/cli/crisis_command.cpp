// `tft crisis [--answers FILE|-] [--data DIR]`: the crisis contacts a visitor would see.
// Without answers, every contact grouped by nation for a visitor whose nation and age are unknown
// (what the crisis page and every page's "Need help now?" block show; scripts/render-pages.mjs
// reads this). With answers, which may stop part-way through the questionnaire, the crisis part
// and signposts of the result for them, byte for byte what the WASM safetyRoutes() returns.
#include <iostream>

#include "../core/crisis_contacts.h"
#include "commands.h"

namespace tft::cli {

int run_crisis(const Args& args) {
  if (!args.positional.empty()) {
    std::cerr << "tft crisis: takes no words, only --answers FILE|- and --data DIR\n";
    return 2;
  }
  std::optional<std::string> answers;
  if (args.has("--answers")) {
    std::string why;
    answers = read_file(args.flag("--answers", "-"), why);
    if (!answers) {
      std::cerr << "tft crisis: " << args.flag("--answers", "-") << " " << why << "\n";
      return 1;
    }
  }
  const Loaded loaded = load_all(args, false);
  if (!loaded.dataset.ok()) {
    print_errors(loaded.dataset.errors);
    return 1;
  }
  const Dataset& data = loaded.dataset.data;
  if (!answers) {
    std::cout << to_text(crisis_directory_json(data.crisis), true) << "\n";
    return 0;
  }
  const SafetyRoutesText routes = safety_routes_text(data, build_place_index(data.places), *answers);
  if (!routes.ok()) {
    print_errors(routes.errors);
    return 1;
  }
  std::cout << routes.text << "\n";
  return 0;
}

}  // namespace tft::cli
