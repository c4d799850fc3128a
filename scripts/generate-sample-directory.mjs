// generate-sample-directory.mjs — writes data/therapists.sample.json
//
// What: a FICTIONAL sample directory of 240 therapists in the format of
// docs/design.md ("Data files"), for demonstrations and tests. Every person in it is
// invented: names are random pairings of a first-name list and a surname list,
// registration numbers all read "FICTIONAL-<BODY>-<5 digits>", and contact details
// are made up too: email addresses and websites at example.org (a domain reserved
// for examples) and phone numbers from Ofcom's ranges kept for drama, which never
// reach a real line (0113 496 0000 to 0999, 07700 900000 to 900999).
//
// How it is built: each therapist is drawn from a practice profile (integrative
// counsellor, CBT therapist, trauma specialist, couples therapist, child
// therapist, ...) so that registration body, approaches, concerns, client
// groups and ages hang together (BABCP members practise CBT-family approaches,
// COSRT members psychosexual therapy, play therapists see children, ERP goes
// with OCD, EMDR with trauma, ...). Places come from data/places-gb.json: each
// nation gets a fixed quota close to its share of the UK population, and within
// a nation places are drawn with weight population^0.75 (so London is common
// but does not swamp the sample). Gender "undisclosed" entries carry no
// pronouns (the field is optional).
//
// Deterministic: all randomness comes from mulberry32 generators with fixed
// seeds; no clock, no locale, no Math.random. Contact details, the "updated"
// date and waiting times draw from a second generator of their own, so adding
// them left every other field as it was. The same places file gives
// identical bytes. Rerun from the repository root, after the places file:
//
//     node scripts/generate-places.mjs
//     node scripts/generate-sample-directory.mjs

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { mulberry32 } from "./seeded-random.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED = 0x7f4a7c15;
const COUNT = 240;

// ---------------------------------------------------------------- randomness
const rand = mulberry32(SEED);
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
const pick = (list) => list[Math.floor(rand() * list.length)];
function weighted(entries) {
  // entries: [[value, weight], ...]
  let total = 0;
  for (const [, w] of entries) total += w;
  let r = rand() * total;
  for (const [v, w] of entries) {
    if ((r -= w) < 0) return v;
  }
  return entries[entries.length - 1][0];
}
function shuffle(list) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function sample(list, n) {
  return shuffle(list).slice(0, Math.min(n, list.length));
}

// ---------------------------------------------------------------- vocabulary (docs/design.md, "Data files")
const CONCERNS = ["anxiety", "depression", "stress", "trauma-ptsd", "relationships", "trust-issues", "low-self-esteem",
  "childhood-experiences", "grief-loss", "ocd", "panic", "phobias", "social-anxiety", "eating-disorders", "self-harm",
  "suicidal-thoughts", "emotional-regulation", "anger", "addiction", "personality-disorder", "bipolar", "psychosis",
  "adhd", "autism", "sleep", "work-stress", "abuse", "identity-sexuality", "gender-identity", "sexual-issues",
  "perinatal", "parenting", "family-conflict", "loneliness", "health-anxiety", "chronic-illness", "body-image",
  "life-transitions"];
const APPROACHES = ["attachment-based", "cbt", "tf-cbt", "dbt", "act", "emdr", "schema", "cat", "sfbt", "ipt", "dit",
  "mbct", "person-centred", "integrative", "existential", "gestalt", "transactional-analysis", "psychodynamic",
  "psychoanalytic", "jungian", "abft", "eft", "ifs", "cft", "mbt", "erp", "art-therapy", "play-therapy",
  "music-therapy", "drama-therapy", "systemic-family", "couples-therapy", "psychosexual", "somatic", "narrative",
  "motivational-interviewing", "behavioural-activation", "cpt", "hypnotherapy", "humanistic",
  // NICE-named treatments with their own glossary entries (issue #9)
  "cbt-ed", "family-therapy-eating-disorders", "cbt-psychosis", "cbt-insomnia", "guided-self-help",
  "behavioural-couples-therapy", "problem-solving-therapy", "applied-relaxation", "counselling-for-depression",
  "prolonged-exposure", "narrative-exposure-therapy", "parent-training", "mbsr", "ddp", "bereavement-counselling",
  "emotion-focused", "exposure-therapy"];

// Plain words for bios (ASCII only).
const APPROACH_WORDS = {
  "attachment-based": "attachment-based therapy", cbt: "cognitive behavioural therapy (CBT)",
  "tf-cbt": "trauma-focused CBT", dbt: "dialectical behaviour therapy (DBT)",
  act: "acceptance and commitment therapy (ACT)", emdr: "EMDR", schema: "schema therapy",
  cat: "cognitive analytic therapy (CAT)", sfbt: "solution-focused brief therapy", ipt: "interpersonal therapy (IPT)",
  dit: "dynamic interpersonal therapy", mbct: "mindfulness-based cognitive therapy", "person-centred": "person-centred counselling",
  integrative: "an integrative approach", existential: "existential therapy", gestalt: "Gestalt therapy",
  "transactional-analysis": "transactional analysis", psychodynamic: "psychodynamic therapy",
  psychoanalytic: "psychoanalytic psychotherapy", jungian: "Jungian analysis",
  abft: "attachment-based family therapy", eft: "emotionally focused therapy", ifs: "internal family systems (IFS)",
  cft: "compassion-focused therapy", mbt: "mentalization-based treatment", erp: "exposure and response prevention (ERP)",
  "art-therapy": "art therapy", "play-therapy": "play therapy", "music-therapy": "music therapy",
  "drama-therapy": "drama therapy", "systemic-family": "systemic family therapy", "couples-therapy": "couples therapy",
  psychosexual: "psychosexual therapy", somatic: "body-based (somatic) work", narrative: "narrative therapy",
  "motivational-interviewing": "motivational interviewing", "behavioural-activation": "behavioural activation",
  cpt: "cognitive processing therapy", hypnotherapy: "clinical hypnotherapy", humanistic: "humanistic counselling",
  "cbt-ed": "CBT for eating disorders", "family-therapy-eating-disorders": "family therapy for eating disorders",
  "cbt-psychosis": "CBT for psychosis", "cbt-insomnia": "CBT for insomnia", "guided-self-help": "guided self-help",
  "behavioural-couples-therapy": "behavioural couples therapy", "problem-solving-therapy": "problem-solving therapy",
  "applied-relaxation": "applied relaxation", "counselling-for-depression": "Counselling for Depression",
  "prolonged-exposure": "prolonged exposure therapy", "narrative-exposure-therapy": "narrative exposure therapy",
  "parent-training": "parent training", mbsr: "mindfulness-based stress reduction",
  ddp: "dyadic developmental psychotherapy (DDP)", "bereavement-counselling": "bereavement counselling",
  "emotion-focused": "emotion-focused therapy", "exposure-therapy": "exposure therapy",
};
const CONCERN_WORDS = {
  anxiety: "anxiety", depression: "low mood and depression", stress: "stress", "trauma-ptsd": "trauma and PTSD",
  relationships: "relationship difficulties", "trust-issues": "problems with trust", "low-self-esteem": "low self-esteem",
  "childhood-experiences": "difficult childhood experiences", "grief-loss": "grief and loss", ocd: "OCD",
  panic: "panic attacks", phobias: "phobias", "social-anxiety": "social anxiety", "eating-disorders": "eating difficulties",
  "self-harm": "self-harm", "suicidal-thoughts": "thoughts of suicide", "emotional-regulation": "overwhelming emotions",
  anger: "anger", addiction: "addiction and compulsive habits", "personality-disorder": "a personality disorder diagnosis",
  bipolar: "bipolar disorder", psychosis: "psychosis and unusual experiences", adhd: "ADHD", autism: "autism",
  sleep: "sleep problems", "work-stress": "work stress and burnout", abuse: "the effects of abuse",
  "identity-sexuality": "questions of sexuality", "gender-identity": "gender identity", "sexual-issues": "sexual difficulties",
  perinatal: "pregnancy and early parenthood", parenting: "the pressures of parenting", "family-conflict": "family conflict",
  loneliness: "loneliness", "health-anxiety": "health anxiety", "chronic-illness": "long-term illness and pain",
  "body-image": "body image", "life-transitions": "big life changes",
};

