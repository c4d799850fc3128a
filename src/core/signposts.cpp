#include "signposts.h"

#include <algorithm>

namespace tft {

namespace {

// The first of the visitor's concerns (in their order) that the rule is about, or "".
std::string matched_concern(const Signpost& rule, const Person& person) {
  for (const auto& id : person.concerns)
    if (std::find(rule.concerns.begin(), rule.concerns.end(), id) != rule.concerns.end()) return id;
  return "";
}

const CrisisContact* find_contact(const Crisis& crisis, const std::string& id) {
  for (const auto& c : crisis.contacts)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace

ordered_json signposts_part(const Crisis& crisis, const Person& person) {
  ordered_json list = ordered_json::array();
  for (const Signpost& rule : crisis.signposts) {
    const std::string concern = rule.concerns.empty() ? "" : matched_concern(rule, person);
    if (!rule.concerns.empty() && concern.empty()) continue;
    if (rule.has_ages && (rule.ages.max < person.ages.min || person.ages.max < rule.ages.min)) continue;
    if (!rule.nation.empty() && !person.nation.empty() && rule.nation != person.nation) continue;
    ordered_json contacts = ordered_json::array();
    for (const auto& id : rule.contacts)
      if (const CrisisContact* c = find_contact(crisis, id); c && contact_fits(*c, person))
        contacts.push_back(id);
    list.push_back({{"id", rule.id},
                    {"concern", concern.empty() ? ordered_json(nullptr) : ordered_json(concern)},
                    {"nation", rule.nation.empty() ? ordered_json(nullptr) : ordered_json(rule.nation)},
                    {"text", rule.text},
                    {"contacts", std::move(contacts)}});
  }
  return list;
}

}  // namespace tft
