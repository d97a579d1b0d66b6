"""One English rendering per Chinese term, used wherever the term appears in the text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hgpolicy.policy import Policy


def _terms(policy: Policy) -> list[tuple[str, str]]:
    """Glossary terms plus level and title names, longest Chinese first."""
    pairs = [(t["zh"], t["en"]) for t in policy["glossary"]["terms"]]
    pairs += [(lv["name"]["zh"], lv["name"]["en"]) for lv in policy["levels"]["levels"]]
    pairs += [(ti["name"]["zh"], ti["name"]["en"]) for ti in policy["titles"]["titles"]]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    """Every {zh, en} pair in the document, with where it is."""
    if isinstance(node, dict):
        if isinstance(node.get("zh"), str) and isinstance(node.get("en"), str):
            yield path, node
        for key, value in node.items():
            yield from _texts(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{path}/{index}")


def _missing(zh: str, en: str, terms: list[tuple[str, str]]) -> list[str]:
    """Terms in `zh` whose rendering is absent from `en` (a term inside a longer one is skipped)."""
    covered = [False] * len(zh)
    missing = []
    for term, rendering in terms:
        start = zh.find(term)
        while start >= 0:
            span = range(start, start + len(term))
            if not all(covered[i] for i in span):
                for i in span:
                    covered[i] = True
                if rendering.lower() not in en.lower():
                    missing.append(f"{term} → {rendering}")
            start = zh.find(term, start + 1)
    return missing


def test_every_term_in_the_text_has_its_one_rendering(policy: Policy) -> None:
    terms = _terms(policy)
    problems = [
        f"{path}: {', '.join(miss)}"
        for path, text in _texts(policy["document"])
        if (miss := _missing(text["zh"], text["en"], terms))
    ]
    assert problems == []


def test_each_chinese_term_has_one_rendering(policy: Policy) -> None:
    renderings: dict[str, set[str]] = {}
    for zh, en in _terms(policy):
        renderings.setdefault(zh, set()).add(en)
    assert {zh: en for zh, en in renderings.items() if len(en) > 1} == {}


def test_the_check_catches_a_wrong_rendering(policy: Policy) -> None:
    terms = _terms(policy)
    technician = next(lv["name"] for lv in policy["levels"]["levels"] if lv["id"] == "technician")
    senior = next(
        lv["name"] for lv in policy["levels"]["levels"] if lv["id"] == "senior-technician"
    )
    assert _missing(technician["zh"], "a craftsman", terms) != []
    # 技师 inside 高级技师 is covered by the longer term, so only one rendering is asked for.
    assert _missing(senior["zh"], senior["en"], terms) == []


def test_every_tag_is_defined_and_used(policy: Policy) -> None:
    defined = {tag["id"] for tag in policy["tags"]["tags"]}
    used = {tag for _, node in _tagged(policy["document"]) for tag in node}
    assert used == defined


def _tagged(node: Any) -> Iterator[tuple[str, list[str]]]:
    if isinstance(node, dict):
        if "tags" in node:
            yield node.get("id", ""), node["tags"]
        for value in node.values():
            yield from _tagged(value)
    elif isinstance(node, list):
        for value in node:
            yield from _tagged(value)
