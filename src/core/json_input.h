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

// Parsed input and written output share one JSON type, so the WebAssembly module carries one copy of
// nlohmann's code, not two (docs/matching.md, "Module size"). Objects keep their members in the
// order read; the parser refuses repeated keys (parse_json), and whatever lists an object's members
// for a person lists them in key order (members_by_key), as a sorted map would.
using json = nlohmann::ordered_json;

// Limits on one parse. Memory: the parse tree is counted as it is built, allocation by allocation,
// and the parse stops with an error once it would pass tree_bytes_per_input_byte × the input size
// plus 1 MiB (never more than 193 MiB); with the text itself in memory (twice in WebAssembly) and a
// model smaller than its tree, a load stays within 8N + 4 MiB, never more than 512 MB
// (docs/security.md has the figures).
struct ParseLimits {
  std::size_t max_bytes =
      64u << 20;               // 64 MiB; larger directories are split by region (docs/directory-format.md)
  std::size_t max_depth = 32;  // our formats need at most 6; deeper is hostile or broken
  // Longest string or number token, in bytes: our longest text field is 4,000 characters (at most
  // 16,000 bytes), so anything past 64 KiB is not ours, and refusing it before the parser buffers
  // it keeps a 50 MB string from costing 150 MB.
  std::size_t max_token_bytes = 64u << 10;
  // 3: the bundled files need at most 2 (the glossary) once the big arrays are streamed, and the
  // small ones fit in the fixed 1 MiB. In WebAssembly the text is in memory twice (Embind copies
  // it), so 3 keeps a 64 MiB load there near 400 MB.
  std::size_t tree_bytes_per_input_byte = 3;
};

// ArrayStream's `each`: a borrowed callable (a lambda of the caller's, which must outlive the
// parse), made by borrow_item_handler. Not a std::function, whose machinery cost the WebAssembly
// module about 1 kB.
struct ItemHandler {
  bool (*call)(void* callable, const json& item, std::size_t index) = nullptr;
  void* callable = nullptr;
  bool operator()(const json& item, std::size_t index) const { return call(callable, item, index); }
};

template <typename Callable>
ItemHandler borrow_item_handler(Callable& f) {
  return {[](void* c, const json& item, std::size_t index) -> bool {
            return (*static_cast<Callable*>(c))(item, index);
          },
          &f};
}

// One array member of the root object, read item by item instead of kept in the tree: each item is
// handed to `each` as soon as it is complete and then freed, so a directory of 60,000 therapists
// never holds 60,000 parse trees at once. In the returned root the member is an empty array (so
// field checks still see an array there); `count` says how many items it had. `each` returns false
// to stop the parse (for example after too many errors); parse_json then returns an empty document
// without adding an error of its own.
struct ArrayStream {
  std::string key;  // a member of the root object, such as "therapists"
  std::size_t max_items = 0;
  ItemHandler each;
  std::size_t count = 0;
  bool stopped = false;  // `each` asked to stop
};

// A parsed document, used like std::optional<json> (if (doc), *doc, doc->). It frees its tree leaf
// by leaf (the depth is at most ParseLimits::max_depth), because nlohmann's own destructor first
// moves every child of a container into a temporary vector: for a 128 MiB array, another 128 MiB.
class JsonDocument {
 public:
  // clang-tidy 14 follows nlohmann's noexcept default constructor into json_value(value_t), whose
  // one throw is reached only for value_t::null, a case handled just above it, so it cannot run;
  // nlohmann marks that constructor NOLINT(bugprone-exception-escape) for the same reason.
  JsonDocument() = default;  // NOLINT(bugprone-exception-escape)
  explicit JsonDocument(json&& value) : value_(std::move(value)), present_(true) {}
  JsonDocument(JsonDocument&& other) noexcept;
  JsonDocument& operator=(JsonDocument&& other) noexcept;
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;
  ~JsonDocument();

  explicit operator bool() const { return present_; }
  bool has_value() const { return present_; }
  const json& operator*() const { return value_; }
  const json* operator->() const { return &value_; }

 private:
  json value_;
  bool present_ = false;
};

// Frees `value`'s tree from the leaves up, without nlohmann's temporary vector; leaves null.
void release_tree(json& value);

// Parses `text`. On success returns the value; otherwise records one error (at "$", or at the path
// where the parse stopped, with line and column in characters when the problem has a place) and
// returns an empty document. Refuses NUL bytes, tokens longer than the limit, duplicate keys, nesting deeper
// than the limit and trees bigger than the memory limit. Never throws.
JsonDocument parse_json(std::string_view text, const ParseLimits& limits, Diagnostics& diag,
                        ArrayStream* stream = nullptr);

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

// The numbers of an object's members in key order (byte by byte, as std::map orders strings), so
// errors about several members come in the same order whatever order the file has them in. Empty
// for anything but an object.
std::vector<std::uint32_t> members_by_key(const json& object);

// The JSON type name a person would use in an error ("a number", "an array").
std::string describe_type(const json& value);

// Text checks shared with the readers above.
bool is_valid_date(std::string_view s);
// Why `s` is not acceptable as a text field, or "": empty, too long, or holding a character that is
// invisible or changes how the text around it is shown (control characters, NUL, bidirectional
// controls, zero-width characters, U+2028/U+2029), which could make a name or bio display as
// something else. The message names the character and where it is ("at character 12").
std::string text_problem(const std::string& s, std::size_t max_chars, bool multiline);
std::size_t utf8_length(std::string_view s);

}  // namespace tft
