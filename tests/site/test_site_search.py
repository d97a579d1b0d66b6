"""The search index: Chinese is segmented so that the words people type are tokens of their own.

Material segments Chinese with jieba at build time and, in the browser, matches each query
word as a prefix of an index token. A word inside a longer token (技师 inside 高级技师) is
therefore invisible to search, which is what the jieba user dictionary prevents. The queries
are the ones the site promises to answer; where each must lead comes from the policy data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.site.conftest import site_path

from hgpolicy.pages import PAGES
from hgpolicy.policy import Policy

TAG = re.compile(r"<[^>]+>")


def _by_id(records: list[dict], record_id: str) -> dict:
    return next(r for r in records if r["id"] == record_id)


def queries(policy: Policy) -> list[tuple[str, str, str]]:
    """(query, language, docs page it must find), each query checked against the data."""
    technician = _by_id(policy["levels"]["levels"], "technician")["name"]
    engineer = _by_id(policy["titles"]["titles"], "engineer")["name"]
    routes = policy["special-routes"]["routes"]
    certificates = policy["evaluation"]["certificates"]
    found = [
        (technician["zh"], "zh", PAGES["levels"]),
        (engineer["zh"], "zh", PAGES["titles"]),
        ("竞赛", "zh", PAGES["special-routes"]),
        ("破格", "zh", PAGES["special-routes"]),
        (engineer["en"].lower(), "en", PAGES["titles"]),
        ("competition", "en", PAGES["special-routes"]),
        ("certificate", "en", PAGES["evaluation/certificates"]),
    ]
    # The literal queries name things the data holds, so each has a page to lead to.
    assert any("竞赛" in r["name"]["zh"] and r["kind"] == "competition" for r in routes)
    assert any("破格" in r["name"]["zh"] for r in routes)
    assert any("competition" in r["name"]["en"].lower() for r in routes)
    assert all("certificate" in c["name"]["en"].lower() for c in certificates)
    return found


LANGS = ("zh", "en")


@pytest.fixture(scope="session")
def indexes(site: Path) -> dict[str, dict]:
    """Each language's search index, as its pages fetch it (their `base`, searchindex.py)."""
    return {
        lang: json.loads((site / _folder(lang) / "search" / "search_index.json").read_text("utf-8"))
        for lang in LANGS
    }


def _folder(lang: str) -> str:
    """The language's folder in the site: the default language's is the root."""
    return "" if lang == "zh" else lang


def _tokens(doc: dict, separator: re.Pattern[str]) -> list[str]:
    text = TAG.sub(" ", f"{doc['title']} {doc['text']}")
    return [t.lower() for t in separator.split(text) if t]


def test_search_is_configured_for_both_languages(indexes: dict) -> None:
    for index in indexes.values():
        assert index["config"]["lang"] == ["en"]  # no lunr.zh: jieba segments at build time
        assert index["config"]["pipeline"] == ["stopWordFilter"]  # no stemmer: prefixes match


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_searches_its_own_pages(site: Path, indexes: dict, lang: str) -> None:
    """Every entry of a language's index is a page in that language, found where the pages
    of that language resolve it (their folder), and every page of the language is indexed."""
    folder = site / _folder(lang)
    indexed = set()
    for doc in indexes[lang]["docs"]:
        page = folder / doc["location"].split("#")[0] / "index.html"
        html = page.read_text(encoding="utf-8")
        assert re.search(rf'<html[^>]* lang="{lang}"', html), doc["location"]
        indexed.add(page)
    pages = {
        p
        for p in site.rglob("index.html")
        if re.search(rf'<html[^>]* lang="{lang}"', p.read_text(encoding="utf-8"))
    }
    assert pages - indexed == set()


def test_each_query_leads_to_its_page(indexes: dict, policy: Policy) -> None:
    separator = re.compile(indexes["zh"]["config"]["separator"])
    for query, lang, doc in queries(policy):
        page = site_path(doc, lang).removesuffix("index.html").removeprefix(f"{lang}/")
        hits = [
            d["location"]
            for d in indexes[lang]["docs"]
            if any(token.startswith(query) for token in _tokens(d, separator))
        ]
        assert any(hit.split("#")[0] == page for hit in hits), (query, page, hits)


def test_every_occurrence_of_a_chinese_query_is_found(indexes: dict, policy: Policy) -> None:
    """Each place the text says the word, an index token starts with it (not mid-token)."""
    index = indexes["zh"]
    separator = re.compile(index["config"]["separator"])
    missed = []
    for query, lang, _ in queries(policy):
        if lang != "zh":
            continue
        for doc in index["docs"]:
            tokens = _tokens(doc, separator)
            starts, offset = set(), 0
            for token in tokens:
                starts.add(offset)
                offset += len(token)
            joined = "".join(tokens)
            at = joined.find(query)
            while at >= 0:
                if at not in starts:
                    missed.append(f"{query} in {doc['location']}: …{joined[at - 4 : at + 6]}…")
                at = joined.find(query, at + 1)
    assert missed == []


def test_the_other_language_column_is_not_indexed_twice(indexes: dict, policy: Policy) -> None:
    """English pages index English: the Chinese beside it on the full text is excluded."""
    first_clause = next(s["clauses"][0] for s in policy["document"]["sections"] if "clauses" in s)
    zh_text = first_clause["text"]["zh"][:12]
    text_page = site_path("text.md", "en").removeprefix("en/").removesuffix("index.html")
    en_docs = [d for d in indexes["en"]["docs"] if d["location"].startswith(text_page)]
    assert en_docs
    plain = "".join(TAG.sub("", d["text"]).replace("\u200b", "") for d in en_docs)
    assert zh_text not in plain
    assert first_clause["text"]["en"][:40] in plain
