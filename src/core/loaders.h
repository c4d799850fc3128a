// Loading the data files of docs/design.md ("Data files") from text. Each loader checks types, required
// fields, ids that must resolve, duplicates and size limits, and returns every problem as an Error with the
// file and JSON path. They never throw and never abort, whatever the input: a broken file gives
// errors and an empty or partial value, never a crash. Cost: linear in the input size.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "json_input.h"
#include "model.h"

namespace tft {

// A file's display name (used in errors) and its bytes.
struct Source {
  std::string name;
  std::string_view text;
};

struct DatasetSources {
  Source glossary, concerns, questionnaire, crisis, places;
};

struct DatasetLoad {
  Dataset data;
  std::vector<Error> errors;
  bool ok() const { return errors.empty(); }
};

// Loads only concerns.json and glossary.json, with the same checks as load_dataset (a glossary
// concern id must exist in concerns.json): all that search, the glossary entries and the concern
// list need. The glossary pages' module loads this instead of all five files (docs/matching.md,
// "Module size"), so it carries no questionnaire, crisis or places reader.
DatasetLoad load_glossary_data(const Source& glossary, const Source& concerns);

// Loads all five files and cross-checks them (glossary concern ids exist in concerns.json, related
// slugs exist, every required concern id exists). Errors come in file order.
DatasetLoad load_dataset(const DatasetSources& sources);

struct DirectoryLoad {
  Directory directory;
  std::vector<Error> errors;
  bool ok() const { return errors.empty(); }
};

// Loads a therapist directory, checking concern and approach ids against `data`. Therapists with
// errors are left out of `directory` (so a partly broken file still serves the good entries), and
// each of their problems is reported. When the file is a further shard of a directory
// (docs/directory-format.md), `loaded_before` is what is already loaded: an id already there is reported and
// left out, so a therapist listed in two shards appears once.
DirectoryLoad load_directory(const Source& source, const Dataset& data,
                             const Directory* loaded_before = nullptr);

// Validates one directory entry as a therapist builds it on the For Professionals page: the same
// rules as load_directory, with paths from "$". Returns no errors when the entry is good.
std::vector<Error> validate_profile(std::string_view profile_json, const Dataset& data);

// Individual parsers, exposed for tests and the CLI. Each records problems in `diag`. (The places
// file has none: load_dataset reads it place by place as it parses.)
// `known_concerns` empty skips the concern-id check (for tests of the glossary alone).
std::vector<GlossaryEntry> parse_glossary(const json& root, Diagnostics& diag,
                                          const std::set<std::string>& known_concerns);
std::vector<Concern> parse_concerns(const json& root, Diagnostics& diag);
Questionnaire parse_questionnaire(const json& root, Diagnostics& diag);
// `known_concerns` empty skips the concern-id check on contacts and signposts.
Crisis parse_crisis(const json& root, Diagnostics& diag, const std::set<std::string>& known_concerns = {});
// The places file from a tree already parsed (load_dataset streams it instead; same checks).
Places parse_places(const json& root, Diagnostics& diag);

// Allowed approach slugs for directory entries: the glossary's plus the fixed list (required_approach_slugs,
// vocabulary.h).
std::set<std::string> approach_slugs(const Dataset& data);
std::set<std::string> concern_ids(const Dataset& data);

const GlossaryEntry* find_entry(const Dataset& data, std::string_view slug);

}  // namespace tft
