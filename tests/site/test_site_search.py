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


@pytest.fixture(scope="session")
def index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def _tokens(doc: dict, separator: re.Pattern[str]) -> list[str]:
    text = TAG.sub(" ", f"{doc['title']} {doc['text']}")
    return [t.lower() for t in separator.split(text) if t]


def test_search_is_configured_for_both_languages(index: dict) -> None:
    assert index["config"]["lang"] == ["en"]  # no lunr.zh script: jieba segments at build time
    assert index["config"]["pipeline"] == ["stopWordFilter"]  # no stemmer: prefixes must match
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("en/") for loc in locations)
    assert any(not loc.startswith("en/") for loc in locations)


def test_each_query_leads_to_its_page(index: dict, policy: Policy) -> None:
    separator = re.compile(index["config"]["separator"])
    for query, lang, doc in queries(policy):
        page = site_path(doc, lang).removesuffix("index.html")
        hits = [
            d["location"]
            for d in index["docs"]
            if any(token.startswith(query) for token in _tokens(d, separator))
        ]
        assert any(hit.split("#")[0] == page for hit in hits), (query, page, hits)


def test_every_occurrence_of_a_chinese_query_is_found(index: dict, policy: Policy) -> None:
    """Each place the text says the word, an index token starts with it (not mid-token)."""
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


def test_the_other_language_column_is_not_indexed_twice(index: dict, policy: Policy) -> None:
    """English pages index English: the Chinese beside it on the full text is excluded."""
    first_clause = next(s["clauses"][0] for s in policy["document"]["sections"] if "clauses" in s)
    zh_text = first_clause["text"]["zh"][:12]
    en_docs = [
        d for d in index["docs"] if d["location"].startswith(site_path("text.md", "en")[:-10])
    ]
    assert en_docs
    plain = "".join(TAG.sub("", d["text"]).replace("\u200b", "") for d in en_docs)
    assert zh_text not in plain
    assert first_clause["text"]["en"][:40] in plain
