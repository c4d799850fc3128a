// Place-name suggestions for a town box, from the bundled places list through the core's
// places() look-up (DESIGN §3 places-gb.json), so no address ever goes to a geocoding service.
//
//   const lookup = createPlacesLookup(tft);
//   lookup.suggest("leed", 8) -> [{ name, county, region, lat, lon, label }]
//   lookup.exact("Leeds")     -> the first (most populous) place with that name or label, or null

const norm = (s) => String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

export function placeLabel(p) {
  return [p.name, p.county && p.county !== p.name ? p.county : "", p.region].filter(Boolean).join(", ");
}

export function createPlacesLookup(tft) {
  const suggest = (prefix, limit = 8) => {
    if (!norm(prefix)) return [];
    return tft.places(String(prefix).trim(), { limit }).map((p) => ({ ...p, label: placeLabel(p) }));
  };
  const exact = (text) => {
    const q = norm(text);
    if (!q) return null;
    // "Newport, Isle of Wight, England" picks that Newport; a bare "Newport" the most populous.
    const name = q.split(",")[0];
    return suggest(name, 50).find((p) => norm(p.name) === q || norm(p.label) === q) ?? null;
  };
  return { suggest, exact };
}
