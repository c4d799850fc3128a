// The data the product runs on, as plain structs. Loaders (loaders.h) fill them from JSON after
// checking every field; nothing else constructs them from untrusted input.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tft {

struct Faq {
  std::string q;
  std::string a;
};

enum class Evidence { strong, moderate, emerging };

// What a guideline or review says to do with an approach for a concern (docs/evidence.md).
enum class Recommendation { offer, consider, review_evidence, research_only };

// Ages in whole years, both ends included.
struct AgeRange {
  int min = 0;
  int max = 120;
  bool contains(int age) const { return age >= min && age <= max; }
};

// One evidence tag: how well an approach is supported for one concern, for whom, in which form and
// on whose word. An approach may carry several tags for one concern (different ages or models).
struct ConcernEvidence {
  std::string id;  // a concern id from concerns.json
  Evidence evidence = Evidence::emerging;
  AgeRange ages;
  std::string model;   // the specific form the evidence is for; empty when it covers the approach
  std::string source;  // a guideline id ("NICE NG116"), "systematic review" or "trials"
  Recommendation recommendation = Recommendation::consider;
};

struct GlossaryEntry {
  std::string slug;
  std::string name;
  std::vector<std::string> aliases;
  std::string summary;
  std::string how_it_works;
  std::string who_for;
  std::string session;
  std::vector<std::string> benefits;
  std::vector<Faq> faqs;
  std::string evidence_summary;
  std::vector<ConcernEvidence> concerns;
  std::vector<std::string> formats;
  std::vector<std::string> related;  // slugs of other entries
  std::string last_reviewed;         // YYYY-MM-DD
};

struct Concern {
  std::string id;
  std::string label;
  std::string description;
};

struct QuestionOption {
  std::string id;
  std::string label;
  std::string help;  // may be empty
  // The label as worded for who the therapy is for (a `who` option id → text), where "Me" wording
  // does not fit a parent or a couple. A `who` without an entry reads `label`.
  std::map<std::string, std::string> label_by_who;
  // Safety question only: the risk level this answer means to the matcher (none | some | urgent),
  // so several answers can share a level ("I'd rather not say" → some; docs/safety.md).
  std::string risk;
};

// A range offered instead of a number box (the age question offers age bands when the therapy is
// for a child): choosing it answers {"min": min, "max": max} rather than a single number.
struct QuestionBand {
  std::string id;
  std::string label;
  int min = 0;
  int max = 0;
};

// One page of the questionnaire. `shows_if` hides the question unless an earlier answer holds one
// of the listed values (e.g. distance only when in-person is acceptable).
struct Question {
  std::string id;    // the answers field it fills (docs/design.md#answers), e.g. "concerns"
  std::string kind;  // single | multi | number | place | budget
  std::string prompt;
  std::string help;
  std::vector<QuestionOption> options;
  bool can_be_must_have = false;
  bool required = false;
  std::optional<double> min, max;  // for number kinds
  std::string unit;                // for number kinds ("km", "£")
  std::string shows_if_question;
  std::vector<std::string> shows_if_any;
  std::vector<QuestionBand> bands;  // for number kinds; offered when bands_if holds
  std::string bands_if_question;
  std::vector<std::string> bands_if_any;
  // The prompt and help as worded for who the therapy is for ("your child", "either of you"): a
  // `who` option id → text. The `who` question comes first, so its answer is always known here.
  std::map<std::string, std::string> prompt_by_who;
  std::map<std::string, std::string> help_by_who;
};

struct Questionnaire {
  std::vector<Question> questions;
};

struct Registration {
  std::string body;
  std::string level;
  std::string number;
  std::string checked;  // YYYY-MM-DD
};

struct Location {
  std::string place;
  double lat = 0;
  double lon = 0;
};

// How a visitor gets in touch: at least one of the three is set (the loader checks).
struct ContactDetails {
  std::string email;
  std::string phone;    // as the therapist writes it: "0113 496 0123"
  std::string website;  // https only
};

struct Therapist {
  std::string id;
  std::string name;
  std::string pronouns;  // may be empty
  std::string gender;    // female | male | non-binary | undisclosed
  std::vector<Registration> registrations;
  std::vector<std::string> approaches;
  std::vector<std::string> concerns;
  std::vector<std::string> clients;  // individuals | couples | families
  int age_min = 0;
  int age_max = 120;
  std::vector<std::string> formats;  // in-person | video | phone | text
  std::vector<Location> locations;
  std::vector<std::string> languages;
  int fee_min = 0;
  int fee_max = 0;
  bool concessions = false;
  bool low_cost_places = false;
  std::vector<std::string> availability;
  std::vector<std::string> identity;
  bool accepting_new = true;
  std::string bio;
  ContactDetails contact;
  std::string updated;  // YYYY-MM-DD: the day the therapist last confirmed the entry
  std::string waiting;  // how soon they can start: none | weeks | months, or "" when not said
};

struct Directory {
  bool fictional = false;
  std::string notice;  // shown wherever the directory is shown, when present
  std::vector<Therapist> therapists;
};

struct Place {
  std::string name;
  std::string region;  // England | Scotland | Wales | Northern Ireland
  std::string county;  // may be empty
  double lat = 0;
  double lon = 0;
  long population = 0;
  std::string nation;  // england | wales | scotland | northern-ireland (nations.h)
};

struct Places {
  std::string source;
  std::string licence;
  std::string attribution;
  std::vector<Place> places;  // sorted by name, then region
};

struct CrisisContact {
  std::string id;
  std::string name;
  std::string how;   // one line: "Call 999", "Text SHOUT to 85258"
  std::string when;  // "24 hours, every day"
  std::string for_whom;
  std::string phone;                 // digits as dialled, for a tel: link; may be empty
  std::string sms;                   // number for an sms: link; may be empty
  bool urgent = false;               // shown first when a visitor reports urgent risk
  std::vector<std::string> nations;  // the nations it serves (nations.h ids), at least one
  bool has_ages = false;             // false: any age
  AgeRange ages;                     // ages of the person it is for, when has_ages
  // Concern ids it is for (a domestic abuse helpline: "abuse"); empty means any. A contact with
  // concerns joins a visitor's crisis list only when they chose one of them.
  std::vector<std::string> concerns;
};

// A rule that points a visitor to an NHS or specialist route beyond private therapy (docs/safety.md,
// docs/safety.md). It applies when every condition given holds: one of `concerns` was chosen, the
// person's ages overlap `ages`, and the visitor's nation is `nation` (or unknown).
struct Signpost {
  std::string id;
  std::vector<std::string> concerns;  // empty: any concerns
  bool has_ages = false;
  AgeRange ages;
  std::string nation;  // empty: every nation
  std::string text;
  std::vector<std::string> contacts;  // crisis contact ids, shown with the text where they fit
};

struct Crisis {
  std::string last_checked;  // YYYY-MM-DD
  std::string source_note;
  std::vector<CrisisContact> contacts;
  std::vector<Signpost> signposts;
};

// Everything but the directory, which is loaded on its own because sites swap or shard it.
struct Dataset {
  std::vector<GlossaryEntry> glossary;  // sorted by slug
  std::vector<Concern> concerns;
  Questionnaire questionnaire;
  Crisis crisis;
  Places places;
};

const char* evidence_name(Evidence e);
const char* recommendation_name(Recommendation r);

}  // namespace tft
