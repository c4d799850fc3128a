// @ts-check
// Instant glossary search: turns every <form data-glossary-search> into an ARIA combobox whose
// listbox updates as the visitor types (WAI-ARIA APG "combobox with listbox popup").
//
// Without JavaScript the form is a plain GET form to the A–Z page, so nothing is lost. With it:
// - the WASM core is loaded on first focus (not on page load, so readers pay nothing), with no
//   therapist directory, in a Web Worker (glossary-worker.js), so the page never waits on it;
// - ArrowDown/ArrowUp move through the results, Enter opens the active one, Escape closes the
//   list or, when it is closed, clears the box;
// - the number of results is announced through a polite live region;
// - matched words are wrapped in <mark> elements built with createElement and textContent only.
// Nothing typed here leaves the device: search runs in a worker of this page.

import { createWorkerClient } from "./worker-client.js";

const LIMIT = 8;
const siteRoot = new URL("../", import.meta.url);

// One worker per page, started on first use; each call resolves to {value} or {error}.
/** @type {ReturnType<typeof createWorkerClient> | null} */
let searcher = null;
function searchWorker() {
  searcher ??= createWorkerClient(new URL("./glossary-worker.js", import.meta.url), "Search could not start.");
  return searcher;
}

export function entryUrl(slug) {
  return new URL(`glossary/${encodeURIComponent(slug)}.html`, siteRoot).href;
}

/** Appends `text` to `parent`, wrapping each [start, length] range (UTF-16 units) in <mark>. */
export function appendMarked(parent, text, ranges = []) {
  let at = 0;
  for (const [start, length] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || start + length > text.length) continue;
    if (start > at) parent.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, start + length);
    parent.append(mark);
    at = start + length;
  }
  if (at < text.length) parent.append(document.createTextNode(text.slice(at)));
}

function resultsMessage(count, query) {
  if (!query.trim()) return "";
  if (count === 0) return `No approaches match “${query.trim()}”. Try another word, or browse the A to Z list.`;
  return count === 1 ? "1 result" : `${count} results`;
}

function enhance(form, index) {
  const input = form.querySelector("input[type=search]");
  if (!input) return;
  const listId = `${input.id || `glossary-search-${index}`}-results`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "glossary-search__results";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Matching therapy approaches");
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  form.append(list, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let hits = [];
  let active = -1;
  let statusTimer = 0;
  let latest = 0;

  const open = (show) => {
    list.hidden = !show;
    input.setAttribute("aria-expanded", String(show));
  };

  const setActive = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute("aria-selected", String(k === i)));
    if (i >= 0) {
      const li = list.children[i];
      input.setAttribute("aria-activedescendant", li.id);
      li.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const announce = (text) => {
    clearTimeout(statusTimer);
    // A short pause so a screen reader hears the count once typing settles, not per keystroke.
    statusTimer = setTimeout(() => (status.textContent = text), 400);
  };

  const render = (query) => {
    list.replaceChildren();
    // Which query the list now answers: the worker replies once per keystroke, so a test (or a
    // script) knows the list is final when this equals what is in the box.
    list.dataset.query = query;
    hits.forEach((hit, i) => {
      const li = document.createElement("li");
      li.id = `${listId}-${i}`;
      li.className = "glossary-search__option";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      const name = document.createElement("span");
      name.className = "glossary-search__name";
      appendMarked(name, hit.name, hit.name_highlights);
      li.append(name);
      if (hit.matched === "alias" && hit.alias && !hit.name.toLowerCase().includes(hit.alias.toLowerCase())) {
        const alias = document.createElement("span");
        alias.className = "glossary-search__alias";
        alias.append(document.createTextNode("Also called "));
        const mark = document.createElement("mark");
        mark.textContent = hit.alias;
        alias.append(mark);
        li.append(alias);
      }
      const snippet = document.createElement("span");
      snippet.className = "glossary-search__snippet";
      appendMarked(snippet, hit.snippet, hit.highlights);
      li.append(snippet);
      li.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the box
      li.addEventListener("click", () => location.assign(entryUrl(hit.slug)));
      list.append(li);
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    open(hits.length > 0);
    announce(resultsMessage(hits.length, query));
  };

  const update = async () => {
    const query = input.value;
    const ticket = ++latest;
    if (!query.trim()) {
      hits = [];
      render(query);
      return;
    }
    const { value, error } = await searchWorker().call("search", query, { limit: LIMIT });
    if (ticket !== latest) return; // a newer keystroke already answered
    if (error) {
      hits = [];
      render("");
      announce("Instant search is not available right now. Press Search to browse the A to Z list.");
      return;
    }
    hits = value.hits;
    render(query);
  };

  input.addEventListener("focus", () => {
    searchWorker().call("warm"); // a failure shows on the first search
  });
  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!hits.length) return;
      event.preventDefault();
      if (list.hidden) open(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : hits.length - 1) : (active + step + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      if (active >= 0 && !list.hidden) {
        event.preventDefault();
        location.assign(entryUrl(hits[active].slug));
      }
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        open(false);
        setActive(-1);
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        hits = [];
        render("");
      }
    }
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) {
      open(false);
      setActive(-1);
    }
  });

  // The no-JavaScript form lands here with ?q=; pick the search up where the visitor left it.
  const q = new URLSearchParams(location.search).get("q");
  if (q && index === 0) {
    input.value = q;
    input.focus();
    update();
  }
}

document.querySelectorAll("form[data-glossary-search]").forEach(enhance);
