#include "text_safety.h"

#include "text.h"

namespace tft {

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
  return "U+" + zero_padded_hex(c, 4, true);
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
      piece = "\\u" + zero_padded_hex(c, 4, false);
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
