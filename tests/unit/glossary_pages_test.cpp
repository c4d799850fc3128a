// The static glossary pages: escaping of hostile data, the page structure, and the labels.
#include <catch2/catch.hpp>

#include "core/glossary_pages.h"
#include "test_support.h"

using namespace tft;

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("html_escape neutralises markup, quotes and template markers", "[site][escape]") {
  CHECK(html_escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(html_escape("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x");
  CHECK(html_escape("a & b &amp;") == "a &amp; b &amp;amp;");
  CHECK(html_escape("{{root}}evil") == "&#123;{root}}evil");
  CHECK(html_escape("<!--#include header-->") == "&lt;!--#include header--&gt;");
  CHECK(html_escape("plain {braces} ok") == "plain {braces} ok");
  CHECK(html_escape("caf\xc3\xa9 \xff") == "caf\xc3\xa9 \xff");  // bytes pass through
  CHECK(html_escape("") == "");
}

TEST_CASE("json_for_script cannot close its script element", "[site][escape]") {
  const std::string out =
      json_for_script(R"({"a":"</script><script>alert(1)</script>","b":"{{root}} & <!--"})");
  CHECK(out.find('<') == std::string::npos);
  CHECK(out.find('>') == std::string::npos);
  CHECK(out.find('&') == std::string::npos);
  CHECK(out.find("{{") == std::string::npos);
  const auto back = nlohmann::json::parse(out);
  CHECK(back["a"] == "</script><script>alert(1)</script>");
  CHECK(back["b"] == "{{root}} & <!--");
}

TEST_CASE("hostile entry text is escaped everywhere on the page", "[site][escape]") {
  Dataset d = test::bundled_dataset();
  GlossaryEntry& e = d.glossary.front();
  const std::string evil = "<img src=x onerror=alert(1)>\"'{{root}}";
  e.name = evil;
  e.aliases = {evil};
  e.summary = evil;
  e.how_it_works = evil + "\n\n" + evil;
  e.benefits = {evil, evil, evil, evil};
  e.faqs = {{evil, evil}, {evil, evil}, {evil, evil}};
  const std::string page = entry_page(d, e, SiteOptions{});
  CHECK(page.find("<img") == std::string::npos);
  CHECK(count(page, "{{root}}") ==
        count(entry_page(test::bundled_dataset(), test::bundled_dataset().glossary.front(), SiteOptions{}),
              "{{root}}"));
  const std::string index = index_page(d, SiteOptions{});
  CHECK(index.find("<img") == std::string::npos);
}

TEST_CASE("an entry page has every section, the FAQ data and the call to action", "[site][pages]") {
  const Dataset& d = test::bundled_dataset();
  const GlossaryEntry* e = find_entry(d, "attachment-based");
  REQUIRE(e);
  SiteOptions options;
  options.base_url = "https://example.org/";
  const std::string page = entry_page(d, *e, options);
  for (const char* id : {"what", "how", "who", "session", "benefits", "evidence", "faqs", "related"})
    CHECK(page.find(std::string("<section id=\"") + id + "\"") != std::string::npos);
  CHECK(count(page, "<details class=\"faq\">") == e->faqs.size());
  CHECK(page.find("<script type=\"application/ld+json\">") != std::string::npos);
  CHECK(page.find("\"@type\":\"FAQPage\"") != std::string::npos);
  CHECK(page.find("<link rel=\"canonical\" href=\"https://example.org/glossary/attachment-based.html\">") !=
        std::string::npos);
  CHECK(count(page, "href=\"{{root}}find.html?approach=attachment-based\"") == 2);
  CHECK(page.find("<!--#include header-->") != std::string::npos);
  CHECK(page.find("<!--#include footer-->") != std::string::npos);
  CHECK(page.find("datetime=\"" + e->last_reviewed + "\"") != std::string::npos);
}

TEST_CASE("an entry page's evidence section links to what the evidence levels mean", "[site][pages]") {
  const Dataset& d = test::bundled_dataset();
  const std::string page = entry_page(d, d.glossary.front(), SiteOptions{});
  const std::size_t section = page.find("<section id=\"evidence\"");
  REQUIRE(section != std::string::npos);
  const std::size_t link = page.find("href=\"{{root}}about-evidence.html\"", section);
  REQUIRE(link != std::string::npos);
  CHECK(link < page.find("</section>", section));
}

TEST_CASE("an entry page says whom each piece of evidence is about, in which form and from where",
          "[site][pages][evidence]") {
  const Dataset& d = test::bundled_dataset();
  const GlossaryEntry* tf = find_entry(d, "tf-cbt");
  const GlossaryEntry* emdr = find_entry(d, "emdr");
  REQUIRE(tf);
  REQUIRE(emdr);
  const std::string page = entry_page(d, *tf, SiteOptions{});
  // NICE NG116: offer for 7 to 17 and for adults; the tag for 3 to 6 rests on trials.
  CHECK(
      page.find(
          "<span class=\"evidence__concern\">Trauma or PTSD</span>: children and young people aged 7 to 17. "
          "<span class=\"evidence__source\">Source: NICE NG116, which says to offer it.</span>") !=
      std::string::npos);
  CHECK(page.find("<span class=\"evidence__concern\">Trauma or PTSD</span>: adults. ") != std::string::npos);
  CHECK(page.find("children aged 3 to 6; trauma-focused CBT adapted for young children, with a parent. "
                  "<span class=\"evidence__source\">Source: trials; no NICE recommendation.</span>") !=
        std::string::npos);
  const std::string emdr_page = entry_page(d, *emdr, SiteOptions{});
  CHECK(emdr_page.find(
            "children and young people aged 7 to 17; EMDR if trauma-focused CBT has not helped. "
            "<span class=\"evidence__source\">Source: NICE NG116, which says to consider it.</span>") !=
        std::string::npos);
}

TEST_CASE("the A to Z index lists every entry once and pages come one per entry", "[site][pages]") {
  const Dataset& d = test::bundled_dataset();
  const auto pages = glossary_pages(d, SiteOptions{});
  REQUIRE(pages.size() == d.glossary.size() + 1);
  CHECK(pages[0].path == "index.html");
  for (const auto& e : d.glossary) CHECK(count(pages[0].html, "<li><a href=\"" + e.slug + ".html\">") == 1);
  CHECK(pages[0].html.find("href=\"#letter-a\"") != std::string::npos);
}

TEST_CASE("the call to action names the therapist in plain English", "[site][labels]") {
  const Dataset& d = test::bundled_dataset();
  const auto label = [&](const char* slug) { return find_therapist_label(*find_entry(d, slug)); };
  CHECK(label("attachment-based") == "Find an attachment-based therapist");
  CHECK(label("cbt") == "Find a cognitive behavioural therapist");
  CHECK(label("emdr") == "Find an EMDR therapist");
  CHECK(label("counselling") == "Find a counsellor");
  CHECK(label("hypnotherapy") == "Find a hypnotherapist");
  CHECK(label("ipt") == "Find an interpersonal psychotherapist");
  CHECK(label("jungian") == "Find a Jungian analysis therapist");
}

TEST_CASE("long_date writes UK dates and leaves anything else alone", "[site][labels]") {
  CHECK(long_date("2026-11-23") == "23 November 2026");
  CHECK(long_date("2026-01-05") == "5 January 2026");
  CHECK(long_date("2026-13-05") == "2026-13-05");
  CHECK(long_date("soon") == "soon");
}
