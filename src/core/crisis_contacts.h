// Which crisis contacts a visitor sees, in what order and grouped how (docs/design.md#result and
// docs/safety.md; the rules and why are in docs/safety.md). The contacts themselves are data
// (data/crisis.json); this file only decides which fit the person the therapy is for and where they are.
//
// - A contact fits when it serves the visitor's nation (any nation when that is unknown) and its
//   ages, if it has any, overlap the person's possible ages (person_from_answers).
// - A contact for particular concerns (a domestic abuse helpline) joins the risk list only when the
//   visitor chose one of them; signposts can still name it.
// - Order: contacts made for under-19s (Childline) first when the person is under 19; at urgent
//   risk, urgent contacts before the rest; otherwise the data file's order.
// - Groups: one group for a known nation; otherwise "Anywhere in the UK" (contacts serving all four
//   nations), then one group per nation for that nation's own contacts.
// Deterministic and allocation-light: a few dozen contacts, linear scans.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "answers.h"
#include "diagnostics.h"
#include "model.h"
#include "places.h"
#include "serialize.h"

namespace tft {

// The person the therapy is for, as far as the answers tell: who, the ages they may be, where the
// visitor is, what they chose help with, and the risk level the safety answer means.
struct Person {
  std::string who;  // may be empty (answers part-way through)
  // A given age or band; otherwise a child 0-17, an adult on their own 18-64 (as for approach
  // recommendations), a couple 18-120, a family or an unknown "who" 0-120.
  AgeRange ages{0, 120};
  std::string nation;  // nations.h id, or empty when unknown
  std::vector<std::string> concerns;
  std::string risk = "none";  // none | some | urgent
};

Person person_from_answers(const Answers& a);

// Whether the contact serves the person's nation and ages (concerns are not considered).
bool contact_fits(const CrisisContact& c, const Person& p);

// The "crisis" part of the result:
//   {"level", "nation": id | null,
//    "contacts": [contact objects]          (every fitting contact at some/urgent risk; none: [])
//    "groups": [{"nation", "title", "contacts": [ids]}]   (how to show `contacts`, in order)
//    "need_help": [{"nation", "title", "contacts": [ids]}]}  (the urgent routes for this visitor,
//                                                              at any risk level, for "Need help now?")
// A group's "nation" is a nations.h id, or "uk" for contacts that serve all four nations.
ordered_json crisis_part(const Crisis& crisis, const Person& person);

// Every contact, grouped for a visitor whose nation and age are unknown (the crisis page and the
// "Need help now?" block of every page): {"last_checked", "source_note", "contacts", "groups",
// "need_help"} with groups as above.
ordered_json crisis_directory_json(const Crisis& crisis);

// The crisis contacts and signposts for answers part-way through the questionnaire (AnswersMode::
// partial): {"crisis": crisis_part, "signposts": signposts_part} as pretty JSON text, or errors.
// The CLI (`tft crisis --answers`) and the WASM module both print through this.
struct SafetyRoutesText {
  std::vector<Error> errors;
  std::string text;
  bool ok() const { return errors.empty(); }
};
SafetyRoutesText safety_routes_text(const Dataset& data, const PlaceIndex& places,
                                    std::string_view answers_json);

}  // namespace tft