// Concerns an approach is typically used for (drives the correlation).
const APPROACH_CONCERNS = {
  "attachment-based": ["relationships", "trust-issues", "childhood-experiences", "loneliness"],
  cbt: ["anxiety", "depression", "panic", "ocd", "phobias", "social-anxiety", "health-anxiety", "sleep"],
  "tf-cbt": ["trauma-ptsd", "abuse", "anxiety"], dbt: ["emotional-regulation", "self-harm", "suicidal-thoughts", "personality-disorder"],
  act: ["anxiety", "chronic-illness", "stress", "work-stress"], emdr: ["trauma-ptsd", "abuse", "phobias"],
  schema: ["personality-disorder", "childhood-experiences", "relationships", "low-self-esteem"],
  cat: ["relationships", "personality-disorder", "eating-disorders", "low-self-esteem"],
  sfbt: ["stress", "work-stress", "life-transitions"], ipt: ["depression", "grief-loss", "relationships", "perinatal"],
  dit: ["depression", "relationships", "anxiety"], mbct: ["depression", "anxiety", "stress"],
  "person-centred": ["low-self-esteem", "grief-loss", "life-transitions", "loneliness"],
  integrative: ["anxiety", "depression", "stress", "relationships"],
  existential: ["life-transitions", "grief-loss", "loneliness", "chronic-illness"],
  gestalt: ["relationships", "anger", "low-self-esteem"], "transactional-analysis": ["relationships", "anger", "low-self-esteem"],
  psychodynamic: ["depression", "relationships", "childhood-experiences", "trust-issues"],
  psychoanalytic: ["childhood-experiences", "relationships", "depression"], jungian: ["life-transitions", "depression"],
  abft: ["family-conflict", "depression", "suicidal-thoughts"], eft: ["relationships", "trust-issues"],
  ifs: ["trauma-ptsd", "childhood-experiences", "low-self-esteem"], cft: ["low-self-esteem", "body-image", "depression"],
  mbt: ["personality-disorder", "emotional-regulation", "self-harm"], erp: ["ocd", "anxiety", "health-anxiety"],
  "art-therapy": ["trauma-ptsd", "emotional-regulation", "depression"], "play-therapy": ["childhood-experiences", "anxiety", "family-conflict"],
  "music-therapy": ["autism", "emotional-regulation", "depression"], "drama-therapy": ["social-anxiety", "low-self-esteem", "trauma-ptsd"],
  "systemic-family": ["family-conflict", "parenting"], "couples-therapy": ["relationships", "trust-issues", "sexual-issues"],
  psychosexual: ["sexual-issues", "relationships", "identity-sexuality"], somatic: ["trauma-ptsd", "anxiety", "abuse"],
  narrative: ["identity-sexuality", "life-transitions", "trauma-ptsd"], "motivational-interviewing": ["addiction", "anger"],
  "behavioural-activation": ["depression"], cpt: ["trauma-ptsd", "abuse"], hypnotherapy: ["phobias", "sleep", "anxiety"],
  humanistic: ["low-self-esteem", "relationships", "life-transitions"],
  "cbt-ed": ["eating-disorders", "body-image"], "family-therapy-eating-disorders": ["eating-disorders", "family-conflict"],
  "cbt-psychosis": ["psychosis"], "cbt-insomnia": ["sleep"], "guided-self-help": ["depression", "anxiety"],
  "behavioural-couples-therapy": ["addiction", "relationships"], "problem-solving-therapy": ["depression", "stress"],
  "applied-relaxation": ["anxiety", "stress"], "counselling-for-depression": ["depression"],
  "prolonged-exposure": ["trauma-ptsd"], "narrative-exposure-therapy": ["trauma-ptsd", "abuse"],
  "parent-training": ["parenting", "anger"], mbsr: ["stress", "chronic-illness"],
  ddp: ["childhood-experiences", "trust-issues"], "bereavement-counselling": ["grief-loss"],
  "emotion-focused": ["depression", "low-self-esteem"], "exposure-therapy": ["phobias", "anxiety"],
};
// A concern that must accompany an approach when the approach is chosen.
const APPROACH_MUST = { erp: "ocd", emdr: "trauma-ptsd", "tf-cbt": "trauma-ptsd", cpt: "trauma-ptsd", psychosexual: "sexual-issues",
  dbt: "emotional-regulation", mbt: "personality-disorder", "motivational-interviewing": "addiction",
  "behavioural-activation": "depression", eft: "relationships", "couples-therapy": "relationships",
  "systemic-family": "family-conflict", abft: "family-conflict", "cbt-ed": "eating-disorders",
  "family-therapy-eating-disorders": "eating-disorders", "cbt-psychosis": "psychosis", "cbt-insomnia": "sleep",
  "behavioural-couples-therapy": "addiction", "prolonged-exposure": "trauma-ptsd", "narrative-exposure-therapy": "trauma-ptsd",
  "parent-training": "parenting", "bereavement-counselling": "grief-loss", "counselling-for-depression": "depression",
  ddp: "childhood-experiences", "exposure-therapy": "phobias" };
const CBT_FAMILY = ["cbt", "erp", "tf-cbt", "behavioural-activation", "cpt", "act", "mbct", "cft", "dbt", "schema",
  "cbt-ed", "cbt-psychosis", "cbt-insomnia", "prolonged-exposure", "exposure-therapy", "applied-relaxation",
  "guided-self-help", "problem-solving-therapy"];

