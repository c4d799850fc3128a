// Errors as values. Every problem found in input carries the file it came from and a JSON path
// inside it, so a person can go straight to the place: "data/glossary.json:$.entries[3].name: ...".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tft {

struct Error {
  std::string file;     // display name of the source ("data/glossary.json", "answers", "profile")
  std::string path;     // JSON path from the root, "$" for the document itself
  std::string message;  // plain English, no trailing full stop
};

// Collects errors for one source. Stops collecting after `max_errors` so a hostile file with a
// million bad items costs bounded memory and output; `truncated` says that happened.
struct Diagnostics {
  std::string file;
  std::vector<Error> errors;
  std::size_t max_errors = 200;
  bool truncated = false;

  void add(const std::string& path, const std::string& message);
  bool ok() const { return errors.empty(); }
};

// "FILE:PATH: message", the one line format used by the CLI and shown on the web page.
std::string format_error(const Error& e);

// Path builders. Keys that are not plain identifiers are quoted: $["two words"].
std::string child_path(const std::string& parent, const std::string& key);
std::string index_path(const std::string& parent, std::size_t index);

// A value quoted for a message: JSON-escaped and cut to `max_chars`, so hostile input can never
// inject control characters or megabytes into an error line.
std::string quote_for_message(const std::string& value, std::size_t max_chars = 60);

}  // namespace tft
