// Characters that make text display as something it is not. Untrusted text (a therapist's name, a
// bio, a key in a file, a token the parser quotes in an error) may hold characters that are
// invisible or that change the direction of the text around them, so "Dr Smith" can render as
// another name, or an error line can hide what it says. Text fields refuse them (json_input.h) and
// error lines write them as \uXXXX (diagnostics.h). The list and its reasons: docs/security.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tft {

// Why a code point may not appear in a text field, or nullptr when it may. Covers C0 and C1
// controls and DEL (a newline only when `allow_newline`), bidirectional controls (U+061C,
// U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), zero-width and invisible characters (U+00AD,
// U+180E, U+200B-U+200D, U+2060-U+2064, U+FEFF) and the line and paragraph separators U+2028 and
// U+2029 (which also end a line in older JavaScript), and U+FFFD (a decoder's mark for bytes that
// were not valid UTF-8: a browser decodes a damaged file that way, where the native parser refuses
// the bytes themselves).
const char* unsafe_character_kind(char32_t c, bool allow_newline);

// The first unsafe character of valid UTF-8 text, with its 1-based position in characters.
struct UnsafeCharacter {
  char32_t code = 0;
  std::size_t position = 0;
  const char* kind = "";
};
std::optional<UnsafeCharacter> find_unsafe_character(std::string_view utf8, bool allow_newline);

// "U+202E" for a message.
std::string code_point_label(char32_t c);

// `text` made safe for one error line: at most `max_chars` characters (then "..."), every unsafe
// character written as \uXXXX (a newline too), invalid UTF-8 as U+FFFD, and `"` and `\` escaped
// when `escape_quotes` (for text shown inside quotes).
std::string printable(std::string_view text, std::size_t max_chars, bool escape_quotes);

}  // namespace tft
