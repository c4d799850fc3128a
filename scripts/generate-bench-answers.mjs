// generate-bench-answers.mjs — writes COUNT varied questionnaire answer sets for ./scripts/bench.
//
//     node scripts/generate-bench-answers.mjs COUNT OUTDIR
//
// The vocabulary is the real one: who, formats, languages, availability, identity, age bands and the
// distance range from data/questionnaire.json, concern ids from data/concerns.json, and the
// approaches and places the directory uses (data/therapists.sample.json, which every benchmark
// directory copies). Places are those whose name is unique in data/places-gb.json, so any reader
// resolves a name to the same point. The mix covers who the therapy is for (adults, children by age
// or band, couples, families), in-person with a distance, in-person or remote, remote only (with or
// without a place), budgets, low cost, languages, gender, availability, identity, approaches asked
// for, and must-haves over each of them. Every set is a valid complete answer (answers.h rules);
// the bench stops on any the core rejects. Deterministic (mulberry32, fixed seed): the same inputs
// give the same files. Writes OUTDIR/answers-NN.json and prints their paths, one a line.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { mulberry32 } from "./seeded-random.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [count, outDir] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || count > 999 || !outDir) {
  console.error("usage: node scripts/generate-bench-answers.mjs COUNT OUTDIR");
  process.exit(2);
}
const readJson = (file) => JSON.parse(readFileSync(path.join(root, "data", file), "utf8"));
const questions = Object.fromEntries(readJson("questionnaire.json").questions.map((q) => [q.id, q]));
const optionIds = (id) => questions[id].options.map((o) => o.id);
const concerns = readJson("concerns.json").concerns.map((c) => c.id);
const sample = readJson("therapists.sample.json").therapists;
const nameCount = new Map();
for (const p of readJson("places-gb.json").places) nameCount.set(p.name.toLowerCase(), (nameCount.get(p.name.toLowerCase()) ?? 0) + 1);
const places = [...new Set(sample.flatMap((t) => t.locations.map((l) => l.place)))].filter((n) => nameCount.get(n.toLowerCase()) === 1).sort();
const approaches = [...new Set(sample.flatMap((t) => t.approaches))].sort();
const bands = questions.age.bands.options;
const maxDistance = questions.max_distance_km.max;

const rand = mulberry32(0xbe4c2026);
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
const some = (list, most) => {
  const pool = [...list];
  const out = [];
  for (let n = 1 + Math.floor(rand() * most); n > 0 && pool.length; n--) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
};

// How the visitor can meet, in turn so every kind appears about equally often.
const formatKinds = [
  () => ["in-person"],
  () => ["in-person", "video"],
  () => ["video"],
  () => some(["video", "phone", "text"], 3),
  () => optionIds("format"),
];

function answerSet(i) {
  const a = {};
  a.who = pick(["myself", "myself", "myself", "child", "couple", "family"]);
  if (a.who === "myself") a.age = 16 + Math.floor(rand() * 70);
  if (a.who === "child") a.age = chance(0.5) ? 3 + Math.floor(rand() * 15) : (({ min, max }) => ({ min, max }))(pick(bands));
  if (!chance(0.15)) a.concerns = some(concerns, 3);
  a.format = formatKinds[i % formatKinds.length]();
  const inPerson = a.format.includes("in-person");
  if (inPerson || chance(0.4)) {
    const place = pick(places);
    a.location = chance(0.8) ? { place } : { lat: round4(placePoint(place).lat + (rand() - 0.5) * 0.1), lon: round4(placePoint(place).lon + (rand() - 0.5) * 0.1) };
    if (inPerson && chance(0.8)) a.max_distance_km = pick([3, 5, 10, 15, 20, 30, 50, 100, maxDistance]);
  }
  const must = [];
  const maybeMust = (field, p) => {
    if (chance(p)) must.push(field);
  };
  if (chance(0.5)) {
    a.budget = { max_per_session: 30 + 5 * Math.floor(rand() * 19) };
    maybeMust("budget", 0.4);
  }
  if (chance(0.15)) {
    a.low_cost = true;
    maybeMust("low_cost", 0.5);
  }
  if (chance(0.4)) {
    // Mostly English; otherwise one other language, sometimes with English.
    a.languages = chance(0.6) ? ["en"] : [pick(optionIds("languages").filter((l) => l !== "en")), ...(chance(0.5) ? ["en"] : [])];
    maybeMust("languages", 0.3);
  }
  if (chance(0.4)) {
    a.therapist_gender = pick(["any", "female", "female", "female", "male", "male", "non-binary"].filter((g) => optionIds("therapist_gender").includes(g)));
    if (a.therapist_gender !== "any") maybeMust("therapist_gender", 0.3);
  }
  if (chance(0.4)) {
    a.availability = some(optionIds("availability"), 2);
    maybeMust("availability", 0.3);
  }
  if (chance(0.25)) {
    a.identity = some(optionIds("identity"), 1);
    maybeMust("identity", 0.3);
  }
  if (chance(0.25)) {
    a.approaches = some(approaches, 2);
    maybeMust("approaches", 0.3);
  }
  if (must.length) a.must_have = must;
  a.safety = { risk: pick(["none", "none", "none", "none", "some", "urgent"]) };
  return a;
}

const pointOf = new Map(readJson("places-gb.json").places.map((p) => [p.name.toLowerCase(), p]));
function placePoint(name) {
  return pointOf.get(name.toLowerCase());
}
function round4(v) {
  return Math.round(v * 10000) / 10000;
}

mkdirSync(outDir, { recursive: true });
const files = [];
for (let i = 0; i < count; i++) {
  const file = path.join(outDir, `answers-${String(i + 1).padStart(2, "0")}.json`);
  writeFileSync(file, JSON.stringify(answerSet(i)));
  files.push(file);
}
console.log(files.join("\n"));
