#include <filesystem>
#include <iostream>

#include "../core/directory_catalogue.h"
#include "../core/published_directory.h"
#include "commands.h"

namespace tft::cli {

namespace {

// data/directories.json, when the data folder has one: the list itself, and every directory it
// names, read from the data folder (JSON or a packed manifest) and narrowed to its ids, so a
// partner's `directory=` option can only ever name something that loads cleanly.
std::vector<Error> check_catalogue(const std::string& data_dir, const Dataset& data, std::size_t& named) {
  const std::string path = data_dir + "/directories.json";
  if (!std::filesystem::exists(path)) return {};
  std::string why;
  const auto text = read_file(path, why);
  if (!text) return {{path, "$", why}};
  CatalogueLoad load = load_directory_catalogue({path, *text});
  std::vector<Error> errors = load.errors;
  if (!load.ok()) return errors;
  const auto& list = load.catalogue.directories;
  named = list.size();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string file = data_dir + "/" + list[i].file;
    const auto body = read_file(file, why);
    if (!body) {
      errors.push_back({path, index_path("$.directories", i) + ".file", "names " + file + ", which " + why});
      continue;
    }
    DirectoryLoad dir = is_manifest_text(*body) ? read_published_directory(file, *body, data)
                                                : load_directory({file, *body}, data);
    errors.insert(errors.end(), dir.errors.begin(), dir.errors.end());
    const std::vector<Error> missing = select_therapists(dir.directory, list[i], i, path);
    errors.insert(errors.end(), missing.begin(), missing.end());
  }
  return errors;
}

}  // namespace

int run_validate(const Args& args) {
  if (!args.positional.empty()) {
    std::cerr << "tft validate: takes no positional arguments\n";
    return 2;
  }
  const Loaded loaded = load_all(args, true);
  std::vector<Error> errors = loaded.dataset.errors;
  errors.insert(errors.end(), loaded.directory->errors.begin(), loaded.directory->errors.end());
  std::size_t named = 0;
  if (loaded.dataset.ok()) {
    const std::vector<Error> catalogue =
        check_catalogue(args.flag("--data", default_data_dir()), loaded.dataset.data, named);
    errors.insert(errors.end(), catalogue.begin(), catalogue.end());
  }
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
            << " therapists" << (dir.fictional ? " (fictional sample)" : "");
  if (named) std::cout << ", " << named << " published directories";
  std::cout << "\n";
  return 0;
}

}  // namespace tft::cli
