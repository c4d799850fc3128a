#include "text_safety.h"

#include <cstdio>

namespace tft {

namespace {

// Decodes the code point at `i` and moves `i` past it; invalid or overlong UTF-8, surrogates and
// values past U+10FFFF decode as U+FFFD, one byte at a time.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  std::size_t length = 0;
  char32_t c = 0;
  char32_t min = 0;
  if (b < 0x80) {
    ++i;
    return b;
  }
  if ((b & 0xE0) == 0xC0) {
    length = 2, c = b & 0x1F, min = 0x80;
  } else if ((b & 0xF0) == 0xE0) {
    length = 3, c = b & 0x0F, min = 0x800;
  } else if ((b & 0xF8) == 0xF0) {
    length = 4, c = b & 0x07, min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + length > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += length;
  return c;
}

}  // namespace

const char* unsafe_character_kind(char32_t c, bool allow_newline) {
  if (c == '\n') return allow_newline ? nullptr : "a line break";
  if (c == 0) return "a NUL character";
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return "a control character";
  if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2066 && c <= 0x2069))
    return "a bidirectional control, which can make text display in a different order";
  if (c == 0x00AD || c == 0x180E || (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) ||
      c == 0xFEFF)
    return "an invisible character";
  if (c == 0x2028 || c == 0x2029) return "a line or paragraph separator";
  // What a decoder puts where the bytes were not valid UTF-8 (a browser reading the file does):
  // the text was damaged on the way, so it is not what its author wrote.
  if (c == 0xFFFD) return "a replacement character, left where the text's encoding was damaged";
  return nullptr;
}

std::optional<UnsafeCharacter> find_unsafe_character(std::string_view utf8, bool allow_newline) {
  std::size_t position = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    ++position;
    if (const char* kind = unsafe_character_kind(c, allow_newline)) return UnsafeCharacter{c, position, kind};
  }
  return std::nullopt;
}

std::string code_point_label(char32_t c) {
  char buf[16];
  (void)std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string printable(std::string_view text, std::size_t max_chars, bool escape_quotes) {
  // Counts the characters written, not read: an escape (\u007f) is six, so a line of control
  // characters is cut as soon as a line of ordinary text would be.
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    std::string piece;
    std::size_t width = 1;  // characters `piece` shows
    if (escape_quotes && (c == '"' || c == '\\')) {
      piece = {'\\', static_cast<char>(c)};
      width = 2;
    } else if (c == 0xFFFD) {
      piece = "\xEF\xBF\xBD";  // shown as itself, also for an invalid byte, which decodes to it
    } else if (unsafe_character_kind(c, false)) {
      char buf[16];
      const int n = std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      piece.assign(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
      width = piece.size();
    } else {
      piece.assign(text, start, i - start);
    }
    if (shown + width > max_chars) {
      out += "...";
      break;
    }
    shown += width;
    out += piece;
  }
  return out;
}

}  // namespace tft
