#include "vocabulary.h"

namespace tft {

namespace {

std::set<std::string> ids_of(const CodedWords& table) {
  std::set<std::string> ids;
  for (const CodedWord& w : table) ids.emplace(w.id);
  return ids;
}

}  // namespace

const CodedWords& gender_codes() {
  static const CodedWords t{{"female", 1, "a woman"},
                            {"male", 2, "a man"},
                            {"non-binary", 3, "non-binary"},
                            {"undisclosed", 4, "not stated"}};
  return t;
}
const CodedWords& client_codes() {
  static const CodedWords t{{"individuals", 1, ""}, {"couples", 2, ""}, {"families", 4, ""}};
  return t;
}
const CodedWords& format_codes() {
  static const CodedWords t{{"in-person", 1, "in-person"},
                            {"video", 2, "video"},
                            {"phone", 4, "phone"},
                            {"text", 8, "text or messaging"}};
  return t;
}
const CodedWords& availability_codes() {
  static const CodedWords t{{"weekday-daytime", 1, "weekday daytime"},
                            {"weekday-evening", 2, "weekday evening"},
                            {"weekend", 4, "weekend"}};
  return t;
}
const CodedWords& identity_codes() {
  // Results say these with the questionnaire's labels, so no words here.
  static const CodedWords t{{"culturally-responsive", 1, ""},
                            {"disability-aware", 2, ""},
                            {"faith-sensitive", 4, ""},
                            {"lgbtq-affirming", 8, ""},
                            {"neurodiversity-affirming", 16, ""}};
  return t;
}

std::uint8_t code_of(const CodedWords& table, std::string_view id) {
  for (const CodedWord& w : table)
    if (w.id == id) return w.code;
  return 0;
}

std::string_view words_of(const CodedWords& table, std::uint8_t code) {
  for (const CodedWord& w : table)
    if (w.code == code) return w.words;
  return {};
}

const std::set<std::string>& genders() {
  static const std::set<std::string> s = ids_of(gender_codes());
  return s;
}
const std::set<std::string>& client_groups() {
  static const std::set<std::string> s = ids_of(client_codes());
  return s;
}
const std::set<std::string>& session_formats() {
  static const std::set<std::string> s = ids_of(format_codes());
  return s;
}
const std::set<std::string>& availability_slots() {
  static const std::set<std::string> s = ids_of(availability_codes());
  return s;
}
const std::set<std::string>& identity_tags() {
  static const std::set<std::string> s = ids_of(identity_codes());
  return s;
}
const std::set<std::string>& glossary_formats() {
  static const std::set<std::string> s{"individual", "couple", "family", "group", "online"};
  return s;
}
const std::set<std::string>& registration_bodies() {
  static const std::set<std::string> s{"BACP", "UKCP", "HCPC", "BABCP", "BPS",  "COSRT", "NCPS",
                                       "BPC",  "ACP",  "AHPP", "ACC",   "IACP", "PSA"};
  return s;
}

const std::set<std::string>& waiting_times() {
  static const std::set<std::string> s{"none", "weeks", "months"};
  return s;
}

const std::vector<std::string>& required_concern_ids() {
  static const std::vector<std::string> v{"anxiety",
                                          "depression",
                                          "stress",
                                          "trauma-ptsd",
                                          "relationships",
                                          "trust-issues",
                                          "low-self-esteem",
                                          "childhood-experiences",
                                          "grief-loss",
                                          "ocd",
                                          "panic",
                                          "phobias",
                                          "social-anxiety",
                                          "eating-disorders",
                                          "self-harm",
                                          "suicidal-thoughts",
                                          "emotional-regulation",
                                          "anger",
                                          "addiction",
                                          "personality-disorder",
                                          "bipolar",
                                          "psychosis",
                                          "adhd",
                                          "autism",
                                          "sleep",
                                          "work-stress",
                                          "abuse",
                                          "identity-sexuality",
                                          "gender-identity",
                                          "sexual-issues",
                                          "perinatal",
                                          "parenting",
                                          "family-conflict",
                                          "loneliness",
                                          "health-anxiety",
                                          "chronic-illness",
                                          "body-image",
                                          "life-transitions"};
  return v;
}

const std::vector<std::string>& required_approach_slugs() {
  static const std::vector<std::string> v{"attachment-based",
                                          "cbt",
                                          "tf-cbt",
                                          "dbt",
                                          "act",
                                          "emdr",
                                          "schema",
                                          "cat",
                                          "sfbt",
                                          "ipt",
                                          "dit",
                                          "mbct",
                                          "person-centred",
                                          "integrative",
                                          "existential",
                                          "gestalt",
                                          "transactional-analysis",
                                          "psychodynamic",
                                          "psychoanalytic",
                                          "jungian",
                                          "abft",
                                          "eft",
                                          "ifs",
                                          "cft",
                                          "mbt",
                                          "erp",
                                          "art-therapy",
                                          "play-therapy",
                                          "music-therapy",
                                          "drama-therapy",
                                          "systemic-family",
                                          "couples-therapy",
                                          "psychosexual",
                                          "somatic",
                                          "narrative",
                                          "motivational-interviewing",
                                          "behavioural-activation",
                                          "cpt",
                                          "hypnotherapy",
                                          "humanistic"};
  return v;
}

bool is_language_code(const std::string& s) {
  return s.size() == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
}

bool is_slug(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && s[i + 1] == '-')) return false;
  }
  return true;
}

}  // namespace tft
