"""The Sources page in this process: each outside document's confidence mark, and the records
that rest on it named by their opening words.

The site tests read the built page, but in another process; here the page is rendered where a
mutation tool sees it. Expected text is typed from policy/confidence.yaml (the mark's wording),
labels.yaml ("可信度" / "Confidence") and the notes' own text in policy/special-routes.yaml
and policy/equivalence.yaml: a note without a name is listed by its first 24 characters of
Chinese, or its first 60 of English cut back to a whole word, then an ellipsis.
"""

from __future__ import annotations

import pytest

from hgpolicy.pages import Renderer

BADGE = {
    "zh": "[见于报道](about.md#confidence-reported){ .confidence .confidence-reported "
    'title="可信度" }',
    "en": "[reported](about.md#confidence-reported){ .confidence .confidence-reported "
    'title="Confidence" }',
}

# Notes the Sources page lists under the documents they rest on, by their opening words.
OPENING_WORDS = {
    "zh": [
        "[全国性文件规定：高级工及以上等级可直接认定，不受…](",
        "[全国性文件规定：在解决重大技术难题、获得省级以上…](",
        "[据报道，全国性文件规定在岗位上的高级工、技师、高…](",
    ],
    "en": [
        "[National document: direct recognition at Senior Worker or…](",
        "[Implementing documents add conditions, e.g. working in a…](",
        "[As reported, a national document gives in-post Senior…](",
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_reported_document_carries_its_mark_linked_to_its_meaning(
    renderer: Renderer, lang: str
) -> None:
    text = renderer.render("sources", lang=lang, page_uri="sources.md")
    assert BADGE[lang] in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notes_without_a_name_are_listed_by_their_opening_words(
    renderer: Renderer, lang: str
) -> None:
    text = renderer.render("sources", lang=lang, page_uri="sources.md")
    for opening in OPENING_WORDS[lang]:
        assert opening in text, opening
