// <tft-matcher>: Time for Therapy's private matcher on a partner's page (docs/embedding.md).
// Dependency free; defines one element and nothing else. The matcher runs in a sandboxed frame
// from this script's own origin, so the partner's page cannot read it, and hears only two
// messages from it: {type: "tft:ready"} and {type: "tft:height", height}. The element's own
// contents (a plain link) are the fallback, hidden once the frame says it is ready.
const HERE = new URL(import.meta.url);
const ORIGIN = HERE.origin;
// The options the frame accepts (it checks each value itself and ignores what it cannot use).
const OPTIONS = ["approach", "concerns", "directory", "accent", "theme", "partner"];
// What the frame needs and no more (docs/embedding.md says why each is there): scripts; its own
// origin, for its worker, data and storage; forms, for the question pages; popups that escape the
// sandbox, for links that open the site in a new tab and for tel: and sms: links.
const SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox";

class TftMatcher extends HTMLElement {
  static get observedAttributes() {
    return OPTIONS;
  }

  connectedCallback() {
    this.heard ??= (event) => this.hear(event);
    addEventListener("message", this.heard);
    if (this.frame) return;
    const frame = (this.frame = document.createElement("iframe"));
    frame.setAttribute("sandbox", SANDBOX);
    frame.title = "Find a therapist: Time for Therapy";
    frame.loading = "lazy";
    frame.referrerPolicy = "no-referrer";
    Object.assign(frame.style, { display: "block", width: "100%", height: "40rem", border: "0" });
    // The frame learns this page's origin from this message (checked there by its source), and
    // answers only to it.
    frame.addEventListener("load", () => frame.contentWindow.postMessage({ type: "tft:hello" }, ORIGIN));
    frame.src = this.address();
    if (!this.style.display) this.style.display = "block";
    this.append(frame);
  }

  disconnectedCallback() {
    removeEventListener("message", this.heard);
  }

  // A changed option restarts the matcher with it.
  attributeChangedCallback() {
    if (this.frame) this.frame.src = this.address();
  }

  address() {
    const url = new URL("matcher.html", HERE);
    for (const name of OPTIONS) {
      const value = this.getAttribute(name);
      if (value !== null) url.searchParams.set(name, value);
    }
    return url.href;
  }

  hear(event) {
    const frame = this.frame;
    if (event.origin !== ORIGIN || !frame || event.source !== frame.contentWindow) return;
    const { type, height } = event.data ?? {};
    if (type === "tft:height" && Number.isInteger(height) && height > 0) {
      frame.style.height = `${Math.min(height, 20000)}px`;
    } else if (type === "tft:ready") {
      for (const child of this.children) if (child !== frame) child.hidden = true;
    }
  }
}

// Loaded twice (two copies of the snippet, or two versions), the first definition stays.
if (!customElements.get("tft-matcher")) customElements.define("tft-matcher", TftMatcher);