// ---------------------------------------------------------------- practice profiles
// bodies: lists of registration sets to choose from (weighted). core: first approach is drawn from here;
// extra: further approaches. concerns: the profile's own concern pool.
const PROFILES = [
  { id: "counsellor", weight: 30, role: ["counsellor", "psychotherapist", "counsellor and psychotherapist"],
    bodies: [[["BACP"], 55], [["NCPS"], 15], [["UKCP"], 15], [["BACP", "UKCP"], 8], [["NCPS", "BACP"], 3]],
    core: ["person-centred", "integrative", "humanistic", "existential", "gestalt", "transactional-analysis"],
    extra: ["attachment-based", "narrative", "sfbt", "ifs", "integrative", "person-centred", "somatic", "existential",
      "bereavement-counselling", "counselling-for-depression", "emotion-focused"],
    concerns: ["anxiety", "depression", "stress", "relationships", "low-self-esteem", "grief-loss", "life-transitions",
      "work-stress", "trust-issues", "childhood-experiences", "loneliness", "identity-sexuality", "body-image", "anger", "abuse"],
    clients: "adults" },
  { id: "cbt", weight: 14, role: ["CBT therapist"],
    bodies: [[["BABCP"], 60], [["BABCP", "BACP"], 25], [["BABCP", "HCPC"], 15]],
    core: ["cbt"], extra: ["erp", "behavioural-activation", "act", "mbct", "cft", "tf-cbt", "cpt", "cbt-ed", "cbt-insomnia",
      "exposure-therapy", "applied-relaxation", "guided-self-help", "problem-solving-therapy"],
    concerns: ["anxiety", "depression", "ocd", "panic", "phobias", "social-anxiety", "health-anxiety", "sleep", "stress",
      "eating-disorders", "body-image", "work-stress"],
    clients: "adults" },
  { id: "trauma", weight: 10, role: ["psychotherapist", "trauma therapist", "counsellor"],
    bodies: [[["BACP"], 40], [["UKCP"], 25], [["HCPC", "BPS"], 20], [["BABCP"], 15]],
    core: ["emdr", "tf-cbt", "cpt", "somatic"], extra: ["ifs", "integrative", "emdr", "somatic", "cft", "attachment-based",
      "prolonged-exposure", "narrative-exposure-therapy"],
    concerns: ["trauma-ptsd", "abuse", "childhood-experiences", "anxiety", "panic", "sleep", "grief-loss", "self-harm",
      "emotional-regulation", "trust-issues", "depression"],
    clients: "adults" },
  { id: "psychodynamic", weight: 9, role: ["psychotherapist", "psychoanalytic psychotherapist", "psychodynamic counsellor"],
    bodies: [[["UKCP"], 55], [["BACP"], 35], [["UKCP", "BACP"], 10]],
    core: ["psychodynamic", "psychoanalytic", "jungian", "dit"], extra: ["attachment-based", "mbt", "cat", "psychodynamic", "existential"],
    concerns: ["depression", "relationships", "childhood-experiences", "personality-disorder", "low-self-esteem",
      "trust-issues", "grief-loss", "anxiety", "identity-sexuality", "loneliness", "life-transitions"],
    clients: "adults" },
  { id: "psychologist", weight: 10, role: ["clinical psychologist", "counselling psychologist"],
    bodies: [[["HCPC", "BPS"], 70], [["HCPC"], 30]],
    core: ["cbt", "dbt", "act", "schema", "cat", "cft"], extra: ["mbt", "emdr", "erp", "cft", "act", "schema", "tf-cbt", "integrative",
      "cbt-psychosis", "cbt-ed"],
    concerns: ["personality-disorder", "bipolar", "psychosis", "self-harm", "suicidal-thoughts", "emotional-regulation",
      "eating-disorders", "adhd", "autism", "ocd", "trauma-ptsd", "depression", "anxiety"],
    clients: "adults" },
  { id: "couples", weight: 12, role: ["couples therapist", "relationship therapist", "family and couples therapist"],
    bodies: [[["BACP"], 50], [["UKCP"], 35], [["COSRT", "BACP"], 15]],
    core: ["couples-therapy", "eft", "systemic-family"], extra: ["couples-therapy", "psychosexual", "narrative", "integrative", "attachment-based",
      "behavioural-couples-therapy", "parent-training"],
    concerns: ["relationships", "trust-issues", "family-conflict", "parenting", "sexual-issues", "anger", "life-transitions",
      "grief-loss", "perinatal"],
    clients: "couples" },
  { id: "psychosexual", weight: 4, role: ["relationship therapist"],
    bodies: [[["COSRT"], 60], [["COSRT", "BACP"], 25], [["COSRT", "UKCP"], 15]],
    core: ["psychosexual"], extra: ["couples-therapy", "cbt", "integrative", "narrative"],
    concerns: ["sexual-issues", "relationships", "identity-sexuality", "gender-identity", "body-image", "trust-issues", "anxiety"],
    clients: "couples" },
  { id: "child", weight: 10, role: ["child and adolescent psychotherapist", "counsellor for children and young people"],
    bodies: [[["BACP"], 45], [["UKCP"], 30], [["HCPC"], 25]],
    core: ["play-therapy", "art-therapy", "drama-therapy", "play-therapy"], extra: ["person-centred", "systemic-family", "cbt", "music-therapy", "attachment-based", "abft",
      "parent-training", "ddp", "family-therapy-eating-disorders"],
    concerns: ["anxiety", "childhood-experiences", "trauma-ptsd", "family-conflict", "low-self-esteem", "autism", "adhd",
      "grief-loss", "anger", "emotional-regulation", "self-harm", "parenting"],
    clients: "children" },
  { id: "arts", weight: 4, role: ["arts therapist"],
    bodies: [[["HCPC"], 100]],
    core: ["art-therapy", "music-therapy", "drama-therapy"], extra: ["person-centred", "psychodynamic", "integrative", "somatic"],
    concerns: ["trauma-ptsd", "depression", "anxiety", "psychosis", "autism", "emotional-regulation", "grief-loss", "low-self-esteem"],
    clients: "adults" },
  { id: "addiction", weight: 4, role: ["addictions counsellor", "counsellor"],
    bodies: [[["BACP"], 50], [["NCPS"], 30], [["UKCP"], 20]],
    core: ["motivational-interviewing"], extra: ["cbt", "integrative", "person-centred", "act", "sfbt", "behavioural-couples-therapy"],
    concerns: ["addiction", "anger", "depression", "anxiety", "stress", "self-harm", "relationships", "emotional-regulation"],
    clients: "adults" },
  { id: "neurodiversity", weight: 4, role: ["counsellor", "psychotherapist"],
    bodies: [[["BACP"], 55], [["UKCP"], 25], [["BABCP"], 20]],
    core: ["integrative", "person-centred", "act", "cbt"], extra: ["narrative", "cft", "act", "sfbt"],
    concerns: ["adhd", "autism", "anxiety", "emotional-regulation", "low-self-esteem", "social-anxiety", "work-stress", "relationships"],
    clients: "adults", identity: "neurodiversity-affirming" },
  { id: "perinatal", weight: 3, role: ["perinatal counsellor", "psychotherapist"],
    bodies: [[["BACP"], 60], [["UKCP"], 20], [["HCPC", "BPS"], 20]],
    core: ["integrative", "cft", "ipt", "attachment-based"], extra: ["person-centred", "cbt", "cft", "attachment-based"],
    concerns: ["perinatal", "parenting", "depression", "anxiety", "grief-loss", "relationships", "life-transitions", "body-image"],
    clients: "adults" },
  { id: "hypnotherapy", weight: 3, role: ["counsellor"],
    bodies: [[["NCPS"], 70], [["NCPS", "BACP"], 30]],
    core: ["hypnotherapy"], extra: ["cbt", "sfbt", "integrative"],
    concerns: ["phobias", "anxiety", "sleep", "stress", "addiction", "panic", "low-self-esteem", "health-anxiety"],
    clients: "adults" },
  { id: "depression", weight: 3, role: ["psychotherapist", "counsellor"],
    bodies: [[["BACP"], 50], [["HCPC", "BPS"], 25], [["UKCP"], 25]],
    core: ["ipt", "dit", "behavioural-activation"], extra: ["cbt", "mbct", "person-centred", "counselling-for-depression",
      "problem-solving-therapy"],
    concerns: ["depression", "grief-loss", "relationships", "life-transitions", "perinatal", "loneliness", "stress"],
    clients: "adults" },
  { id: "affirming", weight: 3, role: ["counsellor", "psychotherapist"],
    bodies: [[["BACP"], 50], [["UKCP"], 30], [["NCPS"], 20]],
    core: ["person-centred", "integrative", "narrative"], extra: ["existential", "gestalt", "narrative", "cft"],
    concerns: ["identity-sexuality", "gender-identity", "relationships", "anxiety", "depression", "body-image", "loneliness"],
    clients: "adults", identity: "lgbtq-affirming" },
  { id: "health", weight: 3, role: ["counselling psychologist", "psychotherapist", "counsellor"],
    bodies: [[["HCPC", "BPS"], 50], [["BACP"], 30], [["BABCP"], 20]],
    core: ["act", "cft", "mbct"], extra: ["cbt", "existential", "act", "mbct", "mbsr", "cbt-insomnia"],
    concerns: ["chronic-illness", "health-anxiety", "depression", "anxiety", "grief-loss", "sleep", "stress", "life-transitions"],
    clients: "adults" },
];

