"""Typed, indexed views of the compiled policy data that the calculators share.

The compiled data is plain JSON (file stem → data). Looking levels, titles and sources up by
id, ranking levels by `order` and labelling citations happen in many places; doing it once
here keeps each calculator about its own rule.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from . import messages
from .texts import Text


@dataclass(frozen=True)
class Level:
    """A skill level: `order` ranks it (higher is more senior); `kind` national or enterprise."""

    id: str
    order: int
    kind: str
    name: Text
    grade: Text | None
    source: str

    @cached_property
    def label(self) -> Text:
        """ "技师（二级）" / "Technician (Level 2)"; the name alone where there is no grade."""
        if self.grade is None:
            return self.name
        return messages.NAME_WITH_GRADE.format(name=self.name, grade=self.grade)


@dataclass(frozen=True)
class Tier:
    """A professional-title tier (初级/中级/高级职称)."""

    id: str
    order: int
    name: Text


@dataclass(frozen=True)
class Title:
    """An engineering professional title and its tier."""

    id: str
    tier: str
    name: Text
    source: str


class PolicyIndex:
    """The compiled policy with lookups by id; built once per process and shared.

    The policy data is never changed after this is built, so whatever is derived from it
    alone (alias tables, route lists, citation labels, route texts) is worked out once and
    kept (`memo`), not on every request.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._memo: dict[Any, Any] = {}
        self.levels: dict[str, Level] = {
            raw["id"]: Level(
                id=raw["id"],
                order=raw["order"],
                kind=raw["kind"],
                name=Text.of(raw["name"]),
                grade=Text.of(raw["grade"]) if "grade" in raw else None,
                source=raw["source"],
            )
            for raw in sorted(data["levels"]["levels"], key=lambda r: r["order"])
        }
        self.tiers: dict[str, Tier] = {
            raw["id"]: Tier(raw["id"], raw["order"], Text.of(raw["name"]))
            for raw in sorted(data["titles"]["tiers"], key=lambda r: r["order"])
        }
        self.titles: dict[str, Title] = {
            raw["id"]: Title(raw["id"], raw["tier"], Text.of(raw["name"]), raw["source"])
            for raw in data["titles"]["titles"]
        }
        self.education: dict[str, dict[str, Any]] = {
            raw["id"]: raw for raw in data["education"]["education"]
        }
        self.sources: dict[str, dict[str, Any]] = {
            raw["id"]: raw for raw in data["sources"]["sources"]
        }
        self.clauses: dict[str, dict[str, Any]] = dict(_clauses(data["document"]))
        routes = data["application-routes"]
        self.default_edition: str = routes["default_edition"]
        self.editions: dict[str, dict[str, Any]] = {e["id"]: e for e in routes["editions"]}
        self.routes: list[dict[str, Any]] = list(routes["routes"])
        self.extensions: list[dict[str, Any]] = list(routes["extensions"])
        self.equivalence: dict[str, Any] = data["equivalence"]
        self.special: dict[str, Any] = data["special-routes"]
        self.confidence_marks: dict[str, dict[str, Any]] = {
            raw["id"]: raw for raw in data["confidence"]["marks"]
        }
        self._extension_ids = frozenset(r["id"] for r in self.extensions)

    def memo[V](self, key: Any, build: Callable[[], V]) -> V:
        """`build()`, computed once per index for `key`: for values derived from the policy
        alone, never from a request."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    # Levels ------------------------------------------------------------------------------
    def national_levels(self) -> list[Level]:
        """The national levels, lowest first."""
        return [lv for lv in self.levels.values() if lv.kind == "national"]

    def next_national_level(self, current: str | None) -> Level | None:
        """The national level just above `current` (the lowest one when `current` is None)."""
        floor = self.levels[current].order if current else 0
        above = [lv for lv in self.national_levels() if lv.order > floor]
        return above[0] if above else None

    # Routes ------------------------------------------------------------------------------
    def routes_for(
        self, edition: str, target: str | None = None, extensions: bool = False
    ) -> list[dict[str, Any]]:
        """The routes of `edition` (and its extensions when asked), for `target` if given."""
        found = self.memo(
            ("routes_for", edition, target, extensions),
            lambda: self._routes_for(edition, target, extensions),
        )
        return list(found)

    def _routes_for(
        self, edition: str, target: str | None, extensions: bool
    ) -> tuple[dict[str, Any], ...]:
        pool = self.routes + (self.extensions if extensions else [])
        return tuple(
            r for r in pool if r["edition"] == edition and (target is None or r["target"] == target)
        )

    def targets(self, edition: str, extensions: bool = False) -> list[Level]:
        """Levels that have at least one route in `edition`, lowest first."""

        def build() -> tuple[Level, ...]:
            ids = {r["target"] for r in self._routes_for(edition, None, extensions)}
            return tuple(lv for lv in self.levels.values() if lv.id in ids)

        return list(self.memo(("targets", edition, extensions), build))

    def is_extension(self, route_id: str) -> bool:
        """Whether `route_id` is an occupation-specific extension route."""
        return route_id in self._extension_ids

    # Citations ---------------------------------------------------------------------------
    def cites(self, citation: str) -> bool:
        """Whether `citation` is a clause id of the text or the id of an external source."""
        return citation in self.clauses or citation in self.sources

    def citation_label(self, citation: str) -> Text:
        """How a citation reads to people: the clause of the opinion, or the document number."""
        return self.memo(("citation_label", citation), lambda: self._citation_label(citation))

    def _citation_label(self, citation: str) -> Text:
        if citation in self.sources:
            source = self.sources[citation]
            number = messages.SOURCE_NUMBER.format(
                number=Text.same(source["number"]), english=Text.same(source["number_en"])
            )
            if "scope" in source:
                return messages.SOURCE_WITH_SCOPE.format(
                    number=number, scope=Text.of(source["scope"])
                )
            return number
        number = self.data["document"]["number"]["zh"]
        clause = self.clauses[citation]
        return messages.clause_label(number, citation, clause.get("numeral"), clause["parent"])

    def clause_text(self, citation: str) -> Text:
        """The words of a clause of the opinion, so rules quote it without copying it."""
        return Text.of(self.clauses[citation]["text"])

    def confidence_label(self, mark: str) -> Text:
        """How a confidence mark reads ("见于报道" / "reported"): confidence.yaml's one wording."""
        return Text.of(self.confidence_marks[mark]["label"])

    @cached_property
    def data_version(self) -> dict[str, str]:
        """Which rules an answer comes from: the newest changelog date and a digest of the
        compiled data, so a printed or shared answer can be traced to its rules."""
        newest = max(change["date"] for change in self.data["changelog"]["changes"])
        return {"date": newest, "digest": policy_digest(self.data)}


def canonical_json(data: Any) -> str:
    """The compiled policy as stable text (sorted keys, UTF-8): what policy.json holds and
    what the digest is taken of, the same in CPython and in Pyodide."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def policy_digest(data: Any) -> str:
    """A short digest of the compiled policy: 12 hex digits of its SHA-256."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()[:12]


def _clause_entry(record: dict[str, Any], parent: str | None) -> dict[str, Any]:
    return {"numeral": record.get("numeral"), "parent": parent, "text": record.get("text")}


def _clauses(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every citable part of the document by id, with its numeral and its parent's numeral."""
    found: list[tuple[str, dict[str, Any]]] = []
    for key in ("preamble", "closing"):
        if key in document:
            found.append((document[key]["id"], {"parent": None, "text": document[key]["text"]}))
    for section in document.get("sections", []):
        found.append((section["id"], _clause_entry(section, None)))
        for clause in section.get("clauses", []):
            found.append((clause["id"], _clause_entry(clause, None)))
            for item in clause.get("items", []):
                found.append((item["id"], _clause_entry(item, clause.get("numeral"))))
    return found
