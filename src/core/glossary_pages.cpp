#include "glossary_pages.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "evidence.h"
#include "json_text.h"
#include "loaders.h"
#include "text.h"

namespace tft {

namespace {

// Paragraphs in the data are separated by blank lines.
std::string paragraphs(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string para = text.substr(start, end - start);
    std::replace(para.begin(), para.end(), '\n', ' ');
    if (!para.empty()) out += "<p>" + html_escape(para) + "</p>\n";
    start = end + 2;
  }
  return out;
}

bool starts_with_vowel_sound(std::string_view s) {
  if (s.empty()) return false;
  const char c = ascii_lower(s[0]);
  // Acronyms are read letter by letter: "an MBT", "an SFBT", "a CBT".
  if (s.size() >= 2 && is_ascii_upper(s[0]) && is_ascii_upper(s[1]))
    return std::string_view("aefhilmnorsx").find(c) != std::string_view::npos;
  return std::string_view("aeiou").find(c) != std::string_view::npos;
}

const char* evidence_meaning(Evidence e) {
  switch (e) {
    case Evidence::strong:
      return "A NICE guideline says to offer it, or to consider it as a first choice, for this age group.";
    case Evidence::moderate:
      return "Good trials or reviews support it, or NICE names it as a later choice. Not yet enough for firm "
             "conclusions.";
    case Evidence::emerging:
      return "Early or limited research so far. Less studied does not mean it does not work.";
  }
  return "";
}

const char* format_label(const std::string& f) {
  if (f == "individual") return "one to one";
  if (f == "couple") return "as a couple";
  if (f == "family") return "as a family";
  if (f == "group") return "in a group";
  if (f == "online") return "online";
  return nullptr;
}

std::string search_form() {
  return R"(<form class="glossary-search" action="{{root}}glossary/index.html" method="get" role="search" data-glossary-search>
  <label class="glossary-search__label" for="glossary-search-input">Search therapy approaches</label>
  <p class="glossary-search__hint" id="glossary-search-hint">A name, an acronym such as CBT, or what you would like help with.</p>
  <div class="glossary-search__row">
    <input class="glossary-search__input" id="glossary-search-input" type="search" autocomplete="off" spellcheck="false" aria-describedby="glossary-search-hint">
    <button class="button" type="submit">Search</button>
  </div>
</form>
)";
}

std::string head(const std::string& title, const std::string& description, const std::string& canonical) {
  return "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n  <meta charset=\"utf-8\">\n"
         "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "  <title>" +
         html_escape(title) +
         "</title>\n"
         "  <meta name=\"description\" content=\"" +
         html_escape(description) +
         "\">\n"
         "  <link rel=\"canonical\" href=\"" +
         html_escape(canonical) +
         "\">\n"
         "  <link rel=\"icon\" href=\"{{root}}favicon.svg\" type=\"image/svg+xml\">\n"
         "  <link rel=\"stylesheet\" href=\"{{root}}css/site.css\">\n"
         "  <script type=\"module\" src=\"{{root}}js/glossary-search.js\"></script>\n";
}

const std::string kFoot = "  </main>\n  <!--#include footer-->\n</body>\n</html>\n";

std::string first_letter(const std::string& name) {
  for (char c : name)
    if (std::isalpha(static_cast<unsigned char>(c)))
      return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return "#";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '{':
        // Template markers are filled after this step; data must never form one.
        if (i + 1 < text.size() && text[i + 1] == '{')
          out += "&#123;";
        else
          out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string json_for_script(std::string_view json_text) {
  std::string out;
  out.reserve(json_text.size());
  for (std::size_t i = 0; i < json_text.size(); ++i) {
    const char c = json_text[i];
    // Only possible inside JSON strings, where a \u escape means the same character.
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else if (c == '{' && i + 1 < json_text.size() && json_text[i + 1] == '{')
      out += "{\\u007b", ++i;
    else
      out += c;
  }
  return out;
}

std::string find_therapist_label(const GlossaryEntry& e) {
  std::string who = e.name;
  const auto replace_tail = [&](std::string_view tail, std::string_view with) {
    if (who.size() >= tail.size() && ascii_lower(who.substr(who.size() - tail.size())) == tail) {
      who = who.substr(0, who.size() - tail.size()) + std::string(with);
      return true;
    }
    return false;
  };
  if (!replace_tail("counselling", "counsellor") && !replace_tail("psychotherapy", "psychotherapist") &&
      !replace_tail("therapy", "therapist"))
    who += " therapist";
  // "Counselling" alone becomes "counsellor", whose capital came from the name; acronyms and
  // proper names ("EMDR", "Jungian") keep theirs.
  if (who.rfind("Jungian", 0) != 0) who = lower_first(who);
  return std::string("Find ") + (starts_with_vowel_sound(who) ? "an " : "a ") + who;
}

std::string long_date(std::string_view iso) {
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return std::string(iso);
  const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  const int day = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso);
  return std::to_string(day) + " " + kMonths[month - 1] + " " + std::string(iso.substr(0, 4));
}

