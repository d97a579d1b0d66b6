"""Age-friendly reading: no text in a page's content under 14 px, on a phone and a desktop, in
both languages, with a calculator's answer on the page (MIIT 适老化 guidance, WCAG 2.2 AA).

The level ladder's SVG is left out: its words scale with the picture, and the tables under it
say the same in page text.
"""

from __future__ import annotations

import pytest

from .conftest import site_url

MIN_PX = 14
PAGES = [
    ("", None),
    ("text/", None),
    ("reference/levels/", None),
    ("reference/application-routes/", None),
    ("sources/", None),
    ("changes/", None),
    ("calculators/equivalence/?level=technician&hired=true", "#eq-result[data-engine=python]"),
    (
        "calculators/eligibility/?target=technician&certificate=senior-worker&total_years=3",
        "#el-result[data-engine=python]",
    ),
]
SMALLEST = """(minimum) => {
  const found = [];
  const walk = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('svg, [hidden]')) continue;
    if (!el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minimum) found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${size}px: ${node.textContent.trim().slice(0, 20)}`);
  }
  return found;
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_text_under_14px(sized_page, server, lang: str, width: int) -> None:
    page = sized_page(width, 900)  # in the shared context: the layout is the point
    for path, ready in PAGES:
        page.goto(site_url(server, lang, path))
        if ready:
            page.wait_for_selector(ready)
        small = page.evaluate(SMALLEST, MIN_PX)
        assert not small, (path, small[:5])
