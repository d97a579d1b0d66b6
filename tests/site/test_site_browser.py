"""What only a browser shows: search answers, the requests a page makes, the layout on a phone.

One headless Chromium context the size of a phone (390 × 844) reads every page in both
languages; every request it makes must go to the test server on 127.0.0.1.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from tests.site.conftest import LANGS, PHONE, site_path
from tests.site.test_site_search import queries

from hgpolicy.policy import Policy


@pytest.fixture(scope="module")
def tab(phone: tuple):
    context, _ = phone
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert errors == []


# Results render in batches as the result pane scrolls: scroll it until the page looked for is
# listed, or the list holds every result the count above it ("N matching documents", "找到 N
# 个…") announces, however long that takes.
RESULT_LISTED = """(path) => {
    const links = [...document.querySelectorAll(".md-search-result__link")];
    if (links.some((a) => new URL(a.href).pathname === path)) return true;
    const list = document.querySelector(".md-search-result__list");
    const meta = document.querySelector(".md-search-result__meta");
    const total = Number((meta.textContent.match(/\\d+/) || ["0"])[0]);
    if (list.children.length >= total) return true;
    const pane = document.querySelector(".md-search__scrollwrap");
    pane.scrollTop = pane.scrollHeight;
    pane.dispatchEvent(new Event("scroll"));
    return false;
}"""


def _search(tab, server: str, query: str, lang: str, expected: str) -> set[str]:
    """The pages (site paths) the search box lists for `query`, from that language's home,
    once `expected` is among them or every result is listed."""
    tab.goto(server + site_path("index.md", lang).removesuffix("index.html"))
    tab.click("label[for=__search]")
    tab.fill("input.md-search__input", query)
    tab.keyboard.press("End")  # CJK input sends no keyup, and Material waits for one
    tab.wait_for_selector(".md-search-result__item")
    tab.wait_for_function(RESULT_LISTED, arg=f"/{expected}", polling=250)
    hrefs = tab.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    return {urlsplit(href).path.removeprefix("/") for href in hrefs}


def test_search_box_answers_each_query_with_its_page(tab, server: str, policy: Policy) -> None:
    for query, lang, doc in queries(policy):
        expected = site_path(doc, lang).removesuffix("index.html")
        found = _search(tab, server, query, lang, expected)
        assert expected in found, (query, sorted(found))


def test_pages_fit_a_phone_screen(tab, server: str, docs: list[str]) -> None:
    """No page scrolls sideways at 390 px: wide tables scroll inside their own box."""
    wide = []
    for doc in docs:
        for lang in LANGS:
            tab.goto(server + site_path(doc, lang).removesuffix("index.html"))
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide.append(f"{doc} ({lang}): {width}px")
    assert wide == []


def test_the_ladder_fits_the_phone(tab, server: str) -> None:
    tab.goto(server + site_path("reference/levels.md", "zh").removesuffix("index.html"))
    box = tab.locator("figure.ladder svg").bounding_box()
    assert box and 0 < box["width"] <= PHONE["width"] and box["height"] > box["width"]


def test_every_request_stays_on_the_site(phone: tuple, tab, server: str, docs: list[str]) -> None:
    _, requests = phone
    for doc in docs:
        for lang in LANGS:
            tab.goto(server + site_path(doc, lang).removesuffix("index.html"))
    assert len(requests) > 2 * len(docs)
    foreign = [u for u in requests if urlsplit(u).scheme not in ("data", "blob", "about")]
    assert [u for u in foreign if urlsplit(u).hostname != "127.0.0.1"] == []


# Plain questions, as people type them, lead first to the answers page (issue 12): its
# question headings hold these words, and the page is boosted in the index.
PLAIN_QUESTIONS = [
    ("zh", "我是高级工", "faq-next-level"),
    ("zh", "几年", "faq-next-level"),
    ("zh", "破格", "faq-out-of-sequence"),
    ("zh", "职称", "faq-title-equivalent"),
    ("en", "how many years", "faq-next-level"),
]


@pytest.mark.parametrize(("lang", "query", "anchor"), PLAIN_QUESTIONS)
def test_plain_questions_lead_to_the_answers_first(
    tab, server: str, lang: str, query: str, anchor: str
) -> None:
    tab.goto(server + site_path("index.md", lang).removesuffix("index.html"))
    tab.click("label[for=__search]")
    tab.fill("input.md-search__input", query)
    tab.keyboard.press("End")
    tab.wait_for_selector(".md-search-result__item")
    hrefs = tab.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.slice(0, 3).map(e => e.href)"
    )
    faq = site_path("faq.md", lang).removesuffix("index.html")
    assert urlsplit(hrefs[0]).path.removeprefix("/") == faq, hrefs
    assert any(urlsplit(h).fragment == anchor for h in hrefs), hrefs
