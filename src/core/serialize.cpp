#include "serialize.h"

#include "json_text.h"

namespace tft {

ordered_json object_with_room(std::size_t members) {
  ordered_json j = ordered_json::object();
  j.get_ref<ordered_json::object_t&>().reserve(members);
  return j;
}

ordered_json entry_to_json(const GlossaryEntry& e) {
  ordered_json j;
  j["slug"] = e.slug;
  j["name"] = e.name;
  j["aliases"] = e.aliases;
  j["summary"] = e.summary;
  j["how_it_works"] = e.how_it_works;
  j["who_for"] = e.who_for;
  j["session"] = e.session;
  j["benefits"] = e.benefits;
  j["faqs"] = ordered_json::array();
  for (const auto& f : e.faqs) j["faqs"].push_back({{"q", f.q}, {"a", f.a}});
  j["evidence_summary"] = e.evidence_summary;
  j["concerns"] = ordered_json::array();
  for (const auto& c : e.concerns) {
    ordered_json tag{{"id", c.id}, {"evidence", evidence_name(c.evidence)}};
    tag["ages"] = ordered_json{{"min", c.ages.min}, {"max", c.ages.max}};
    if (!c.model.empty()) tag["model"] = c.model;
    if (!c.source.empty()) tag["source"] = c.source;
    tag["recommendation"] = recommendation_name(c.recommendation);
    j["concerns"].push_back(std::move(tag));
  }
  j["formats"] = e.formats;
  j["related"] = e.related;
  j["last_reviewed"] = e.last_reviewed;
  return j;
}

// Members written below, at most.
constexpr std::size_t kTherapistMembers = 20;

ordered_json therapist_to_json(const Therapist& t) {
  ordered_json j = object_with_room(kTherapistMembers);
  j["id"] = t.id;
  j["name"] = t.name;
  if (!t.pronouns.empty()) j["pronouns"] = t.pronouns;
  j["gender"] = t.gender;
  j["registrations"] = ordered_json::array();
  for (const auto& r : t.registrations)
    j["registrations"].push_back(
        {{"body", r.body}, {"level", r.level}, {"number", r.number}, {"checked", r.checked}});
  j["approaches"] = t.approaches;
  j["concerns"] = t.concerns;
  j["clients"] = t.clients;
  j["ages"] = {{"min", t.age_min}, {"max", t.age_max}};
  j["formats"] = t.formats;
  j["locations"] = ordered_json::array();
  for (const auto& l : t.locations)
    j["locations"].push_back({{"place", l.place}, {"lat", l.lat}, {"lon", l.lon}});
  j["languages"] = t.languages;
  j["fees"] = {{"min", t.fee_min},
               {"max", t.fee_max},
               {"concessions", t.concessions},
               {"low_cost_places", t.low_cost_places}};
  j["availability"] = t.availability;
  j["identity"] = t.identity;
  j["accepting_new"] = t.accepting_new;
  if (!t.waiting.empty()) j["waiting"] = t.waiting;
  ordered_json contact = ordered_json::object();
  if (!t.contact.email.empty()) contact["email"] = t.contact.email;
  if (!t.contact.phone.empty()) contact["phone"] = t.contact.phone;
  if (!t.contact.website.empty()) contact["website"] = t.contact.website;
  j["contact"] = std::move(contact);
  j["updated"] = t.updated;
  if (!t.bio.empty()) j["bio"] = t.bio;
  return j;
}

ordered_json errors_to_json(const std::vector<Error>& errors) {
  ordered_json list = ordered_json::array();
  for (const auto& e : errors)
    list.push_back({{"file", e.file}, {"path", e.path}, {"message", e.message}, {"text", format_error(e)}});
  return list;
}

ordered_json crisis_contact_to_json(const CrisisContact& k) {
  ordered_json o{{"id", k.id}, {"name", k.name}, {"how", k.how}, {"when", k.when}, {"for", k.for_whom}};
  if (!k.phone.empty()) o["phone"] = k.phone;
  if (!k.sms.empty()) o["sms"] = k.sms;
  o["urgent"] = k.urgent;
  o["nations"] = k.nations;
  if (k.has_ages) o["ages"] = {{"min", k.ages.min}, {"max", k.ages.max}};
  if (!k.concerns.empty()) o["concerns"] = k.concerns;
  return o;
}

ordered_json crisis_to_json(const Crisis& c) {
  ordered_json j;
  j["last_checked"] = c.last_checked;
  if (!c.source_note.empty()) j["source_note"] = c.source_note;
  j["contacts"] = ordered_json::array();
  for (const auto& k : c.contacts) j["contacts"].push_back(crisis_contact_to_json(k));
  j["signposts"] = ordered_json::array();
  for (const auto& sp : c.signposts) {
    ordered_json o{{"id", sp.id}};
    if (!sp.concerns.empty()) o["concerns"] = sp.concerns;
    if (sp.has_ages) o["ages"] = {{"min", sp.ages.min}, {"max", sp.ages.max}};
    if (!sp.nation.empty()) o["nation"] = sp.nation;
    o["text"] = sp.text;
    o["contacts"] = sp.contacts;
    j["signposts"].push_back(std::move(o));
  }
  return j;
}

ordered_json questionnaire_to_json(const Questionnaire& q) {
  ordered_json list = ordered_json::array();
  for (const auto& x : q.questions) {
    ordered_json o{{"id", x.id}, {"kind", x.kind}, {"prompt", x.prompt}};
    if (!x.prompt_by_who.empty()) o["prompt_by_who"] = x.prompt_by_who;
    if (!x.help.empty()) o["help"] = x.help;
    if (!x.help_by_who.empty()) o["help_by_who"] = x.help_by_who;
    o["required"] = x.required;
    o["can_be_must_have"] = x.can_be_must_have;
    if (x.min) o["min"] = *x.min;
    if (x.max) o["max"] = *x.max;
    if (!x.unit.empty()) o["unit"] = x.unit;
    ordered_json options = ordered_json::array();
    for (const auto& opt : x.options) {
      if (!opt.id.empty() && opt.id[0] == '@') {
        o["options_from"] = opt.id.substr(1);
        continue;
      }
      ordered_json oo{{"id", opt.id}, {"label", opt.label}};
      if (!opt.label_by_who.empty()) oo["label_by_who"] = opt.label_by_who;
      if (!opt.help.empty()) oo["help"] = opt.help;
      if (!opt.risk.empty()) oo["risk"] = opt.risk;
      options.push_back(std::move(oo));
    }
    if (!options.empty()) o["options"] = std::move(options);
    if (!x.shows_if_question.empty())
      o["shows_if"] = {{"question", x.shows_if_question}, {"any_of", x.shows_if_any}};
    if (!x.bands.empty()) {
      ordered_json bands = ordered_json::array();
      for (const auto& b : x.bands)
        bands.push_back({{"id", b.id}, {"label", b.label}, {"min", b.min}, {"max", b.max}});
      o["bands"] = {{"shows_if", {{"question", x.bands_if_question}, {"any_of", x.bands_if_any}}},
                    {"options", bands}};
    }
    list.push_back(std::move(o));
  }
  return {{"questions", list}};
}

ordered_json concerns_to_json(const std::vector<Concern>& concerns) {
  ordered_json list = ordered_json::array();
  for (const auto& c : concerns)
    list.push_back({{"id", c.id}, {"label", c.label}, {"description", c.description}});
  return list;
}

std::string to_text(const ordered_json& value, bool pretty) {
  std::string text;
  append_json_text(text, value, pretty);
  return text;
}

}  // namespace tft
