// Turning results into JSON text. The CLI and the WASM module both print through these functions,
// which is what makes their output byte-identical (docs/design.md: same inputs, same bytes). Keys keep
// the order of docs/design.md so the output reads like the documentation.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "model.h"

namespace tft {

using ordered_json = nlohmann::ordered_json;

// An empty object with room for `members`. nlohmann's ordered_map is a vector of
// pair<const string, json>, which cannot be moved, so every time an object outgrows its room the
// vector copies each member made so far, nested lists and objects included. The wide objects (a
// therapist, a match) are given their room up front.
ordered_json object_with_room(std::size_t members);

ordered_json entry_to_json(const GlossaryEntry& e);
ordered_json therapist_to_json(const Therapist& t);
ordered_json errors_to_json(const std::vector<Error>& errors);  // [{file, path, message, text}]
ordered_json crisis_to_json(const Crisis& c);  // the data file's content, signpost rules included
ordered_json crisis_contact_to_json(const CrisisContact& k);
ordered_json questionnaire_to_json(const Questionnaire& q);
ordered_json concerns_to_json(const std::vector<Concern>& concerns);

// Compact or 2-space-indented text; invalid UTF-8 is replaced rather than aborting.
std::string to_text(const ordered_json& value, bool pretty);

}  // namespace tft
