// Loaders for the small data files (concerns, questionnaire, crisis contacts, places) and the
// cross-checks that tie the dataset together.
#include <algorithm>

#include "loaders.h"
#include "nations.h"
#include "sort_order.h"
#include "vocabulary.h"

namespace tft {

namespace {

const std::set<std::string>& answer_fields() {
  static const std::set<std::string> s{
      "who",    "age",      "concerns",  "approaches",       "format",       "location", "max_distance_km",
      "budget", "low_cost", "languages", "therapist_gender", "availability", "identity", "safety"};
  return s;
}

// {"<who option id>": "text", ...}: wording for who the therapy is for. The ids are checked against
// the `who` question's options once the whole questionnaire is read (parse_questionnaire).
std::map<std::string, std::string> read_by_who(ObjectReader& r, const char* key, std::size_t max_chars) {
  std::map<std::string, std::string> out;
  const json* obj = r.object(key, Need::optional);
  if (!obj) return out;
  Diagnostics& diag = r.diagnostics();
  const json::object_t::Container& members = obj->get_ref<const json::object_t&>();
  for (const std::uint32_t m : members_by_key(*obj)) {
    const auto& [who, value] = members[m];
    const std::string path = child_path(r.field_path(key), who);
    if (!value.is_string()) {
      diag.add(path, "must be text, not " + describe_type(value));
      continue;
    }
    const std::string& text = value.get_ref<const std::string&>();
    const std::string problem = text_problem(text, max_chars, false);
    if (!problem.empty())
      diag.add(path, problem);
    else
      out[who] = text;
  }
  return out;
}

Question read_question(const json& value, const std::string& path, Diagnostics& diag) {
  Question q;
  ObjectReader r(value, path, diag);
  q.id = r.one_of("id", Need::required, answer_fields()).value_or("");
  q.kind = r.one_of("kind", Need::required, {"single", "multi", "number", "place", "yes-no"}).value_or("");
  q.prompt = r.text("prompt", Need::required, 200).value_or("");
  q.help = r.text("help", Need::optional, 600, true).value_or("");
  q.prompt_by_who = read_by_who(r, "prompt_by_who", 200);
  q.help_by_who = read_by_who(r, "help_by_who", 600);
  q.can_be_must_have = r.boolean("can_be_must_have", Need::optional).value_or(false);
  q.required = r.boolean("required", Need::optional).value_or(false);
  q.min = r.number("min", Need::optional, -1e9, 1e9);
  q.max = r.number("max", Need::optional, -1e9, 1e9);
  q.unit = r.text("unit", Need::optional, 20).value_or("");
  const auto options_from = r.one_of("options_from", Need::optional, {"concerns", "approaches"});
  if (const json* options = r.array("options", Need::optional, 1, 80)) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < options->size(); ++i) {
      ObjectReader o((*options)[i], index_path(r.field_path("options"), i), diag);
      QuestionOption opt;
      opt.id = o.text("id", Need::required, 64).value_or("");
      opt.label = o.text("label", Need::required, 120).value_or("");
      opt.help = o.text("help", Need::optional, 300).value_or("");
      opt.label_by_who = read_by_who(o, "label_by_who", 120);
      opt.risk = o.one_of("risk", Need::optional, {"none", "some", "urgent"}).value_or("");
      o.finish();
      if (!opt.id.empty() && !ids.insert(opt.id).second)
        diag.add(o.field_path("id"), "repeats " + quote_for_message(opt.id));
      q.options.push_back(std::move(opt));
    }
  }
  // Options may instead come from another data file; the marker keeps one source of truth.
  if (options_from) {
    QuestionOption marker;
    marker.id = "@" + *options_from;
    q.options.push_back(std::move(marker));
  }
  if ((q.kind == "single" || q.kind == "multi") && q.options.empty())
    diag.add(path, "a " + q.kind + " question needs options or options_from");
  if (const json* shows_if = r.object("shows_if", Need::optional)) {
    ObjectReader s(*shows_if, r.field_path("shows_if"), diag);
    q.shows_if_question = s.one_of("question", Need::required, answer_fields()).value_or("");
    q.shows_if_any = s.strings("any_of", Need::required, 1, 20, 64).value_or(std::vector<std::string>{});
    s.finish();
  }
  // Bands: {"shows_if": {question, any_of}, "options": [{id, label, min, max}]}, for number kinds.
  if (const json* bands = r.object("bands", Need::optional)) {
    ObjectReader b(*bands, r.field_path("bands"), diag);
    if (q.kind != "number") diag.add(r.field_path("bands"), "only a number question can offer bands");
    if (const json* when = b.object("shows_if", Need::required)) {
      ObjectReader s(*when, b.field_path("shows_if"), diag);
      q.bands_if_question = s.one_of("question", Need::required, answer_fields()).value_or("");
      q.bands_if_any = s.strings("any_of", Need::required, 1, 20, 64).value_or(std::vector<std::string>{});
      s.finish();
    }
    if (const json* list = b.array("options", Need::required, 1, 20)) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader o((*list)[i], index_path(b.field_path("options"), i), diag);
        QuestionBand band;
        band.id = o.text("id", Need::required, 64).value_or("");
        band.label = o.text("label", Need::required, 120).value_or("");
        band.min = static_cast<int>(o.integer("min", Need::required, 0, 120).value_or(0));
        band.max = static_cast<int>(o.integer("max", Need::required, 0, 120).value_or(0));
        if (band.min > band.max) diag.add(o.path(), "min is greater than max");
        o.finish();
        q.bands.push_back(std::move(band));
      }
    }
    b.finish();
  }
  r.finish();
  return q;
}

