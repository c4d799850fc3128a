// The small pieces of English the matcher's reasons, caveats and suggestions are built from.
#include <cmath>
#include <cstdio>

#include "matcher_internal.h"

namespace tft {

std::string join_words(const std::vector<std::string>& items, const char* last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? last : ", ";
    out += items[i];
  }
  return out;
}

std::string pounds(double v) {
  char buf[32];
  if (std::floor(v) == v)
    (void)std::snprintf(buf, sizeof buf, "£%.0f", v);
  else
    (void)std::snprintf(buf, sizeof buf, "£%.2f", v);
  return buf;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string approach_name(const Matcher& m, std::uint16_t id) {
  const GlossaryEntry* e = m.tables->approach_entries[id];
  return e ? e->name : m.tables->approach_slugs[id];
}

std::string option_label(const Matcher& m, const char* question, const std::string& id) {
  for (const auto& q : m.data->questionnaire.questions)
    if (q.id == question)
      for (const auto& o : q.options)
        if (o.id == id) return o.label;
  return id;
}

}  // namespace tft