const LEVELS = {
  BACP: [["registered member", 55], ["accredited", 38], ["senior accredited", 7]],
  UKCP: [["registered psychotherapist", 1]], HCPC: [["registered", 1]], BABCP: [["accredited", 1]],
  BPS: [["chartered", 1]], COSRT: [["accredited", 1]], NCPS: [["registrant", 65], ["accredited", 35]],
};
const REGISTRATION_WORDS = { "registered member": "a registered member of", "registered psychotherapist": "a registered psychotherapist with", registered: "registered with",
  chartered: "a chartered psychologist with", registrant: "a registrant of" };
const BODY_WORDS = { BACP: "the BACP", UKCP: "the UKCP", HCPC: "the HCPC", BABCP: "the BABCP", BPS: "the BPS",
  COSRT: "COSRT", NCPS: "the NCPS" };

// ---------------------------------------------------------------- names (invented pairings)
// Each heritage group: weight, first names by gender, neutral names, surnames, languages a member may speak.
const GROUPS = {
  british: { weight: 58, langs: [],
    female: ["Alice", "Amy", "Anna", "Beth", "Caroline", "Charlotte", "Claire", "Deborah", "Eleanor", "Emma", "Frances",
      "Gemma", "Hannah", "Harriet", "Helen", "Jane", "Joanna", "Julia", "Kate", "Laura", "Lucy", "Megan", "Natalie",
      "Philippa", "Rachel", "Rebecca", "Ruth", "Sarah", "Sophie", "Victoria", "Zoe", "Imogen", "Rosie", "Jess"],
    male: ["Adam", "Andrew", "Ben", "Chris", "Daniel", "David", "Edward", "George", "Graham", "Harry", "James", "Jonathan",
      "Luke", "Mark", "Matthew", "Neil", "Oliver", "Paul", "Peter", "Richard", "Simon", "Stephen", "Thomas", "Tim", "Will"],
    neutral: ["Alex", "Sam", "Jordan", "Robin", "Charlie", "Jamie", "Rowan", "Ash", "Kit", "Morgan", "Frankie", "Jo"],
    surnames: ["Ashworth", "Barker", "Bentley", "Bradshaw", "Carter", "Chapman", "Coleman", "Cooper", "Dawson", "Ellis",
      "Fletcher", "Foster", "Gardner", "Hale", "Harding", "Hartley", "Holmes", "Hughes", "Kemp", "Lambert", "Lawson",
      "Marsh", "Mason", "Newman", "Palmer", "Parsons", "Pearson", "Porter", "Rowe", "Shaw", "Sutton", "Thornton",
      "Turner", "Wade", "Walsh", "Webb", "Whitfield", "Wilde", "Yates", "Beckett", "Pennington", "Ainsworth"] },
  scottish: { weight: 0, langs: [],
    female: ["Eilidh", "Fiona", "Isla", "Kirsty", "Morag", "Catriona", "Shona", "Ailsa", "Mhairi", "Iona"],
    male: ["Alasdair", "Callum", "Duncan", "Euan", "Fraser", "Hamish", "Iain", "Lachlan", "Ruaridh", "Angus"],
    neutral: ["Rory", "Jamie", "Lindsay", "Morgan"],
    surnames: ["MacLeod", "Campbell", "Fraser", "Mackenzie", "Robertson", "Ross", "Sinclair", "Munro", "Drummond",
      "Cameron", "Baird", "Grant", "Kerr", "Lindsay", "McIntyre", "Stewart", "Urquhart", "Buchanan"] },
  welsh: { weight: 0, langs: ["cy"],
    female: ["Angharad", "Bethan", "Carys", "Cerys", "Ffion", "Gwen", "Lowri", "Nia", "Rhian", "Sioned", "Eleri", "Mared"],
    male: ["Aled", "Dafydd", "Dylan", "Emyr", "Gareth", "Geraint", "Huw", "Iwan", "Rhodri", "Rhys", "Owain", "Gethin"],
    neutral: ["Morgan", "Rhun", "Sam"],
    surnames: ["Bowen", "Evans", "Griffiths", "Howells", "Jenkins", "Llewellyn", "Lloyd", "Morgan", "Parry", "Powell",
      "Price", "Pritchard", "Prosser", "Rees", "Vaughan", "Watkins", "Hopkin", "Gwynne"] },
  irish: { weight: 4, langs: [],
    female: ["Aoife", "Ciara", "Clodagh", "Niamh", "Orla", "Roisin", "Siobhan", "Grainne", "Maeve", "Aisling"],
    male: ["Cathal", "Ciaran", "Colm", "Conor", "Declan", "Eamon", "Fergal", "Niall", "Padraig", "Ronan"],
    neutral: ["Casey", "Rory", "Shannon"],
    surnames: ["Brennan", "Doherty", "Gallagher", "Keane", "McAllister", "McCann", "McGrath", "Mulholland", "Nolan",
      "O'Hare", "O'Neill", "Quinn", "Devlin", "Hegarty", "Maguire", "Fitzpatrick"] },
  southasian: { weight: 10, langs: ["ur", "pa", "bn", "gu", "ta"],
    female: ["Aisha", "Anjali", "Farah", "Nadia", "Priya", "Rukhsana", "Sabina", "Shabnam", "Simran", "Tahmina",
      "Meera", "Kiran", "Zainab", "Harpreet", "Nasreen", "Lakshmi"],
    male: ["Arjun", "Asif", "Harjit", "Imran", "Kamran", "Rahul", "Rajesh", "Sanjay", "Tariq", "Vikram", "Faisal", "Nikhil"],
    neutral: ["Kiran", "Ravi", "Noor"],
    surnames: ["Ahmed", "Begum", "Chaudhry", "Choudhury", "Desai", "Gill", "Hussain", "Kaur", "Khan", "Mahmood",
      "Malik", "Mistry", "Patel", "Rahman", "Sandhu", "Shah", "Sharma", "Iqbal", "Thiruchelvam", "Varma", "Dhillon", "Bains"] },
  caribbean: { weight: 4, langs: [],
    female: ["Andrea", "Claudette", "Jasmine", "Marcia", "Nadine", "Shanice", "Simone", "Tanya"],
    male: ["Andre", "Clive", "Delroy", "Marcus", "Winston", "Jerome", "Leon", "Trevor"],
    neutral: ["Jordan", "Jules", "Remy"],
    surnames: ["Campbell", "Clarke", "Francis", "Gayle", "Henry", "Lewis", "Reid", "Richards", "Thompson", "Williams",
      "Bailey", "Forbes", "Grant", "McKenzie"] },
  westafrican: { weight: 4, langs: [],
    female: ["Abena", "Adaeze", "Ama", "Chiamaka", "Folake", "Ngozi", "Temitope", "Yetunde", "Efua", "Ifeoma"],
    male: ["Chidi", "Emeka", "Kwame", "Kofi", "Olumide", "Segun", "Tunde", "Yaw", "Obinna", "Kwabena"],
    neutral: ["Ayo", "Tobi", "Dami"],
    surnames: ["Adeyemi", "Asante", "Boateng", "Mensah", "Nwosu", "Obi", "Okafor", "Okonkwo", "Owusu", "Adebayo",
      "Ogunleye", "Appiah", "Eze", "Oduya"] },
  polish: { weight: 4, langs: ["pl"],
    female: ["Agnieszka", "Anna", "Joanna", "Katarzyna", "Magdalena", "Marta", "Monika", "Ewa", "Dorota", "Zofia"],
    male: ["Krzysztof", "Marek", "Michal", "Pawel", "Piotr", "Tomasz", "Wojciech", "Lukasz", "Jakub", "Adam"],
    neutral: ["Ola", "Alex"],
    surnames: ["Nowak", "Kowalczyk", "Wisniewska", "Lewandowski", "Zielinska", "Szymanski", "Wozniak", "Kaminska",
      "Dabrowski", "Mazur", "Krawczyk", "Jankowska"] },
  romanian: { weight: 1.5, langs: ["ro"],
    female: ["Andreea", "Ioana", "Elena", "Mihaela", "Raluca"], male: ["Andrei", "Bogdan", "Mihai", "Radu", "Stefan"],
    neutral: ["Alex"], surnames: ["Popescu", "Ionescu", "Stan", "Dumitru", "Munteanu", "Constantin", "Lazar"] },
  arabic: { weight: 2, langs: ["ar"],
    female: ["Amira", "Leila", "Mariam", "Noura", "Rania", "Yasmin", "Huda"], male: ["Karim", "Omar", "Samir", "Yousef", "Khalid", "Nabil"],
    neutral: ["Noor", "Sami"], surnames: ["Haddad", "Mansour", "Nasser", "Saleh", "Khalil", "Darwish", "Hamdan", "Aziz"] },
  somali: { weight: 1.2, langs: ["so"],
    female: ["Hodan", "Ifrah", "Sahra", "Hibo", "Ayaan"], male: ["Abdi", "Hassan", "Mohamed", "Yusuf", "Liban"],
    neutral: ["Nuur"], surnames: ["Abdi", "Farah", "Hersi", "Jama", "Warsame", "Egal", "Osman"] },
  turkish: { weight: 1.2, langs: ["tr"],
    female: ["Elif", "Zeynep", "Ayse", "Deniz", "Selin"], male: ["Emre", "Mehmet", "Murat", "Can", "Kerem"],
    neutral: ["Deniz", "Eren"], surnames: ["Yilmaz", "Demir", "Kaya", "Celik", "Aydin", "Ozturk", "Arslan"] },
  chinese: { weight: 2, langs: ["zh"],
    female: ["Mei", "Xiaoling", "Wing", "Jia", "Li Na", "Hui"], male: ["Wei", "Jun", "Kai", "Ming", "Hao", "Chun"],
    neutral: ["Yan", "Lin"], surnames: ["Chan", "Cheung", "Chen", "Lam", "Li", "Liu", "Ng", "Wong", "Yeung", "Zhang", "Tang"] },
  iberian: { weight: 2, langs: ["es", "pt"],
    female: ["Beatriz", "Carmen", "Lucia", "Marta", "Ines", "Sofia", "Ana"], male: ["Diego", "Javier", "Joao", "Pablo", "Rafael", "Tiago"],
    neutral: ["Alex", "Ariel"], surnames: ["Garcia", "Fernandes", "Lopez", "Martins", "Moreno", "Oliveira", "Pereira",
      "Rodrigues", "Santos", "Silva", "Torres", "Navarro"] },
  italian: { weight: 1.3, langs: ["it"],
    female: ["Chiara", "Francesca", "Giulia", "Valentina", "Elisa"], male: ["Alessandro", "Luca", "Marco", "Matteo", "Giorgio"],
    neutral: ["Andrea", "Sasha"], surnames: ["Bianchi", "Colombo", "Conti", "Esposito", "Ferrari", "Ricci", "Romano", "Moretti"] },
  french: { weight: 1.0, langs: ["fr"],
    female: ["Amelie", "Camille", "Claire", "Elodie", "Margaux"], male: ["Antoine", "Julien", "Nicolas", "Olivier", "Thibault"],
    neutral: ["Camille", "Dominique"], surnames: ["Bernard", "Dubois", "Fournier", "Girard", "Laurent", "Lefevre", "Moreau", "Rousseau"] },
};
// Per nation, the weight of the local groups (the rest use GROUPS[].weight).
const NATION_GROUP_WEIGHT = {
  England: {},
  Scotland: { scottish: 45, british: 20 },
  Wales: { welsh: 45, british: 25 },
  "Northern Ireland": { irish: 60, british: 20, scottish: 5 },
};
// Community languages, beyond a heritage group's own, that a few British-heritage therapists speak.
const LEARNT_LANGUAGES = [["fr", 4], ["es", 4], ["it", 1], ["pt", 1]];

