"""The Chinese in policy/ is the source text, character for character."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from calculators.model.document import parts, source_text
from hgpolicy.policy import Policy

SOURCE = Path("policy/source/huangshi-hgwf-2020-4.txt")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_zh_text_in_document_order_equals_the_source(root: Path, policy: Policy) -> None:
    source = _squeeze((root / SOURCE).read_text(encoding="utf-8"))
    rebuilt = _squeeze(source_text(policy["document"]))
    if rebuilt != source:
        at = next(i for i, (a, b) in enumerate(zip(rebuilt, source, strict=False)) if a != b)
        raise AssertionError(
            f"differs at {at}: {rebuilt[at - 20 : at + 20]!r} vs {source[at - 20 : at + 20]!r}"
        )


# sha256 of the original text as the project received it (shared/source/), typed here so that
# the check runs on every clone, with or without a shared/ folder beside it.
ORIGINAL_SHA256 = "4ecd90f4b86b08c269a6fe5817f1452cfef7e7b87b8f1ce02a5510127a1a91b8"


def test_policy_copy_of_source_is_the_original(root: Path) -> None:
    assert hashlib.sha256((root / SOURCE).read_bytes()).hexdigest() == ORIGINAL_SHA256


def test_every_clause_of_the_text_has_an_id(policy: Policy) -> None:
    ids = [p.id for p in parts(policy["document"])]
    assert len(ids) == len(set(ids))
    clauses = [p for p in parts(policy["document"]) if p.kind == "clause"]
    assert [p.id for p in clauses] == [f"c{n}" for n in range(1, len(clauses) + 1)]
    assert len(clauses) == 14


def test_every_source_reference_resolves(policy: Policy) -> None:
    known = {p.id for p in parts(policy["document"])} | {
        s["id"] for s in policy["sources"]["sources"]
    }
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "source" and isinstance(value, str):
                    found.append(value)
                elif key == "sources" and isinstance(value, list):
                    found.extend(v for v in value if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(policy.data)
    assert found, "no source references found at all"
    assert sorted(set(found) - known) == []
