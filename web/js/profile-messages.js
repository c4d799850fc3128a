// @ts-check
// For Professionals: the C++ validator's errors, worded as instructions a therapist can follow
// ("Enter the oldest age as a number, like 65"), in the GOV.UK style of error messages.
//
// The core stays the validator: it decides what is wrong and where (a JSON path such as
// "$.ages.max" or "$.registrations[1].number", and a message such as "expected a whole number,
// found a string"). This file only chooses words for what the core found: the field comes from
// the path, the kind of problem from the message. Anything it does not recognise keeps the core's
// own words after the field's name, so no error is ever hidden by a missing rule.

// One row per field: what to call it in a sentence, what to do when it is missing, and an example
// of a good value. Paths use [] for "any index".
const FIELDS = {
  "$.name": { noun: "your name", missing: "Enter your name, as clients will see it" },
  "$.pronouns": { noun: "your pronouns" },
  "$.id": { noun: "the directory id", missing: "Enter your name, so we can make your directory id", example: "t-sam-jones" },
  "$.gender": { noun: "your gender", missing: "Select your gender, or ‘Prefer not to say’" },
  "$.registrations": { noun: "your registrations", missing: "Add at least one professional registration", many: "Add no more than {max} registrations" },
  "$.registrations[]": { noun: "the registration" },
  "$.registrations[].body": { noun: "the professional body", missing: "Select the professional body you are registered with" },
  "$.registrations[].level": { noun: "the membership level", missing: "Enter your membership level, like accredited" },
  "$.registrations[].number": { noun: "the membership number", missing: "Enter your membership number, as it appears on the register" },
  "$.registrations[].checked": { noun: "the date checked", missing: "Enter the date you checked the register", date: true },
  "$.approaches": { noun: "the approaches", missing: "Select at least one approach you offer", many: "Select no more than {max} approaches" },
  "$.approaches[]": { noun: "each approach" },
  "$.concerns": { noun: "what you help with", missing: "Select at least one thing you help with", many: "Select no more than {max} things you help with" },
  "$.concerns[]": { noun: "each thing you help with" },
  "$.clients[]": { noun: "who you work with" },
  "$.formats[]": { noun: "how you offer sessions" },
  "$.availability[]": { noun: "when you have sessions" },
  "$.identity": { noun: "what your practice is" },
  "$.identity[]": { noun: "what your practice is" },
  "$.clients": { noun: "who you work with", missing: "Select who you work with: individuals, couples or families" },
  "$.ages": { noun: "the ages", missing: "Enter the youngest and oldest ages you see", order: "The youngest age must not be more than the oldest age" },
  "$.ages.min": { noun: "the youngest age", missing: "Enter the youngest age you see", example: "18", unit: "" },
  "$.ages.max": { noun: "the oldest age", missing: "Enter the oldest age you see", example: "65", unit: "" },
  "$.formats": { noun: "how you offer sessions", missing: "Select at least one way you offer sessions" },
  "$.locations": {
    noun: "your locations",
    missing: "Add the town or city where you see clients, because you offer sessions in person",
    many: "Add no more than {max} locations",
  },
  "$.locations[].place": { noun: "the town or city", missing: "Enter the town or city where you see clients" },
  // The position is filled in from the town; a missing or odd one means the town was not found.
  "$.locations[].lat": { noun: "the town or city", position: true },
  "$.locations[].lon": { noun: "the town or city", position: true },
  "$.languages": { noun: "the languages", missing: "Select at least one language you offer therapy in", many: "Select no more than {max} languages" },
  "$.languages[]": { noun: "a language", code: true },
  "$.fees": { noun: "your fees", missing: "Enter your lowest and highest fees", order: "Your lowest fee must not be more than your highest fee" },
  "$.fees.min": { noun: "your lowest fee", missing: "Enter your lowest fee per session", example: "50", pounds: true },
  "$.fees.max": { noun: "your highest fee", missing: "Enter your highest fee per session", example: "80", pounds: true },
  "$.availability": { noun: "when you have sessions", missing: "Select when you usually have sessions" },
  "$.accepting_new": { noun: "whether you are taking new clients", missing: "Select whether you are taking on new clients" },
  "$.contact": { noun: "your contact details", missing: "Give at least one way for clients to contact you: an email address, a phone number or a website" },
  "$.contact.email": { noun: "your email address", example: "name@example.org" },
  "$.contact.phone": { noun: "your phone number", example: "0113 496 0000" },
  "$.contact.website": { noun: "your website", example: "https://www.example.org" },
  "$.waiting": { noun: "how soon a new client can start" },
  "$.updated": { noun: "the date you confirmed these details", missing: "Enter the date you confirmed these details", date: true },
  "$.bio": { noun: "about you" },
};

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** "$.registrations[2].number" → "$.registrations[].number" */
export const fieldKey = (path) => path.replace(/\[\d+\]/g, "[]");