// An optional {"min", "max"} of whole years, both ends included. Returns whether it was given.
bool read_age_range(ObjectReader& r, const char* key, AgeRange& out) {
  const json* value = r.object(key, Need::optional);
  if (!value) return false;
  ObjectReader a(*value, r.field_path(key), r.diagnostics());
  out.min = static_cast<int>(a.integer("min", Need::required, 0, 120).value_or(0));
  out.max = static_cast<int>(a.integer("max", Need::required, 0, 120).value_or(120));
  if (out.min > out.max) r.diagnostics().add(a.path(), "min is greater than max");
  a.finish();
  return true;
}

// A UK number as dialled, for a tel: link (docs/safety.md): 999, 112, 111 or 101; a 116 helpline
// (six digits); a full number of 10 or 11 digits starting 0; or a short freephone number, 0800 and
// four digits (Childline's 0800 1111).
bool is_uk_phone(const std::string& d) {
  if (d == "999" || d == "112" || d == "111" || d == "101") return true;
  if (d.size() == 6 && d.compare(0, 3, "116") == 0) return true;
  if ((d.size() == 10 || d.size() == 11) && d[0] == '0' && d[1] != '0') return true;
  return d.size() == 8 && d.compare(0, 4, "0800") == 0;
}

// A number for an sms: link: a five-digit short code (60000-89999) or a UK mobile, 07 and nine digits.
bool is_uk_sms(const std::string& d) {
  if (d.size() == 5) return d[0] >= '6' && d[0] <= '8';
  return d.size() == 11 && d.compare(0, 2, "07") == 0;
}

// Phone and sms are digits as dialled, in a UK format, and `how` shows the same digits the link
// dials, so what a visitor reads is what their phone calls.
void check_contact_numbers(const CrisisContact& c, ObjectReader& r, Diagnostics& diag) {
  if (c.phone.empty() && c.sms.empty()) diag.add(r.path(), "needs a phone or sms number");
  std::string shown;
  for (const char ch : c.how)
    if (ch >= '0' && ch <= '9') shown += ch;
  for (const char* key : {"phone", "sms"}) {
    const std::string& v = key[0] == 'p' ? c.phone : c.sms;
    if (v.empty()) continue;
    if (v.find_first_not_of("0123456789") != std::string::npos)
      diag.add(r.field_path(key), "must be digits only, as dialled");
    else if (key[0] == 'p' ? !is_uk_phone(v) : !is_uk_sms(v))
      diag.add(r.field_path(key), quote_for_message(v) + " is not a UK " +
                                      (key[0] == 'p' ? "phone number" : "text number") + " as dialled");
    else if (shown.find(v) == std::string::npos)
      diag.add(
          r.field_path(key),
          quote_for_message(v) + " does not appear in \"how\", so the visitor would read a different number");
  }
}

