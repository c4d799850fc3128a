// @ts-check
// The matcher inside a partner's frame (/embed/v1/matcher.html, docs/embedding.md): the same flow
// as find.html (find-page.js), in a compact layout, with the partner's checked options, and a
// narrow line to the partner's page. That line carries two kinds of message only, "ready" and
// the frame's height, and only to the page that framed it, once that page has said hello.
import { parseEmbedOptions } from "./embed-options.js";
import { startFindFlow } from "./find-page.js";

const WARNING = "Time for Therapy embed:";
const warn = (text) => console.warn(`${WARNING} ${text}`);
// Origins allowed to frame the embed (the server's frame-ancestors says the same): https sites,
// and a partner testing on their own computer.
const PARTNER_ORIGIN = /^(?:https:\/\/[^/\s]+|http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?)$/;
// Heights go out rounded up to this many pixels, so small changes in the content (a longer
// place name wrapping) do not show; docs/embedding.md says what a height can still reveal.
export const HEIGHT_STEP = 40;

const { options, warnings } = parseEmbedOptions(location.search);
warnings.forEach(warn);
applyLook(options);
keepLinksOutOfTheFrame(document.getElementById("embed-shell"));
const channel = partnerChannel(document.getElementById("embed-shell"));
startFindFlow({
  embed: true,
  approach: options.approach,
  concerns: options.concerns,
  directory: options.directory,
  warn,
  onReady: () => channel.ready(),
});

/** @param {{ theme: string, accent?: string, partner?: string }} look */
function applyLook({ theme, accent, partner }) {
  const root = document.documentElement;
  root.dataset.theme = theme;
  if (accent) {
    root.style.setProperty("--accent", accent);
    root.style.setProperty("--accent-dark", accent);
  }
  if (partner) {
    const offered = document.getElementById("embed-offered");
    if (!offered) return;
    offered.textContent = `Offered with ${partner}`;
    offered.hidden = false;
    for (const name of document.querySelectorAll("[data-partner-name]")) name.textContent = partner;
  }
}

// Every link the flow shows that leads to a page (the site's glossary and privacy pages, a
// therapist's website) opens in a new tab: the site's pages refuse to be framed, and the visitor
// should not lose their place. Relative links are the site's, so they are resolved from its root.
// tel:, sms: and mailto: links and in-page (#) links are left as they are.
function keepLinksOutOfTheFrame(root) {
  const siteRoot = new URL("../", import.meta.url);
  const fix = (a) => {
    const raw = a.getAttribute("href");
    if (!raw || a.dataset.outOfFrame || raw.startsWith("#") || /^(?:tel|sms|mailto):/i.test(raw)) return;
    a.href = new URL(raw, /^[a-z][a-z0-9+.-]*:/i.test(raw) ? undefined : siteRoot).href;
    a.target = "_blank";
    a.rel = "noopener";
    a.dataset.outOfFrame = "true";
    const note = document.createElement("span");
    note.className = "visually-hidden";
    note.textContent = " (opens in a new tab)";
    a.append(note);
  };
  const sweep = (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches("a[href]")) fix(node);
    node.querySelectorAll("a[href]").forEach(fix);
  };
  sweep(root);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") fix(change.target);
      else change.addedNodes.forEach(sweep);
    }
  }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["href"] });
}

// The frame's side of the loader's postMessage line (web/embed/v1/tft-matcher.js).
function partnerChannel(shell) {
  const parent = window.parent === window ? null : window.parent;
  /** @type {string | null} */
  let partnerOrigin = null;
  let isReady = false;
  let sentHeight = 0;
  const send = (message) => partnerOrigin && parent?.postMessage(message, partnerOrigin);
  const sendHeight = () => {
    const height = Math.max(HEIGHT_STEP, Math.ceil(shell.getBoundingClientRect().height / HEIGHT_STEP) * HEIGHT_STEP);
    if (height === sentHeight || !partnerOrigin) return;
    sentHeight = height;
    send({ type: "tft:height", height });
  };
  window.addEventListener("message", (event) => {
    if (!parent || event.source !== parent || partnerOrigin) return;
    if (event.data?.type !== "tft:hello" || !PARTNER_ORIGIN.test(event.origin)) return;
    partnerOrigin = event.origin;
    sendHeight();
    if (isReady) send({ type: "tft:ready" });
  });
  new ResizeObserver(sendHeight).observe(shell);
  return {
    ready() {
      isReady = true;
      send({ type: "tft:ready" });
    },
  };
}
