#include "cli_support.h"

#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <iostream>

#include "../core/published_directory.h"

namespace tft::cli {

std::string Args::flag(const std::string& name, const std::string& fallback) const {
  const auto it = flags.find(name);
  return it == flags.end() ? fallback : it->second;
}

std::optional<Args> parse_args(int argc, char** argv, const std::vector<std::string>& known_flags) {
  Args a;
  if (argc < 2) return std::nullopt;
  a.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string s = argv[i];
    if (s.size() > 2 && s.rfind("--", 0) == 0) {
      std::string name = s, value;
      const auto eq = s.find('=');
      if (eq != std::string::npos) {
        name = s.substr(0, eq);
        value = s.substr(eq + 1);
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        std::cerr << "tft " << a.command << ": " << name << " needs a value\n";
        return std::nullopt;
      }
      bool known = false;
      for (const auto& k : known_flags) known = known || k == name;
      if (!known) {
        std::cerr << "tft " << a.command << ": unknown option " << name << "\n";
        return std::nullopt;
      }
      a.flags[name] = value;
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

namespace {

// Reads at most `max_bytes` from `in`; one byte more means the input is over the limit.
std::optional<std::string> read_bounded(std::FILE* in, std::size_t max_bytes, std::string& error) {
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    if (text.size() + n > max_bytes) {
      error = "is more than " + std::to_string(max_bytes) + " bytes, the limit";
      return std::nullopt;
    }
    text.append(buffer, n);
  }
  if (std::ferror(in)) {
    error = "reading failed part way";
    return std::nullopt;
  }
  return text;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& error, std::size_t max_bytes) {
  if (path == "-") return read_bounded(stdin, max_bytes, error);
  // Only regular files: a folder, a device such as /dev/zero or a pipe would fail part way or
  // never end. The size is checked before reading, and the read stops at the limit anyway in case
  // the file grows meanwhile.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    error = "cannot be read (missing, or no permission)";
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    error = "is a folder, not a file";
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    error = "is not a regular file (a device, pipe or socket)";
    return std::nullopt;
  }
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    error = "is " + std::to_string(info.st_size) + " bytes; the limit is " + std::to_string(max_bytes);
    return std::nullopt;
  }
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (!in) {
    error = "cannot be read (missing, or no permission)";
    return std::nullopt;
  }
  auto text = read_bounded(in, max_bytes, error);
  (void)std::fclose(in);  // read only: nothing to flush, nothing lost if closing fails
  return text;
}

std::optional<long> number_flag(const Args& args, const std::string& name, long fallback, long max) {
  if (!args.has(name)) return fallback;
  const std::string v = args.flag(name, "");
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) {
    std::cerr << "tft " << args.command << ": " << name << " takes a whole number from 0 to " << max << "\n";
    return std::nullopt;
  }
  const long n = std::stol(v);
  if (n > max) {
    std::cerr << "tft " << args.command << ": " << name << " takes a whole number from 0 to " << max << "\n";
    return std::nullopt;
  }
  return n;
}

std::string default_data_dir() {
  return TFT_DEFAULT_DATA_DIR;
}

Loaded load_all(const Args& args, bool with_directory) {
  Loaded out;
  const std::string dir = args.flag("--data", default_data_dir());
  const std::vector<std::string> names{"glossary.json", "concerns.json", "questionnaire.json", "crisis.json",
                                       "places-gb.json"};
  std::vector<Error> io_errors;
  out.texts.reserve(names.size() + 1);
  std::vector<std::string> paths;
  for (const auto& n : names) {
    const std::string path = dir + "/" + n;
    std::string why;
    auto text = read_file(path, why);
    if (!text) io_errors.push_back({path, "$", why});
    out.texts.push_back(text.value_or(""));
    paths.push_back(path);
  }
  DatasetSources sources{{paths[0], out.texts[0]},
                         {paths[1], out.texts[1]},
                         {paths[2], out.texts[2]},
                         {paths[3], out.texts[3]},
                         {paths[4], out.texts[4]}};
  out.dataset = load_dataset(sources);
  if (!io_errors.empty()) {
    // An unreadable file also fails to parse; show the cause instead of "not valid JSON".
    std::vector<Error> kept = io_errors;
    for (const auto& e : out.dataset.errors) {
      bool unreadable = false;
      for (const auto& io : io_errors) unreadable = unreadable || io.file == e.file;
      if (!unreadable) kept.push_back(e);
    }
    out.dataset.errors = kept;
  }
  if (with_directory) {
    out.directory_path = args.flag("--directory", dir + "/therapists.sample.json");
    std::string why;
    auto text = read_file(out.directory_path, why);
    if (!text) {
      out.directory = DirectoryLoad{};
      out.directory->errors.push_back({out.directory_path, "$", why});
    } else {
      out.texts.push_back(std::move(*text));
      out.directory = load_directory({out.directory_path, out.texts.back()}, out.dataset.data);
    }
  }
  return out;
}

DirectoryLoad read_published_directory(const std::string& manifest_path, std::string_view manifest_text,
                                       const Dataset& data) {
  ManifestLoad manifest = parse_manifest({manifest_path, manifest_text});
  if (!manifest.ok()) {
    DirectoryLoad out;
    out.errors = std::move(manifest.errors);
    return out;
  }
  const auto slash = manifest_path.find_last_of('/');
  const std::string folder = slash == std::string::npos ? "" : manifest_path.substr(0, slash + 1);
  std::map<std::string, std::string> files;
  std::vector<Error> io_errors;
  auto read_one = [&](const PublishedFile& f) {
    std::string why;
    if (auto bytes = read_file(folder + f.file, why))
      files[f.file] = std::move(*bytes);
    else
      io_errors.push_back({folder + f.file, "$", why});
  };
  for (const auto& s : manifest.manifest.shards) {
    read_one(s.matching);
    for (const auto& p : s.profiles) read_one(p.file);
  }
  DirectoryLoad out = load_packed_directory(manifest.manifest, files, data);
  io_errors.insert(io_errors.end(), out.errors.begin(), out.errors.end());
  out.errors = std::move(io_errors);
  return out;
}

void print_errors(const std::vector<Error>& errors) {
  for (const auto& e : errors) std::cerr << format_error(e) << "\n";
}

}  // namespace tft::cli
