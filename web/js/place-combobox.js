// @ts-check
// The place box: a text input with suggestions from the bundled places list as you type, built
// on the ARIA 1.2 combobox pattern (input role=combobox + listbox, aria-activedescendant), so it
// works with a keyboard (Down/Up to move, Enter to choose, Escape to close) and a screen reader.
// Look-ups run in the worker; a reply to an older keystroke is ignored. "Use my location" asks
// the browser for coordinates, which stay in memory and are never sent.
import { el } from "./dom.js";

/**
 * options.id        the input's id (labels and the error summary point at it)
 * options.value     the current value {label, lat, lon, current?} or undefined
 * options.lookup    (prefix) => Promise<{value: places[]}>
 * options.describedBy  ids for aria-describedby
 * Returns {element, read()} where read() resolves to a value, {error}, or undefined when empty.
 */
// Whether this page may ask for the visitor's location at all. Inside a partner's frame it may
// not (the partner would have to delegate it, and the browser would then ask on the partner's
// behalf), so the button is not offered there.
function mayLocate() {
  // Not yet in TypeScript's DOM types: Chromium has both (featurePolicy is the older name).
  const doc = /** @type {any} */ (document);
  const policy = doc.permissionsPolicy ?? doc.featurePolicy;
  return !policy || policy.allowsFeature("geolocation");
}

export function placeCombobox({ id, value, lookup, resolve, describedBy, invalid }) {
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  // `value` is a place {label, lat, lon} or, after an error, the text the visitor typed.
  let chosen = value && typeof value === "object" ? value : null; // picked from the list or located
  let options = [];
  let active = -1;
  let seq = 0;

  const input = el("input", {
    id,
    class: "input input--place",
    type: "text",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    "aria-describedby": describedBy,
    "aria-invalid": invalid ? "true" : null,
    autocomplete: "off",
    autocapitalize: "words",
    spellcheck: "false",
    value: typeof value === "string" ? value : chosen && !chosen.current ? chosen.label : "",
  });
  const list = el("ul", { id: listId, class: "place-list", role: "listbox", "aria-label": "Suggested places", hidden: true });
  const status = el("p", { id: statusId, class: "visually-hidden", role: "status", "aria-live": "polite" });
  const located = el("p", { class: "place-located", hidden: !chosen?.current }, "Using your current location. It stays on this device.");

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  function choose(place) {
    chosen = { label: place.label, lat: place.lat, lon: place.lon };
    input.value = place.label;
    located.hidden = true;
    close();
    status.textContent = `${place.label} chosen`;
  }

  function show(places) {
    options = places;
    // The text these suggestions answer (look-ups are asynchronous and one is made per keystroke),
    // so a test can wait for the list that fits what is in the box.
    list.dataset.query = input.value;
    list.replaceChildren(
      ...places.map((p, i) =>
        el(
          "li",
          {
            id: `${id}-option-${i}`,
            role: "option",
            class: "place-list__option",
            "aria-selected": "false",
            // mousedown, not click: it runs before the input's blur closes the list.
            onmousedown: (event) => {
              event.preventDefault();
              choose(p);
            },
          },
          p.name,
          p.county && p.county !== p.name ? el("span", { class: "place-list__county" }, `, ${p.county}`) : null,
        ),
      ),
    );
    const open = places.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    status.textContent = open
      ? `${places.length} ${places.length === 1 ? "suggestion" : "suggestions"}. Use the up and down arrows to choose.`
      : input.value.trim()
        ? "No places start with that"
        : "";
  }

  input.addEventListener("input", async () => {
    chosen = null;
    located.hidden = true;
    const mine = ++seq;
    const text = input.value;
    if (!text.trim()) return show([]);
    const { value: found = [] } = await lookup(text);
    if (mine === seq) show(found);
  });
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && options.length > 0;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault(); // choose; do not submit the form yet
      choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 0));

  const locate = el(
    "button",
    {
      type: "button",
      class: "button button--secondary button--small",
      onclick: () => {
        if (!navigator.geolocation) {
          status.textContent = "Your browser cannot share your location. Type a town or city instead.";
          return;
        }
        status.textContent = "Finding your location…";
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            chosen = { label: "Your current location", lat: pos.coords.latitude, lon: pos.coords.longitude, current: true };
            input.value = "";
            located.hidden = false;
            status.textContent = "Using your current location.";
          },
          () => {
            status.textContent = "We could not get your location. Type a town or city instead.";
          },
          { maximumAge: 600000, timeout: 15000 },
        );
      },
    },
    "Use my location",
  );

  const element = el(
    "div",
    { class: "place-box" },
    el("div", { class: "place-box__field" }, input, list),
    status,
    mayLocate() ? el("p", { class: "place-box__or" }, "Or ", locate) : null,
    located,
  );

  async function read() {
    if (chosen && (chosen.current || chosen.label === input.value)) return chosen;
    const text = input.value.trim();
    if (!text) return undefined;
    const { value: found, error } = await resolve(text);
    if (error) return { error: "We could not look that place up. Please try again." };
    if (found.place) return { label: found.place.label, lat: found.place.lat, lon: found.place.lon };
    const hint = found.suggestions.length ? ` Did you mean ${found.suggestions.slice(0, 3).join(", ")}?` : "";
    return { error: `We could not find ‘${text}’ in our list of UK towns and cities.${hint}` };
  }

  return { element, input, read };
}
