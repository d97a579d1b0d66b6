"""The page renderer in this process: what a clause page lists as derived from each clause,
`also` citations included, and numbers as each language writes them. Expected values are typed
from policy/*.yaml, not computed by cited_records (which the site tests use to find pages)."""

from __future__ import annotations

import html

import pytest

from hgpolicy.pages import PageContext, Renderer, cited_records
from hgpolicy.policy import Policy

# Who cites what, as equivalence.yaml and evaluation.yaml say (`source`, or `also`).
CITING = {
    "lurs-2020-16": {
        "apply-assistant-engineer",
        "apply-engineer",
        "apply-senior-engineer",
        "shandong-extra-conditions",
    },
    "rsbf-2020-96": {
        "rsbf-2020-96-equal-treatment",
        "wider-fields-2020",
        "titles-to-levels-2020",
        "deputy-senior-title",  # a glossary term
    },
}
PAGE = {"equivalence": "reference/levels.md", "glossary": "glossary.md"}
ALSO = {  # evaluation types that cite a second clause with `also`
    "c8": "evaluation-vocational-qualification-evaluation",
    "c9": "evaluation-vocational-skill-level-recognition",
    "c10": "evaluation-special-vocational-ability-assessment",
}


def test_records_are_indexed_by_source_and_by_also(policy: Policy) -> None:
    cited = cited_records(policy)
    for ref, ids in CITING.items():
        assert {r.data["id"] for r in cited[ref]} == ids, ref
        assert all(r.page == PAGE[r.stem] for r in cited[ref]), ref
    for ref, record_anchor in ALSO.items():
        assert record_anchor in {r.anchor for r in cited[ref]}, ref
    assert "document" not in {r.stem for records in cited.values() for r in records}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_clause_links_the_rules_that_cite_it_also(renderer: Renderer, lang: str) -> None:
    text = renderer.render("fulltext", lang=lang, page_uri="text.md")
    for clause, record_anchor in ALSO.items():
        start = text.index(f"{{ #{clause} }}")
        end = text.find("{ #c", start + 1)
        assert f"reference/evaluation.md#{record_anchor})" in text[start:end], clause


def test_the_sources_page_links_each_record_that_cites_a_source(renderer: Renderer) -> None:
    sources = renderer.render("sources", lang="en", page_uri="sources.md")
    start = sources.index("src-lurs-2020-16")
    block = sources[start : sources.index("src-", start + 1)]
    for record in CITING["lurs-2020-16"]:
        assert f"(reference/levels.md#equivalence-{record})" in block, record


@pytest.mark.parametrize(
    ("lang", "value", "shown"),
    [
        ("zh", 330000, "33万"),
        ("zh", 115000, "11.5万"),
        ("zh", 10000, "1万"),
        ("zh", 9999, "9,999"),
        ("en", 330000, "330,000"),
        ("en", 115000, "115,000"),
    ],
)
def test_head_counts_as_each_language_writes_them(
    renderer: Renderer, lang: str, value: int, shown: str
) -> None:
    assert PageContext(renderer, lang, "").number(value) == shown


def test_home_page_targets_in_wan(renderer: Renderer) -> None:
    # The Markdown escapes a number that could start a list ("11." of 11.5); the page shows it.
    home = html.unescape(renderer.render("home", lang="zh", page_uri="index.md"))
    assert '<span class="target-value">33万</span>' in home
    assert '<span class="target-value">11.5万</span>' in home