// Wording by who must name options of the `who` question, which must come before the question, so
// the page always knows which wording to show.
void check_wording_by_who(const Questionnaire& q, Diagnostics& diag) {
  std::size_t who_at = q.questions.size();
  std::set<std::string> whos;
  for (std::size_t i = 0; i < q.questions.size(); ++i)
    if (q.questions[i].id == "who") {
      who_at = i;
      for (const auto& o : q.questions[i].options) whos.insert(o.id);
    }
  auto check = [&](const std::map<std::string, std::string>& by_who, const std::string& path,
                   std::size_t at) {
    if (by_who.empty()) return;
    if (at <= who_at) diag.add(path, "needs the who question to come first");
    for (const auto& [who, text] : by_who)
      if (!whos.count(who)) diag.add(child_path(path, who), "is not an answer to the who question");
  };
  for (std::size_t i = 0; i < q.questions.size(); ++i) {
    const Question& x = q.questions[i];
    const std::string path = index_path("$.questions", i);
    check(x.prompt_by_who, path + ".prompt_by_who", i);
    check(x.help_by_who, path + ".help_by_who", i);
    for (std::size_t k = 0; k < x.options.size(); ++k)
      check(x.options[k].label_by_who, index_path(path + ".options", k) + ".label_by_who", i);
  }
}

// Only the safety question's options say what risk level they mean, each of them does, and between
// them they reach every level the matcher knows.
void check_safety_risks(const Questionnaire& q, Diagnostics& diag) {
  for (std::size_t i = 0; i < q.questions.size(); ++i) {
    const Question& x = q.questions[i];
    const std::string path = index_path("$.questions", i);
    std::set<std::string> levels;
    for (std::size_t k = 0; k < x.options.size(); ++k) {
      const std::string option_path = index_path(path + ".options", k) + ".risk";
      if (x.id != "safety" && !x.options[k].risk.empty())
        diag.add(option_path, "is only for the safety question");
      else if (x.id == "safety" && x.options[k].risk.empty())
        diag.add(option_path, "is required: say which risk level (none, some or urgent) this answer means");
      levels.insert(x.options[k].risk);
    }
    if (x.id == "safety")
      for (const char* level : {"none", "some", "urgent"})
        if (!levels.count(level)) diag.add(path + ".options", std::string("has no answer meaning ") + level);
  }
}

}  // namespace

std::vector<Concern> parse_concerns(const json& root, Diagnostics& diag) {
  std::vector<Concern> out;
  ObjectReader top(root, "$", diag);
  const json* list = top.array("concerns", Need::required, 1, 500);
  top.finish();
  if (!list) return out;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader r((*list)[i], index_path("$.concerns", i), diag);
    Concern c{r.text("id", Need::required, 64).value_or(""), r.text("label", Need::required, 80).value_or(""),
              r.text("description", Need::required, 300).value_or("")};
    r.finish();
    if (c.id.empty()) continue;
    if (!is_slug(c.id)) diag.add(r.field_path("id"), "must be lower-case words joined by hyphens");
    if (!ids.insert(c.id).second) diag.add(r.field_path("id"), "repeats " + quote_for_message(c.id));
    out.push_back(std::move(c));
  }
  for (const auto& id : required_concern_ids())
    if (!ids.count(id)) diag.add("$.concerns", "is missing the required concern id " + quote_for_message(id));
  return out;
}

Questionnaire parse_questionnaire(const json& root, Diagnostics& diag) {
  Questionnaire out;
  ObjectReader top(root, "$", diag);
  const json* list = top.array("questions", Need::required, 1, 60);
  top.finish();
  if (!list) return out;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = index_path("$.questions", i);
    Question q = read_question((*list)[i], path, diag);
    if (!q.id.empty() && !ids.insert(q.id).second)
      diag.add(path + ".id", "repeats " + quote_for_message(q.id));
    // A follow-up may only depend on a question asked before it, or the flow could never show it.
    if (!q.shows_if_question.empty() && !ids.count(q.shows_if_question))
      diag.add(path + ".shows_if.question", "must name an earlier question");
    out.questions.push_back(std::move(q));
  }
  if (!ids.count("safety")) diag.add("$.questions", "must include the safety question");
  check_wording_by_who(out, diag);
  check_safety_risks(out, diag);
  return out;
}

