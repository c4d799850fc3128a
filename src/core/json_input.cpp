#include "json_input.h"

#include "item_index.h"
#include "json_text.h"
#include "sort_order.h"
#include "text.h"
#include "text_safety.h"

#include <cmath>
#include <cstring>

namespace tft {

namespace {

// ---- where a byte is, as a person counts -----------------------------------------------------

struct Place {
  std::size_t line = 1;
  std::size_t column = 1;  // in characters, not bytes
};

// The line and column of byte `offset` (an offset at the end names the place just past the text).
Place place_of(std::string_view text, std::size_t offset) {
  Place p;
  const std::size_t end = offset < text.size() ? offset : text.size();
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  p.column = utf8_length(text.substr(line_start, end - line_start)) + 1;
  return p;
}

std::string at_place(std::string_view text, std::size_t offset) {
  const Place p = place_of(text, offset);
  return "at line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

// ---- checks before the parser sees the text --------------------------------------------------

// A NUL byte ends nlohmann's input as if the text stopped there ("{...}\0junk" would pass), and
// no JSON text has one (outside strings it is not a token; inside, control characters must be
// escaped). Returns its offset, or npos.
std::size_t find_nul(std::string_view text) {
  const void* at = text.empty() ? nullptr : std::memchr(text.data(), '\0', text.size());
  return at ? static_cast<std::size_t>(static_cast<const char*>(at) - text.data()) : std::string_view::npos;
}

struct LongToken {
  std::size_t offset = std::string_view::npos;  // where the token starts
  bool is_string = false;
};

// The first string or number token longer than `max_bytes`, found by one pass that follows quotes
// and escapes only. The parser would otherwise buffer the whole token (and double its buffer as it
// grows) before any handler could refuse it.
LongToken find_long_token(std::string_view text, std::size_t max_bytes) {
  LongToken found;
  if (text.size() <= max_bytes) return found;
  bool in_string = false, in_number = false, escaped = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (in_number) {
      in_number = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    } else if (c == '"') {
      in_string = true;
      start = i;
    } else if ((c >= '0' && c <= '9') || c == '-') {
      in_number = true;
      start = i;
    }
    if ((in_string || in_number) && i - start >= max_bytes) return {start, in_string};
  }
  return found;
}

// ---- the parse tree, counted as it is built --------------------------------------------------

// What one heap allocation of `bytes` costs, with the allocator's own bookkeeping: glibc's malloc
// and Emscripten's dlmalloc add at most two pointers and round to 16 bytes. An estimate from above.
constexpr std::size_t heap_cost(std::size_t bytes) {
  return (bytes + 2 * sizeof(void*) + 15) / 16 * 16;
}

// Bytes a std::string of `length` characters owns beyond its own size (none while it fits in the
// small-string buffer, whose size depends on the standard library).
std::size_t string_heap(std::size_t length) {
  static const std::size_t inline_capacity = std::string().capacity();
  return length <= inline_capacity ? 0 : heap_cost(length + 1);
}

// An object is a vector of key/value pairs (json is nlohmann::ordered_json), grown like an array.
using Member = json::object_t::value_type;
using Members = json::object_t::Container;

// Member m's key, for the hash index.
auto key_in(const Members& members) {
  return [&members](std::uint32_t m) -> std::string_view { return members[m].first; };
}

// Which keys an object already has, for refusing a repeated key as it is read: a linear look while
// the object is small (our formats' objects have at most a few dozen keys), then a hash table of
// member numbers, so an object of a million keys costs a million look-ups, not 10^12 comparisons.
// Member numbers stay valid as the member vector grows, so the table never needs the keys' addresses.
class KeyIndex {
 public:
  static constexpr std::size_t kLinearUpTo = 16;

  bool contains(const Members& members, const std::string& key) const {
    if (index_.slots.empty()) {
      for (const Member& m : members)
        if (m.first == key) return true;
      return false;
    }
    return index_.slots[index_.slot_of(key, key_in(members))] != 0;
  }

