#include "json_text.h"

#include <array>
#include <cmath>
#include <cstdint>

namespace tft {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Well-formed UTF-8 by the Unicode standard's table of byte sequences (chapter 3, table 3-7):
// how many continuation bytes the lead byte `b` takes and the range its first one must fall in.
// 0 continuation bytes for a byte that cannot start a sequence.
struct Lead {
  std::size_t continuation = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
};

Lead lead_of(unsigned char b) {
  if (b >= 0xC2 && b <= 0xDF) return {1, 0x80, 0xBF};
  if (b == 0xE0) return {2, 0xA0, 0xBF};  // no overlong three-byte forms
  if (b == 0xED) return {2, 0x80, 0x9F};  // no surrogates
  if (b >= 0xE1 && b <= 0xEF) return {2, 0x80, 0xBF};
  if (b == 0xF0) return {3, 0x90, 0xBF};  // no overlong four-byte forms
  if (b == 0xF4) return {3, 0x80, 0x8F};  // nothing past U+10FFFF
  if (b >= 0xF1 && b <= 0xF3) return {3, 0x80, 0xBF};
  return {};
}

// A character JSON strings must escape: a quote, a backslash or a control character.
void append_escaped(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\r':
      out += "\\r";
      return;
    default:
      break;
  }
  constexpr std::string_view kHex = "0123456789abcdef";
  out += "\\u00";
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

template <typename Unsigned>
void append_digits(std::string& out, Unsigned magnitude) {
  std::array<char, 20> digits{};  // 2^64 has 20 decimal digits
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  while (n > 0) out += digits[--n];
}

void append_value(std::string& out, const nlohmann::ordered_json& v, bool pretty, std::size_t indent);

// The line break and indentation before a member or element, when pretty.
void new_line(std::string& out, bool pretty, std::size_t indent) {
  if (!pretty) return;
  out += '\n';
  out.append(indent, ' ');
}

void append_object(std::string& out, const nlohmann::ordered_json& v, bool pretty, std::size_t indent) {
  const auto& members = v.get_ref<const nlohmann::ordered_json::object_t&>();
  if (members.empty()) {
    out += "{}";
    return;
  }
  out += '{';
  bool first = true;
  for (const auto& [key, value] : members) {
    if (!first) out += ',';
    first = false;
    new_line(out, pretty, indent + 2);
    append_json_string(out, key);
    out += pretty ? ": " : ":";
    append_value(out, value, pretty, indent + 2);
  }
  new_line(out, pretty, indent);
  out += '}';
}

void append_array(std::string& out, const nlohmann::ordered_json& v, bool pretty, std::size_t indent) {
  const auto& items = v.get_ref<const nlohmann::ordered_json::array_t&>();
  if (items.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ',';
    first = false;
    new_line(out, pretty, indent + 2);
    append_value(out, item, pretty, indent + 2);
  }
  new_line(out, pretty, indent);
  out += ']';
}

void append_value(std::string& out, const nlohmann::ordered_json& v, bool pretty, std::size_t indent) {
  using Type = nlohmann::ordered_json::value_t;
  switch (v.type()) {
    case Type::object:
      append_object(out, v, pretty, indent);
      return;
    case Type::array:
      append_array(out, v, pretty, indent);
      return;
    case Type::string:
      append_json_string(out, v.get_ref<const std::string&>());
      return;
    case Type::boolean:
      out += v.get<bool>() ? "true" : "false";
      return;
    case Type::number_integer: {
      const auto n = v.get<std::int64_t>();
      if (n < 0) out += '-';
      // The magnitude in unsigned arithmetic, where the most negative value has one.
      append_digits(out, n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
      return;
    }
    case Type::number_unsigned:
      append_digits(out, v.get<std::uint64_t>());
      return;
    case Type::number_float:
      append_json_double(out, v.get<double>());
      return;
    case Type::discarded:
      out += "<discarded>";
      return;
    // Binary values are never built here (they come only from CBOR and the like).
    case Type::binary:
    case Type::null:
      out += "null";
      return;
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  // Bytes that go out as they are (nearly every name and sentence) are copied a run at a time.
  std::size_t run = 0;
  std::size_t i = 0;
  const auto flush = [&](std::size_t up_to) { out.append(text.substr(run, up_to - run)); };
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b < 0x20 || b == '"' || b == '\\') {
        flush(i);
        append_escaped(out, b);
        run = i + 1;
      }
      ++i;
      continue;
    }
    Lead lead = lead_of(b);
    std::size_t k = 1;
    for (; k <= lead.continuation && i + k < text.size(); ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if (c < lead.lo || c > lead.hi) break;
      lead.lo = 0x80;
      lead.hi = 0xBF;
    }
    if (lead.continuation == 0 || k <= lead.continuation) {
      // A byte no sequence starts with, or the well-formed start of a sequence cut short: one
      // replacement, and the byte that cut it short is read again as the start of what follows.
      flush(i);
      out += kReplacement;
      run = i + k;
    }
    i += k;
  }
  flush(i);
  out += '"';
}

void append_json_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  std::array<char, 64> buffer{};
  char* begin = buffer.data();
  const char* end = nlohmann::detail::to_chars(begin, begin + buffer.size(), value);
  out.append(begin, static_cast<std::size_t>(end - begin));
}

void append_json_text(std::string& out, const nlohmann::ordered_json& value, bool pretty) {
  append_value(out, value, pretty, 0);
}

}  // namespace tft