// ---------------------------------------------------------------- places
const placesFile = path.join(root, "data", "places-gb.json");
let placesDoc;
try {
  placesDoc = JSON.parse(readFileSync(placesFile, "utf8"));
} catch (e) {
  throw new Error(`cannot read ${placesFile}: run node scripts/generate-places.mjs first (${e.message})`);
}
const PLACES = placesDoc.places;
const NATIONS = ["England", "Scotland", "Wales", "Northern Ireland"];
// Fixed quotas near the nations' shares of the UK population (84%, 8%, 5%, 3%).
const QUOTA = { England: 200, Scotland: 20, Wales: 12, "Northern Ireland": 8 };
const placesByNation = Object.fromEntries(NATIONS.map((n) => [n, PLACES.filter((p) => p.region === n)]));
const placeWeights = Object.fromEntries(NATIONS.map((n) =>
  [n, placesByNation[n].map((p) => [p, Math.pow(Math.max(p.population, 1000), 0.75)])]));
const R = Math.PI / 180;
const km = (a, b) => 6371 * Math.hypot((b.lon - a.lon) * R * Math.cos(((a.lat + b.lat) / 2) * R), (b.lat - a.lat) * R);
const location = (p) => ({ place: p.name, lat: p.lat, lon: p.lon });
const ascii = (s) => /^[\x20-\x7e]+$/.test(s);