  // The bytes the table needs once `members` has `count` members (0 while a linear look will do).
  static std::size_t bytes_for(std::size_t count) {
    return count <= kLinearUpTo ? 0 : heap_cost(slots_for(count) * sizeof(std::uint32_t));
  }

  // Records the last member of `members` (call after adding it; its key is not there yet).
  void add(const Members& members) {
    const std::size_t count = members.size();
    if (count <= kLinearUpTo) return;
    if (index_.slots.size() < slots_for(count)) index_.rebuild(slots_for(count), count - 1, key_in(members));
    index_.slots[index_.slot_of(members[count - 1].first, key_in(members))] =
        static_cast<std::uint32_t>(count);
  }

 private:
  static std::size_t slots_for(std::size_t count) { return ItemIndex::slots_for(count, 64); }

  ItemIndex index_;
};

// Every parse may use this much whatever its size (the small data files and answers), and none
// more than a 64 MiB file at 3 bytes per byte (a directory that big is streamed and never gets near).
constexpr std::size_t kTreeAllowance = std::size_t(1) << 20;
constexpr std::size_t kMaxTreeBytes = (std::size_t(3) * 64 + 1) << 20;

// Builds the tree for nlohmann's SAX parser (its public interface), with every limit of
// ParseLimits: depth, duplicate keys, the memory the tree may use, and the streamed array.
class TreeBuilder {
 public:
  TreeBuilder(json& root, const ParseLimits& limits, std::size_t input_bytes, ArrayStream* stream)
      : root_(root), limits_(limits), stream_(stream) {
    const std::size_t per_byte = limits.tree_bytes_per_input_byte;
    const bool huge = per_byte && input_bytes > (kMaxTreeBytes - kTreeAllowance) / per_byte;
    budget_ = huge ? kMaxTreeBytes : per_byte * input_bytes + kTreeAllowance;
  }

  bool null() { return value(json(nullptr), 0); }
  bool boolean(bool v) { return value(json(v), 0); }
  bool number_integer(json::number_integer_t v) { return value(json(v), 0); }
  bool number_unsigned(json::number_unsigned_t v) { return value(json(v), 0); }
  bool number_float(json::number_float_t v, const std::string& /*text*/) { return value(json(v), 0); }
  // Copied, not moved: the parser reuses this buffer, and a copy owns exactly its length.
  bool string(std::string& v) {
    return value(json(v), heap_cost(sizeof(json::string_t)) + string_heap(v.size()));
  }
  bool binary(json::binary_t& /*v*/) { return false; }  // JSON text never produces one
  bool start_object(std::size_t /*size*/) { return open(json::object()); }
  bool start_array(std::size_t /*size*/) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    Frame& f = frames_.back();
    if (f.keys.contains(f.node->get_ref<json::object_t&>(), k)) {
      fail(child_path(path(frames_.size() - 1), k),
           "repeats the key " + quote_for_message(k) + " (each key may appear once in an object)");
      return false;
    }
    f.key = k;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/, const json::exception& ex) {
    syntax_position_ = position;
    syntax_message_ = ex.what();
    return false;
  }

  // Why the parse stopped early, if a limit (not the syntax) stopped it.
  bool failed() const { return !fail_path_.empty(); }
  const std::string& fail_path() const { return fail_path_; }
  const std::string& fail_message() const { return fail_message_; }
  bool stopped_by_stream() const { return stream_ && stream_->stopped; }
  std::size_t syntax_position() const { return syntax_position_; }
  const std::string& syntax_message() const { return syntax_message_; }

 private:
  struct Frame {
    json* node;                // the object or array being filled
    std::string key;           // objects: the key of the next value
    KeyIndex keys;             // objects: the keys so far
    bool streamed = false;     // the ArrayStream's array: items go to stream_->each
    std::size_t items_at = 0;  // streamed: the tree's size before the current item
  };

  void fail(std::string at, std::string message) {
    fail_path_ = std::move(at);
    fail_message_ = std::move(message);
  }

