// The embed's options (docs/embedding.md), read from its address and each checked against a
// closed list. A value that fails is dropped with a warning, never an error page: the visitor on
// the partner's site still gets a working matcher with the site's defaults.
//
//   parseEmbedOptions("?accent=teal&theme=dark") -> { options: {accent, theme, ...}, warnings: [] }
//
// Ids that need the loaded data (approach, concerns, directory) are checked here for their shape
// and later against the data itself (find-page.js and tft.js), with the same kind of warning.

// Named accents, each with a shade for the light and the dark theme. Every shade keeps 4.5:1
// against that theme's surfaces (checked by tests/node/embed_options.test.mjs and axe).
export const ACCENTS = {
  teal: { light: "#0b6e5d", dark: "#5cc8b4" },
  blue: { light: "#1d5fa8", dark: "#8ab8f0" },
  purple: { light: "#6a3d9a", dark: "#c6a6ec" },
  green: { light: "#2e6b1f", dark: "#8fcf7a" },
  red: { light: "#a3262a", dark: "#f2a19f" },
  navy: { light: "#1f3a68", dark: "#a9bfe6" },
};

// The backgrounds an accent is read against, and the ink on an accent button, per theme.
export const THEMES = {
  light: { surfaces: ["#ffffff", "#f5f7f6", "#dff0ec"], buttonInk: "#ffffff" },
  dark: { surfaces: ["#111a1c", "#1b2528", "#24373a"], buttonInk: "#0b1113" },
};

export const MIN_CONTRAST = 4.5;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_CONCERNS = 5;
// A display name: letters of any language, digits, spaces and the punctuation names use.
const PARTNER = /^[\p{L}\p{M}\p{N} &'’().,\-/]+$/u;

function luminance(hex) {
  const channel = (i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The accent colour to use for `value` in `theme`, or {error} saying why not. */
export function checkAccent(value, theme) {
  const named = ACCENTS[value];
  if (named) return { colour: named[theme] };
  if (!/^#[0-9a-f]{6}$/i.test(value)) return { error: `use one of ${Object.keys(ACCENTS).join(", ")} or a colour written #rrggbb` };
  const colour = value.toLowerCase();
  const { surfaces, buttonInk } = THEMES[theme];
  const worst = Math.min(...[...surfaces, buttonInk].map((s) => contrast(colour, s)));
  if (worst < MIN_CONTRAST)
    return { error: `${colour} is too faint to read on the ${theme} theme (contrast ${worst.toFixed(2)}:1, at least ${MIN_CONTRAST}:1 is needed)` };
  return { colour };
}

/**
 * Reads the options from a query string (or URLSearchParams).
 * Returns { options: {theme, accent?, partner?, approach?, concerns?, directory?}, warnings: [text] }.
 */
export function parseEmbedOptions(search) {
  const params = search instanceof URLSearchParams ? search : new URLSearchParams(search);
  const options = { theme: "light" };
  const warnings = [];
  const ignore = (name, value, why) => warnings.push(`ignored ${name}=${JSON.stringify(String(value).slice(0, 80))}: ${why}`);
  const seen = new Set();
  for (const [name, value] of params) {
    if (seen.has(name)) {
      ignore(name, value, "given more than once; the first is used");
      continue;
    }
    seen.add(name);
    if (name === "theme") {
      if (value === "light" || value === "dark") options.theme = value;
      else ignore(name, value, "use light or dark");
    } else if (name === "partner") {
      const text = value.trim().replace(/ +/g, " ");
      if (text.length >= 1 && text.length <= 60 && PARTNER.test(text)) options.partner = text;
      else ignore(name, value, "a name of 1 to 60 letters, digits, spaces and & ' ( ) . , - /");
    } else if (name === "approach") {
      if (SLUG.test(value) && value.length <= 64) options.approach = value;
      else ignore(name, value, "not an approach's id, such as cbt");
    } else if (name === "concerns") {
      const ids = value.split(",").map((s) => s.trim()).filter(Boolean);
      const good = ids.filter((id) => SLUG.test(id) && id.length <= 64);
      if (ids.length > MAX_CONCERNS) ignore(name, value, `at most ${MAX_CONCERNS} concerns`);
      else if (!ids.length || good.length !== ids.length) ignore(name, value, "concern ids separated by commas, such as anxiety,depression");
      else options.concerns = [...new Set(good)];
    } else if (name === "directory") {
      if (SLUG.test(value) && value.length <= 40) options.directory = value;
      else ignore(name, value, "not the name of a published directory");
    } else if (name !== "accent") {
      ignore(name, value, "not an option of the embed");
    }
  }
  // The accent last: whether a colour is readable depends on the theme.
  if (params.has("accent")) {
    const checked = checkAccent(params.get("accent"), options.theme);
    if (checked.error) ignore("accent", params.get("accent"), checked.error);
    else options.accent = checked.colour;
  }
  return { options, warnings };
}
