#include "directory_catalogue.h"

#include <set>
#include <unordered_map>

#include "json_input.h"

namespace tft {

namespace {

bool is_name(std::string_view s) {
  if (s.empty() || s.size() > 40 || s.front() == '-') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool is_segment_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

}  // namespace

std::string catalogue_file_problem(std::string_view file) {
  if (file.empty() || file.size() > 200) return "must be a path of 1 to 200 characters";
  if (file.size() < 6 || file.substr(file.size() - 5) != ".json") return "must name a .json file";
  std::size_t start = 0;
  while (start <= file.size()) {
    const std::size_t end = std::min(file.find('/', start), file.size());
    const std::string_view segment = file.substr(start, end - start);
    if (segment.empty() || segment.front() == '.')
      return "must be a path inside the data folder: plain names separated by \"/\", none empty or starting "
             "with \".\"";
    for (char c : segment)
      if (!is_segment_char(c)) return "may use only a-z, 0-9, \"-\", \"_\", \".\" and \"/\"";
    start = end + 1;
  }
  return "";
}

CatalogueLoad load_directory_catalogue(const Source& source) {
  CatalogueLoad out;
  Diagnostics diag;
  diag.file = source.name;
  ParseLimits limits;
  limits.max_bytes = 1u << 20;  // a list of names, not a directory
  if (auto root = parse_json(source.text, limits, diag)) {
    ObjectReader top(*root, "$", diag);
    const json* list = top.array("directories", Need::required, 1, 100);
    top.finish();
    std::set<std::string> names;
    std::size_t defaults = 0;
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      ObjectReader r((*list)[i], index_path("$.directories", i), diag);
      CatalogueEntry e;
      e.name = r.text("name", Need::required, 40).value_or("");
      if (!e.name.empty() && !is_name(e.name))
        diag.add(r.field_path("name"), "must be 1 to 40 of a-z, 0-9 and \"-\", not starting with \"-\"");
      else if (!e.name.empty() && !names.insert(e.name).second)
        diag.add(r.field_path("name"), "repeats " + quote_for_message(e.name));
      e.label = r.text("label", Need::required, 120).value_or("");
      e.file = r.text("file", Need::required, 200).value_or("");
      if (!e.file.empty()) {
        const std::string why = catalogue_file_problem(e.file);
        if (!why.empty()) diag.add(r.field_path("file"), why);
      }
      e.is_default = r.boolean("default", Need::optional).value_or(false);
      if (e.is_default) ++defaults;
      e.therapists = r.strings("therapists", Need::optional, 1, 100000, 64);
      r.finish();
      out.catalogue.directories.push_back(std::move(e));
    }
    if (list && defaults != 1)
      diag.add("$.directories", "exactly one directory must be the default (\"default\": true); found " +
                                    std::to_string(defaults));
  }
  out.errors = std::move(diag.errors);
  return out;
}

const CatalogueEntry* find_catalogue_entry(const DirectoryCatalogue& catalogue, std::string_view name) {
  for (const auto& e : catalogue.directories)
    if (name.empty() ? e.is_default : e.name == name) return &e;
  return nullptr;
}

std::vector<Error> select_therapists(Directory& directory, const CatalogueEntry& entry,
                                     std::size_t entry_index, const std::string& catalogue_file) {
  std::vector<Error> errors;
  if (!entry.therapists) return errors;
  std::unordered_map<std::string, bool> wanted;
  for (const auto& id : *entry.therapists) wanted.emplace(id, false);
  std::vector<Therapist> kept;
  for (auto& t : directory.therapists) {
    const auto it = wanted.find(t.id);
    if (it == wanted.end()) continue;
    it->second = true;
    kept.push_back(std::move(t));
  }
  directory.therapists = std::move(kept);
  const std::string path = index_path("$.directories", entry_index) + ".therapists";
  for (std::size_t i = 0; i < entry.therapists->size(); ++i)
    if (!wanted[(*entry.therapists)[i]])
      errors.push_back(
          {catalogue_file, index_path(path, i),
           quote_for_message((*entry.therapists)[i]) + " is not a valid therapist in " + entry.file});
  return errors;
}

}  // namespace tft
