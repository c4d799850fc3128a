// The static glossary pages (`tft site`, docs/design.md): one HTML page per entry and an A–Z index,
// readable with JavaScript off. Pure functions from the Dataset to page text; the CLI writes them.
//
// Pages are templates for scripts/render-pages.mjs: they hold `<!--#include header-->`,
// `<!--#include footer-->` and `{{root}}` (the path back to the site root), filled at build time.
// Every piece of data is HTML-escaped here, and "{{" in data is escaped too, so an entry can
// never inject markup or a template marker. The FAQ's schema.org JSON-LD sits in a data block
// (<script type="application/ld+json">), which the CSP allows because it is never executed; its
// JSON escapes "<", ">" and "&" so no text can close the element.
//
// Cost: linear in the glossary's size; a few milliseconds for the bundled 44 entries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace tft {

// Escapes & < > " ' for element text and quoted attribute values, and the "{{" of template
// markers. Invalid UTF-8 passes through byte for byte (the browser shows U+FFFD).
std::string html_escape(std::string_view text);

// JSON text made safe inside a <script> data block: < > & and "{{" become \u escapes.
std::string json_for_script(std::string_view json_text);

struct Page {
  std::string path;  // relative to the output folder: "index.html", "cbt.html"
  std::string html;
};

struct SiteOptions {
  std::string base_url = "https://timefortherapy.co.uk/";  // with a trailing slash
  std::string folder = "glossary/";                        // where the pages live under base_url
};

// "Find a cognitive behavioural therapist", "Find an EMDR therapist", "Find a counsellor".
std::string find_therapist_label(const GlossaryEntry& e);

// "23 November 2026" from "2026-11-23"; the input unchanged if it is not a date.
std::string long_date(std::string_view iso);

std::string entry_page(const Dataset& data, const GlossaryEntry& e, const SiteOptions& options);
std::string index_page(const Dataset& data, const SiteOptions& options);

// Every page: index.html first, then one per entry in slug order.
std::vector<Page> glossary_pages(const Dataset& data, const SiteOptions& options);

}  // namespace tft