  // The path of the value about to be placed in frame `depth` ("$" for the root).
  std::string path(std::size_t depth) const {
    std::string p = "$";
    for (std::size_t i = 0; i < depth && i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      // An open container's last item is the one being built inside it; the innermost
      // container's next item is the one about to be placed.
      const bool innermost = i + 1 == frames_.size();
      if (f.node->is_object())
        p = child_path(p, f.key);
      else if (f.streamed)
        p = index_path(p, stream_->count);
      else
        p = index_path(p, innermost ? f.node->size() : f.node->size() - 1);
    }
    return p;
  }

  bool charge(std::size_t bytes) {
    if (bytes > budget_ - used_) {
      fail(path(frames_.size()),
           "the file holds more values than a file of its size should, so reading "
           "stopped here to keep memory bounded");
      return false;
    }
    used_ += bytes;
    return true;
  }

  // Places `v` in the innermost open container and returns where it now lives (nullptr to stop).
  json* place(json&& v, std::size_t cost) {
    if (frames_.empty()) {
      if (!charge(cost)) return nullptr;
      root_ = std::move(v);
      return &root_;
    }
    Frame& f = frames_.back();
    if (f.streamed) {
      f.items_at = used_;
      if (stream_->count >= stream_->max_items) {
        fail(path(frames_.size() - 1),
             "has more than " + std::to_string(stream_->max_items) + " items, the limit");
        return nullptr;
      }
      if (!charge(cost)) return nullptr;
      item_ = std::move(v);
      return &item_;
    }
    if (f.node->is_array()) {
      json::array_t& items = f.node->get_ref<json::array_t&>();
      if (!make_room(items, cost)) return nullptr;
      items.push_back(std::move(v));
      return &items.back();
    }
    Members& members = f.node->get_ref<json::object_t&>();
    // The key index grows with the members; its old table is freed as the new one is filled.
    const std::size_t index_before = KeyIndex::bytes_for(members.size());
    const std::size_t index_after = KeyIndex::bytes_for(members.size() + 1);
    if (!make_room(members, cost + string_heap(f.key.size()) + index_after - index_before)) return nullptr;
    // Appended, not emplaced: key() has refused a repeated key, and ordered_map's emplace would look
    // for it again, member by member. The key is copied, not moved: error paths below this value
    // still name it.
    members.emplace_back(f.key, std::move(v));
    f.keys.add(members);
    return &members.back().second;
  }

  // Charges `cost` and, when `items` is full, its growth: by doubling, as the standard libraries
  // do, but here so the cost is known (the old buffer and the new one exist together while the
  // items move).
  template <typename Vector>
  bool make_room(Vector& items, std::size_t cost) {
    using Item = typename Vector::value_type;
    if (items.size() < items.capacity()) return charge(cost);
    const std::size_t old_cost = items.capacity() ? heap_cost(items.capacity() * sizeof(Item)) : 0;
    const std::size_t next = items.capacity() ? items.capacity() * 2 : 4;
    if (!charge(heap_cost(next * sizeof(Item)) + cost)) return false;
    items.reserve(next);
    used_ -= old_cost;
    return true;
  }

  // Hands a finished item of the streamed array to its reader and frees it.
  bool deliver() {
    Frame& f = frames_.back();
    const std::size_t index = stream_->count++;
    const bool go_on = stream_->each(item_, index);
    release_tree(item_);
    used_ = f.items_at;
    if (!go_on) stream_->stopped = true;
    return go_on;
  }

  bool value(json&& v, std::size_t cost) {
    if (!place(std::move(v), cost)) return false;
    return frames_.empty() || !frames_.back().streamed || deliver();
  }

  bool open(json&& container) {
    if (frames_.size() >= limits_.max_depth) {
      fail("$", "nested more than " + std::to_string(limits_.max_depth) + " levels deep");
      return false;
    }
    const bool is_array = container.is_array();
    const std::size_t cost = heap_cost(is_array ? sizeof(json::array_t) : sizeof(json::object_t));
    // The streamed array is the root object's member named by the stream.
    const bool streamed = is_array && stream_ && frames_.size() == 1 && frames_[0].node->is_object() &&
                          frames_[0].key == stream_->key && !streaming_;
    json* at = place(std::move(container), cost);
    if (!at) return false;
    frames_.push_back({at, {}, {}, streamed, 0});
    streaming_ = streaming_ || streamed;
    return true;
  }

