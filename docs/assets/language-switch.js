// The language switch keeps the place on the page: a link to the other language's version of
// this page carries the current #anchor (clause ids are the same in both languages), so a
// reader switching on clause (14) lands on clause (14).
// Capture phase: Material handles the same click on its own (it looks the page up in
// sitemap.xml and navigates), so the address must carry the anchor before it reads it.
document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a.md-select__link[hreflang]");
  if (!link || !location.hash) return;
  const target = new URL(link.href, location.href);
  if (target.hash) return;
  target.hash = location.hash;
  link.href = target.href;
}, true);
