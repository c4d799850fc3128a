#include "answers.h"

#include <algorithm>

#include "json_input.h"
#include "loaders.h"
#include "nations.h"
#include "vocabulary.h"

namespace tft {

bool Answers::accepts(std::string_view fmt) const {
  return std::find(format.begin(), format.end(), fmt) != format.end();
}

bool Answers::must(std::string_view field) const {
  return std::find(must_have.begin(), must_have.end(), field) != must_have.end();
}

const std::vector<std::string>& must_have_fields() {
  static const std::vector<std::string> v{"approaches", "budget",       "low_cost", "therapist_gender",
                                          "languages",  "availability", "identity"};
  return v;
}

namespace {

constexpr std::size_t kMaxItems = 40;

void read_location(ObjectReader& r, const PlaceIndex& places, Answers& a) {
  const json* loc = r.object("location", Need::optional);
  if (!loc) return;
  Diagnostics& diag = r.diagnostics();
  const std::size_t before = diag.errors.size();
  ObjectReader l(*loc, r.field_path("location"), diag);
  if (loc->contains("place")) {
    if (const auto name = l.text("place", Need::required, 100)) {
      if (const Place* p = find_place(places, *name)) {
        a.place = p->name;
        a.lat = p->lat;
        a.lon = p->lon;
        a.nation = p->nation;
      } else {
        std::string message = "unknown place " + quote_for_message(*name);
        const auto near = suggest_places(places, *name, 3);
        for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "; did you mean ") + near[i];
        if (!near.empty())
          message += "?";
        else
          message += "; try the nearest town or city";
        diag.add(l.field_path("place"), message);
      }
    }
  } else {
    a.lat = l.number("lat", Need::required, 49.0, 61.5).value_or(0);
    a.lon = l.number("lon", Need::required, -8.7, 2.0).value_or(0);
  }
  l.finish();
  a.has_location = diag.errors.size() == before;
  if (a.has_location && a.place.empty() && places.places)
    a.nation = nation_near(*places.places, a.lat, a.lon);
}

// "age": whole years or a band {min, max}; only asked when the therapy is for one person.
void read_age(ObjectReader& r, const json& root, Diagnostics& diag, Answers& a) {
  const json* age = root.is_object() && root.contains("age") ? &root["age"] : nullptr;
  if (age && age->is_object()) {
    r.accept("age");
    ObjectReader band(*age, r.field_path("age"), diag);
    const auto lo = band.integer("min", Need::required, 0, 120);
    const auto hi = band.integer("max", Need::required, 0, 120);
    band.finish();
    if (lo && hi && *lo > *hi) {
      diag.add(r.field_path("age"), "min is greater than max");
    } else if (lo && hi) {
      a.age = static_cast<int>(*lo);
      a.age_to = static_cast<int>(*hi);
    }
  } else if (const auto years = r.integer("age", Need::optional, 0, 120)) {
    a.age = static_cast<int>(*years);
    a.age_to = static_cast<int>(*years);
  }
  if (!a.age) return;
  if (a.who == "child" && a.age_to >= 18)
    diag.add(r.field_path("age"),
             "must be under 18 when the therapy is for a child; choose \"myself\" for an adult");
  if (a.who == "couple" || a.who == "family")
    diag.add(r.field_path("age"),
             "is only asked when the therapy is for one person; leave it out for a " + a.who);
}

// Budget, low cost, languages, therapist gender, times and identity: the preferences a visitor
// may make must-haves.
void read_preferences(ObjectReader& r, Diagnostics& diag, Answers& a) {
  static const std::set<std::string> therapist_genders{"female", "male", "non-binary", "any"};
  if (const json* budget = r.object("budget", Need::optional)) {
    ObjectReader b(*budget, r.field_path("budget"), diag);
    a.budget = b.number("max_per_session", Need::required, 0, 1000);
    b.finish();
  }
  a.low_cost = r.boolean("low_cost", Need::optional).value_or(false);
  if (auto langs = r.strings("languages", Need::optional, 0, kMaxItems, 12)) {
    for (std::size_t i = 0; i < langs->size(); ++i)
      if (!is_language_code((*langs)[i]))
        diag.add(index_path(r.field_path("languages"), i),
                 "expected a two-letter ISO 639-1 code such as \"en\" or \"cy\"");
    a.languages = std::move(*langs);
  }
  a.therapist_gender = r.one_of("therapist_gender", Need::optional, therapist_genders).value_or("any");
  a.availability = r.strings("availability", Need::optional, 0, 3, 20, &availability_slots())
                       .value_or(std::vector<std::string>{});
  a.identity = r.strings("identity", Need::optional, 0, kMaxItems, 40, &identity_tags())
                   .value_or(std::vector<std::string>{});
}

void read_must_have(ObjectReader& r, Diagnostics& diag, Answers& a) {
  static const std::set<std::string> must_haves(must_have_fields().begin(), must_have_fields().end());
  auto must = r.strings("must_have", Need::optional, 0, 7, 40);
  if (!must) return;
  std::string allowed;
  for (const auto& f : must_have_fields()) allowed += (allowed.empty() ? "" : ", ") + f;
  for (std::size_t i = 0; i < must->size(); ++i)
    if (!must_haves.count((*must)[i]))
      diag.add(index_path("$.must_have", i),
               quote_for_message((*must)[i]) + " cannot be a must-have; choose from " + allowed);
    else
      a.must_have.push_back((*must)[i]);
}

// Whether the question a must-have keeps was answered.
bool has_answer(const Answers& a, const json& root, const std::string& field) {
  return field == "budget"             ? a.budget.has_value()
         : field == "low_cost"         ? a.low_cost
         : field == "therapist_gender" ? root.contains("therapist_gender")
         : field == "languages"        ? !a.languages.empty()
         : field == "availability"     ? !a.availability.empty()
         : field == "identity"         ? !a.identity.empty()
                                       : !a.approaches.empty();
}

// Cross-field rules, checked only on fields that read cleanly so one mistake gives one error.
void check_cross_fields(const json& root, Diagnostics& diag, const Answers& a) {
  const bool in_person_only = a.format.size() == 1 && a.format[0] == "in-person";
  if (in_person_only && !a.has_location && !root.contains("location"))
    diag.add("$.location", "is required when in-person is the only format you chose");
  for (std::size_t i = 0; i < a.must_have.size(); ++i) {
    const std::string& f = a.must_have[i];
    // A field that is present but broken already has its own error; do not pile on.
    const std::string field_path = "$." + f;
    const bool field_broken = std::any_of(diag.errors.begin(), diag.errors.end(), [&](const Error& e) {
      return e.path.compare(0, field_path.size(), field_path) == 0;
    });
    if (!has_answer(a, root, f) && !field_broken)
      diag.add(index_path("$.must_have", i),
               "names " + quote_for_message(f) + ", which has no answer to keep");
  }
}

}  // namespace