// ---------------------------------------------------------------- helpers
function listWords(items) {
  if (items.length === 1) return items[0];
  return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
}
function orWords(items) {
  if (items.length === 1) return items[0];
  return items.slice(0, -1).join(", ") + " or " + items[items.length - 1];
}
const capital = (s) => s[0].toUpperCase() + s.slice(1);
const aOrAn = (w) => (/^[aeiou]/i.test(w) ? "an " : "a ") + w;
const ordered = (ids, vocabulary) => vocabulary.filter((v) => ids.includes(v));

// ---------------------------------------------------------------- contact and freshness (own generator)
const contactRand = mulberry32(SEED ^ 0x0c0ffee);
const contactChance = (p) => contactRand() < p;
const contactInt = (lo, hi) => lo + Math.floor(contactRand() * (hi - lo + 1));
// The day the sample stands for: "updated" dates fall in the 18 months before it, most of them in
// the last six (an entry older than six months gets a caveat on the results page).
const SAMPLE_DAY = Date.UTC(2026, 10, 20);
const usedPhones = new Set();
const usedMailboxes = new Set();

function dramaPhone() {
  for (;;) {
    const mobile = contactChance(0.45);
    const n = String(contactInt(0, 999)).padStart(3, "0");
    const phone = mobile ? `07700 900${n}` : `0113 496 0${n}`;
    if (!usedPhones.has(phone)) {
      usedPhones.add(phone);
      return phone;
    }
  }
}

// "Siobhan O'Hare" -> "siobhan.ohare"; a repeat gets a number.
function mailbox(name) {
  const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z ]/g, "").trim().replace(/\s+/g, ".");
  let box = base;
  for (let n = 2; usedMailboxes.has(box); n++) box = `${base}${n}`;
  usedMailboxes.add(box);
  return box;
}

function contactFor(name) {
  const box = mailbox(name);
  const contact = {};
  const email = contactChance(0.85);
  const phone = contactChance(0.6);
  const website = contactChance(0.45);
  if (email || (!phone && !website)) contact.email = `${box}@example.org`;
  if (phone) contact.phone = dramaPhone();
  if (website) contact.website = `https://${box.replace(/\./g, "-")}.example.org`;
  return contact;
}

function freshness(accepting) {
  const daysAgo = contactChance(0.85) ? contactInt(0, 175) : contactInt(190, 540);
  const updated = new Date(SAMPLE_DAY - daysAgo * DAY).toISOString().slice(0, 10);
  // Optional in the format: about one in ten entries says nothing about waiting.
  const waiting = contactChance(0.1) ? undefined : accepting ? weightedBy(contactRand, [["none", 45], ["weeks", 40], ["months", 15]]) : "months";
  return { updated, waiting };
}

function weightedBy(next, entries) {
  let total = 0;
  for (const [, w] of entries) total += w;
  let r = next() * total;
  for (const [v, w] of entries) if ((r -= w) < 0) return v;
  return entries[entries.length - 1][0];
}

const usedNames = new Set();
const usedNumbers = new Set();
const DAY = 86400000;
const CHECK_FROM = Date.UTC(2026, 0, 1);
const CHECK_DAYS = (Date.UTC(2026, 10, 1) - CHECK_FROM) / DAY; // inclusive range 0..CHECK_DAYS

function registration(body) {
  let number;
  do number = `FICTIONAL-${body}-${String(int(0, 99999)).padStart(5, "0")}`;
  while (usedNumbers.has(number));
  usedNumbers.add(number);
  const checked = new Date(CHECK_FROM + int(0, CHECK_DAYS) * DAY).toISOString().slice(0, 10);
  return { body, level: weighted(LEVELS[body]), number, checked };
}

function chooseGroup(nation) {
  const local = NATION_GROUP_WEIGHT[nation];
  return weighted(Object.entries(GROUPS).map(([id, g]) => [id, local[id] ?? g.weight]));
}

