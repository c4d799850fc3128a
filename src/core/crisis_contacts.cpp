#include "crisis_contacts.h"

#include <algorithm>

#include "json_input.h"
#include "nations.h"
#include "signposts.h"
#include "small_sort.h"

namespace tft {

namespace {

bool overlaps(const AgeRange& a, const AgeRange& b) {
  return a.min <= b.max && b.min <= a.max;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool serves_every_nation(const CrisisContact& c) {
  return std::all_of(nation_ids().begin(), nation_ids().end(),
                     [&](const std::string& n) { return contains(c.nations, n); });
}

// Made for children and young people (Childline): every age it serves is under 19.
bool for_young_people(const CrisisContact& c) {
  return c.has_ages && c.ages.max < 19;
}

bool for_chosen_concerns(const CrisisContact& c, const Person& p) {
  return c.concerns.empty() || std::any_of(c.concerns.begin(), c.concerns.end(),
                                           [&](const std::string& id) { return contains(p.concerns, id); });
}

// Young people's contacts first for someone under 19; then, at urgent risk, urgent contacts; ties
// keep the data file's order.
std::vector<const CrisisContact*> in_order(std::vector<const CrisisContact*> list, const Person& p,
                                           bool urgent_first) {
  const bool young = p.ages.max < 19;
  auto rank = [&](const CrisisContact* c) {
    return (young && for_young_people(*c) ? 0 : 2) + (urgent_first && !c->urgent ? 1 : 0);
  };
  small_stable_sort(list, [&](const CrisisContact* a, const CrisisContact* b) { return rank(a) < rank(b); });
  return list;
}

ordered_json group_json(const std::string& nation, const std::string& title,
                        const std::vector<const CrisisContact*>& list) {
  ordered_json ids = ordered_json::array();
  for (const CrisisContact* c : list) ids.push_back(c->id);
  return {{"nation", nation}, {"title", title}, {"contacts", ids}};
}

ordered_json groups_json(const std::vector<const CrisisContact*>& list, const std::string& nation) {
  ordered_json groups = ordered_json::array();
  if (list.empty()) return groups;
  if (!nation.empty()) {
    groups.push_back(group_json(nation, nation_name(nation), list));
    return groups;
  }
  std::vector<const CrisisContact*> everywhere;
  for (const CrisisContact* c : list)
    if (serves_every_nation(*c)) everywhere.push_back(c);
  if (!everywhere.empty()) groups.push_back(group_json("uk", "Anywhere in the UK", everywhere));
  for (const auto& n : nation_ids()) {
    std::vector<const CrisisContact*> own;
    for (const CrisisContact* c : list)
      if (!serves_every_nation(*c) && contains(c->nations, n)) own.push_back(c);
    if (!own.empty()) groups.push_back(group_json(n, nation_name(n), own));
  }
  return groups;
}

ordered_json nation_or_null(const std::string& nation) {
  return nation.empty() ? ordered_json(nullptr) : ordered_json(nation);
}

}  // namespace

Person person_from_answers(const Answers& a) {
  Person p;
  p.who = a.who;
  if (a.age)
    p.ages = {*a.age, a.age_to};
  else if (a.who == "child")
    p.ages = {0, 17};
  else if (a.who == "myself")
    p.ages = {18, 64};
  else if (a.who == "couple")
    p.ages = {18, 120};
  p.nation = a.nation;
  p.concerns = a.concerns;
  p.risk = a.risk;
  return p;
}

bool contact_fits(const CrisisContact& c, const Person& p) {
  if (!p.nation.empty() && !contains(c.nations, p.nation)) return false;
  return !c.has_ages || overlaps(c.ages, p.ages);
}

ordered_json crisis_part(const Crisis& crisis, const Person& person) {
  std::vector<const CrisisContact*> listed, urgent;
  for (const CrisisContact& c : crisis.contacts) {
    if (!contact_fits(c, person)) continue;
    if (person.risk != "none" && for_chosen_concerns(c, person)) listed.push_back(&c);
    if (c.urgent && c.concerns.empty()) urgent.push_back(&c);
  }
  listed = in_order(std::move(listed), person, person.risk == "urgent");
  urgent = in_order(std::move(urgent), person, false);
  ordered_json contacts = ordered_json::array();
  for (const CrisisContact* c : listed) contacts.push_back(crisis_contact_to_json(*c));
  ordered_json out;
  out["level"] = person.risk;
  out["nation"] = nation_or_null(person.nation);
  out["contacts"] = std::move(contacts);
  out["groups"] = groups_json(listed, person.nation);
  out["need_help"] = groups_json(urgent, person.nation);
  return out;
}

ordered_json crisis_directory_json(const Crisis& crisis) {
  std::vector<const CrisisContact*> all, urgent;
  ordered_json contacts = ordered_json::array();
  for (const CrisisContact& c : crisis.contacts) {
    all.push_back(&c);
    if (c.urgent && c.concerns.empty()) urgent.push_back(&c);
    contacts.push_back(crisis_contact_to_json(c));
  }
  ordered_json out;
  out["last_checked"] = crisis.last_checked;
  if (!crisis.source_note.empty()) out["source_note"] = crisis.source_note;
  out["contacts"] = std::move(contacts);
  out["groups"] = groups_json(all, "");
  out["need_help"] = groups_json(urgent, "");
  return out;
}

SafetyRoutesText safety_routes_text(const Dataset& data, const PlaceIndex& places,
                                    std::string_view answers_json) {
  SafetyRoutesText out;
  AnswersParse parsed = parse_answers(answers_json, data, places, AnswersMode::partial);
  if (!parsed.ok()) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  const Person person = person_from_answers(parsed.answers);
  ordered_json routes;
  routes["crisis"] = crisis_part(data.crisis, person);
  routes["signposts"] = signposts_part(data.crisis, person);
  out.text = to_text(routes, true);
  return out;
}

}  // namespace tft