AnswersParse parse_answers(std::string_view text, const Dataset& data, const PlaceIndex& places,
                           AnswersMode mode) {
  const bool partial = mode == AnswersMode::partial;
  AnswersParse out;
  Answers& a = out.answers;
  Diagnostics diag;
  diag.file = "answers";
  diag.max_errors = 50;
  ParseLimits limits;
  limits.max_bytes = 64u << 10;
  limits.max_depth = 8;
  if (text.size() > limits.max_bytes) {
    out.errors.push_back({"answers", "$",
                          "is " + std::to_string(text.size()) + " bytes; answers are never longer than " +
                              std::to_string(limits.max_bytes)});
    return out;
  }
  const auto root = parse_json(text, limits, diag);
  if (!root) {
    out.errors = std::move(diag.errors);
    return out;
  }
  static const std::set<std::string> whos{"myself", "couple", "family", "child"};
  static const std::set<std::string> risks{"none", "some", "urgent"};
  const std::set<std::string> concerns = concern_ids(data);
  const std::set<std::string> approaches = approach_slugs(data);

  ObjectReader r(*root, "$", diag);
  a.who = r.one_of("who", partial ? Need::optional : Need::required, whos).value_or("");
  read_age(r, *root, diag, a);
  a.concerns =
      r.strings("concerns", Need::optional, 0, kMaxItems, 64, &concerns).value_or(std::vector<std::string>{});
  a.approaches = r.strings("approaches", Need::optional, 0, kMaxItems, 64, &approaches)
                     .value_or(std::vector<std::string>{});
  a.format = r.strings("format", partial ? Need::optional : Need::required, 1, 4, 20, &session_formats())
                 .value_or(std::vector<std::string>{});
  read_location(r, places, a);
  a.max_distance_km = r.number("max_distance_km", Need::optional, 1, 1000).value_or(kDefaultDistanceKm);
  read_preferences(r, diag, a);
  read_must_have(r, diag, a);
  if (const json* safety = r.object("safety", Need::optional)) {
    ObjectReader s(*safety, r.field_path("safety"), diag);
    a.risk = s.one_of("risk", Need::required, risks).value_or("none");
    s.finish();
  }
  r.finish();
  // A partial answer set may not have reached the other half of a cross-field rule yet.
  if (!partial) check_cross_fields(*root, diag, a);
  out.errors = std::move(diag.errors);
  if (diag.truncated) out.errors.push_back({"answers", "$", "too many errors; only the first 50 are shown"});
  return out;
}

}  // namespace tft
