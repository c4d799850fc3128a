#include "diagnostics.h"

#include <cstdio>

namespace tft {

void Diagnostics::add(const std::string& path, const std::string& message) {
  if (errors.size() >= max_errors) {
    truncated = true;
    return;
  }
  errors.push_back({file, path, message});
}

std::string format_error(const Error& e) {
  return e.file + ":" + e.path + ": " + e.message;
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
  std::string out = "\"";
  std::size_t shown = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (shown >= max_chars) {
      out += "...";
      break;
    }
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
    // Count code points, not bytes, so a cut never splits a UTF-8 sequence mid-way.
    if ((c & 0xC0) != 0x80) {
      const bool next_is_continuation =
          i + 1 < value.size() && (static_cast<unsigned char>(value[i + 1]) & 0xC0) == 0x80;
      if (!next_is_continuation) ++shown;
    }
  }
  out += "\"";
  return out;
}

std::string child_path(const std::string& parent, const std::string& key) {
  if (is_plain_key(key)) return parent + "." + key;
  return parent + "[" + quote_for_message(key, 40) + "]";
}

std::string index_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

}  // namespace tft
