"""The answers' views and the stylesheet that lays them out agree on class names.

calculators.css styles parts of an answer by class (a met route in green, what a route still
needs, the special routes, the folded parts that open in print); the page script fills the
answer from the view Python builds. A class the stylesheet styles and that neither the page
script nor a page template writes must come from the views, or that part loses its layout
without any error. The answers below between them hold every such part: a route met, one
missed with what it needs and a note, an extension, the special routes, notes, sources and
quoted clauses.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from calculators import api

ROOT = Path(__file__).resolve().parents[2]
STYLES = ROOT / "docs" / "assets" / "calculators" / "calculators.css"
PAGE = [*(ROOT / "docs" / "assets" / "calculators").glob("*.js"), *(ROOT / "build" / "hgpolicy" / "templates").rglob("*.j2")]  # fmt: skip

ANSWERS = [
    ("eligibility", {"target": "技师", "certificate": "高级工", "years_since_certificate": 1}),
    (
        "eligibility",
        {
            "target": "技师",
            "certificate": "高级工",
            "years_since_certificate": 5,
            "extensions": True,
            "competition_rank": 2,
        },
    ),  # fmt: skip
    ("equivalence", {"level": "技师"}),
    ("equivalence", {"level": "初级工"}),
]


def _classes(node: dict[str, Any], found: set[str]) -> set[str]:
    found.update(node.get("class", "").split())
    for child in node.get("children", []):
        _classes(child, found)
    return found


def test_every_answer_class_the_stylesheet_styles_is_in_the_views() -> None:
    styled = set(re.findall(r"\.(calc-[a-z-]+)", STYLES.read_text(encoding="utf-8")))
    page = "".join(path.read_text(encoding="utf-8") for path in PAGE)
    written_by_page = {c for c in styled if re.search(rf"[\"' .]{c}[\"' ]", page)}
    in_views: set[str] = set()
    for kind, request in ANSWERS:
        for node in api.respond(kind, request)["view"]["nodes"]:
            _classes(node, in_views)
    assert styled - written_by_page <= in_views
    # The check above is not empty: these are among the classes only the views write.
    assert {"calc-routes", "calc-met", "calc-missed", "calc-missing", "calc-special"} <= (
        styled - written_by_page
    )
