// Evidence tags read for one person: which tags fit their age, how much each one counts, and how
// each one reads in plain words. The model behind this is in docs/evidence.md.
//
// A tag fits when its ages overlap the person's ages (evidence_ages): a single age must lie inside
// the tag's ages; an age band, or the range assumed when no age is given, must share at least one
// year with them (the reason then names the tag's own ages, so a parent of a 5-year-old reading
// "children aged 7 to 17" can see the difference).
#pragma once

#include <string>

#include "answers.h"
#include "model.h"

namespace tft {

// The ages the evidence must fit for these answers: the age or band given; with no age, 0-17 for
// a child, 18-64 for an adult or a couple, and any age for a family (family therapies are studied
// with children, young people and adults alike).
AgeRange evidence_ages(const Answers& answers);

bool ages_overlap(AgeRange a, AgeRange b);

// How much a tag counts when ranking approaches, from 1 (strong; NICE says offer) down to 0.2
// (emerging; early research only). Each step is 0.1 or more, so NICE's "offer" ranks above
// "consider", and both above evidence from reviews (docs/evidence.md has the table).
double evidence_weight(const ConcernEvidence& tag);

// The best tag of `entry` for `concern` among those that fit `ages`; nullptr when none does.
// Ties keep the first in file order.
const ConcernEvidence* best_evidence(const GlossaryEntry& entry, const std::string& concern, AgeRange ages);

// "Strong evidence", "Moderate evidence", "Emerging evidence": how pages and reasons name a level.
const char* evidence_level_words(Evidence e);

// "children and young people aged 7 to 17", "adults", "people aged 16 and over", ...
std::string age_group_words(AgeRange ages);

// One sentence saying what the evidence is, for whom and on whose word, e.g. "Strong evidence:
// NICE recommends offering this to adults with trauma or PTSD (NICE NG116)", "Strong evidence: for
// people aged 16 and over with long-term illness or pain, NICE says to consider ACT for chronic
// primary pain (NICE NG193)". `concern_label` is
// the concern as concerns.json labels it.
std::string evidence_reason(const ConcernEvidence& tag, const std::string& concern_label);

// How a glossary page describes a tag's source: "NICE NG116, which says to offer it".
std::string evidence_source_words(const ConcernEvidence& tag);

}  // namespace tft