/**
 * The instruction for one core error {path, message}, or null when the path is not a field of
 * the form (the caller then shows the core's words, as before).
 */
export function instructionFor(error) {
  const text = instruction(error);
  // A second registration or location says which one ("… for registration 2").
  const row = /^\$\.(registrations|locations)\[(\d+)\]\./.exec(error.path);
  if (!text || !row || row[2] === "0") return text;
  return `${text} for ${row[1] === "registrations" ? "registration" : "location"} ${Number(row[2]) + 1}`;
}

function instruction({ path, message }) {
  const field = FIELDS[fieldKey(path)];
  if (!field) return null;
  const m = String(message);
  const Noun = capital(field.noun);
  let match;
  if (field.position) return "Choose the town or city from the list as you type, so its position on the map is filled in";
  if (/^(is required|must not be empty)/.test(m) || /^needs at least/.test(m)) return field.missing ?? `Enter ${field.noun}`;
  if ((match = /^has (\d+) items; the limit is (\d+)/.exec(m))) return (field.many ?? `Choose no more than {max} for ${field.noun}`).replace("{max}", match[2]);
  if (/^min is greater than max/.test(m) && field.order) return field.order;
  if (/^expected (a whole number|a number)/.test(m)) {
    if (field.pounds) return `Enter ${field.noun} as a whole number of pounds, like ${field.example}`;
    return `Enter ${field.noun} as a number, like ${field.example ?? "10"}`;
  }
  if ((match = /^must be between (-?[\d.]+) and (-?[\d.]+)/.exec(m))) {
    const [lo, hi] = [match[1], match[2]];
    return field.pounds ? `${Noun} must be between £${lo} and £${hi}` : `${Noun} must be between ${lo} and ${hi}`;
  }
  if (/^expected a date/.test(m) || field.date) return `Enter ${field.noun} as a real date, like 30 11 2026`;
  if (/^expected an email address/.test(m)) return `Enter an email address in the correct format, like ${field.example}`;
  if (/^expected a UK phone number/.test(m)) return `Enter a UK phone number, like ${field.example}`;
  if (/^must start with https:\/\//.test(m) || /^expected a web address/.test(m)) return `Enter a website address that starts with https://, like ${field.example}`;
  if (/^must not contain spaces/.test(m)) return `Enter ${field.noun} without spaces, quotes or angle brackets`;
  if (field.code || /^expected a two-letter/.test(m)) return "Write other languages as two-letter codes separated by commas, like so, ta";
  if (/^must be lower-case letters/.test(m)) return `Use only lower-case letters, numbers and hyphens in ${field.noun}, like ${field.example ?? "t-sam-jones"}`;
  if ((match = /^is [\d,]+ characters; the limit is (\d+)/.exec(m))) return `${Noun} must be ${Number(match[1]).toLocaleString("en-GB")} characters or fewer`;
  if (/control character|line break/.test(m)) return `${Noun} must not contain line breaks or hidden control characters`;
  if (/^repeats/.test(m)) return `${Noun} lists the same choice twice: remove one`;
  if (/^(unknown id|unknown value|must be one of)/.test(m)) return `Choose ${field.noun} from the list`;
  if (/^expected true or false|^expected (a string|an array|an object)/.test(m)) return `Check ${field.noun}: it could not be read`;
  return null;
}
