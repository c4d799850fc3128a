// The closed sets of ids the formats use (DESIGN §3 and §4). Concern ids and approach slugs are
// open sets read from concerns.json and glossary.json; the lists here are the ones that must exist.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace tft {

const std::set<std::string>& genders();             // female male non-binary undisclosed
const std::set<std::string>& client_groups();       // individuals couples families
const std::set<std::string>& session_formats();     // in-person video phone text
const std::set<std::string>& availability_slots();  // weekday-daytime weekday-evening weekend
const std::set<std::string>& identity_tags();       // lgbtq-affirming neurodiversity-affirming ...
const std::set<std::string>& glossary_formats();    // individual couple family group online
const std::set<std::string>& registration_bodies(); // BACP UKCP HCPC BABCP BPS COSRT NCPS ...
const std::set<std::string>& waiting_times();       // none weeks months

// Ids DESIGN §3 says must exist in concerns.json and glossary.json.
const std::vector<std::string>& required_concern_ids();
const std::vector<std::string>& required_approach_slugs();

// ISO 639-1: two lower-case letters. Not checked against the full list on purpose: the directory
// owner may serve any language, and a wrong code only costs a missed language match.
bool is_language_code(const std::string& s);

// Lower-case words joined by single hyphens: "attachment-based", "t-000123".
bool is_slug(const std::string& s);

}  // namespace tft