namespace {

// The page's questions and answers as schema.org FAQPage data, for the head.
std::string faq_json_ld(const GlossaryEntry& e, const std::string& canonical) {
  nlohmann::ordered_json ld;
  ld["@context"] = "https://schema.org";
  ld["@type"] = "FAQPage";
  ld["url"] = canonical;
  ld["mainEntity"] = nlohmann::ordered_json::array();
  for (const auto& f : e.faqs)
    ld["mainEntity"].push_back(
        {{"@type", "Question"}, {"name", f.q}, {"acceptedAnswer", {{"@type", "Answer"}, {"text", f.a}}}});
  std::string text;
  append_json_text(text, ld, false);
  return text;
}

// From the breadcrumb to the benefits: what the approach is and how it works.
std::string entry_sections(const GlossaryEntry& e, const std::string& name, const std::string& cta_href,
                           const std::string& cta_label) {
  std::string h;
  h += "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol><li><a "
       "href=\"{{root}}index.html\">Home</a></li>"
       "<li><a href=\"index.html\">Therapy approaches A to Z</a></li><li aria-current=\"page\">" +
       name + "</li></ol></nav>\n";
  h += search_form();
  h += "<article class=\"entry\" aria-labelledby=\"entry-title\">\n";
  h += "<h1 id=\"entry-title\">" + name + "</h1>\n";
  if (!e.aliases.empty()) {
    std::string also;
    for (std::size_t i = 0; i < e.aliases.size(); ++i) also += (i ? ", " : "") + html_escape(e.aliases[i]);
    h += "<p class=\"entry__aliases\">Also called: " + also + "</p>\n";
  }
  h += "<p class=\"entry__cta\"><a class=\"button button--large\" href=\"" + cta_href + "\">" + cta_label +
       "</a></p>\n";
  h += "<nav class=\"entry__toc\" aria-label=\"On this page\"><h2 class=\"entry__toc-title\">On this "
       "page</h2><ul>"
       "<li><a href=\"#what\">What is it?</a></li><li><a href=\"#how\">How does it work?</a></li>"
       "<li><a href=\"#who\">Who is it for?</a></li><li><a href=\"#session\">What happens in a "
       "session?</a></li>"
       "<li><a href=\"#benefits\">Benefits</a></li><li><a href=\"#evidence\">What is the evidence?</a></li>"
       "<li><a href=\"#faqs\">Frequently asked questions</a></li></ul></nav>\n";
  h += "<section id=\"what\" aria-labelledby=\"h-what\"><h2 id=\"h-what\">What is " + name +
       "?</h2>\n<p class=\"lead\">" + html_escape(e.summary) + "</p>\n";
  std::string formats;
  for (const auto& f : e.formats)
    if (const char* label = format_label(f)) formats += std::string(formats.empty() ? "" : ", ") + label;
  if (!formats.empty()) h += "<p class=\"entry__formats\">Offered " + std::string(formats) + ".</p>\n";
  h += "</section>\n";
  h += "<section id=\"how\" aria-labelledby=\"h-how\"><h2 id=\"h-how\">How does it work?</h2>\n" +
       paragraphs(e.how_it_works) + "</section>\n";
  h += "<section id=\"who\" aria-labelledby=\"h-who\"><h2 id=\"h-who\">Who is it for?</h2>\n" +
       paragraphs(e.who_for) + "</section>\n";
  h += "<section id=\"session\" aria-labelledby=\"h-session\"><h2 id=\"h-session\">What happens in a "
       "session?</h2>\n" +
       paragraphs(e.session) + "</section>\n";
  h += "<section id=\"benefits\" aria-labelledby=\"h-benefits\"><h2 id=\"h-benefits\">Benefits of " + name +
       "</h2>\n<ul class=\"entry__benefits\">\n";
  for (const auto& b : e.benefits) h += "<li>" + html_escape(b) + "</li>\n";
  h += "</ul>\n</section>\n";

  return h;
}

// "What is the evidence?": the summary, then each level's concerns with whom and on whose word.
std::string evidence_section(const Dataset& data, const GlossaryEntry& e) {
  std::string h;
  // The first line spells out NICE, so every page names it in full before the summary and the
  // ratings use the acronym (docs/plain-english.md), and links to what the levels mean.
  h += "<section id=\"evidence\" aria-labelledby=\"h-evidence\"><h2 id=\"h-evidence\">What is the "
       "evidence?</h2>\n"
       "<p class=\"evidence__about\">We rate the evidence using guidelines from the National Institute for "
       "Health and "
       "Care Excellence (NICE) and reviews of research. <a href=\"{{root}}about-evidence.html\">What the "
       "evidence levels "
       "mean</a>.</p>\n" +
       paragraphs(e.evidence_summary);
  std::map<std::string, const Concern*> concerns;
  for (const auto& c : data.concerns) concerns[c.id] = &c;
  for (Evidence level : {Evidence::strong, Evidence::moderate, Evidence::emerging}) {
    std::string items;
    for (const auto& c : e.concerns) {
      if (c.evidence != level) continue;
      const auto it = concerns.find(c.id);
      const std::string label = it != concerns.end() ? it->second->label : c.id;
      // Whom the evidence is about, in which form and on whose word (docs/evidence.md).
      std::string detail = age_group_words(c.ages);
      if (!c.model.empty()) detail += "; " + c.model;
      items += "<li><span class=\"evidence__concern\">" + html_escape(label) +
               "</span>: " + html_escape(detail) +
               ". <span class=\"evidence__source\">Source: " + html_escape(evidence_source_words(c)) +
               ".</span></li>\n";
    }
    if (items.empty()) continue;
    const std::string id = std::string("evidence-") + evidence_name(level);
    h += "<section class=\"evidence evidence--" + std::string(evidence_name(level)) +
         "\" aria-labelledby=\"" + id + "\"><h3 id=\"" + id + "\">" + evidence_level_words(level) +
         "</h3>\n<p class=\"evidence__meaning\">" + evidence_meaning(level) + "</p>\n<ul>\n" + items +
         "</ul>\n</section>\n";
  }
  h += "<p class=\"evidence__note\">Evidence describes what has helped groups of people in research. It "
       "cannot promise "
       "how therapy will go for you, and the right therapist matters as much as the "
       "approach.</p>\n</section>\n";

  return h;
}

// Frequently asked questions and related approaches.
std::string faqs_and_related(const Dataset& data, const GlossaryEntry& e) {
  std::string h;
  h += "<section id=\"faqs\" aria-labelledby=\"h-faqs\"><h2 id=\"h-faqs\">Frequently asked questions</h2>\n"
       "<div class=\"faq-list\">\n";
  for (const auto& f : e.faqs)
    h += "<details class=\"faq\"><summary>" + html_escape(f.q) + "</summary>\n" + paragraphs(f.a) +
         "</details>\n";
  h += "</div>\n</section>\n";

  if (!e.related.empty()) {
    h +=
        "<section id=\"related\" aria-labelledby=\"h-related\"><h2 id=\"h-related\">Related approaches</h2>\n"
        "<ul class=\"entry__related\">\n";
    for (const auto& r : e.related) {
      const GlossaryEntry* other = find_entry(data, r);
      if (!other) continue;  // the loader already reports these; a page never links nowhere
      h +=
          "<li><a href=\"" + html_escape(other->slug) + ".html\">" + html_escape(other->name) + "</a></li>\n";
    }
    h += "</ul>\n</section>\n";
  }
  return h;
}

}  // namespace

