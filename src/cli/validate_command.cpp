#include <iostream>

#include "commands.h"

namespace tft::cli {

int run_validate(const Args& args) {
  if (!args.positional.empty()) {
    std::cerr << "tft validate: takes no positional arguments\n";
    return 2;
  }
  const Loaded loaded = load_all(args, true);
  std::vector<Error> errors = loaded.dataset.errors;
  errors.insert(errors.end(), loaded.directory->errors.begin(), loaded.directory->errors.end());
  if (!errors.empty()) {
    print_errors(errors);
    std::cerr << errors.size() << (errors.size() == 1 ? " problem" : " problems") << " found\n";
    return 1;
  }
  const Dataset& d = loaded.dataset.data;
  const Directory& dir = loaded.directory->directory;
  std::cout << "ok: " << d.glossary.size() << " glossary entries, " << d.concerns.size() << " concerns, "
            << d.questionnaire.questions.size() << " questions, " << d.crisis.contacts.size()
            << " crisis contacts, " << d.places.places.size() << " places, " << dir.therapists.size()
            << " therapists" << (dir.fictional ? " (fictional sample)" : "") << "\n";
  return 0;
}

}  // namespace tft::cli
