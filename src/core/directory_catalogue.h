// The published directories a partner may name (data/directories.json, docs/embedding.md): each
// has a short name used in the embed's `directory=` option, a label, the file it comes from (a
// path inside the site's own data folder, never a URL) and, optionally, the ids of the therapists
// it keeps from that file (a region, or a partner's own list of counsellors). Exactly one is the
// default, which the find page uses.
//
// parse_directory_catalogue() checks the list like every other data file; select_therapists()
// narrows a loaded directory to an entry's ids, naming any id the file does not hold.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "loaders.h"
#include "model.h"

namespace tft {

struct CatalogueEntry {
  std::string name;   // 1-40 of a-z, 0-9 and "-", starting with a letter or digit
  std::string label;  // what a person reads
  std::string file;   // relative to the data folder: "a/b.json", plain segments, no ".."
  bool is_default = false;
  std::optional<std::vector<std::string>> therapists;  // ids kept from `file`; absent keeps all
};

struct DirectoryCatalogue {
  std::vector<CatalogueEntry> directories;
};

struct CatalogueLoad {
  DirectoryCatalogue catalogue;
  std::vector<Error> errors;
  bool ok() const { return errors.empty(); }
};

CatalogueLoad load_directory_catalogue(const Source& source);

// Whether `file` is a plain path inside the data folder ("" when it is, else why not).
std::string catalogue_file_problem(std::string_view file);

// The entry called `name`, or the default entry when `name` is empty; nullptr when none.
const CatalogueEntry* find_catalogue_entry(const DirectoryCatalogue& catalogue, std::string_view name);

// Keeps only the entry's therapists (in the directory's own order), when it lists them. Each listed id the
// directory does not hold is an error at the entry's path in `catalogue_file`, so a stale list is
// caught by `tft validate` rather than silently showing fewer therapists.
std::vector<Error> select_therapists(Directory& directory, const CatalogueEntry& entry,
                                     std::size_t entry_index, const std::string& catalogue_file);

}  // namespace tft
