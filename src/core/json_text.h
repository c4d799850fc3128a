// JSON text from a parsed tree: byte for byte what nlohmann's `dump(indent, ' ', false,
// error_handler_t::replace)` writes, without linking its serializer.
//
// The serializer writes through a std::shared_ptr output adapter. A shared_ptr's control block
// brings libc++'s memory.o, which was built with RTTI, and its type_info objects bring libc++abi's
// dynamic_cast code; with the serializer itself, 4 kB of the find module's code and 1 kB of its
// data (docs/matching.md, "Module size", wave 11). tests/unit/json_text_test.cpp holds these functions to
// nlohmann's dump on generated trees, strings of arbitrary bytes and every class of double.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tft {

// Compact (`pretty` false) or indented by two spaces per level, objects in their stored order.
void append_json_text(std::string& out, const nlohmann::ordered_json& value, bool pretty);

// A JSON string: `"`, `\`, and the control characters escaped (\b \t \n \f \r, else \u00xx),
// everything else as it is. A byte sequence that is not well-formed UTF-8 becomes one U+FFFD for
// each maximal ill-formed part, as nlohmann replaces it.
void append_json_string(std::string& out, std::string_view text);

// A double in its shortest form that reads back to the same value (nlohmann's Grisu2), `null` for
// NaN and the infinities.
void append_json_double(std::string& out, double value);

}  // namespace tft
