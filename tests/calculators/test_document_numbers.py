"""How a part of the Huangshi text is numbered and labelled, in both languages, as the calculators'
answers cite it ("依据：（十四）…" / "Source: (14) …"). The Chinese is the source's own
(../shared/source/huangshi-hgwf-2020-4.txt: "二、健全培养评价体系", "（四）健全层级设置",
"1.知识技能型人才"); the English numbers a section with Roman numerals, a clause with Arabic
ones in brackets. The site's pages print the same labels and have tests of their own; these
are the calculators' own, so a fault in the numbering is caught among the calculators' tests."""

from __future__ import annotations

import pytest

from calculators.model.document import Part
from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text

# The Chinese numerals of a section (一、…) and their Roman numerals, typed, up to ten: the
# text has five sections; an edition with more must not number them wrongly.
ROMAN = {
    "一": "I",
    "二": "II",
    "三": "III",
    "四": "IV",
    "五": "V",
    "六": "VI",
    "七": "VII",
    "八": "VIII",
    "九": "IX",
    "十": "X",
}


def _section(numeral: str) -> Part:
    return Part(
        id="s",
        kind="section",
        numeral=numeral,
        heading=Text(zh="标题", en="Heading"),
        text=None,
        summary=None,
        tags=(),
    )


@pytest.mark.parametrize(("zh", "roman"), ROMAN.items(), ids=ROMAN.values())
def test_a_section_is_numbered_in_roman_numerals_in_english(zh: str, roman: str) -> None:
    section = _section(zh)
    assert section.number("zh") == zh
    assert section.number("en") == roman
    assert section.label("zh") == f"{zh}、标题"
    assert section.label("en") == f"{roman}. Heading"


def test_each_kind_of_part_is_labelled_as_the_source_prints_it(index: PolicyIndex) -> None:
    section, clause, item = index.clauses["s2"], index.clauses["c4"], index.clauses["c7.1"]
    assert section.label("zh") == "二、健全培养评价体系"
    assert section.label("en") == f"II. {section.heading.en}"  # the translation's own heading
    assert clause.label("zh") == "（四）健全层级设置"
    assert clause.label("en") == f"(4) {clause.heading.en}"
    assert item.label("zh") == "1.知识技能型人才"
    assert item.label("en") == "1. Knowledge-Based Skilled Workers"
    # The parts with no number: their heading alone (the preamble has none).
    assert index.clauses["preamble"].label("zh") == ""
    assert index.clauses["preamble"].number("en") == ""


def test_a_clause_is_cited_with_its_section_in_both_languages(index: PolicyIndex) -> None:
    """The fourteenth clause, which treats hired 高级工/技师/高级技师 as 助理工程师/工程师/
    高级工程师, in the source's numbering: section 五, clause (十四)."""
    clause = index.clauses["c14"]
    assert clause.number("zh") == "（十四）"
    assert clause.number("en") == "(14)"
    assert clause.section == "s5"
    assert index.clauses["s5"].number("en") == "V"
