// @ts-check
// The "first message" helper's words: a short enquiry a visitor can copy into their own email or
// text, built only from what they tick. Pure functions, no DOM and no network: the draft exists on
// the visitor's device until they copy it, and the site never sends it anywhere.
//
//   firstMessageParts(values, labels)  -> [{id, label, sentence, checked}] the visitor can tick
//   draftFirstMessage(name, parts)      -> the message text from the ticked parts

const joinOr = (words) => (words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`);
const joinAnd = (words) => (words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`);

// "Obsessive thoughts or OCD" inside a sentence, but "OCD" alone stays upper case.
const inSentence = (label) => {
  const first = String(label).split(/\s/)[0];
  return first.length > 1 && first === first.toUpperCase() ? String(label) : String(label).charAt(0).toLowerCase() + String(label).slice(1);
};

const FORMAT_WORDS = { "in-person": "in person", video: "by video", phone: "by phone", text: "by text or messaging" };
const TIME_WORDS = { "weekday-daytime": "weekday daytimes", "weekday-evening": "weekday evenings", weekend: "weekends" };

function whoSentence(values) {
  const age = values.age;
  const years = typeof age === "number" ? ` (aged ${age})` : age && typeof age === "object" && age.label ? ` (${inSentence(age.label)})` : "";
  switch (values.who) {
    case "couple":
      return "I am looking for counselling for my partner and me.";
    case "family":
      return "I am looking for therapy for my family.";
    case "child":
      return `I am looking for a therapist for my child${years}.`;
    default:
      return typeof age === "number" ? `I am ${age} and looking for a therapist.` : "I am looking for a therapist.";
  }
}

/**
 * What the visitor may choose to include, from their own answers (values as find-page.js keeps
 * them) and the option labels (Maps of id -> label). Only the help with and the way of meeting
 * are ticked at first; the rest say more about the person, so they start unticked.
 */
export function firstMessageParts(values, labels = {}) {
  const parts = [];
  const concerns = (values.concerns ?? []).map((id) => inSentence(labels.concerns?.get(id) ?? id));
  parts.push({ id: "who", label: "Who the therapy is for", sentence: whoSentence(values), checked: false });
  if (concerns.length)
    parts.push({ id: "concerns", label: `What you would like help with (${joinAnd(concerns)})`, sentence: `I would like help with ${joinAnd(concerns)}.`, checked: true });
  const formats = (values.format ?? []).map((f) => FORMAT_WORDS[f] ?? f);
  if (formats.length)
    parts.push({ id: "format", label: `How you would like to meet (${joinOr(formats)})`, sentence: `I would prefer to meet ${joinOr(formats)}.`, checked: true });
  const times = (values.availability ?? []).map((a) => TIME_WORDS[a] ?? a);
  if (times.length)
    parts.push({ id: "times", label: `When you can make sessions (${joinOr(times)})`, sentence: `I can usually make ${joinOr(times)}.`, checked: false });
  if (typeof values.budget === "number")
    parts.push({ id: "budget", label: `Your budget (up to £${values.budget} a session)`, sentence: `I can pay up to £${values.budget} a session${values.low_cost ? ", and would like to ask about reduced fees" : ""}.`, checked: false });
  parts.push({ id: "space", label: "Ask whether they have space and how long the wait is", sentence: "Do you have space for a new client at the moment, and how long is the wait?", checked: true });
  parts.push({ id: "call", label: "Ask about a short first call", sentence: "Could we have a short call first to see if we are a good fit?", checked: true });
  return parts;
}

/** The message from the ticked parts, addressed to `name`, signed with a placeholder to replace. */
export function draftFirstMessage(name, parts) {
  const first = String(name ?? "").trim().split(/\s+/)[0];
  const chosen = parts.filter((p) => p.checked);
  const intro = chosen.filter((p) => !["space", "call"].includes(p.id)).map((p) => p.sentence);
  const questions = chosen.filter((p) => ["space", "call"].includes(p.id)).map((p) => p.sentence);
  const lines = [`Hello${first ? ` ${first}` : ""},`, "", ["I found your details on Time for Therapy.", ...intro].join(" ")];
  if (questions.length) lines.push("", questions.join(" "));
  lines.push("", "Thank you,", "[your name]");
  return lines.join("\n");
}