function personName(groupId, gender) {
  const g = GROUPS[groupId];
  for (let tries = 0; tries < 100; tries++) {
    let first;
    if (gender === "female") first = pick(g.female);
    else if (gender === "male") first = pick(g.male);
    else if (gender === "non-binary") first = pick(chance(0.7) ? g.neutral : GROUPS.british.neutral);
    else first = pick(chance(0.5) ? g.female : g.male);
    // Some people of every background have a surname from another list (marriage, heritage).
    const surname = chance(0.12) ? pick(GROUPS.british.surnames) : pick(g.surnames);
    const name = `${first} ${surname}`;
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
  throw new Error("ran out of names");
}

// ---------------------------------------------------------------- one therapist
function makeTherapist(index, nation, flags) {
  const profile = weighted(PROFILES.map((p) => [p, p.weight]));
  const gender = weighted([["female", 64], ["male", 25], ["non-binary", 6], ["undisclosed", 5]]);
  // Welsh speakers in Wales come from a fixed quota (see main) and mostly carry Welsh names.
  const groupId = flags.welsh ? (chance(0.8) ? "welsh" : "british") : chooseGroup(nation);
  const name = personName(groupId, gender);
  const pronouns = { female: "she/her", male: "he/him", "non-binary": "they/them" }[gender];

  // registrations
  const bodies = weighted(profile.bodies);
  const registrations = bodies.map(registration);

  // approaches: a core one, then up to three more from the profile (BABCP: CBT family only; COSRT: psychosexual first)
  // HCPC registers arts therapists but not play therapists; BABCP members lead with a CBT-family approach.
  let core = profile.core;
  if (profile.id === "child" && bodies.length === 1 && bodies[0] === "HCPC") core = ["art-therapy", "drama-therapy", "music-therapy"];
  if (bodies.includes("BABCP")) core = core.filter((a) => CBT_FAMILY.includes(a)).length ? core.filter((a) => CBT_FAMILY.includes(a)) : ["cbt"];
  const approaches = [pick(core)];
  if (bodies.includes("COSRT") && !approaches.includes("psychosexual")) approaches.unshift("psychosexual");
  const wanted = weighted([[1, 20], [2, 40], [3, 28], [4, 12]]);
  let pool = shuffle([...new Set([...core, ...profile.extra])]);
  if (bodies.length === 1 && bodies[0] === "HCPC") pool = pool.filter((a) => a !== "play-therapy");
  if (bodies.includes("BABCP")) pool = pool.filter((a) => CBT_FAMILY.includes(a));
  for (const a of pool) {
    if (approaches.length >= wanted) break;
    if (!approaches.includes(a)) approaches.push(a);
  }

  // clients and ages
  const couplesWork = approaches.some((a) => ["couples-therapy", "eft", "psychosexual", "behavioural-couples-therapy"].includes(a));
  const familyWork = approaches.some((a) => ["systemic-family", "abft", "family-therapy-eating-disorders", "ddp"].includes(a));
  let clients;
  let ages;
  if (profile.clients === "children") {
    clients = familyWork || chance(0.35) ? ["individuals", "families"] : ["individuals"];
    // Play therapy is for younger children; attachment-based family therapy for adolescents.
    const young = approaches.includes("play-therapy") || (!approaches.includes("abft") && chance(0.7));
    ages = young ? { min: int(4, 5), max: 17 } : { min: int(11, 12), max: approaches.includes("abft") ? 18 : weighted([[17, 1], [18, 2], [25, 1]]) };
  } else {
    clients = ["individuals"];
    if (profile.clients === "couples" || couplesWork) clients = chance(0.25) ? ["couples"] : ["individuals", "couples"];
    if (familyWork) clients = [...new Set([...clients, "families"])];
    // Some generalist counsellors and psychotherapists also see couples.
    if (["counsellor", "psychodynamic"].includes(profile.id) && chance(0.1)) clients = [...new Set([...clients, "couples"])];
    ages = chance(0.18) ? { min: 16, max: 120 } : { min: 18, max: 120 };
  }
  clients = ordered(clients, ["individuals", "couples", "families"]);

  // concerns: 3-8, first the ones the approaches imply, then weighted by profile and approaches
  const nConcerns = int(3, 8);
  const concerns = new Set();
  for (const a of approaches) if (APPROACH_MUST[a]) concerns.add(APPROACH_MUST[a]);
  if (approaches.some((a) => ["erp", "cbt"].includes(a)) && profile.id === "cbt") concerns.add("anxiety");
  if (profile.identity === "lgbtq-affirming") concerns.add("identity-sexuality");
  const concernWeight = new Map();
  for (const c of profile.concerns) concernWeight.set(c, (concernWeight.get(c) || 0) + 3);
  for (const a of approaches) for (const c of APPROACH_CONCERNS[a]) concernWeight.set(c, (concernWeight.get(c) || 0) + 2);
  while (concerns.size < nConcerns) {
    const left = [...concernWeight].filter(([c]) => !concerns.has(c));
    if (!left.length) break;
    concerns.add(weighted(left));
  }
  const concernList = ordered([...concerns], CONCERNS);

  // formats: ~15% online only; play therapy always in the room
  // ~15% online only (a fixed quota, see main); children's and arts therapists work in the room.
  const roomOnly = profile.clients === "children" || approaches.some((a) => ["play-therapy", "art-therapy", "music-therapy", "drama-therapy"].includes(a));
  const onlineOnly = !roomOnly && flags.onlineOnly;
  let formats;
  if (onlineOnly) {
    formats = ["video"];
    if (chance(0.55)) formats.push("phone");
    if (chance(0.2)) formats.push("text");
    if (chance(0.05)) formats = chance(0.5) ? ["phone"] : ["text", "phone"];
  } else {
    formats = ["in-person"];
    if (profile.clients === "children" ? chance(0.5) : chance(0.9)) formats.push("video");
    if (chance(0.35)) formats.push("phone");
    if (chance(0.05)) formats.push("text");
  }
  formats = ordered(formats, ["in-person", "video", "phone", "text"]);

  // locations: a home place in the nation; sometimes a second room nearby
  const home = weighted(placeWeights[nation]);
  const locations = [location(home)];
  if (!onlineOnly && chance(0.25)) {
    const near = placeWeights[nation].filter(([p]) => p !== home && km(p, home) <= 40 && p.name !== home.name);
    if (near.length) locations.push(location(weighted(near)));
  }

  // languages
  const languages = ["en"];
  const group = GROUPS[groupId];
  if (flags.welsh) {
    languages.push("cy");
  } else if (groupId === "welsh") {
    // Welsh-named but not on the Welsh-speaking quota: English only.
  } else if (group.langs.length) {
    const speaks = 0.75;
    if (chance(speaks)) languages.push(pick(group.langs));
  } else if (nation === "Wales" && chance(0.15)) {
    languages.push("cy");
  } else if (chance(0.06)) {
    languages.push(weighted(LEARNT_LANGUAGES));
  }

  // fees
  const psychologist = bodies.includes("BPS") || profile.id === "psychologist";
  const london = home.county === "Greater London";
  let feeMin;
  if (chance(0.05)) feeMin = pick([30, 30, 35, 35]);
  else {
    feeMin = 40 + 5 * int(0, 10) + (psychologist ? 20 : 0) + (london ? 10 : 0) + (clients.includes("couples") ? 5 : 0);
    feeMin = Math.min(110, feeMin);
  }
  const feeMax = Math.min(feeMin + 5 * int(0, 6), feeMin + 30);
  const fees = { min: feeMin, max: feeMax, concessions: flags.concessions, low_cost_places: flags.lowCost };

  // availability
  let availability = [];
  if (chance(0.8)) availability.push("weekday-daytime");
  if (chance(0.55)) availability.push("weekday-evening");
  if (chance(0.22)) availability.push("weekend");
  if (!availability.length) availability.push(pick(["weekday-daytime", "weekday-evening", "weekend"]));
  availability = ordered(availability, ["weekday-daytime", "weekday-evening", "weekend"]);

  // identity
  const identity = new Set();
  if (profile.identity) identity.add(profile.identity);
  if (chance(0.3)) identity.add("lgbtq-affirming");
  if (chance(concernList.includes("adhd") || concernList.includes("autism") ? 0.6 : 0.15)) identity.add("neurodiversity-affirming");
  if (chance(groupId === "british" || groupId === "scottish" || groupId === "welsh" ? 0.1 : 0.45)) identity.add("culturally-responsive");
  if (chance(0.1)) identity.add("faith-sensitive");
  if (chance(concernList.includes("chronic-illness") ? 0.5 : 0.1)) identity.add("disability-aware");
  const identityList = ordered([...identity], ["lgbtq-affirming", "neurodiversity-affirming", "faith-sensitive",
    "culturally-responsive", "disability-aware"]).slice(0, 3);

  const accepting = flags.accepting;
  const fresh = freshness(accepting);

  const therapist = {
    id: `t-${String(index + 1).padStart(6, "0")}`,
    name,
    ...(pronouns ? { pronouns } : {}),
    gender,
    registrations,
    approaches,
    concerns: concernList,
    clients,
    ages,
    formats,
    locations,
    languages,
    fees,
    availability,
    identity: identityList,
    accepting_new: accepting,
    ...(fresh.waiting ? { waiting: fresh.waiting } : {}),
    contact: contactFor(name),
    updated: fresh.updated,
    bio: "",
  };
  therapist.bio = bio(therapist, profile, home, onlineOnly);
  return therapist;
}

// ---------------------------------------------------------------- bios (first person, several structures, ASCII)
function clientWords(t) {
  const parts = [];
  const alone = t.clients.length === 1;
  if (t.clients.includes("individuals")) {
    if (t.ages.max <= 18 && t.ages.min <= 5) parts.push(...(alone ? ["children and young people"] : ["children", "young people"]));
    else if (t.ages.max <= 25) parts.push(`young people aged ${t.ages.min} to ${t.ages.max}`);
    else if (t.ages.min === 16) parts.push(alone ? "adults and young people aged 16 and over" : "individuals aged 16 and over");
    else parts.push("adults");
  }
  if (t.clients.includes("couples")) parts.push("couples");
  if (t.clients.includes("families")) parts.push("families");
  return listWords(parts);
}

const ROLE_BY_APPROACH = { "play-therapy": "play therapist", "art-therapy": "art psychotherapist", "music-therapy": "music therapist",
  "drama-therapy": "dramatherapist", psychosexual: "psychosexual and relationship therapist", hypnotherapy: "hypnotherapist and counsellor" };
function roleFor(t, profile) {
  if (ROLE_BY_APPROACH[t.approaches[0]]) return ROLE_BY_APPROACH[t.approaches[0]];
  const bodies = t.registrations.map((r) => r.body);
  if (bodies.includes("BABCP")) return pick(["CBT therapist", "cognitive behavioural psychotherapist"]);
  const roles = profile.role.filter((r) => bodies.includes("HCPC") || !/psychologist/.test(r));
  return pick(roles.length ? roles : ["counsellor", "psychotherapist"]);
}

function bio(t, profile, home, onlineOnly) {
  const role = roleFor(t, profile);
  const who = clientWords(t);
  const cs = sample(t.concerns, Math.min(3, t.concerns.length)).map((c) => CONCERN_WORDS[c]);
  const as = t.approaches.map((a) => APPROACH_WORDS[a]);
  const place = ascii(home.name) ? home.name : null;

  const openings = [
    () => `I work with ${who} who are living with ${orWords(cs)}.`,
    () => `Many of the ${who.startsWith("children") ? "families" : "people"} I see come to me because of ${listWords(cs)}.`,
    () => place ? `I am ${aOrAn(role)} ${onlineOnly ? "living in" : "based in"} ${place}, working with ${who}.`
      : `I am ${aOrAn(role)} working with ${who}.`,
    () => `I offer a calm, unhurried space for ${who} dealing with ${listWords(cs)}.`,
    () => `Whether you are facing ${orWords(cs.slice(0, 2))}, I can help you make sense of what is happening and find a way forward.`,
    () => `As ${aOrAn(role)}, I help ${who} with ${listWords(cs)}.`,
  ];
  const methods = [
    () => as.length === 1 ? `My work is grounded in ${as[0]}.` : `My main approach is ${as[0]}, and I also draw on ${listWords(as.slice(1))}.`,
    () => `I use ${listWords(as)}, adapting what we do to what suits you.`,
    () => `Sessions draw on ${listWords(as)}, at a pace that feels manageable.`,
    () => as.length === 1 ? `I trained in ${as[0]} and use it with warmth and curiosity.`
      : `I trained in ${as[0]} and bring in ${listWords(as.slice(1))} where it helps.`,
    () => `Together we might use ${listWords(as)} to understand patterns and try new ways of coping.`,
  ];
  const reg = t.registrations[0];
  const closings = [
    () => t.accepting_new ? "I offer a free 15-minute introductory call." : "My practice is full at the moment, but you are welcome to join my waiting list.",
    () => t.languages.length > 1 ? `I work in English and ${LANGUAGE_WORDS[t.languages[1]]}.` : null,
    () => t.fees.concessions || t.fees.low_cost_places ? "I keep some lower-cost places for people on low incomes." : null,
    () => `I have a particular interest in ${CONCERN_WORDS[t.concerns[t.concerns.length - 1]]}.`,
    () => `I am ${REGISTRATION_WORDS[reg.level] ? REGISTRATION_WORDS[reg.level] : aOrAn(reg.level) + " member of"} ${BODY_WORDS[reg.body]}.`,
    () => onlineOnly ? "I work entirely online, so you can see me from anywhere in the UK." :
      t.formats.includes("video") ? "You can see me in person or by video." : "I see people face to face.",
  ];

  const sentences = [pick(openings)(), pick(methods)()];
  if (chance(0.75)) {
    for (const c of shuffle(closings)) {
      const s = c();
      if (s) {
        sentences.push(s);
        break;
      }
    }
  }
  // Occasionally lead with the method, for variety.
  if (chance(0.2)) [sentences[0], sentences[1]] = [sentences[1], sentences[0]];
  const text = sentences.join(" ");
  if (!/^[\x20-\x7e]+$/.test(text)) throw new Error(`non-ASCII bio for ${t.id}: ${text}`);
  return text;
}
const LANGUAGE_WORDS = { pl: "Polish", ur: "Urdu", pa: "Punjabi", bn: "Bengali", gu: "Gujarati", ar: "Arabic", cy: "Welsh",
  so: "Somali", ro: "Romanian", es: "Spanish", fr: "French", pt: "Portuguese", tr: "Turkish", zh: "Chinese",
  ta: "Tamil", it: "Italian" };

// ---------------------------------------------------------------- main
const nations = shuffle(NATIONS.flatMap((n) => Array(QUOTA[n]).fill(n)));
if (nations.length !== COUNT) throw new Error("quotas must add up to COUNT");
// Fixed quotas keep the headline proportions steady whatever else changes: a shuffled list of
// flags with exactly round(COUNT * share) true. Online only: 16% are offered it; the few who work
// in the room decline, leaving about 15%. Welsh: a third of the therapists in Wales speak it.
const quota = (n, share) => shuffle(Array.from({ length: n }, (_, i) => i < Math.round(n * share)));
const onlineOnly = quota(COUNT, 0.16);
const concessions = quota(COUNT, 0.4);
const lowCost = quota(COUNT, 0.15);
const accepting = quota(COUNT, 0.85);
const welsh = quota(QUOTA.Wales, 1 / 3);
let walesSeen = 0;
const therapists = nations.map((nation, i) => makeTherapist(i, nation, {
  onlineOnly: onlineOnly[i], concessions: concessions[i], lowCost: lowCost[i], accepting: accepting[i],
  welsh: nation === "Wales" ? welsh[walesSeen++] : false,
}));

const doc = {
  fictional: true,
  notice: "Every therapist in this file is invented for demonstration. Names, registration numbers and details are fictional.",
  therapists,
};
const out = JSON.stringify(doc, null, 2) + "\n";
writeFileSync(path.join(root, "data", "therapists.sample.json"), out);

const perNation = Object.fromEntries(NATIONS.map((n) => [n, nations.filter((x) => x === n).length]));
console.log(`data/therapists.sample.json: ${therapists.length} therapists ${JSON.stringify(perNation)}, ${Buffer.byteLength(out)} bytes`);