std::string entry_page(const Dataset& data, const GlossaryEntry& e, const SiteOptions& options) {
  const std::string canonical = options.base_url + options.folder + e.slug + ".html";
  const std::string name = html_escape(e.name);
  const std::string cta_href = "{{root}}find.html?approach=" + html_escape(e.slug);
  const std::string cta_label = html_escape(find_therapist_label(e));
  std::string h = head(e.name + ": what it is, how it works and who it may help – Time for Therapy",
                       e.summary, canonical);
  h += "  <script type=\"application/ld+json\">" + json_for_script(faq_json_ld(e, canonical)) + "</script>\n";
  h += "</head>\n<body>\n  <!--#include header-->\n  <main id=\"main\" class=\"glossary-entry\">\n";
  h += entry_sections(e, name, cta_href, cta_label);
  h += evidence_section(data, e);
  h += faqs_and_related(data, e);
  h += "<aside class=\"entry__find\" aria-labelledby=\"h-find\"><h2 id=\"h-find\">" + cta_label +
       "</h2>\n"
       "<p>Answer a few short questions and see therapists who fit you. Your answers stay on your "
       "device.</p>\n"
       "<p><a class=\"button button--large\" href=\"" +
       cta_href + "\">Start the questions</a></p>\n</aside>\n";
  h += "<p class=\"entry__reviewed\">Last reviewed <time datetime=\"" + html_escape(e.last_reviewed) + "\">" +
       html_escape(long_date(e.last_reviewed)) +
       "</time>. This page explains an approach; it is not medical advice.</p>\n";
  h += "</article>\n" + kFoot;
  return h;
}

