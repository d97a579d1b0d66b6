// What the calculator pages' scripts share (calculators.js for the forms, roster.js for the
// roster): the build's data islands read, elements made, catalogue entries filled, and the
// visitor's date. An ES module each page script imports by the address the build gives in
// `#calc-runtime` (`common`, with its digest, as rules.js is imported), so a new build's
// script never meets an old copy of this one.

// A `<script type="application/json">` island the build wrote, or {} where the page has none.
export function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : {};
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

// A catalogue entry with its `{name}` places filled.
export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");

// The visitor's own date, YYYY-MM-DD: "now" is the day on their calendar (as Python in the page
// counts to it), not UTC's.
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
