// The therapist directory: the largest and least trusted input (published by a site owner, built by
// therapists on the For Professionals page). Every field is checked; a bad entry is reported and
// left out rather than failing the whole directory.
#include <string_view>
#include <unordered_set>

#include "contact.h"
#include "loaders.h"
#include "vocabulary.h"

namespace tft {

namespace {

struct Range {
  std::optional<std::int64_t> min, max;
};

// Reads whole-number "min" and "max" fields in [lo, hi]. They are compared only when both are
// valid, so one bad number gives one error, not a second "min is greater than max" too.
Range read_range(ObjectReader& r, std::int64_t lo, std::int64_t hi) {
  Range out{r.integer("min", Need::required, lo, hi), r.integer("max", Need::required, lo, hi)};
  if (out.min && out.max && *out.min > *out.max) r.diagnostics().add(r.path(), "min is greater than max");
  return out;
}

// An optional contact field: kept when it passes `problem`, else reported at its path.
std::string contact_field(ObjectReader& r, const char* key, std::size_t max_chars,
                          std::string (*problem)(std::string_view)) {
  auto value = r.text(key, Need::optional, max_chars);
  if (!value) return "";
  if (const std::string why = problem(*value); !why.empty()) {
    r.diagnostics().add(r.field_path(key), why);
    return "";
  }
  return *value;
}

// At least one way to get in touch; each present field must be usable as it stands, because the
// results page turns them into mailto:, tel: and https: links.
void read_contact(ObjectReader& r, Diagnostics& diag, ContactDetails& c) {
  const json* value = r.object("contact", Need::required);
  if (!value) return;
  ObjectReader k(*value, r.field_path("contact"), diag);
  const std::size_t before = diag.errors.size();
  c.email = contact_field(k, "email", 254, email_problem);
  c.phone = contact_field(k, "phone", 20, phone_problem);
  c.website = contact_field(k, "website", 200, website_problem);
  k.finish();
  if (diag.errors.size() == before && c.email.empty() && c.phone.empty() && c.website.empty())
    diag.add(k.path(), "needs at least one of email, phone or website");
}

struct DirectoryRules {
  std::set<std::string> approaches;
  std::set<std::string> concerns;
};

// Returns true when the entry had no problems.
void read_registrations(ObjectReader& r, Diagnostics& diag, Therapist& t) {
  if (const json* regs = r.array("registrations", Need::required, 1, 8)) {
    for (std::size_t i = 0; i < regs->size(); ++i) {
      ObjectReader g((*regs)[i], index_path(r.field_path("registrations"), i), diag);
      Registration reg;
      reg.body = g.one_of("body", Need::required, registration_bodies()).value_or("");
      reg.level = g.text("level", Need::required, 60).value_or("");
      reg.number = g.text("number", Need::required, 40).value_or("");
      reg.checked = g.date("checked", Need::required).value_or("");
      g.finish();
      t.registrations.push_back(std::move(reg));
    }
  }
}

void read_locations(ObjectReader& r, Diagnostics& diag, Therapist& t) {
  if (const json* locs = r.array("locations", Need::optional, 0, 10)) {
    for (std::size_t i = 0; i < locs->size(); ++i) {
      ObjectReader l((*locs)[i], index_path(r.field_path("locations"), i), diag);
      Location loc;
      loc.place = l.text("place", Need::required, 100).value_or("");
      // Bounds of the UK and its islands with a margin; a swapped lat/lon lands outside them.
      loc.lat = l.number("lat", Need::required, 49.0, 61.5).value_or(0);
      loc.lon = l.number("lon", Need::required, -8.7, 2.0).value_or(0);
      l.finish();
      t.locations.push_back(std::move(loc));
    }
  }
}

bool read_therapist(const json& value, const std::string& path, const DirectoryRules& rules,
                    Diagnostics& diag, Therapist& t) {
  const std::size_t before = diag.errors.size();
  ObjectReader r(value, path, diag);
  if (auto id = r.text("id", Need::required, 64)) {
    if (!is_slug(*id)) diag.add(r.field_path("id"), "must be lower-case letters, digits and hyphens");
    t.id = *id;
  }
  t.name = r.text("name", Need::required, 100).value_or("");
  t.pronouns = r.text("pronouns", Need::optional, 30).value_or("");
  t.gender = r.one_of("gender", Need::required, genders()).value_or("");
  read_registrations(r, diag, t);
  t.approaches = r.strings("approaches", Need::required, 1, 12, 64, &rules.approaches)
                     .value_or(std::vector<std::string>{});
  t.concerns =
      r.strings("concerns", Need::required, 1, 40, 64, &rules.concerns).value_or(std::vector<std::string>{});
  t.clients =
      r.strings("clients", Need::required, 1, 3, 20, &client_groups()).value_or(std::vector<std::string>{});
  if (const json* ages = r.object("ages", Need::required)) {
    ObjectReader a(*ages, r.field_path("ages"), diag);
    const Range range = read_range(a, 0, 120);
    t.age_min = static_cast<int>(range.min.value_or(0));
    t.age_max = static_cast<int>(range.max.value_or(120));
    a.finish();
  }
  t.formats =
      r.strings("formats", Need::required, 1, 4, 20, &session_formats()).value_or(std::vector<std::string>{});
  read_locations(r, diag, t);
  bool in_person = false;
  for (const auto& f : t.formats) in_person = in_person || f == "in-person";
  if (in_person && t.locations.empty())
    diag.add(r.field_path("locations"), "is required when in-person sessions are offered");
  if (auto langs = r.strings("languages", Need::required, 1, 20, 12)) {
    for (std::size_t i = 0; i < langs->size(); ++i)
      if (!is_language_code((*langs)[i]))
        diag.add(index_path(r.field_path("languages"), i),
                 "expected a two-letter ISO 639-1 code such as \"en\"");
    t.languages = *langs;
  }
  if (const json* fees = r.object("fees", Need::required)) {
    ObjectReader f(*fees, r.field_path("fees"), diag);
    const Range range = read_range(f, 0, 1000);
    t.fee_min = static_cast<int>(range.min.value_or(0));
    t.fee_max = static_cast<int>(range.max.value_or(0));
    t.concessions = f.boolean("concessions", Need::optional).value_or(false);
    t.low_cost_places = f.boolean("low_cost_places", Need::optional).value_or(false);
    f.finish();
  }
  t.availability = r.strings("availability", Need::required, 1, 3, 20, &availability_slots())
                       .value_or(std::vector<std::string>{});
  t.identity =
      r.strings("identity", Need::optional, 0, 10, 40, &identity_tags()).value_or(std::vector<std::string>{});
  t.accepting_new = r.boolean("accepting_new", Need::required).value_or(false);
  t.waiting = r.one_of("waiting", Need::optional, waiting_times()).value_or("");
  read_contact(r, diag, t.contact);
  t.updated = r.date("updated", Need::required).value_or("");
  t.bio = r.text("bio", Need::optional, 1500, true).value_or("");
  r.finish();
  return diag.errors.size() == before && !diag.truncated;
}

DirectoryRules rules_for(const Dataset& data) {
  return {approach_slugs(data), concern_ids(data)};
}

}  // namespace

DirectoryLoad load_directory(const Source& source, const Dataset& data, const Directory* loaded_before) {
  DirectoryLoad out;
  // Ids of the shards already loaded: a therapist listed in two regions' files is shown once.
  std::unordered_set<std::string_view> earlier;
  if (loaded_before)
    for (const Therapist& t : loaded_before->therapists) earlier.insert(t.id);
  Diagnostics diag;
  diag.file = source.name;
  // Each therapist is checked as soon as the parser has read it, then its parse tree is freed
  // (json_input.h, ArrayStream), so memory follows the loaded directory, not the file's tree.
  // Their errors are reported after the top level's, in file order.
  Diagnostics entries;
  entries.file = source.name;
  const DirectoryRules rules = rules_for(data);
  std::set<std::string> ids;
  ArrayStream therapists;
  therapists.key = "therapists";
  therapists.max_items = 1000000;
  auto on_therapist = [&](const json& item, std::size_t i) {
    const std::string path = index_path("$.therapists", i);
    Therapist t;
    bool ok = read_therapist(item, path, rules, entries, t);
    if (!t.id.empty() && !ids.insert(t.id).second) {
      entries.add(path + ".id", "repeats id " + quote_for_message(t.id));
      ok = false;
    } else if (earlier.count(t.id)) {
      entries.add(path + ".id",
                  "repeats id " + quote_for_message(t.id) + ", already loaded from an earlier file");
      ok = false;
    }
    if (ok) out.directory.therapists.push_back(std::move(t));
    // Past the error limit nothing more is loaded or shown, so reading on would only cost time.
    return !entries.truncated;
  };
  therapists.each = borrow_item_handler(on_therapist);
  ParseLimits limits;  // 64 MiB: about 60,000 entries; beyond that the directory is sharded
  if (auto root = parse_json(source.text, limits, diag, &therapists)) {
    ObjectReader top(*root, "$", diag);
    const auto fictional = top.boolean("fictional", Need::required);
    out.directory.fictional = fictional.value_or(false);
    out.directory.notice = top.text("notice", Need::optional, 600).value_or("");
    top.array("therapists", Need::required, 0, therapists.max_items);
    top.finish();
    merge(diag, entries);
  } else if (therapists.stopped) {
    merge(diag, entries);
  } else {
    out.directory.therapists.clear();  // the file is not JSON after all: nothing in it counts
  }
  out.errors = std::move(diag.errors);
  if (diag.truncated)
    out.errors.push_back(
        {source.name, "$",
         "too many errors; only the first " + std::to_string(diag.max_errors) + " are shown"});
  return out;
}

std::vector<Error> validate_profile(std::string_view profile_json, const Dataset& data) {
  Diagnostics diag;
  diag.file = "profile";
  ParseLimits limits;
  limits.max_bytes = 64u << 10;
  if (auto root = parse_json(profile_json, limits, diag)) {
    Therapist t;
    read_therapist(*root, "$", rules_for(data), diag, t);
  }
  return diag.errors;
}

}  // namespace tft
