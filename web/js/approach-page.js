// Shows one glossary entry, rendered from the WebAssembly core's answer. Text goes in with
// textContent only: entries are data, never markup.
import { createMatcher } from "./tft.js";

const $ = (id) => document.getElementById(id);

function paragraphs(container, text) {
  for (const para of text.split(/\n\n+/)) {
    const p = document.createElement("p");
    p.textContent = para;
    container.append(p);
  }
}

async function show() {
  const slug = new URLSearchParams(location.search).get("slug") || "attachment-based";
  try {
    const tft = await createMatcher();
    const entry = tft.entry(slug);
    if (!entry) {
      $("status").textContent = "We could not find that approach.";
      return;
    }
    document.title = `${entry.name} – Time for Therapy`;
    $("entry-name").textContent = entry.name;
    $("entry-summary").textContent = entry.summary;
    paragraphs($("entry-how"), entry.how_it_works);
    paragraphs($("entry-who"), entry.who_for);
    paragraphs($("entry-session"), entry.session);
    for (const b of entry.benefits) {
      const li = document.createElement("li");
      li.textContent = b;
      $("entry-benefits").append(li);
    }
    for (const f of entry.faqs) {
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = f.q;
      details.append(summary);
      paragraphs(details, f.a);
      $("entry-faqs").append(details);
    }
    $("entry").hidden = false;
    $("status").textContent = "";
  } catch (error) {
    $("status").textContent = `Sorry, this page could not load: ${error.message}`;
  }
}

show();
