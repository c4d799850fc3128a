// Shared plumbing for the `tft` commands: arguments, reading files, loading the data folder.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../core/loaders.h"

namespace tft::cli {

// `tft COMMAND [positional...] [--flag value...]`. Every flag takes a value.
struct Args {
  std::string command;
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;  // "--limit" -> "5"

  std::string flag(const std::string& name, const std::string& fallback) const;
  bool has(const std::string& name) const { return flags.count(name) > 0; }
};

// Parses argv; on a malformed line prints why to stderr and returns nullopt.
std::optional<Args> parse_args(int argc, char** argv, const std::vector<std::string>& known_flags);

// Reads a whole file, or stdin for "-". Returns nullopt (with `error` set) when it cannot.
std::optional<std::string> read_file(const std::string& path, std::string& error);

// Reads a non-negative whole number flag; prints an error and returns nullopt when malformed.
std::optional<long> number_flag(const Args& args, const std::string& name, long fallback, long max);

// Everything a command may need, loaded from --data (default: the repository's data/).
struct Loaded {
  std::vector<std::string> texts;  // owns the bytes the Sources point at
  DatasetLoad dataset;
  std::optional<DirectoryLoad> directory;
  std::string directory_path;
};

// Loads the data folder, and the directory when `with_directory` (from --directory, default the
// sample). I/O errors become Errors with path "$" so every problem prints the same way.
Loaded load_all(const Args& args, bool with_directory);

// Reads a packed directory through its manifest (docs/directory-format.md): every file the manifest
// lists, from the manifest's folder, each checked against its size and SHA-256 before it is read.
DirectoryLoad read_published_directory(const std::string& manifest_path, std::string_view manifest_text,
                                       const Dataset& data);

// Prints one line per error to stderr: FILE:PATH: message.
void print_errors(const std::vector<Error>& errors);

std::string default_data_dir();

}  // namespace tft::cli