  bool close() {
    // The tree keeps the object; its key index goes (charged in place()).
    if (frames_.back().node->is_object()) used_ -= KeyIndex::bytes_for(frames_.back().node->size());
    frames_.pop_back();
    return frames_.empty() || !frames_.back().streamed || deliver();
  }

  json& root_;
  const ParseLimits& limits_;
  ArrayStream* stream_;
  std::vector<Frame> frames_;
  json item_;  // the streamed array's current item
  bool streaming_ = false;
  std::size_t budget_ = 0;
  std::size_t used_ = 0;
  std::string fail_path_, fail_message_;
  std::size_t syntax_position_ = 0;
  std::string syntax_message_;
};

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 2:
// syntax error ... last read: '...'". Keep the human part, with the place counted in characters
// (nlohmann counts bytes); Diagnostics::add makes the quoted text printable and cuts the line.
std::string syntax_error_message(std::string_view text, std::size_t position, const std::string& raw) {
  std::string detail = raw;
  const auto tag_end = detail.find("] ");
  if (detail.rfind("[json.exception", 0) == 0 && tag_end != std::string::npos)
    detail = detail.substr(tag_end + 2);
  const auto colon = detail.find(": ");
  if (detail.rfind("parse error", 0) == 0 && colon != std::string::npos) detail = detail.substr(colon + 2);
  // nlohmann's position counts the byte it stopped on, and one more at the end of the text.
  const std::size_t offset = position > 0 ? position - 1 : 0;
  Place p = place_of(text, offset);
  if (position > text.size()) p = place_of(text, text.size());
  return "not valid JSON: parse error at line " + std::to_string(p.line) + ", column " +
         std::to_string(p.column) + ": " + detail;
}

}  // namespace

void release_tree(json& value) {
  if (value.is_array()) {
    json::array_t& items = *value.get_ptr<json::array_t*>();  // get_ptr never throws
    while (!items.empty()) {
      release_tree(items.back());
      items.pop_back();
    }
  } else if (value.is_object()) {
    Members& members = *value.get_ptr<json::object_t*>();
    while (!members.empty()) {  // from the back: erasing the first member would move all the rest
      release_tree(members.back().second);
      members.pop_back();
    }
  }
  value = nullptr;
}

JsonDocument::JsonDocument(JsonDocument&& other) noexcept
    : value_(std::move(other.value_)), present_(other.present_) {
  other.present_ = false;
}

JsonDocument& JsonDocument::operator=(JsonDocument&& other) noexcept {
  if (this != &other) {
    release_tree(value_);
    value_ = std::move(other.value_);
    present_ = other.present_;
    other.present_ = false;
  }
  return *this;
}

JsonDocument::~JsonDocument() {
  release_tree(value_);
}

JsonDocument parse_json(std::string_view text, const ParseLimits& limits, Diagnostics& diag,
                        ArrayStream* stream) {
  if (text.size() > limits.max_bytes) {
    diag.add("$", "file is " + std::to_string(text.size()) + " bytes; the limit is " +
                      std::to_string(limits.max_bytes) + " (split large directories by region)");
    return {};
  }
  if (const std::size_t nul = find_nul(text); nul != std::string_view::npos) {
    diag.add("$", "not valid JSON: a NUL byte " + at_place(text, nul) + " (JSON text never holds one)");
    return {};
  }
  if (const LongToken long_token = find_long_token(text, limits.max_token_bytes);
      long_token.offset != std::string_view::npos) {
    diag.add("$", std::string(long_token.is_string ? "a string" : "a number") + " starting " +
                      at_place(text, long_token.offset) + " is longer than " +
                      std::to_string(limits.max_token_bytes) + " bytes" +
                      (long_token.is_string ? " or never closed" : ""));
    return {};
  }
  json root;
  TreeBuilder builder(root, limits, text.size(), stream);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
  const bool complete = ok && !builder.stopped_by_stream() && !builder.failed();
  if (!complete) release_tree(root);  // freed here, leaf by leaf, whatever stopped the parse
  if (builder.stopped_by_stream()) return {};
  if (builder.failed()) {
    diag.add(builder.fail_path(), builder.fail_message());
    return {};
  }
  if (!ok) {
    diag.add("$", syntax_error_message(text, builder.syntax_position(), builder.syntax_message()));
    return {};
  }
  return JsonDocument(std::move(root));
}

