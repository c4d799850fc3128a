// Text primitives every part of the core shares, so that search, place look-up and the loaders
// read text the same way: UTF-8 decoding, folding Latin letters to ASCII (one table), ASCII case,
// and a bounded edit distance for "did you mean".
//
// Folding: a letter of ASCII, Latin-1 Supplement or Latin Extended-A (U+0000..U+017F) becomes
// lower-case ASCII without its accent (É → e, ŵ → w, ł → l); letters that are two letters in
// English are spelt out (æ → ae, œ → oe, ß → ss, þ → th, ĳ → ij). Search terms (text_normalise.h)
// and place names (places.h) both fold through fold_latin(), so "Æ" reads as "ae" in both.
//
// Cost: everything here is linear in its input and allocates nothing beyond a returned string;
// bounded_edit_distance works in fixed arrays on the stack.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tft {

// The code point starting at s[i], moving i past it. Anything that is not UTF-8 (a stray
// continuation byte, a truncated or overlong sequence, a surrogate, a value past U+10FFFF) gives
// U+FFFD and moves i by one byte, so decoding always moves forward and never reads past the end.
char32_t next_code_point(std::string_view s, std::size_t& i);

// Whether `s` is well-formed UTF-8 (the same rules as next_code_point).
bool is_valid_utf8(std::string_view s);

// Length of a UTF-8 string in UTF-16 code units, the unit JavaScript strings are indexed in.
std::size_t utf16_length(std::string_view utf8);

// The folded ASCII of one code point: "e" for 'É', "ae" for 'æ', "7" for '7'. Empty when the code
// point is not a letter or digit of ASCII, Latin-1 Supplement or Latin Extended-A (punctuation,
// × and ÷, and letters of other scripts).
std::string_view fold_latin(char32_t cp);

// ASCII letters lower-cased; every other byte (so every byte of a multi-byte character) unchanged.
char ascii_lower(char c);
std::string ascii_lower(std::string_view s);
bool is_ascii_upper(char c);

// The first letter lower-cased for use inside a sentence ("Anxiety or worry" → "anxiety or
// worry"), unless the word is an acronym ("ADHD", "EMDR": the second letter is a capital too).
std::string lower_first(std::string_view s);

// The formatting below is written in integers rather than with snprintf, so that no code of the
// core calls printf (docs/matching.md, "Module size").
//
// `v` written with `decimals` digits after the point, exactly as printf("%.*f", decimals, v) writes
// it: the exact binary value of v rounded to the nearest, ties to even (2.25 → "2.2", 0.125 →
// "0.12"), with "-" for a negative value (and for -0.0). For |v| < 2^53 / 10^decimals and
// decimals 0..3, which covers every fee and distance. Written in integers rather than with snprintf
// because the core's only floating-point printf formats were these, and leaving them out keeps
// printf's floating-point formatter out of the WebAssembly module (docs/matching.md, "Module size").
std::string fixed_decimals(double v, int decimals);

// `v` in decimal, at least `width` characters with zeros after any "-", exactly as
// printf("%0*lld", width, v) writes it: (7, 2) → "07", (-5, 3) → "-05", (2026, 2) → "2026".
std::string zero_padded_decimal(long long v, int width);

// `v` in hexadecimal, at least `width` digits with leading zeros, as printf("%0*x") writes it
// (or "%0*X" with `upper`): (0x7f, 4) → "007f", (0xfffd, 4, upper) → "FFFD".
std::string zero_padded_hex(unsigned long v, int width, bool upper);

// The number the ASCII digits `digits` spell ("0042" → 42, "" → 0); the caller has checked that
// every byte is a digit and that the value fits an int.
int digits_value(std::string_view digits);

// Optimal string alignment distance (Damerau-Levenshtein where a swap of two neighbours is one
// edit) between byte strings, or max_distance + 1 as soon as it is known to exceed max_distance.
// Strings longer than kMaxEditLength bytes are only compared for equality (they are words and
// place names, not essays). Cost: O(|a| · |b|) at worst, cut short when a whole row is over the bound.
inline constexpr std::size_t kMaxEditLength = 128;
int bounded_edit_distance(std::string_view a, std::string_view b, int max_distance);

// Row i (1 <= i <= |a|) of that distance's table from the two rows before it (prev2 is read only
// when i > 1): fills cur[0..|b|] and returns the row's smallest cell. Shared with search's typo
// check for a word still being typed, which reads rows of one table as they are made.
int edit_distance_row(std::string_view a, std::size_t i, std::string_view b, const int* prev2,
                      const int* prev, int* cur);

}  // namespace tft