Crisis parse_crisis(const json& root, Diagnostics& diag, const std::set<std::string>& known_concerns) {
  Crisis out;
  ObjectReader top(root, "$", diag);
  out.last_checked = top.date("last_checked", Need::required).value_or("");
  out.source_note = top.text("source_note", Need::optional, 600, true).value_or("");
  const std::set<std::string>* concerns = known_concerns.empty() ? nullptr : &known_concerns;
  std::set<std::string> ids;
  if (const json* list = top.array("contacts", Need::required, 1, 40)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      ObjectReader r((*list)[i], index_path("$.contacts", i), diag);
      CrisisContact c;
      c.id = r.text("id", Need::required, 64).value_or("");
      c.name = r.text("name", Need::required, 80).value_or("");
      c.how = r.text("how", Need::required, 160).value_or("");
      c.when = r.text("when", Need::required, 120).value_or("");
      c.for_whom = r.text("for", Need::required, 300).value_or("");
      c.phone = r.text("phone", Need::optional, 20).value_or("");
      c.sms = r.text("sms", Need::optional, 20).value_or("");
      c.urgent = r.boolean("urgent", Need::optional).value_or(false);
      c.nations = r.strings("nations", Need::required, 1, 4, 20, &nation_id_set())
                      .value_or(std::vector<std::string>{});
      c.has_ages = read_age_range(r, "ages", c.ages);
      c.concerns =
          r.strings("concerns", Need::optional, 1, 10, 64, concerns).value_or(std::vector<std::string>{});
      check_contact_numbers(c, r, diag);
      r.finish();
      if (!c.id.empty() && !ids.insert(c.id).second)
        diag.add(r.field_path("id"), "repeats " + quote_for_message(c.id));
      out.contacts.push_back(std::move(c));
    }
    // Whoever the visitor is and wherever they are, the list must give them somewhere to turn now.
    for (const auto& nation : nation_ids()) {
      const bool covered = std::any_of(out.contacts.begin(), out.contacts.end(), [&](const CrisisContact& c) {
        return c.urgent && !c.has_ages && c.concerns.empty() &&
               std::find(c.nations.begin(), c.nations.end(), nation) != c.nations.end();
      });
      if (!covered) diag.add("$.contacts", "has no urgent contact for everyone in " + nation_name(nation));
    }
  }
  if (const json* list = top.array("signposts", Need::optional, 0, 60)) {
    std::set<std::string> signpost_ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
      ObjectReader r((*list)[i], index_path("$.signposts", i), diag);
      Signpost sp;
      sp.id = r.text("id", Need::required, 64).value_or("");
      sp.concerns =
          r.strings("concerns", Need::optional, 1, 20, 64, concerns).value_or(std::vector<std::string>{});
      sp.has_ages = read_age_range(r, "ages", sp.ages);
      sp.nation = r.one_of("nation", Need::optional, nation_id_set()).value_or("");
      sp.text = r.text("text", Need::required, 600).value_or("");
      sp.contacts =
          r.strings("contacts", Need::required, 0, 20, 64, &ids).value_or(std::vector<std::string>{});
      r.finish();
      if (!sp.id.empty() && !is_slug(sp.id))
        diag.add(r.field_path("id"), "must be lower-case words joined by hyphens");
      if (!sp.id.empty() && !signpost_ids.insert(sp.id).second)
        diag.add(r.field_path("id"), "repeats " + quote_for_message(sp.id));
      out.signposts.push_back(std::move(sp));
    }
  }
  top.finish();
  return out;
}

