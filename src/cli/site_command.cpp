#include <filesystem>
#include <fstream>
#include <iostream>

#include "../core/glossary_pages.h"
#include "commands.h"

namespace tft::cli {

int run_site(const Args& args) {
  if (!args.positional.empty() || !args.has("--out")) {
    std::cerr << "tft site: give the output folder, e.g. tft site --out build/site/glossary\n";
    return 2;
  }
  SiteOptions options;
  std::string base = args.flag("--base-url", options.base_url);
  if (base.rfind("https://", 0) != 0 && base.rfind("http://", 0) != 0) {
    std::cerr << "tft site: --base-url must start with https:// or http://\n";
    return 2;
  }
  if (base.back() != '/') base += '/';
  options.base_url = base;
  const Loaded loaded = load_all(args, false);
  if (!loaded.dataset.ok()) {
    print_errors(loaded.dataset.errors);
    return 1;
  }
  const std::filesystem::path out = args.flag("--out", "");
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) {
    std::cerr << "tft site: cannot create " << out.string() << ": " << ec.message() << "\n";
    return 1;
  }
  const auto pages = glossary_pages(loaded.dataset.data, options);
  for (const auto& page : pages) {
    std::ofstream file(out / page.path, std::ios::binary);
    file << page.html;
    if (!file) {
      std::cerr << "tft site: cannot write " << (out / page.path).string() << "\n";
      return 1;
    }
  }
  std::cout << "tft site: wrote " << pages.size() << " pages to " << out.string() << "\n";
  return 0;
}

}  // namespace tft::cli
