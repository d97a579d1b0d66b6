"""The dates of the policy, checked across files: what the schemas cannot say about time.

The schemas check each date's shape and that an amendment names a clause that exists; this
checks that the dates hold together, with the same file:line messages:
- every date is a real day (or month, or year), and a thing ends after it starts;
- a document that amends or replaces another starts after it, and no chain of `replaces`
  leads back to where it began;
- a clause is not given two sets of words from the same day;
- the versions of one rule (records joined by `version_of`, in one list) follow each other
  with no gap and no overlap: each one's `valid_until` is the next one's `valid_from`.
A calculator asked about a day in a gap would find no rule, and in an overlap two.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from calculators.model.document import Document
from calculators.model.validity import Day, Validity
from calculators.model.versions import DATED_RULES, Timeline

from .errors import Problem
from .yamlfile import JsonPath, YamlFile

RULE = "rule: dates in order, no gap or overlap between the versions of one rule"


def validity_problems(files: list[YamlFile]) -> list[Problem]:
    """Every problem with the dates of the policy files (all of which passed their schemas)."""
    by_stem = {f.path.stem: f for f in files}
    problems = list(_bad_days(files))
    if problems or "document" not in by_stem or "sources" not in by_stem:
        return problems  # the checks below read the dates
    data = {stem: f.data for stem, f in by_stem.items()}
    timeline = Timeline(data, Document.of(data["document"]))
    problems += _document_problems(by_stem, timeline)
    for stem, key in DATED_RULES:
        if stem in by_stem and isinstance(by_stem[stem].data.get(key), list):
            problems += _chain_problems(by_stem[stem], key, timeline)
    return problems


def _problem(file: YamlFile, path: JsonPath, message: str) -> Problem:
    return Problem(file.path, file.line_of(path), message, RULE)


def _dated(node: Any, path: JsonPath) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    """(path, mapping) for every mapping with a `valid_from` or `valid_until`."""
    if isinstance(node, dict):
        if "valid_from" in node or "valid_until" in node:
            yield path, node
        for key, value in node.items():
            yield from _dated(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _dated(value, (*path, index))


def _bad_days(files: list[YamlFile]) -> Iterator[Problem]:
    """Dates that are no day, and ends that are not after their starts."""
    for file in files:
        for path, record in _dated(file.data, ()):
            days: dict[str, Day] = {}
            for key in ("valid_from", "valid_until"):
                value = record.get(key)
                if value is None:
                    continue
                try:
                    days[key] = Day.parse(value)
                except ValueError as err:
                    yield _problem(file, (*path, key), f"invalid date {value!r}: {err}")
            start, end = days.get("valid_from"), days.get("valid_until")
            if start and end and end.first <= start.first:
                yield _problem(
                    file,
                    (*path, "valid_until"),
                    f"valid_until {end.text} is not after valid_from {start.text}: "
                    "a thing ends after it starts",
                )


def _document_problems(by_stem: dict[str, YamlFile], timeline: Timeline) -> Iterator[Problem]:
    """Amendments and replacements after what they change; no cycle; one text per day."""
    file = by_stem["sources"]
    sources = file.data["sources"]
    replaced: dict[str, list[str]] = {}
    given: dict[tuple[str, str], str] = {}
    for index, raw in enumerate(sources):
        for kind in ("amends", "replaces"):
            for n, relation in enumerate(raw.get(kind, ())):
                where: JsonPath = ("sources", index, kind, n)
                start = relation.get("valid_from") or raw.get("valid_from")
                target = relation.get("document") or timeline.base
                if relation.get("document"):
                    replaced.setdefault(raw["id"], []).append(relation["document"])
                yield from _after(file, where, raw, start, target, timeline)
                clause = relation.get("clause")
                if clause is not None and start is not None:
                    key = (clause, Day.parse(start).text)
                    if key in given:
                        yield _problem(
                            file,
                            where,
                            f"{raw['id']} changes clause {clause} from {start}, and so does "
                            f"{given[key]}: a clause has one text on a day",
                        )
                    given[key] = raw["id"]
    yield from _cycles(file, replaced, sources)


def _after(
    file: YamlFile,
    where: JsonPath,
    raw: dict[str, Any],
    start: str | None,
    target: str,
    timeline: Timeline,
) -> Iterator[Problem]:
    """A change must start after the document it changes does."""
    changed = timeline.documents.get(target)
    if start is None or changed is None or changed.validity.valid_from is None:
        return
    begins = changed.validity.valid_from
    if Day.parse(start).first <= begins.first:
        yield _problem(
            file,
            where,
            f"{raw['id']} changes {changed.number.zh} from {start}, not after that document "
            f"starts to apply ({begins.text})",
        )


def _cycles(
    file: YamlFile, replaced: dict[str, list[str]], sources: list[dict[str, Any]]
) -> Iterator[Problem]:
    """A chain of `replaces` that leads back to its start: no document would ever apply."""
    line_of = {raw["id"]: ("sources", i, "replaces") for i, raw in enumerate(sources)}
    reported: set[frozenset[str]] = set()
    for start in replaced:
        path, todo = [start], list(replaced[start])
        seen = {start}
        while todo:
            nxt = todo.pop()
            if nxt == start:
                loop = frozenset(path)
                if loop not in reported:
                    reported.add(loop)
                    chain = " → ".join([*path, start])
                    yield _problem(
                        file,
                        line_of[start],
                        f"replaces cycle: {chain} (each replaces the next; none would apply)",
                    )
                break
            if nxt in seen:
                continue
            seen.add(nxt)
            path.append(nxt)
            todo.extend(replaced.get(nxt, []))


def _root(ident: str, parent: dict[str, str]) -> str | None:
    """The first version of the rule `ident` belongs to; None on a loop of `version_of`."""
    seen = {ident}
    while ident in parent:
        ident = parent[ident]
        if ident in seen:
            return None
        seen.add(ident)
    return ident


def _chain_problems(file: YamlFile, key: str, timeline: Timeline) -> Iterator[Problem]:
    """The versions of each rule in one list: in the list, no loop, no gap, no overlap."""
    records = [r for r in file.data[key] if isinstance(r, dict)]
    position = {r["id"]: i for i, r in enumerate(records)}
    parent = {r["id"]: r["version_of"] for r in records if r.get("version_of")}
    chains: dict[str, list[dict[str, Any]]] = {}
    for ident, of in parent.items():
        if of not in position:
            yield _problem(
                file,
                (key, position[ident], "version_of"),
                f"version_of '{of}': no record of that id in {key} (a version is of a rule "
                "in the same list)",
            )
            continue
        root = _root(ident, parent)
        if root is None:
            yield _problem(
                file, (key, position[ident], "version_of"), f"version_of loop through '{ident}'"
            )
            continue
        chains.setdefault(root, [records[position[root]]])
        chains[root].append(records[position[ident]])
    for versions in chains.values():
        dated = [(timeline.rule_validity(r), r) for r in versions]
        dated.sort(key=lambda pair: _start(pair[0]))
        for (before, earlier), (after, later) in zip(dated, dated[1:], strict=False):
            yield from _meet(file, key, position, before, earlier, after, later)


def _start(validity: Validity) -> tuple[int, Any]:
    start = validity.valid_from
    return (0, None) if start is None else (1, start.first)


def _meet(
    file: YamlFile,
    key: str,
    position: dict[str, int],
    before: Validity,
    earlier: dict[str, Any],
    after: Validity,
    later: dict[str, Any],
) -> Iterator[Problem]:
    """Two consecutive versions of a rule: the first ends the day the second starts."""
    where = (key, position[later["id"]], "valid_from" if "valid_from" in later else "version_of")
    end, start = before.valid_until, after.valid_from
    if start is None:
        yield _problem(
            file, where, f"{later['id']} is a later version of a rule but has no valid_from"
        )
    elif end is None:
        yield _problem(
            file,
            where,
            f"overlap: {earlier['id']} applies with no end, and its later version "
            f"{later['id']} starts {start.text}: give {earlier['id']} valid_until: "
            f'"{start.text}"',
        )
    elif end.text != start.text:
        kind = "gap" if end.first < start.first else "overlap"
        yield _problem(
            file,
            where,
            f"{kind}: {earlier['id']} applies until {end.text} and its later version "
            f"{later['id']} from {start.text}: one rule, one version on every day (make them "
            "the same date)",
        )