namespace {

Place read_place(const json& value, const std::string& path, Diagnostics& diag) {
  ObjectReader r(value, path, diag);
  Place p;
  p.name = r.text("name", Need::required, 100).value_or("");
  p.region =
      r.one_of("region", Need::required, {"England", "Scotland", "Wales", "Northern Ireland"}).value_or("");
  p.county = r.text("county", Need::optional, 100).value_or("");
  p.lat = r.number("lat", Need::required, 49.0, 61.5).value_or(0);
  p.lon = r.number("lon", Need::required, -8.7, 2.0).value_or(0);
  p.population = static_cast<long>(r.integer("population", Need::optional, 0, 20000000).value_or(0));
  p.nation = r.one_of("nation", Need::required, nation_id_set()).value_or("");
  if (!p.region.empty() && !p.nation.empty() && nation_for_region(p.region) != p.nation)
    diag.add(r.field_path("nation"), "is " + quote_for_message(p.nation) + " but the region is " + p.region);
  r.finish();
  return p;
}

constexpr std::size_t kMaxPlaces = 200000;

// The fields around the list; `count` is how many places the list held (it may have been read
// item by item, see load_places).
void read_places_header(const json& root, std::size_t count, Places& out, Diagnostics& diag) {
  ObjectReader top(root, "$", diag);
  out.source = top.text("source", Need::required, 300).value_or("");
  out.licence = top.text("licence", Need::required, 120).value_or("");
  out.attribution = top.text("attribution", Need::required, 600).value_or("");
  if (top.array("places", Need::required, 0, kMaxPlaces) && count == 0)
    diag.add("$.places", "needs at least 1 item, found 0");
  top.finish();
  stable_sort_items(out.places, [](const Place& a, const Place& b) {
    return a.name != b.name ? a.name < b.name : a.region < b.region;
  });
}

// The places file is the biggest of the data files; its places are read one at a time as the
// parser finishes each (json_input.h, ArrayStream), so its parse tree is never held whole.
Places load_places(const Source& source, std::vector<Error>& errors) {
  Places out;
  Diagnostics diag, items;
  diag.file = items.file = source.name;
  ArrayStream places;
  places.key = "places";
  places.max_items = kMaxPlaces;
  auto on_place = [&](const json& item, std::size_t i) {
    out.places.push_back(read_place(item, index_path("$.places", i), items));
    return !items.truncated;
  };
  places.each = borrow_item_handler(on_place);
  ParseLimits limits;
  limits.max_bytes = 16u << 20;
  if (auto root = parse_json(source.text, limits, diag, &places)) {
    read_places_header(*root, places.count, out, diag);
    merge(diag, items);
  } else if (places.stopped) {
    merge(diag, items);
  }
  errors.insert(errors.end(), diag.errors.begin(), diag.errors.end());
  return out;
}

}  // namespace

Places parse_places(const json& root, Diagnostics& diag) {
  Places out;
  std::size_t count = 0;
  if (root.is_object())
    if (const auto it = root.find("places"); it != root.end() && it->is_array() && it->size() <= kMaxPlaces) {
      count = it->size();
      for (std::size_t i = 0; i < count; ++i)
        out.places.push_back(read_place((*it)[i], index_path("$.places", i), diag));
    }
  read_places_header(root, count, out, diag);
  return out;
}

std::set<std::string> approach_slugs(const Dataset& data) {
  std::set<std::string> s(required_approach_slugs().begin(), required_approach_slugs().end());
  for (const auto& e : data.glossary) s.insert(e.slug);
  return s;
}

std::set<std::string> concern_ids(const Dataset& data) {
  std::set<std::string> s;
  for (const auto& c : data.concerns) s.insert(c.id);
  return s;
}

const GlossaryEntry* find_entry(const Dataset& data, std::string_view slug) {
  const auto it = std::lower_bound(data.glossary.begin(), data.glossary.end(), slug,
                                   [](const GlossaryEntry& e, std::string_view s) { return e.slug < s; });
  return it != data.glossary.end() && it->slug == slug ? &*it : nullptr;
}

namespace {

template <typename Parse>
auto load_one(const Source& source, std::size_t max_bytes, std::vector<Error>& errors, Parse parse) {
  Diagnostics diag;
  diag.file = source.name;
  ParseLimits limits;
  limits.max_bytes = max_bytes;
  decltype(parse(json(), diag)) value{};
  if (auto root = parse_json(source.text, limits, diag)) value = parse(*root, diag);
  errors.insert(errors.end(), diag.errors.begin(), diag.errors.end());
  return value;
}

}  // namespace

DatasetLoad load_glossary_data(const Source& glossary, const Source& concerns) {
  DatasetLoad out;
  Dataset& d = out.data;
  d.concerns = load_one(concerns, 1u << 20, out.errors, parse_concerns);
  // The glossary is checked against the concern list loaded just before it.
  const std::set<std::string> known = concern_ids(d);
  d.glossary = load_one(glossary, 8u << 20, out.errors, [&](const json& root, Diagnostics& diag) {
    return parse_glossary(root, diag, known);
  });
  return out;
}

DatasetLoad load_dataset(const DatasetSources& sources) {
  DatasetLoad out = load_glossary_data(sources.glossary, sources.concerns);
  auto& errors = out.errors;
  Dataset& d = out.data;
  const std::set<std::string> concerns = concern_ids(d);
  d.questionnaire = load_one(sources.questionnaire, 1u << 20, errors, parse_questionnaire);
  d.crisis = load_one(sources.crisis, 1u << 20, errors, [&](const json& root, Diagnostics& diag) {
    return parse_crisis(root, diag, concerns);
  });
  d.places = load_places(sources.places, errors);

  return out;
}

}  // namespace tft
