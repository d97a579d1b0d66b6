"""What only a browser shows: search answers in both languages, and accessibility (axe-core)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from hgpolicy.policy import Policy
from tests.browser.conftest import site_url

LANGS = ("zh", "en")
# axe-core impacts that fail the test (minor and moderate ones are left to review).
BLOCKING = {"serious", "critical"}


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search and return the result links.

    Typing CJK sends no keyup, and the search waits for one: End sends it.
    """
    toggle = page.locator("label.md-header__button[for=__search]")  # a phone's search icon
    page.click(
        "label.md-header__button[for=__search]" if toggle.is_visible() else ".md-search__input"
    )
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item")
    return page.eval_on_selector_all(
        ".md-search-result a", "links => links.map(a => a.getAttribute('href'))"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_clause(open_page, policy: Policy, lang: str) -> None:
    """A clause's heading, typed into search, leads to its anchor in the full text."""
    clause = next(
        item
        for section in policy["document"]["sections"]
        for clause in section.get("clauses", [])
        for item in clause.get("items", [])
        if item["id"] == "c9.2"
    )
    query = clause["heading"][lang] if lang == "zh" else clause["heading"][lang].split()[0]
    page = open_page(lang, "")
    links = search(page, query)
    found = [urlsplit(link) for link in links]
    text_page = "/en/text/" if lang == "en" else "/text/"
    assert any(u.path == text_page and u.fragment == "c9-2" for u in found), links


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_search_lists_only_the_pages_language(
    browser, recorder, server: str, lang: str, size: tuple[int, int]
) -> None:
    """A query both languages' pages hold (a year of a national edition) lists, on a page in
    one language, only pages in that language, each opening where it says; on a phone, where
    search sits behind its icon, as on a desktop."""
    width, height = size
    context = recorder.attach(browser.new_context(viewport={"width": width, "height": height}))
    page = context.new_page()
    page.goto(site_url(server, lang, "faq/"))
    links = search(page, "2018")
    paths = [urlsplit(page.evaluate("href => new URL(href, location).href", h)).path for h in links]
    assert paths
    assert all(p.startswith("/en/") == (lang == "en") for p in paths), paths
    page.click(".md-search-result__item a")
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == lang
    context.close()


def axe_violations(page: Page, root: Path) -> list[str]:
    page.add_script_tag(path=str(root / "node_modules" / "axe-core" / "axe.min.js"))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize(
    ("lang", "path"), [("zh", ""), ("en", ""), ("zh", "text/"), ("en", "text/")]
)
def test_no_serious_accessibility_problem(open_page, root: Path, lang: str, path: str) -> None:
    page = open_page(lang, path)
    assert not axe_violations(page, root)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["equivalence", "eligibility"])
def test_no_serious_accessibility_problem_on_calculators(
    calculator, root: Path, kind: str, lang: str
) -> None:
    """With an answer on the page (the result area's markup is checked too)."""
    page = calculator(kind, lang)
    short = "eq" if kind == "equivalence" else "el"
    if not page.get_attribute(f"#{short}-result", "data-engine"):
        page.click(f"#{short}-form button[type=submit]")
        page.wait_for_selector(f"#{short}-result[data-engine=python]")
    assert not axe_violations(page, root)
