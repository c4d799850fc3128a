#include "diagnostics.h"

#include "text_safety.h"

namespace tft {

void Diagnostics::add(const std::string& path, const std::string& message) {
  if (errors.size() >= max_errors) {
    truncated = true;
    return;
  }
  // Whatever the input held, an error is one short printable line: a few hundred characters at
  // most, counted in characters so a cut never splits one.
  errors.push_back(
      {printable(file, 200, false), printable(path, 200, false), printable(message, 300, false)});
}

std::string format_error(const Error& e) {
  return e.file + ":" + e.path + ": " + e.message;
}

void merge(Diagnostics& into, const Diagnostics& from) {
  for (const Error& e : from.errors) {
    if (into.errors.size() >= into.max_errors) {
      into.truncated = true;
      return;
    }
    into.errors.push_back(e);
  }
  into.truncated = into.truncated || from.truncated;
}

namespace {
bool is_plain_key(const std::string& key) {
  if (key.empty() || key.size() > 64) return false;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (!(alpha || (i > 0 && (digit || c == '-')))) return false;
  }
  return true;
}
}  // namespace

std::string quote_for_message(const std::string& value, std::size_t max_chars) {
  return "\"" + printable(value, max_chars, true) + "\"";
}

std::string child_path(const std::string& parent, const std::string& key) {
  if (is_plain_key(key)) return parent + "." + key;
  return parent + "[" + quote_for_message(key, 40) + "]";
}

std::string index_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

}  // namespace tft
