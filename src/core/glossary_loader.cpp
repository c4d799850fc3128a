// Glossary loading: every section a glossary page shows must be present, so a page can never be
// published with a hole in it.
#include <algorithm>
#include <cctype>
#include <map>

#include "loaders.h"
#include "sort_order.h"
#include "text.h"
#include "vocabulary.h"

namespace tft {

namespace {

std::optional<Evidence> parse_evidence(const std::string& s) {
  if (s == "strong") return Evidence::strong;
  if (s == "moderate") return Evidence::moderate;
  if (s == "emerging") return Evidence::emerging;
  return std::nullopt;
}

std::optional<Recommendation> parse_recommendation(const std::string& s) {
  if (s == "offer") return Recommendation::offer;
  if (s == "consider") return Recommendation::consider;
  if (s == "review-evidence") return Recommendation::review_evidence;
  if (s == "research-only") return Recommendation::research_only;
  return std::nullopt;
}

// "NICE NG116", "NICE CG31": the guideline ids a tag may cite.
bool is_nice_guideline(const std::string& s) {
  if (s.size() < 8 || s.compare(0, 5, "NICE ") != 0) return false;
  if (s.compare(5, 2, "NG") != 0 && s.compare(5, 2, "CG") != 0) return false;
  return std::all_of(s.begin() + 7, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One evidence tag. Every field but `model` is required, and the fields must agree with each other
// (docs/evidence.md): offer and consider are what a NICE guideline says, so they need a NICE source
// and a NICE source needs one of them; strong needs a NICE offer or consider. Returns true when the
// tag is complete and valid.
bool read_evidence_tag(const json& value, const std::string& path, Diagnostics& diag, ConcernEvidence& tag) {
  const std::size_t before = diag.errors.size();
  ObjectReader c(value, path, diag);
  tag.id = c.text("id", Need::required, 64).value_or("");
  const auto level = c.one_of("evidence", Need::required, {"strong", "moderate", "emerging"});
  if (level) tag.evidence = *parse_evidence(*level);
  if (const json* ages = c.object("ages", Need::required)) {
    ObjectReader a(*ages, c.field_path("ages"), diag);
    const auto lo = a.integer("min", Need::required, 0, 120), hi = a.integer("max", Need::required, 0, 120);
    if (lo && hi && *lo > *hi) diag.add(a.path(), "min is greater than max");
    tag.ages = {static_cast<int>(lo.value_or(0)), static_cast<int>(hi.value_or(120))};
    a.finish();
  }
  tag.model = c.text("model", Need::optional, 160).value_or("");
  const auto source = c.text("source", Need::required, 80);
  if (source) {
    tag.source = *source;
    if (!is_nice_guideline(tag.source) && tag.source != "systematic review" && tag.source != "trials")
      diag.add(
          c.field_path("source"),
          "must be a NICE guideline id such as \"NICE NG116\", \"systematic review\" or \"trials\", found " +
              quote_for_message(tag.source));
  }
  const auto rec =
      c.one_of("recommendation", Need::required, {"offer", "consider", "review-evidence", "research-only"});
  if (rec) tag.recommendation = *parse_recommendation(*rec);
  c.finish();
  if (source && rec && diag.errors.size() == before) {
    const bool nice = is_nice_guideline(tag.source);
    const bool says =
        tag.recommendation == Recommendation::offer || tag.recommendation == Recommendation::consider;
    if (says && !nice)
      diag.add(c.field_path("recommendation"),
               "offer and consider are what a NICE guideline says; the source is " +
                   quote_for_message(tag.source));
    else if (nice && !says)
      diag.add(c.field_path("recommendation"),
               "a NICE source needs offer or consider; cite the review or trials for anything else");
    else if (tag.evidence == Evidence::strong && !(nice && says))
      diag.add(c.field_path("evidence"), "strong needs a NICE guideline that says offer or consider");
  }
  return diag.errors.size() == before;
}

void read_entry(const json& value, const std::string& path, Diagnostics& diag, GlossaryEntry& e, bool& ok) {
  const std::size_t before = diag.errors.size();
  ObjectReader r(value, path, diag);
  if (auto v = r.text("slug", Need::required, 64)) {
    if (!is_slug(*v)) diag.add(r.field_path("slug"), "must be lower-case words joined by hyphens");
    // Each entry becomes glossary/SLUG.html, so "index" would overwrite the A to Z page.
    if (*v == "index")
      diag.add(r.field_path("slug"), "\"index\" is reserved for the A to Z page; choose another slug");
    e.slug = *v;
  }
  e.name = r.text("name", Need::required, 80).value_or("");
  e.aliases = r.strings("aliases", Need::optional, 0, 12, 60).value_or(std::vector<std::string>{});
  e.summary = r.text("summary", Need::required, 400).value_or("");
  e.how_it_works = r.text("how_it_works", Need::required, 4000, true).value_or("");
  e.who_for = r.text("who_for", Need::required, 4000, true).value_or("");
  e.session = r.text("session", Need::required, 4000, true).value_or("");
  e.benefits = r.strings("benefits", Need::required, 4, 12, 240).value_or(std::vector<std::string>{});
  if (const json* faqs = r.array("faqs", Need::required, 3, 12)) {
    for (std::size_t i = 0; i < faqs->size(); ++i) {
      ObjectReader f((*faqs)[i], index_path(r.field_path("faqs"), i), diag);
      Faq faq{f.text("q", Need::required, 240).value_or(""),
              f.text("a", Need::required, 2000, true).value_or("")};
      f.finish();
      e.faqs.push_back(std::move(faq));
    }
  }
  e.evidence_summary = r.text("evidence_summary", Need::required, 1200, true).value_or("");
  if (const json* concerns = r.array("concerns", Need::required, 1, 40)) {
    for (std::size_t i = 0; i < concerns->size(); ++i) {
      ConcernEvidence tag;
      if (read_evidence_tag((*concerns)[i], index_path(r.field_path("concerns"), i), diag, tag)) {
        // Several tags may share a concern (different ages or models), never the same ages and model.
        const bool repeated =
            std::any_of(e.concerns.begin(), e.concerns.end(), [&](const ConcernEvidence& o) {
              return o.id == tag.id && o.model == tag.model && o.ages.min == tag.ages.min &&
                     o.ages.max == tag.ages.max;
            });
        if (repeated)
          diag.add(index_path(r.field_path("concerns"), i),
                   "repeats concern " + quote_for_message(tag.id) + " with the same ages and model");
        else
          e.concerns.push_back(std::move(tag));
      }
    }
  }
  e.formats = r.strings("formats", Need::required, 1, 5, 20, &glossary_formats())
                  .value_or(std::vector<std::string>{});
  e.related = r.strings("related", Need::optional, 0, 12, 64).value_or(std::vector<std::string>{});
  e.last_reviewed = r.date("last_reviewed", Need::required).value_or("");
  r.finish();
  ok = diag.errors.size() == before;
}

}  // namespace

const char* evidence_name(Evidence e) {
  switch (e) {
    case Evidence::strong:
      return "strong";
    case Evidence::moderate:
      return "moderate";
    case Evidence::emerging:
      return "emerging";
  }
  return "emerging";
}

const char* recommendation_name(Recommendation r) {
  switch (r) {
    case Recommendation::offer:
      return "offer";
    case Recommendation::consider:
      return "consider";
    case Recommendation::review_evidence:
      return "review-evidence";
    case Recommendation::research_only:
      return "research-only";
  }
  return "consider";
}

std::vector<GlossaryEntry> parse_glossary(const json& root, Diagnostics& diag,
                                          const std::set<std::string>& known_concerns) {
  std::vector<GlossaryEntry> entries;
  ObjectReader top(root, "$", diag);
  const json* list = top.array("entries", Need::required, 1, 500);
  top.finish();
  if (!list) return entries;

  // Names and aliases are what search matches exactly, so one spelling must lead to one entry.
  std::map<std::string, std::string> spelling_owner;  // lower-cased name or alias -> slug
  std::set<std::string> slugs;
  std::vector<std::string> paths;  // where each kept entry came from, for the cross-checks below
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = index_path("$.entries", i);
    GlossaryEntry e;
    bool ok = false;
    read_entry((*list)[i], path, diag, e, ok);
    if (!e.slug.empty() && !slugs.insert(e.slug).second) {
      diag.add(path + ".slug", "repeats slug " + quote_for_message(e.slug));
      ok = false;
    }
    std::vector<std::pair<std::string, std::string>> spellings{{path + ".name", e.name}};
    for (std::size_t a = 0; a < e.aliases.size(); ++a)
      spellings.push_back({index_path(path + ".aliases", a), e.aliases[a]});
    for (const auto& [where, spelling] : spellings) {
      if (spelling.empty()) continue;
      const auto [it, inserted] = spelling_owner.emplace(ascii_lower(spelling), e.slug);
      if (!inserted && it->second != e.slug) {
        diag.add(where, quote_for_message(spelling) + " is already the name or an alias of " +
                            quote_for_message(it->second));
        ok = false;
      }
    }
    if (!known_concerns.empty())
      for (std::size_t c = 0; c < e.concerns.size(); ++c)
        if (!known_concerns.count(e.concerns[c].id)) {
          diag.add(index_path(path + ".concerns", c) + ".id",
                   "unknown concern id " + quote_for_message(e.concerns[c].id));
          ok = false;
        }
    if (ok) {
      entries.push_back(std::move(e));
      paths.push_back(path);
    }
  }
  // A page must never link to a missing entry.
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (std::size_t r = 0; r < entries[i].related.size(); ++r) {
      const std::string& target = entries[i].related[r];
      if (target == entries[i].slug)
        diag.add(index_path(paths[i] + ".related", r), "an entry cannot relate to itself");
      else if (!slugs.count(target))
        diag.add(index_path(paths[i] + ".related", r),
                 "no glossary entry has the slug " + quote_for_message(target));
    }
  // Kept entries have distinct slugs, so this is the one order by slug (a stable sort needs no
  // trivially copyable items; sort_order.h).
  stable_sort_items(entries, [](const GlossaryEntry& a, const GlossaryEntry& b) { return a.slug < b.slug; });
  return entries;
}

}  // namespace tft
