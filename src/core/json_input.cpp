#include "json_input.h"

#include <cmath>

namespace tft {

namespace {

// Wraps nlohmann's DOM builder so that depth is bounded (a stack overflow on "[[[[..." would crash
// the WASM module) and the parse error text is kept without exceptions being enabled.
class BoundedSax {
 public:
  BoundedSax(json& root, std::size_t max_depth) : dom_(root, false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const std::string& s) { return dom_.number_float(v, s); }
  bool string(std::string& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return enter() && dom_.start_object(n); }
  bool key(std::string& k) { return dom_.key(k); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return enter() && dom_.start_array(n); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) {
    position_ = position;
    message_ = ex.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::string& message() const { return message_; }

 private:
  bool enter() {
    if (++depth_ > max_depth_) {
      too_deep_ = true;
      return false;
    }
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
  std::size_t position_ = 0;
  std::string message_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 2:";
// keep the human part only.
std::string tidy_parse_message(const std::string& raw) {
  std::string m = raw;
  const auto bracket = m.find("] ");
  if (m.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) m = m.substr(bracket + 2);
  return m.empty() ? "not valid JSON" : "not valid JSON: " + m;
}

}  // namespace

std::optional<json> parse_json(std::string_view text, const ParseLimits& limits, Diagnostics& diag) {
  if (text.size() > limits.max_bytes) {
    diag.add("$", "file is " + std::to_string(text.size()) + " bytes; the limit is " +
                      std::to_string(limits.max_bytes) + " (split large directories by region)");
    return std::nullopt;
  }
  json root;
  BoundedSax sax(root, limits.max_depth);
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true);
  if (sax.too_deep()) {
    diag.add("$", "nested more than " + std::to_string(limits.max_depth) + " levels deep");
    return std::nullopt;
  }
  if (!ok || root.is_discarded()) {
    diag.add("$", tidy_parse_message(sax.message()));
    return std::nullopt;
  }
  return root;
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
  const int year = std::stoi(std::string(s.substr(0, 4)));
  const int month = std::stoi(std::string(s.substr(5, 2)));
  const int day = std::stoi(std::string(s.substr(8, 2)));
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
  for (const char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && !(multiline && c == '\n')) || u == 0x7f)
      return multiline ? "contains a control character" : "contains a line break or control character";
  }
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
  if (!s) return std::nullopt;
  const std::string problem = text_problem(*s, max_chars, multiline);
  if (!problem.empty()) {
    diag_->add(field_path(key), problem);
    return std::nullopt;
  }
  return *s;
}

std::optional<std::string> ObjectReader::one_of(const char* key, Need need,
                                                const std::set<std::string>& allowed) {
  const std::string* found = string_field(key, need);
  if (!found) return std::nullopt;
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
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> ObjectReader::integer(const char* key, Need need, std::int64_t min,
                                                  std::int64_t max) {
  const json* v = field(key, need);
  if (!v) return std::nullopt;
  const bool whole = v->is_number_integer() || v->is_number_unsigned() ||
                     (v->is_number_float() && std::isfinite(v->get<double>()) &&
                      std::floor(v->get<double>()) == v->get<double>());
  if (!whole) {
    diag_->add(field_path(key), "expected a whole number, found " + describe_type(*v));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
    diag_->add(field_path(key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<std::int64_t>(d);
}

std::optional<double> ObjectReader::number(const char* key, Need need, double min, double max) {
  const json* v = field(key, need);
  if (!v) return std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>())) {
    diag_->add(field_path(key), "expected a number, found " + describe_type(*v));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (d < min || d > max) {
    json lo = min, hi = max;
    diag_->add(field_path(key), "must be between " + lo.dump() + " and " + hi.dump());
    return std::nullopt;
  }
  return d;
}

std::optional<bool> ObjectReader::boolean(const char* key, Need need) {
  const json* v = field(key, need);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    diag_->add(field_path(key), "expected true or false, found " + describe_type(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::string> ObjectReader::date(const char* key, Need need) {
  auto s = text(key, need, 10);
  if (s && !is_valid_date(*s)) {
    diag_->add(field_path(key), "expected a date written YYYY-MM-DD, found " + quote_for_message(*s));
    return std::nullopt;
  }
  return s;
}

std::optional<std::vector<std::string>> ObjectReader::strings(const char* key, Need need,
                                                              std::size_t min_items, std::size_t max_items,
                                                              std::size_t max_chars,
                                                              const std::set<std::string>* allowed) {
  const json* arr = array(key, need, min_items, max_items);
  if (!arr) return std::nullopt;
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
  if (!ok) return std::nullopt;
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

void ObjectReader::finish() {
  if (!obj_) return;
  for (auto it = obj_->begin(); it != obj_->end(); ++it) {
    bool known = false;
    for (const char* k : seen_) known = known || it.key() == k;
    if (!known) diag_->add(child_path(path_, it.key()), "unknown field");
  }
}

}  // namespace tft
