"""The full tables the site prints at build time (the no-JavaScript fallback).

Everything a calculator could answer, laid out: each level's equal-treatment title and
title-application rule, every route of every edition with its conditions in words, the
special routes. Built from the same functions as the calculators, so the tables and the
calculators cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from calculators.model.index import PolicyIndex
from calculators.model.records import Edition, Route, SpecialRoute
from calculators.plumbing.serial import Serializable
from calculators.plumbing.texts import Text
from calculators.rules.eligibility import level_ref, requirements
from calculators.rules.equivalence import application_notes, lookup
from calculators.rules.facts import EquivalenceQuery
from calculators.rules.results import Equivalence, LevelRef, NoteResult
from calculators.rules.special import route_notes


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
            e: [_route(r, index) for r in index.routes if r.edition == e] for e in index.editions
        },
        extensions={
            e: [_route(r, index) for r in index.extensions if r.edition == e]
            for e in index.editions
        },
        special_routes=[_special(r, index) for r in index.special.routes],
        education=[
            EducationRow(id=e.id, name=e.name, covers=e.covers, note=e.note)
            for e in index.education.values()
        ],
    )


def _edition(edition: Edition, index: PolicyIndex) -> EditionRow:
    return EditionRow(
        id=edition.id,
        name=edition.name,
        source=edition.source,
        source_label=index.citation_label(edition.source),
        confidence=edition.confidence,
        default=edition.id == index.default_edition,
        note=edition.note,
    )


def _route(route: Route, index: PolicyIndex) -> RouteRow:
    return RouteRow(
        id=route.id,
        label=route.label,
        edition=route.edition,
        target=level_ref(route.target, index),
        description=route.description,
        conditions=[
            ConditionRow(kind=c.kind, requirement=requirement, parameters=c.parameters())
            for c, requirement in zip(route.conditions, requirements(route, index), strict=True)
        ],
        wording=route.wording,
        source=route.source,
        source_label=index.citation_label(route.source),
        confidence=route.confidence,
        extension=route.extension,
        scope=route.scope,
        note=route.note,
    )


def _special(route: SpecialRoute, index: PolicyIndex) -> SpecialRow:
    return SpecialRow(
        id=route.id,
        kind=route.kind,
        source=route.source,
        source_label=index.citation_label(route.source),
        name=route.name,
        quote=index.clause_text(route.source),
        decided_by=route.decided_by,
        max_rank=route.max_rank,
        level_note=route.level_note,
        note=route.note,
        notes=route_notes(route.id, index),
    )
