// Colour arithmetic for the styling tests: WCAG 2 relative luminance and contrast ratio, worked out
// here from the computed CSS colours the browser reports (never from the stylesheet's own text).
import assert from "node:assert/strict";

/** "rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)" → {r, g, b, a}; "transparent" → alpha 0. */
export function parseColour(text) {
  if (text === "transparent") return { r: 0, g: 0, b: 0, a: 0 };
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text.trim());
  assert.ok(m, `cannot read the colour ${JSON.stringify(text)}`);
  const alpha = m[4] === undefined ? 1 : m[4].endsWith("%") ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

function channel(v) {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance({ r, g, b }) {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A colour drawn at its alpha over an opaque background. */
export function over(top, under) {
  const a = top.a;
  return { r: top.r * a + under.r * (1 - a), g: top.g * a + under.g * (1 - a), b: top.b * a + under.b * (1 - a), a: 1 };
}

/**
 * Splits a computed box-shadow ("rgb(0, 0, 0) 0px 4px 0px 0px, rgb(…) 0px -2px 0px 0px inset")
 * into {colour, x, y, blur, spread, inset}.
 */
export function parseShadows(text) {
  if (!text || text === "none") return [];
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => {
    const colour = /rgba?\([^)]*\)/.exec(p)?.[0] ?? "rgb(0, 0, 0)";
    const lengths = p.replace(colour, "").match(/-?[\d.]+px/g)?.map((n) => Number.parseFloat(n)) ?? [];
    const [x = 0, y = 0, blur = 0, spread = 0] = lengths;
    return { colour: parseColour(colour), x, y, blur, spread, inset: /\binset\b/.test(p) };
  });
}
