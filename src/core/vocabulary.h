// The closed sets of ids the formats use (docs/design.md). Concern ids and approach slugs are
// open sets read from concerns.json and glossary.json; the lists here are the ones that must exist.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tft {

// One word of a closed vocabulary the matcher packs into a bit mask (or, for genders, a small
// code): its id in the data files, its code, and how a result's sentences say it. Each vocabulary
// below is one table; the sets of ids the loaders check against are read from the same tables.
struct CodedWord {
  std::string_view id;
  std::uint8_t code;
  std::string_view words;  // empty where results never name it
};
using CodedWords = std::vector<CodedWord>;

const CodedWords& gender_codes();        // 1 female, 2 male, 3 non-binary, 4 undisclosed
const CodedWords& client_codes();        // a bit each: individuals couples families
const CodedWords& format_codes();        // a bit each: in-person video phone text
const CodedWords& availability_codes();  // a bit each: weekday-daytime weekday-evening weekend
const CodedWords& identity_codes();      // a bit each, in id order

// The code of `id` in `table`, 0 when it is not there.
std::uint8_t code_of(const CodedWords& table, std::string_view id);
// How results say the word with `code`, empty when none has it.
std::string_view words_of(const CodedWords& table, std::uint8_t code);
// The bits of every id in `ids` that `table` knows.
template <typename Ids>
std::uint8_t mask_of(const CodedWords& table, const Ids& ids) {
  std::uint8_t mask = 0;
  for (const auto& id : ids) mask = static_cast<std::uint8_t>(mask | code_of(table, id));
  return mask;
}

const std::set<std::string>& genders();              // female male non-binary undisclosed
const std::set<std::string>& client_groups();        // individuals couples families
const std::set<std::string>& session_formats();      // in-person video phone text
const std::set<std::string>& availability_slots();   // weekday-daytime weekday-evening weekend
const std::set<std::string>& identity_tags();        // lgbtq-affirming neurodiversity-affirming ...
const std::set<std::string>& glossary_formats();     // individual couple family group online
const std::set<std::string>& registration_bodies();  // BACP UKCP HCPC BABCP BPS COSRT NCPS ...
const std::set<std::string>& waiting_times();        // none weeks months

// Ids docs/design.md says must exist in concerns.json and glossary.json.
const std::vector<std::string>& required_concern_ids();
const std::vector<std::string>& required_approach_slugs();

// ISO 639-1: two lower-case letters. Not checked against the full list on purpose: the directory
// owner may serve any language, and a wrong code only costs a missed language match.
bool is_language_code(const std::string& s);

// Lower-case words joined by single hyphens: "attachment-based", "t-000123".
bool is_slug(std::string_view s);

}  // namespace tft