std::string describe_type(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "a number";
    default:
      return "an unsupported value";
  }
}

bool is_valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int year = digits_value(s.substr(0, 4));
  const int month = digits_value(s.substr(5, 2));
  const int day = digits_value(s.substr(8, 2));
  static const int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int limit = (month == 2 && !leap) ? 28 : days_in_month[month - 1];
  return day <= limit;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

ObjectReader::ObjectReader(const json& value, std::string path, Diagnostics& diag)
    : obj_(value.is_object() ? &value : nullptr), path_(std::move(path)), diag_(&diag) {
  if (!obj_) diag_->add(path_, "expected an object, found " + describe_type(value));
}

const json* ObjectReader::field(const char* key, Need need) {
  seen_.push_back(key);
  if (!obj_) return nullptr;
  const auto it = obj_->find(key);
  if (it == obj_->end()) {
    if (need == Need::required) diag_->add(field_path(key), "is required");
    return nullptr;
  }
  return &*it;
}

// Why a string is not acceptable as text, or "" when it is.
std::string text_problem(const std::string& s, std::size_t max_chars, bool multiline) {
  const std::size_t length = utf8_length(s);
  if (length == 0) return "must not be empty";
  if (length > max_chars)
    return "is " + std::to_string(length) + " characters; the limit is " + std::to_string(max_chars);
  if (const auto bad = find_unsafe_character(s, multiline))
    return "contains " + std::string(bad->kind) + " (" + code_point_label(bad->code) + ") at character " +
           std::to_string(bad->position) + "; remove it";
  return "";
}

const std::string* ObjectReader::string_field(const char* key, Need need) {
  const json* v = field(key, need);
  if (!v) return nullptr;
  if (!v->is_string()) {
    diag_->add(field_path(key), "expected a string, found " + describe_type(*v));
    return nullptr;
  }
  return &v->get_ref<const std::string&>();
}

std::optional<std::string> ObjectReader::text(const char* key, Need need, std::size_t max_chars,
                                              bool multiline) {
  const std::string* s = string_field(key, need);
  if (!s) return {};
  const std::string problem = text_problem(*s, max_chars, multiline);
  if (!problem.empty()) {
    diag_->add(field_path(key), problem);
    return {};
  }
  return *s;
}

std::optional<std::string> ObjectReader::one_of(const char* key, Need need,
                                                const std::set<std::string>& allowed) {
  const std::string* found = string_field(key, need);
  if (!found) return {};
  const std::string& s = *found;
  if (!allowed.count(s)) {
    std::string list;
    std::size_t shown = 0;
    for (const auto& a : allowed) {
      if (shown++ == 12) {
        list += ", ...";
        break;
      }
      list += (list.empty() ? "" : ", ") + a;
    }
    diag_->add(field_path(key), "unknown value " + quote_for_message(s) + "; expected one of: " + list);
    return {};
  }
  return s;
}

