"""How the text's parts are numbered and cited, in both languages, in this process (the site
tests read the built HTML, which mutation testing cannot reach)."""

from __future__ import annotations

import re
from pathlib import Path

from calculators.model.document import parts
from hgpolicy.pages import PageContext, Renderer
from hgpolicy.policy import Policy

# As the source prints them (一、… （一）… 1.…) and as the translation numbers them.
SECTIONS_ZH = ["一", "二", "三", "四", "五"]
SECTIONS_EN = ["I", "II", "III", "IV", "V"]
# The clause numerals as the original text prints them, in order: （一） … （十四）.
SOURCE = Path(__file__).resolve().parents[2] / "policy" / "source" / "huangshi-hgwf-2020-4.txt"
CLAUSES_ZH = re.findall(r"（([一二三四五六七八九十]+)）", SOURCE.read_text(encoding="utf-8"))


def test_sections_and_clauses_are_numbered_as_printed(policy: Policy) -> None:
    found = list(parts(policy["document"]))
    sections = [p for p in found if p.kind == "section"]
    clauses = [p for p in found if p.kind == "clause"]
    for part, zh, en in zip(sections, SECTIONS_ZH, SECTIONS_EN, strict=True):
        heading = part.heading
        assert part.label("zh") == f"{zh}、{heading.zh}"
        assert part.label("en") == f"{en}. {heading.en}"
    assert len(CLAUSES_ZH) == 14
    for n, (part, zh) in enumerate(zip(clauses, CLAUSES_ZH, strict=True), 1):
        heading = part.heading
        assert part.label("zh") == f"（{zh}）{heading.zh}"
        assert part.label("en") == f"({n}) {heading.en}"


def test_sub_items_and_unnumbered_parts(policy: Policy) -> None:
    part = {p.id: p for p in parts(policy["document"])}
    item = part["c9.4"]
    assert (item.kind, item.section, item.clause) == ("item", "s4", "c9")
    assert item.label("zh") == "4." + item.heading.zh
    assert item.label("en") == "4. " + item.heading.en
    assert item.anchor == "c9-4"
    assert part["preamble"].label("en") == "" and part["closing"].label("zh") == ""
    assert (part["c4"].section, part["c4"].clause) == ("s2", None)
    assert part["c14"].source_text().startswith("（十四）创新评价互认机制。")
    assert part["s1"].source_text().startswith("一、总体目标")


def test_citations_name_the_part_by_its_number(policy: Policy) -> None:
    renderer = Renderer(policy)
    part = renderer.part_by_id
    zh, en = PageContext(renderer, "zh", ""), PageContext(renderer, "en", "reference")
    assert zh.part_number(part["c4"]) == "（四）" and en.part_number(part["c4"]) == "(4)"
    assert zh.part_number(part["c9.4"]) == "（九）4" and en.part_number(part["c9.4"]) == "(9) 4"
    assert zh.part_number(part["s2"]) == "二" and en.part_number(part["s2"]) == "II"
    heading = part["c9.4"].heading
    assert zh.part_title(part["c9.4"]) == f"（九）4.{heading.zh}"
    assert en.part_title(part["c9.4"]) == f"(9) 4. {heading.en}"
    assert en.cite("c4", short=True) == (
        f'[(4)](../text.md#c4){{ .cite title="{en.part_title(part["c4"])}" }}'
    )
    assert zh.cite("s1", of="targets-x", short=True).startswith(
        f'[一、{part["s1"].heading.zh}](text.md#s1){{ .cite data-of="targets-x" }}'
    )


def test_sections_beyond_the_fifth_would_be_numbered_too() -> None:
    from calculators.model.document import Part
    from calculators.plumbing.texts import Text

    expected = ["VI", "VII", "VIII", "IX", "X"]
    for numeral, roman in zip(["六", "七", "八", "九", "十"], expected, strict=True):
        part = Part("s", "section", numeral, Text(zh="题", en="H"), None, None, ())
        assert part.label("en") == f"{roman}. H" and part.label("zh") == f"{numeral}、题"
