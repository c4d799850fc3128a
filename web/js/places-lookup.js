// Place-name suggestions for a town box, from the bundled places list (data/places-gb.json), so
// no address ever goes to a geocoding service. Uses the core's places() when tft.js has it (the
// matcher work adds it); until then reads the public file once and searches it here.
//
//   const lookup = await createPlacesLookup({ tft, dataUrl });
//   lookup.suggest("leed", 8) -> [{ name, county, region, lat, lon, label }]
//   lookup.exact("Leeds")     -> the best place with that name (most populous), or null

const norm = (s) => String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

export async function createPlacesLookup({ tft, dataUrl = "data/" } = {}) {
  let fromCore = null;
  if (tft && typeof tft.places === "function") {
    fromCore = (prefix, limit) => {
      const out = tft.places(prefix, { limit });
      return Array.isArray(out) ? out : out?.places ?? [];
    };
  }
  let places = null;
  if (!fromCore) {
    const response = await fetch(`${dataUrl}places-gb.json`, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`places list: HTTP ${response.status}`);
    places = (await response.json()).places.map((p) => ({ ...p, key: norm(p.name) }));
  }
  const label = (p) => [p.name, p.county && p.county !== p.name ? p.county : "", p.region].filter(Boolean).join(", ");
  const suggest = (prefix, limit = 8) => {
    const q = norm(prefix);
    if (!q) return [];
    const found = fromCore
      ? fromCore(prefix, limit)
      : places
          .filter((p) => p.key.startsWith(q))
          .sort((a, b) => (b.key === q) - (a.key === q) || b.population - a.population)
          .slice(0, limit);
    return found.map((p) => ({ ...p, label: label(p) }));
  };
  const exact = (name) => {
    const q = norm(name);
    if (!q) return null;
    const hits = suggest(name, 20).filter((p) => norm(p.name) === q || norm(p.label) === q);
    return hits[0] ?? null;
  };
  return { suggest, exact };
}
