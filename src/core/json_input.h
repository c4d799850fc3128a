// Reading untrusted JSON: a parse that never throws or aborts, with limits on size and depth, and a
// field reader that checks types, required fields, lengths, allowed ids and unknown keys, recording
// each problem with its JSON path. Every data loader and the answers/profile validators use these,
// so one set of rules covers the directory, the glossary and whatever a visitor types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"

namespace tft {

using json = nlohmann::json;

struct ParseLimits {
  std::size_t max_bytes =
      64u << 20;               // 64 MiB; larger directories are split by region (docs/directory-format.md)
  std::size_t max_depth = 32;  // our formats need at most 6; deeper is hostile or broken
};

// Parses `text`. On success returns the value; otherwise records one error at "$" (with line and
// column when the parser knows them) and returns nullopt. Never throws.
std::optional<json> parse_json(std::string_view text, const ParseLimits& limits, Diagnostics& diag);

enum class Need { required, optional };

// Checks one JSON object field by field. Construct it over any value: if the value is not an
// object it records that once and every read returns "absent". Call `finish()` last to report keys
// that no read asked for, since unknown fields are errors in every format we accept.
class ObjectReader {
 public:
  ObjectReader(const json& value, std::string path, Diagnostics& diag);

  bool is_object() const { return obj_ != nullptr; }
  const std::string& path() const { return path_; }

  // A string of 1..max_chars characters. `multiline` allows newlines; other control characters are
  // always rejected. Returns nullopt when absent or invalid (and records why, unless optional+absent).
  std::optional<std::string> text(const char* key, Need need, std::size_t max_chars, bool multiline = false);
  // One of `allowed`.
  std::optional<std::string> one_of(const char* key, Need need, const std::set<std::string>& allowed);
  std::optional<std::int64_t> integer(const char* key, Need need, std::int64_t min, std::int64_t max);
  std::optional<double> number(const char* key, Need need, double min, double max);
  std::optional<bool> boolean(const char* key, Need need);
  // A date written YYYY-MM-DD.
  std::optional<std::string> date(const char* key, Need need);
  // An array of distinct strings, each 1..max_chars, each in `allowed` when given.
  std::optional<std::vector<std::string>> strings(const char* key, Need need, std::size_t min_items,
                                                  std::size_t max_items, std::size_t max_chars,
                                                  const std::set<std::string>* allowed = nullptr);
  // Raw access for nested structures: the field if present with the right JSON type, else nullptr.
  const json* array(const char* key, Need need, std::size_t min_items, std::size_t max_items);
  const json* object(const char* key, Need need);

  // Marks a key as known without reading it (for keys read elsewhere).
  void accept(const char* key) { seen_.push_back(key); }
  void finish();

  std::string field_path(const char* key) const { return child_path(path_, key); }
  Diagnostics& diagnostics() { return *diag_; }

 private:
  const json* field(const char* key, Need need);
  const std::string* string_field(const char* key, Need need);  // records a type error

  const json* obj_;
  std::string path_;
  Diagnostics* diag_;
  // Keys asked for so far. Always string literals and a handful per object, so a flat list of
  // pointers is cheaper than a set of strings on a 100,000-entry directory.
  std::vector<const char*> seen_;
};

// The JSON type name a person would use in an error ("a number", "an array").
std::string describe_type(const json& value);

// Text checks shared with the readers above.
bool is_valid_date(std::string_view s);
// Why `s` is not acceptable as a text field (empty, too long, control characters), or "".
std::string text_problem(const std::string& s, std::size_t max_chars, bool multiline);
std::size_t utf8_length(std::string_view s);

}  // namespace tft
