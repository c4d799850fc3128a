// Signposts (docs/safety.md): pointers to NHS and specialist routes that a private therapist does not
// replace, such as a GP physical health check for an eating disorder, the early intervention team
// for psychosis, or the free talking-therapy route of the visitor's nation. The rules and their
// wording are data (the "signposts" of data/crisis.json, checked by the loader); this file applies
// them. docs/safety.md says why each one exists and where it was checked.
#pragma once

#include "crisis_contacts.h"
#include "model.h"
#include "serialize.h"

namespace tft {

// [{"id", "concern": id | null, "nation": id | null, "text", "contacts": [ids]}], in the data
// file's order. A rule applies when each condition it has holds for `person`: one of its concerns
// was chosen ("concern" names the first of the visitor's that matched), the person's possible ages
// overlap its ages, and its nation is the visitor's. When the visitor's nation is unknown every
// nation's rule applies, each carrying its "nation" so the page can group them. "contacts" keeps
// only the rule's contacts that fit the person (contact_fits).
ordered_json signposts_part(const Crisis& crisis, const Person& person);

}  // namespace tft
