#include "vocabulary.h"

namespace tft {

const std::set<std::string>& genders() {
  static const std::set<std::string> s{"female", "male", "non-binary", "undisclosed"};
  return s;
}
const std::set<std::string>& client_groups() {
  static const std::set<std::string> s{"individuals", "couples", "families"};
  return s;
}
const std::set<std::string>& session_formats() {
  static const std::set<std::string> s{"in-person", "video", "phone", "text"};
  return s;
}
const std::set<std::string>& availability_slots() {
  static const std::set<std::string> s{"weekday-daytime", "weekday-evening", "weekend"};
  return s;
}
const std::set<std::string>& identity_tags() {
  static const std::set<std::string> s{"lgbtq-affirming", "neurodiversity-affirming", "faith-sensitive",
                                       "culturally-responsive", "disability-aware"};
  return s;
}
const std::set<std::string>& glossary_formats() {
  static const std::set<std::string> s{"individual", "couple", "family", "group", "online"};
  return s;
}
const std::set<std::string>& registration_bodies() {
  static const std::set<std::string> s{"BACP", "UKCP", "HCPC", "BABCP", "BPS", "COSRT", "NCPS", "BPC",
                                       "ACP", "AHPP", "ACC", "IACP", "PSA"};
  return s;
}

const std::set<std::string>& waiting_times() {
  static const std::set<std::string> s{"none", "weeks", "months"};
  return s;
}

const std::vector<std::string>& required_concern_ids() {
  static const std::vector<std::string> v{
      "anxiety", "depression", "stress", "trauma-ptsd", "relationships", "trust-issues", "low-self-esteem",
      "childhood-experiences", "grief-loss", "ocd", "panic", "phobias", "social-anxiety", "eating-disorders",
      "self-harm", "suicidal-thoughts", "emotional-regulation", "anger", "addiction", "personality-disorder",
      "bipolar", "psychosis", "adhd", "autism", "sleep", "work-stress", "abuse", "identity-sexuality",
      "gender-identity", "sexual-issues", "perinatal", "parenting", "family-conflict", "loneliness",
      "health-anxiety", "chronic-illness", "body-image", "life-transitions"};
  return v;
}

const std::vector<std::string>& required_approach_slugs() {
  static const std::vector<std::string> v{
      "attachment-based", "cbt", "tf-cbt", "dbt", "act", "emdr", "schema", "cat", "sfbt", "ipt",
      "dit", "mbct", "person-centred", "integrative", "existential", "gestalt", "transactional-analysis",
      "psychodynamic", "psychoanalytic", "jungian", "abft", "eft", "ifs", "cft", "mbt", "erp",
      "art-therapy", "play-therapy", "music-therapy", "drama-therapy", "systemic-family",
      "couples-therapy", "psychosexual", "somatic", "narrative", "motivational-interviewing",
      "behavioural-activation", "cpt", "hypnotherapy", "humanistic"};
  return v;
}

bool is_language_code(const std::string& s) {
  return s.size() == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
}

bool is_slug(const std::string& s) {
  if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && s[i + 1] == '-')) return false;
  }
  return true;
}

}  // namespace tft
