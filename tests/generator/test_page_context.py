"""What a page template is given besides the policy: the other language for the parallel
text, whether a page exists (the home page links only the calculators the site makes), and
the ladder drawn in the page's language. Rendered in this process, so mutation testing sees
them (the site tests see the same pages only through a whole build, in another process)."""

from __future__ import annotations

import html
import json
import re

import jinja2
import pytest

from hgpolicy.calcdata import CalculatorData
from hgpolicy.pages import PageContext, Renderer
from hgpolicy.policy import Policy


@pytest.mark.parametrize(("lang", "other"), [("zh", "en"), ("en", "zh")])
def test_the_full_text_sets_the_other_language_beside_the_pages(
    renderer: Renderer, lang: str, other: str
) -> None:
    text = renderer.render("fulltext", lang=lang, page_uri="text.md")
    assert f'<div class="parallel-text parallel-other" lang="{other}"' in text
    assert f'parallel-other" lang="{lang}"' not in text


def test_the_home_page_links_the_calculators_the_site_makes(renderer: Renderer) -> None:
    home = renderer.render("home", lang="en", page_uri="index.md")
    assert "](calculators/eligibility.md){ .home-task }" in home
    assert "](calculators/equivalence.md){ .home-task }" in home
    assert "- **[May I apply for a skill level?](calculators/eligibility.md)**" in home
    assert "{ #calculators }" in home


@pytest.mark.parametrize(("lang", "name"), [("zh", "高级技师"), ("en", "Senior Technician")])
def test_the_levels_page_draws_the_ladder_in_its_language(
    renderer: Renderer, lang: str, name: str
) -> None:
    text = renderer.render("levels", lang=lang, page_uri="reference/levels.md")
    start = text.index("<svg")
    drawing = text[start : text.index("</svg>", start)]
    assert name in drawing


# What a record is called where a page lists it (the sources page, the changes page), typed
# from the policy: its name, its term, the route and level it leads to, the level and title of
# clause （十四）, the heading of the part it is, the opening of its note, else its id.

NAMES = {
    "2018": ("国家职业技能标准编制技术规程（2018年版）",
             "Technical Rules for Drafting National Occupational Skill Standards (2018 edition)"),
    "2018-junior-worker-a1": ("A1 → 初级工", "A1 → Junior Worker"),
    "c14-senior-worker": ("高级工 → 助理工程师", "Senior Worker → Assistant Engineer"),
    "special-technician-treatment": ("特级技师", "Special-Grade Technician"),
    "character-first": ("坚持以德为先", "Putting Moral Character First"),
    "skilled-worker": ("技能人才", "skilled worker"),
    "rsbf-2020-96-equal-treatment": ("据报道，全国性文件规定在岗位上的高级工、技师、高…",
                                     "As reported, a national document gives in-post Senior…"),
    "2026-11-30-routes-after-title": ("2026-11-30-routes-after-title",) * 2,
}  # fmt: skip


@pytest.mark.parametrize("record_id", list(NAMES))
def test_what_each_kind_of_record_is_called(renderer: Renderer, record_id: str) -> None:
    from hgpolicy.pages import PageContext, records_by_id

    record = records_by_id(renderer.policy)[record_id]
    zh, en = NAMES[record_id]
    assert PageContext(renderer, "zh", "").record_name(record) == zh
    assert PageContext(renderer, "en", "").record_name(record) == en


def test_a_provision_is_called_by_its_name_or_by_its_parts_heading(renderer: Renderer) -> None:
    from hgpolicy.pages import PageContext

    page = PageContext(renderer, "en", "")
    assert page.name_of({"name": {"zh": "甲", "en": "A"}, "source": "c5"}) == "A"
    assert page.name_of({"source": "c5"}) == "Putting Moral Character First"


# A note named in a list by its opening words: up to 24 characters of Chinese or 60 of English
# as they are; longer, cut there (English at the last whole word), without the punctuation or
# space the cut leaves at its end, then "…".
EXCERPTS = [
    ("zh", "一二三四五六七八九十一二三四五六七八九十一二三四", "一二三四五六七八九十一二三四五六七八九十一二三四"),
    ("zh", "一二三四五六七八九十一二三四五六七八九十一二三，五", "一二三四五六七八九十一二三四五六七八九十一二三…"),
    ("zh", "一二三四五六七八九十一二三四五六七八九十一二三四五", "一二三四五六七八九十一二三四五六七八九十一二三四…"),
    ("en", "word " * 11 + "fifty", "word " * 11 + "fifty"),  # 60 characters
    ("en", "word " * 11 + "fifty1", "word word word word word word word word word word word…"),
    ("en", "X" * 61, "X" * 60 + "…"),  # no space to cut at, and no letter stripped
    # a word that ends at the 59th character is kept whole
    ("en", "a" * 10 + " " + "b" * 48 + " " + "c" * 10, "a" * 10 + " " + "b" * 48 + "…"),
    ("en", "words, " * 8 + "more and more", "words, words, words, words, words, words, words, words…"),
    ("zh", "有 空格的中文" * 5, "有 空格的中文有 空格的中文有 空格的中文有 空…"),  # spaces kept
]  # fmt: skip


@pytest.mark.parametrize(("lang", "note", "named"), EXCERPTS)
def test_a_note_is_named_by_its_opening_words(
    renderer: Renderer, lang: str, note: str, named: str
) -> None:
    assert PageContext(renderer, lang, "").excerpt(note) == named


@pytest.mark.parametrize(
    ("lang", "hint", "copy_link"),
    [
        ("zh", '<a href="../../faq/#faq-which-edition">怎样知道适用哪个版本？</a>', "复制链接"),
        ("en", '<a href="../../faq/#faq-which-edition">Which one applies to me?</a>', "Copy link"),
    ],
)
def test_a_calculator_page_links_from_its_own_folder_and_gives_its_script_its_words(
    renderer: Renderer, policy: Policy, lang: str, hint: str, copy_link: str
) -> None:
    """The eligibility page, built at calculators/eligibility/, links the question "which
    edition?" two folders up; its script's words are in the page's language."""
    renderer.env.globals["calc"] = CalculatorData(policy)
    page = renderer.render("calc-eligibility", lang=lang, page_uri="calculators/eligibility.md")
    assert hint in page
    labels = re.search(r'<script type="application/json" id="calc-labels">(.+?)</script>', page)
    assert labels is not None
    assert json.loads(html.unescape(labels.group(1)))["calc-copy-link"] == copy_link


def test_templates_write_values_inert_leave_no_line_for_a_block_and_refuse_a_typo(
    renderer: Renderer,
) -> None:
    """A value printed from the data is inert text (a name starting "# " stays a name); a
    `{% for %}` or `{% if %}` line leaves no blank line (a Markdown table built in a loop stays
    one table); a variable no one defined stops the build instead of printing nothing."""
    env = renderer.env
    assert env.from_string("{{ v }}").render(v="# 标题 | 列") == "&#35; 标题 &#124; 列"
    table = "| a |\n{% for x in xs %}\n| {{ x }} |\n{% endfor %}\n"
    assert env.from_string(table).render(xs=["1", "2"]) == "| a |\n| 1 |\n| 2 |\n"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nmae }}").render(name="x")
