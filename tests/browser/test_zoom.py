"""Nothing lost at 200 % zoom (WCAG 2.2 1.4.4) or at 320 CSS px (1.4.10 Reflow): a desktop
browser at 200 % lays a 1280 px window out as 640 CSS px, and 320 px is the width the
guidance requires content to reflow to. The page itself must not scroll sideways (a wide
table may, inside its own scroll box), and the form's fields, the buttons and the answer's
first sentence must lie within the window."""

from __future__ import annotations

import pytest

from .conftest import site_url

PAGES = [
    ("", None),
    ("text/", None),
    ("reference/application-routes/", None),
    ("faq/", None),
    ("calculators/equivalence/?level=technician&hired=true", "#eq-result[data-engine=python]"),
    (
        "calculators/eligibility/?target=technician&certificate=senior-worker&total_years=3",
        "#el-result[data-engine=python]",
    ),
]
OUTSIDE = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width + 1)
    found.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  const wanted = '.md-content form input, .md-content form select, .md-content form button, '
    + '.md-content button, .md-content [role=status] h2, .md-content [role=status] h3, '
    + '.md-content h1';
  for (const el of document.querySelectorAll(wanted)) {
    if (!el.getClientRects().length || el.closest('[hidden], details:not([open])')) continue;
    const box = el.getBoundingClientRect();
    if (box.left < -1 || box.right > width + 1)
      found.push(`${el.tagName.toLowerCase()}#${el.id} ${Math.round(box.left)}–${Math.round(box.right)}`);
  }
  return found;
}"""


@pytest.mark.parametrize("width", [640, 320])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_is_cut_off_at_200_percent_or_320_px(
    sized_page, server, lang: str, width: int
) -> None:
    page = sized_page(width, 800)  # in the shared context: the layout is the point
    for path, ready in PAGES:
        page.goto(site_url(server, lang, path))
        if ready:
            page.wait_for_selector(ready)
        outside = page.evaluate(OUTSIDE)
        assert not outside, (path, outside[:5])
