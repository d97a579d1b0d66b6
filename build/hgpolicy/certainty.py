"""A record's mark of certainty may not say more than the source it cites.

Every record that cites an external document (`source`) and carries a `confidence` is
checked against that document's own mark in sources.yaml, by the ranks of confidence.yaml:
a rule marked `seen` that rests on a `reported` document would tell readers more than the
project knows. The schemas cannot say this (it compares values across files), so it is
checked here, after the schemas, with the same file:line messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .errors import Problem
from .yamlfile import JsonPath, YamlFile


def confidence_problems(files: list[YamlFile]) -> list[Problem]:
    """Every record whose confidence ranks above its source's."""
    by_stem = {f.path.stem: f.data for f in files if isinstance(f.data, dict)}
    ranks = {m["id"]: m["rank"] for m in _records(by_stem.get("confidence"), "marks")}
    sources = {s["id"]: s for s in _records(by_stem.get("sources"), "sources")}
    problems: list[Problem] = []
    for file in files:
        for path, record in _with_confidence(file.data, ()):
            source = sources.get(record.get("source"))
            mine, theirs = record["confidence"], source and source.get("confidence")
            if source is None or mine not in ranks or theirs not in ranks:
                continue
            if ranks[mine] > ranks[theirs]:
                problems.append(
                    Problem(
                        file.path,
                        file.line_of((*path, "confidence")),
                        f"confidence '{mine}' says more than its source {source['number']} "
                        f"('{theirs}' in sources.yaml): use '{theirs}' or a lower mark",
                        "rule: a record's confidence ranks no higher than its source's",
                    )
                )
    return problems


def _records(data: Any, key: str) -> list[dict[str, Any]]:
    rows = data.get(key) if isinstance(data, dict) else None
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _with_confidence(node: Any, path: JsonPath) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    """(path, record) for every mapping that has both a `source` and a `confidence`."""
    if isinstance(node, dict):
        if "confidence" in node and "source" in node and isinstance(node["source"], str):
            yield path, node
        for key, value in node.items():
            yield from _with_confidence(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _with_confidence(value, (*path, index))
