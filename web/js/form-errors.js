// @ts-check
// Shows validator errors on a form the GOV.UK way: an error summary at the top whose links move
// focus to each field, and a message by the field itself. Errors arrive as the C++ core reports
// them ({path, message}, path a JSON path such as "$.fees.min" or "$.registrations[1].number");
// the form says which element holds each path with data-path attributes.
//
// An error goes to the element whose data-path is the error's path, or failing that the nearest
// ancestor path ("$.approaches[3]" -> "$.approaches"); errors no element claims go to the summary
// only, linked to the form itself. Element names come from data-label, else the label or legend.
// All text is set with textContent: messages quote what was typed or loaded.

// "$.a.b[2].c" -> ["$.a.b[2].c", "$.a.b[2]", "$.a.b", "$.a", "$"]
export function pathAncestors(path) {
  const out = [path];
  let p = path;
  while (p !== "$" && p.length) {
    const m = /^(.*?)(\[\d+\]|\.[^.[\]]+|\["(?:[^"\\]|\\.)*"\])$/.exec(p);
    if (!m) break;
    p = m[1] || "$";
    out.push(p);
  }
  return out;
}

export function elementForPath(form, path) {
  for (const p of pathAncestors(path)) {
    const found = form.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (found) return found;
  }
  return null;
}

const isGroup = (node) => node.tagName === "FIELDSET";

// The control to focus for an element: itself, or a group's first control.
export function focusTarget(node) {
  if (!isGroup(node)) return node;
  return node.querySelector("input:not([type=hidden]), select, textarea, button") ?? node;
}

export function labelFor(node) {
  if (node.dataset.label) return node.dataset.label;
  if (isGroup(node)) return node.querySelector("legend")?.textContent.trim() ?? "This field";
  const label = node.id ? node.ownerDocument.querySelector(`label[for="${CSS.escape(node.id)}"]`) : null;
  return label?.textContent.trim() ?? node.name ?? "This field";
}

function describe(node, id, on) {
  const ids = (node.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean).filter((x) => x !== id);
  if (on) ids.unshift(id);
  if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
  else node.removeAttribute("aria-describedby");
}

function clearInline(form) {
  for (const msg of form.querySelectorAll(".field-error")) msg.remove();
  for (const node of form.querySelectorAll(".field--error")) node.classList.remove("field--error");
  for (const node of form.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    describe(node, `${node.id}-error`, false);
  }
  for (const node of form.querySelectorAll("fieldset[aria-describedby]")) describe(node, `${node.id}-error`, false);
}

let nextId = 0;
const ensureId = (node) => node.id || (node.id = `field-${++nextId}`);

/**
 * Groups errors by the element that shows them.
 * Returns [{ node (or null), label, messages: [sentence] }] in document order, unclaimed last.
 * `reword(error)` may return an instruction for an error ("Enter the oldest age as a number, like
 * 65"), shown as it is; otherwise the sentence is the element's label and the core's message.
 */
/**
 * @param {HTMLFormElement} form
 * @param {{ path: string, message: string }[]} errors
 * @param {(error: { path: string, message: string }) => string | null} [reword]
 */
export function placeErrors(form, errors, reword = () => null) {
  const byNode = new Map();
  const unclaimed = [];
  for (const e of errors) {
    const node = elementForPath(form, e.path);
    if (!node) {
      unclaimed.push({ node: null, label: e.path, messages: [reword(e) ?? `${e.path}: ${e.message}`] });
      continue;
    }
    if (!byNode.has(node)) byNode.set(node, { node, label: labelFor(node), messages: [] });
    // An error reported on an ancestor path keeps the part of the path below the element, so
    // "$.approaches[3]: unknown id" still says which item.
    const own = node.dataset.path;
    const rest = e.path.startsWith(own) ? e.path.slice(own.length).replace(/^\./, "") : "";
    const item = byNode.get(node);
    const text = reword(e) ?? `${item.label}: ${rest && !rest.startsWith("[") ? `${rest} ${e.message}` : e.message}`;
    if (!item.messages.includes(text)) item.messages.push(text);
  }
  const placed = [...byNode.values()].sort((a, b) =>
    a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  return [...placed, ...unclaimed];
}

/**
 * Renders errors: the summary (hidden when there are none) and one message per element.
 * Returns the placed errors (see placeErrors).
 */
export function showErrors({ form, summary, summaryList, reword }, errors) {
  clearInline(form);
  const placed = placeErrors(form, errors, reword);
  summaryList.replaceChildren();
  for (const item of placed) {
    const text = item.messages.join(". ");
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.textContent = text;
    const target = item.node ? focusTarget(item.node) : form;
    a.href = `#${ensureId(target)}`;
    a.addEventListener("click", (event) => {
      // Scroll the label or legend into view with the field, as GOV.UK does.
      event.preventDefault();
      (item.node ?? form).scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
    li.append(a);
    summaryList.append(li);
    if (!item.node) continue;
    const id = `${ensureId(item.node)}-error`;
    const msg = document.createElement("p");
    msg.className = "field-error";
    msg.id = id;
    const prefix = document.createElement("span");
    prefix.className = "visually-hidden";
    prefix.textContent = "Error: ";
    msg.append(prefix, text);
    const wrapper = isGroup(item.node) ? item.node : item.node.closest(".field") ?? item.node.parentElement;
    wrapper.classList.add("field--error");
    if (isGroup(item.node)) {
      const after = item.node.querySelector(":scope > .hint") ?? item.node.querySelector(":scope > legend");
      after.after(msg);
      describe(item.node, id, true);
    } else {
      item.node.before(msg);
      item.node.setAttribute("aria-invalid", "true");
      describe(item.node, id, true);
    }
  }
  summary.hidden = placed.length === 0;
  return placed;
}