std::string index_page(const Dataset& data, const SiteOptions& options) {
  std::vector<const GlossaryEntry*> entries;
  for (const auto& e : data.glossary) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(), [](const GlossaryEntry* a, const GlossaryEntry* b) {
    const std::string x = ascii_lower(a->name), y = ascii_lower(b->name);
    return x != y ? x < y : a->slug < b->slug;
  });
  std::map<std::string, std::vector<const GlossaryEntry*>> by_letter;
  for (const auto* e : entries) by_letter[first_letter(e->name)].push_back(e);

  std::string h =
      head("Therapy approaches A to Z – Time for Therapy",
           "Plain-English guides to " + std::to_string(entries.size()) +
               " therapy approaches: what each one is, how it works, who it may help and the evidence.",
           options.base_url + options.folder + "index.html");
  h += "</head>\n<body>\n  <!--#include header-->\n  <main id=\"main\" class=\"glossary-index\">\n";
  h += "<h1>Therapy approaches A to Z</h1>\n<p class=\"lead\">Plain-English guides to " +
       std::to_string(entries.size()) +
       " kinds of therapy: what each one is, how it works, who it may help, and how good the evidence "
       "is.</p>\n";
  h += search_form();
  h += "<nav class=\"az-jump\" aria-label=\"Jump to a letter\"><ul>";
  for (const auto& [letter, list] : by_letter)
    h += "<li><a href=\"#letter-" + html_escape(ascii_lower(letter)) + "\">" + html_escape(letter) +
         "</a></li>";
  h += "</ul></nav>\n";
  for (const auto& [letter, list] : by_letter) {
    const std::string id = "letter-" + html_escape(ascii_lower(letter));
    h += "<section class=\"az-letter\" aria-labelledby=\"" + id + "\"><h2 id=\"" + id + "\">" +
         html_escape(letter) + "</h2>\n<ul class=\"az-list\">\n";
    for (const auto* e : list) {
      std::string aliases;
      for (const auto& a : e->aliases) {
        // Acronyms help people recognise an entry at a glance; other names stay on the page.
        bool acronym = a.size() <= 6;
        for (char c : a) acronym = acronym && (is_ascii_upper(c) || c == '-');
        if (acronym) aliases += (aliases.empty() ? "" : ", ") + html_escape(a);
      }
      h += "<li><a href=\"" + html_escape(e->slug) + ".html\">" + html_escape(e->name) + "</a>";
      if (!aliases.empty()) h += " <span class=\"az-list__aliases\">(" + aliases + ")</span>";
      h += "<p>" + html_escape(e->summary) + "</p></li>\n";
    }
    h += "</ul>\n<p class=\"az-top\"><a href=\"#main\">Back to top</a></p>\n</section>\n";
  }
  h += kFoot;
  return h;
}

std::vector<Page> glossary_pages(const Dataset& data, const SiteOptions& options) {
  std::vector<Page> pages;
  pages.push_back({"index.html", index_page(data, options)});
  for (const auto& e : data.glossary) pages.push_back({e.slug + ".html", entry_page(data, e, options)});
  return pages;
}

}  // namespace tft
