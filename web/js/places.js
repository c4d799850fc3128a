// The place box's look-ups over the bundled list (data/places-gb.json), run inside the worker.
// The core's own prefix look-up (tft.places, from the matching issue) is preferred when it is
// built; this module is the fallback and also resolves what the visitor typed to coordinates, so
// the answers carry {lat, lon} and never depend on how a name is spelled.
//
// Names compare in a normal form: lower case, accents and apostrophes dropped, other punctuation
// as spaces, "St"/"St." as "saint". Several places share a name (three Newports): the label of
// such a place adds its county ("Newport, Isle of Wight"), and a bare name means the most populous.
// Cost: index O(n log n) once (1,636 places), each look-up O(n) with n small; well under 1 ms.

export function normalisePlace(text) {
  return String(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’‘]/g, "")
    .replace(/[^a-z0-9,]+/g, " ")
    .replace(/\bst\b/g, "saint")
    .replace(/\s+/g, " ")
    .replace(/\s*,\s*/g, ", ")
    .trim();
}

/** places: [{name, region, county, lat, lon, population}] → an index for the two look-ups. */
export function indexPlaces(places) {
  const counts = new Map();
  for (const p of places) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const entries = places
    .map((p) => ({
      name: p.name,
      county: p.county ?? "",
      region: p.region ?? "",
      lat: p.lat,
      lon: p.lon,
      population: p.population ?? 0,
      label: counts.get(p.name) > 1 && p.county ? `${p.name}, ${p.county}` : p.name,
      key: normalisePlace(p.name),
    }))
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  return entries;
}

const publicPlace = ({ name, county, region, lat, lon, label }) => ({ name, county, region, lat, lon, label });

/** Up to `limit` places whose name starts with `prefix`, most populous first. */
export function placesWithPrefix(index, prefix, limit = 8) {
  const key = normalisePlace(prefix);
  if (!key) return [];
  const out = [];
  for (const p of index) {
    if (p.key.startsWith(key)) out.push(publicPlace(p));
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The place `text` names: a label from the suggestions, a bare name (the most populous of that
 * name) or "Name, County|Region". Returns {place} or {place: null, suggestions: [labels]}.
 */
export function resolvePlace(index, text) {
  const key = normalisePlace(text);
  if (!key) return { place: null, suggestions: [] };
  const [name, qualifier] = key.split(", ");
  const found = index.find(
    (p) => p.key === name && (!qualifier || normalisePlace(p.county) === qualifier || normalisePlace(p.region) === qualifier),
  );
  if (found) return { place: publicPlace(found) };
  const suggestions = placesWithPrefix(index, name.slice(0, 3), 5).map((p) => p.label);
  return { place: null, suggestions };
}
