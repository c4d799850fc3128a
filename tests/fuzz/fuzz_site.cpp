// The static site generator with a glossary from the fuzzer: whatever the entries hold, every page
// must carry only the markup the generator itself writes. The check reads each page's tags: every
// tag name must be one the bundled pages use, no attribute may be an event handler or hold a
// javascript: URL, the only scripts are the search module and the JSON-LD data block (with no "<"
// inside it), the only comments are the two includes, and "{{" only ever opens {{root}}.
#include <set>

#include "core/glossary_pages.h"
#include "fuzz_support.h"

using namespace tft;

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The tag names in `html`, in order ("a", "/a", "!--", ...), and the full text of each tag.
struct Tag {
  std::string name;
  std::string text;
  std::size_t end = 0;  // one past '>'
};
std::vector<Tag> tags(const std::string& html) {
  std::vector<Tag> out;
  for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t close = html.find("-->", i);
      fuzz::require(close != std::string::npos, "every comment is closed");
      out.push_back({"!--", html.substr(i, close + 3 - i), close + 3});
      continue;
    }
    std::size_t j = i + 1;
    while (j < html.size() && html[j] != ' ' && html[j] != '>' && html[j] != '\n') ++j;
    const std::size_t close = html.find('>', i);
    fuzz::require(close != std::string::npos, "every tag is closed");
    out.push_back({lower(html.substr(i + 1, j - i - 1)), lower(html.substr(i, close - i + 1)), close + 1});
  }
  return out;
}

// The attributes of one tag's text (already lower-cased), reading quoted values whole so text in a
// value (a description saying "on Mondays") is never taken for an attribute.
std::vector<std::pair<std::string, std::string>> attributes(const std::string& tag) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = tag.find_first_of(" \n");
  while (i != std::string::npos && i < tag.size()) {
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\n')) ++i;
    const std::size_t name_start = i;
    while (i < tag.size() && tag[i] != '=' && tag[i] != ' ' && tag[i] != '>' && tag[i] != '\n') ++i;
    std::string name = tag.substr(name_start, i - name_start);
    std::string value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      const char quote = tag[i];
      fuzz::require(quote == '"', "attribute values are double-quoted");
      const std::size_t close = tag.find('"', i + 1);
      fuzz::require(close != std::string::npos, "attribute values are closed");
      value = tag.substr(i + 1, close - i - 1);
      i = close + 1;
    }
    if (!name.empty() && name != ">" && name != "/") out.emplace_back(name, value);
    if (i < tag.size() && tag[i] == '>') break;
  }
  return out;
}

const std::set<std::string>& template_tag_names() {
  static const std::set<std::string> names = [] {
    std::set<std::string> s;
    for (const Page& p : glossary_pages(fuzz::dataset(), {}))
      for (const Tag& t : tags(p.html)) s.insert(t.name);
    return s;
  }();
  return names;
}

void check_page(const std::string& html) {
  for (const Tag& t : tags(html)) {
    fuzz::require(template_tag_names().count(t.name) > 0, "only tags the generator writes");
    if (t.name != "!--") {
      for (const auto& [name, value] : attributes(t.text)) {
        fuzz::require(name.rfind("on", 0) != 0, "no event handler attribute");
        if (name == "href" || name == "src" || name == "action")
          fuzz::require(value.find("javascript:") == std::string::npos && value.find("data:") != 0,
                        "no script URL");
      }
    }
    if (t.name == "!--")
      fuzz::require(t.text == "<!--#include header-->" || t.text == "<!--#include footer-->",
                    "only the two includes");
    if (t.name == "script") {
      const bool module = t.text == "<script type=\"module\" src=\"{{root}}js/glossary-search.js\">";
      const bool data = t.text == "<script type=\"application/ld+json\">";
      fuzz::require(module || data, "only the search module and the JSON-LD block");
      const std::size_t body_end = html.find("</script>", t.end);
      fuzz::require(body_end != std::string::npos, "a script element is closed");
      fuzz::require(html.find('<', t.end) == body_end, "nothing in a script element opens a tag");
    }
  }
  for (std::size_t i = html.find("{{"); i != std::string::npos; i = html.find("{{", i + 2))
    fuzz::require(html.compare(i, 8, "{{root}}") == 0, "template markers come only from the generator");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  template_tag_names();
  Diagnostics diag;
  diag.file = "glossary.json";
  ParseLimits limits;
  limits.max_bytes = 8u << 20;
  const auto root = parse_json(fuzz::as_text(data, size), limits, diag);
  if (!root) return 0;
  Dataset d = fuzz::dataset();
  d.glossary = parse_glossary(*root, diag, concern_ids(d));
  fuzz::check_errors(diag.errors);
  if (!diag.ok() || d.glossary.empty()) return 0;
  SiteOptions options;
  for (const Page& p : glossary_pages(d, options)) check_page(p.html);
  return 0;
}
