"""The full tables the site prints at build time (the no-JavaScript fallback).

Everything a calculator could answer, laid out: each level's equal-treatment title and
title-application rule, every route of every edition with its conditions in words, the
special routes. Built from the same functions as the calculators, so the tables and the
calculators cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .conditions import describe
from .eligibility import level_ref
from .equivalence import application_notes, lookup
from .facts import EquivalenceQuery
from .index import PolicyIndex
from .results import Equivalence, LevelRef, NoteResult
from .serial import Serializable
from .special import route_notes
from .texts import Text


@dataclass(frozen=True)
class EditionRow(Serializable):
    id: str
    name: Text
    source: str
    source_label: Text
    confidence: str
    default: bool
    note: Text | None = None


@dataclass(frozen=True)
class ConditionRow(Serializable):
    """A condition in words, with its machine-readable parameters as in the data."""

    kind: str
    requirement: Text
    parameters: dict[str, Any]


@dataclass(frozen=True)
class RouteRow(Serializable):
    id: str
    label: str
    edition: str
    target: LevelRef
    description: Text
    conditions: list[ConditionRow]
    wording: Text | None
    source: str
    source_label: Text
    confidence: str
    extension: bool = False
    scope: Text | None = None
    note: Text | None = None


@dataclass(frozen=True)
class SpecialRow(Serializable):
    id: str
    kind: str
    source: str
    source_label: Text
    name: Text
    quote: Text
    decided_by: Text
    max_rank: int | None = None
    level_note: Text | None = None
    note: Text | None = None
    notes: list[NoteResult] = field(default_factory=list)


@dataclass(frozen=True)
class EducationRow(Serializable):
    id: str
    name: Text
    covers: Text
    note: Text | None = None


@dataclass(frozen=True)
class Tables(Serializable):
    levels: list[LevelRef]
    equivalence: list[Equivalence]
    title_application_notes: list[NoteResult]
    editions: list[EditionRow]
    routes: dict[str, list[RouteRow]]
    extensions: dict[str, list[RouteRow]]
    special_routes: list[SpecialRow]
    education: list[EducationRow]
    kind: str = "tables"


def tables(index: PolicyIndex) -> Tables:
    """Every table, for every level and both editions."""
    return Tables(
        levels=[level_ref(lv.id, index) for lv in index.levels.values()],
        equivalence=[
            lookup(EquivalenceQuery(level=lv.id, hired=True), index) for lv in index.levels.values()
        ],
        title_application_notes=application_notes(index),
        editions=[_edition(e, index) for e in index.editions.values()],
        routes={
            e: [_route(r, index) for r in index.routes if r["edition"] == e] for e in index.editions
        },
        extensions={
            e: [_route(r, index) for r in index.extensions if r["edition"] == e]
            for e in index.editions
        },
        special_routes=[_special(r, index) for r in index.special["routes"]],
        education=[
            EducationRow(
                id=e["id"],
                name=Text.of(e["name"]),
                covers=Text.of(e["covers"]),
                note=Text.of(e["note"]) if "note" in e else None,
            )
            for e in index.education.values()
        ],
    )


def _edition(raw: dict[str, Any], index: PolicyIndex) -> EditionRow:
    return EditionRow(
        id=raw["id"],
        name=Text.of(raw["name"]),
        source=raw["source"],
        source_label=index.citation_label(raw["source"]),
        confidence=raw["confidence"],
        default=raw["id"] == index.default_edition,
        note=Text.of(raw["note"]) if "note" in raw else None,
    )


def _route(raw: dict[str, Any], index: PolicyIndex) -> RouteRow:
    return RouteRow(
        id=raw["id"],
        label=raw["label"],
        edition=raw["edition"],
        target=level_ref(raw["target"], index),
        description=Text.of(raw["description"]),
        conditions=[
            ConditionRow(
                kind=c["kind"],
                requirement=describe(c, raw, index),
                parameters={k: v for k, v in c.items() if k != "kind"},
            )
            for c in raw["conditions"]
        ],
        wording=Text.of(raw["wording"]) if "wording" in raw else None,
        source=raw["source"],
        source_label=index.citation_label(raw["source"]),
        confidence=raw["confidence"],
        extension=index.is_extension(raw["id"]),
        scope=Text.of(raw["scope"]) if "scope" in raw else None,
        note=Text.of(raw["note"]) if "note" in raw else None,
    )


def _special(raw: dict[str, Any], index: PolicyIndex) -> SpecialRow:
    return SpecialRow(
        id=raw["id"],
        kind=raw["kind"],
        source=raw["source"],
        source_label=index.citation_label(raw["source"]),
        name=Text.of(raw["name"]),
        quote=index.clause_text(raw["source"]),
        decided_by=Text.of(raw["decided_by"]),
        max_rank=raw.get("max_rank"),
        level_note=Text.of(raw["level_note"]) if "level_note" in raw else None,
        note=Text.of(raw["note"]) if "note" in raw else None,
        notes=route_notes(raw["id"], index),
    )
