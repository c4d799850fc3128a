// @ts-check
// The header's menu button at small widths (docs/pages.md): below 40rem the four section links
// fold behind "Menu", leaving the brand, "Need help now?" and the button on one short row. The
// button is `hidden` in the markup, so without JavaScript every link simply shows.
// Keyboard and screen readers: a real <button> with aria-expanded and aria-controls; Escape
// closes the open menu and returns focus to the button.
const header = /** @type {HTMLElement | null} */ (document.querySelector(".site-header"));
const button = document.getElementById("site-menu-button");
const list = document.getElementById("site-nav");

/** @param {boolean} open */
function setOpen(open) {
  button?.setAttribute("aria-expanded", String(open));
  list?.classList.toggle("site-nav--open", open);
}

if (header && button && list) {
  header.classList.add("site-header--menu");
  button.hidden = false;
  setOpen(false);
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  header.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
    setOpen(false);
    button.focus();
  });
}