std::optional<std::int64_t> ObjectReader::integer(const char* key, Need need, std::int64_t min,
                                                  std::int64_t max) {
  const json* v = field(key, need);
  if (!v) return {};
  const bool whole = v->is_number_integer() || v->is_number_unsigned() ||
                     (v->is_number_float() && std::isfinite(v->get<double>()) &&
                      std::floor(v->get<double>()) == v->get<double>());
  if (!whole) {
    diag_->add(field_path(key), "expected a whole number, found " + describe_type(*v));
    return {};
  }
  const double d = v->get<double>();
  if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
    diag_->add(field_path(key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return {};
  }
  return static_cast<std::int64_t>(d);
}

std::optional<double> ObjectReader::number(const char* key, Need need, double min, double max) {
  const json* v = field(key, need);
  if (!v) return {};
  if (!v->is_number() || !std::isfinite(v->get<double>())) {
    diag_->add(field_path(key), "expected a number, found " + describe_type(*v));
    return {};
  }
  const double d = v->get<double>();
  if (d < min || d > max) {
    // Written as JSON writes numbers (json_text.h).
    std::string range = "must be between ";
    append_json_double(range, min);
    range += " and ";
    append_json_double(range, max);
    diag_->add(field_path(key), range);
    return {};
  }
  return d;
}

std::optional<bool> ObjectReader::boolean(const char* key, Need need) {
  const json* v = field(key, need);
  if (!v) return {};
  if (!v->is_boolean()) {
    diag_->add(field_path(key), "expected true or false, found " + describe_type(*v));
    return {};
  }
  return v->get<bool>();
}

std::optional<std::string> ObjectReader::date(const char* key, Need need) {
  auto s = text(key, need, 10);
  if (s && !is_valid_date(*s)) {
    diag_->add(field_path(key), "expected a date written YYYY-MM-DD, found " + quote_for_message(*s));
    return {};
  }
  return s;
}

std::optional<std::vector<std::string>> ObjectReader::strings(const char* key, Need need,
                                                              std::size_t min_items, std::size_t max_items,
                                                              std::size_t max_chars,
                                                              const std::set<std::string>* allowed) {
  const json* arr = array(key, need, min_items, max_items);
  if (!arr) return {};
  std::vector<std::string> out;
  std::set<std::string> seen;
  bool ok = true;
  const std::string base = field_path(key);
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const json& item = (*arr)[i];
    const std::string p = index_path(base, i);
    if (!item.is_string()) {
      diag_->add(p, "expected a string, found " + describe_type(item));
      ok = false;
      continue;
    }
    const std::string& s = item.get_ref<const std::string&>();
    const std::string problem = text_problem(s, max_chars, false);
    if (!problem.empty()) {
      diag_->add(p, problem);
      ok = false;
      continue;
    }
    if (allowed && !allowed->count(s)) {
      diag_->add(p, "unknown id " + quote_for_message(s));
      ok = false;
      continue;
    }
    if (!seen.insert(s).second) {
      diag_->add(p, "repeats " + quote_for_message(s));
      ok = false;
      continue;
    }
    out.push_back(s);
  }
  if (!ok) return {};
  return out;
}

const json* ObjectReader::array(const char* key, Need need, std::size_t min_items, std::size_t max_items) {
  const json* v = field(key, need);
  if (!v) return nullptr;
  if (!v->is_array()) {
    diag_->add(field_path(key), "expected an array, found " + describe_type(*v));
    return nullptr;
  }
  if (v->size() < min_items) {
    diag_->add(field_path(key), "needs at least " + std::to_string(min_items) +
                                    (min_items == 1 ? " item" : " items") + ", found " +
                                    std::to_string(v->size()));
    return nullptr;
  }
  if (v->size() > max_items) {
    diag_->add(field_path(key),
               "has " + std::to_string(v->size()) + " items; the limit is " + std::to_string(max_items));
    return nullptr;
  }
  return v;
}

const json* ObjectReader::object(const char* key, Need need) {
  const json* v = field(key, need);
  if (!v) return nullptr;
  if (!v->is_object()) {
    diag_->add(field_path(key), "expected an object, found " + describe_type(*v));
    return nullptr;
  }
  return v;
}

std::vector<std::uint32_t> members_by_key(const json& object) {
  if (!object.is_object()) return {};
  const Members& members = object.get_ref<const json::object_t&>();
  std::vector<std::uint32_t> order = row_numbers(members.size());
  sort_rows(order, [&](std::uint32_t a, std::uint32_t b) { return members[a].first < members[b].first; });
  return order;
}

void ObjectReader::finish() {
  if (!obj_) return;
  const Members& members = obj_->get_ref<const json::object_t&>();
  for (const std::uint32_t m : members_by_key(*obj_)) {
    bool known = false;
    for (const char* k : seen_) known = known || members[m].first == k;
    if (!known) diag_->add(child_path(path_, members[m].first), "unknown field");
  }
}

}  // namespace tft
