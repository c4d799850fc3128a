// ESLint for the site's modules (web/js), run by ./scripts/test (layer "lint") beside the type
// check (tsconfig.json). The recommended rules, plus the few this codebase relies on: strict
// equality, no unused code, and no markup sinks (text goes in with textContent, never as HTML).
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    files: ["web/js/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      // Page modules and the two workers share helpers, so both sets of globals apply.
      globals: { ...globals.browser, ...globals.worker },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      ...js.configs.recommended.rules,
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      "prefer-const": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Build nodes and set textContent (see web/js/dom.js)." },
        { property: "outerHTML", message: "Build nodes and set textContent (see web/js/dom.js)." },
        { property: "insertAdjacentHTML", message: "Build nodes and set textContent (see web/js/dom.js)." },
      ],
    },
  },
];
