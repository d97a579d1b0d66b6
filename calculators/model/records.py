"""The policy as typed records, built once from the compiled data and read everywhere after.

The compiled policy is plain JSON (file stem → data), the same in a checkout, in the site build
and in the browser wheel. Each record type below is built from its part of that data by its
own `of` constructor, the one place that knows the data's keys; the calculators and the
generator then read attributes (`route.target`, `source.number_en`), so a renamed key is
caught in one module instead of in every rule, table and template.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from calculators.plumbing import messages
from calculators.plumbing.texts import Text
from calculators.rules.conditions import Condition, condition_of

Raw = Mapping[str, Any]


def _text(raw: Raw, key: str) -> Text | None:
    """An optional `{zh, en}` field as a Text, None where the record has none."""
    return Text.of(raw[key]) if raw.get(key) is not None else None


# Levels and titles ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Level:
    """A skill level: `order` ranks it (higher is more senior); `kind` national or enterprise."""

    id: str
    order: int
    kind: str
    name: Text
    grade: Text | None
    source: str

    @classmethod
    def of(cls, raw: Raw) -> Level:
        name, grade = Text.of(raw["name"]), _text(raw, "grade")
        return cls(raw["id"], raw["order"], raw["kind"], name, grade, raw["source"])

    @property
    def label(self) -> Text:
        """ "技师（二级）" / "Technician (Level 2)"; the name alone where there is no grade."""
        if self.grade is None:
            return self.name
        return _with_grade(self.name, self.grade)


@functools.cache
def _with_grade(name: Text, grade: Text) -> Text:
    """A level's name with its grade: the same few texts, asked for in every answer."""
    return messages.NAME_WITH_GRADE.format(name=name, grade=grade)


@dataclass(frozen=True, slots=True)
class Tier:
    """A professional-title tier (初级/中级/高级职称)."""

    id: str
    order: int
    name: Text

    @classmethod
    def of(cls, raw: Raw) -> Tier:
        return cls(raw["id"], raw["order"], Text.of(raw["name"]))


@dataclass(frozen=True, slots=True)
class Title:
    """An engineering professional title and its tier."""

    id: str
    tier: str
    name: Text
    source: str

    @classmethod
    def of(cls, raw: Raw) -> Title:
        return cls(raw["id"], raw["tier"], Text.of(raw["name"]), raw["source"])


@dataclass(frozen=True, slots=True)
class Education:
    """A kind of schooling an `education` condition may accept."""

    id: str
    name: Text
    covers: Text
    note: Text | None
    # Other names for it that mean it alone (大专, 中专), read as its name is.
    aliases: tuple[str, ...] = ()

    @classmethod
    def of(cls, raw: Raw) -> Education:
        return cls(
            raw["id"],
            Text.of(raw["name"]),
            Text.of(raw["covers"]),
            _text(raw, "note"),
            tuple(raw.get("aliases", ())),
        )


# Sources and certainty -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """An external document the rules cite, with its mark of certainty.

    `number_en`: the number (or a standard's name) in English; `issued`: the date as far as
    the sources say it (YYYY, YYYY-MM or YYYY-MM-DD), None if unknown; `scope`: its reach,
    where narrower than Hubei (said beside every citation of it).
    """

    id: str
    number: str
    number_en: str
    title: Text
    issued: str | None
    confidence: str
    scope: Text | None
    note: Text | None

    @classmethod
    def of(cls, raw: Raw) -> Source:
        return cls(
            id=raw["id"],
            number=raw["number"],
            number_en=raw["number_en"],
            title=Text.of(raw["title"]),
            issued=raw.get("issued"),
            confidence=raw["confidence"],
            scope=_text(raw, "scope"),
            note=_text(raw, "note"),
        )


@dataclass(frozen=True, slots=True)
class ConfidenceMark:
    """A mark of certainty (`seen`, `reported`, …): a higher `rank` is surer."""

    id: str
    rank: int
    label: Text
    means: Text

    @classmethod
    def of(cls, raw: Raw) -> ConfidenceMark:
        return cls(raw["id"], raw["rank"], Text.of(raw["label"]), Text.of(raw["means"]))


@dataclass(frozen=True, slots=True)
class Note:
    """A statement from outside the text (or a caveat of the project) about a rule.

    `source` None: no document the project holds (then `source_note` says where it was seen).
    `titles` (the titles it concerns), `about` (the special routes it concerns) and `min_level`
    (the lowest level it covers) are set only by the notes that say so.
    """

    id: str
    text: Text
    source: str | None
    confidence: str
    source_note: Text | None = None
    titles: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    min_level: str | None = None

    @classmethod
    def of(cls, raw: Raw) -> Note:
        return cls(
            id=raw["id"],
            text=Text.of(raw["text"]),
            source=raw.get("source"),
            confidence=raw["confidence"],
            source_note=_text(raw, "source_note"),
            titles=tuple(raw.get("titles", ())),
            about=tuple(raw.get("about", ())),
            min_level=raw.get("min_level"),
        )


# Application routes --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edition:
    """An edition of the national drafting template: the set of routes a standard copies."""

    id: str
    name: Text
    source: str
    confidence: str
    note: Text | None

    @classmethod
    def of(cls, raw: Raw) -> Edition:
        return cls(
            raw["id"], Text.of(raw["name"]), raw["source"], raw["confidence"], _text(raw, "note")
        )


@dataclass(frozen=True, slots=True)
class Route:
    """One way in to a level under an edition: every one of its conditions must hold.

    `extension`: an occupation-specific route, tried only when asked for.
    """

    id: str
    edition: str
    label: str
    target: str
    description: Text
    source: str
    confidence: str
    conditions: tuple[Condition, ...]
    extension: bool
    wording: Text | None
    scope: Text | None
    note: Text | None

    @classmethod
    def of(cls, raw: Raw, extension: bool) -> Route:
        return cls(
            id=raw["id"],
            edition=raw["edition"],
            label=raw["label"],
            target=raw["target"],
            description=Text.of(raw["description"]),
            source=raw["source"],
            confidence=raw["confidence"],
            conditions=tuple(condition_of(c) for c in raw["conditions"]),
            extension=extension,
            wording=_text(raw, "wording"),
            scope=_text(raw, "scope"),
            note=_text(raw, "note"),
        )

    def condition[C: Condition](self, kind: type[C]) -> C | None:
        """The route's condition of `kind` (a waiting period counts from it), if it has one."""
        return next((c for c in self.conditions if isinstance(c, kind)), None)


# Equal treatment and title application -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Treatment:
    """Clause （十四）: hired holders of `level` are treated like holders of `title`."""

    id: str
    level: str
    title: str
    condition: str
    source: str

    @classmethod
    def of(cls, raw: Raw) -> Treatment:
        return cls(raw["id"], raw["level"], raw["title"], raw["condition"], raw["source"])


@dataclass(frozen=True, slots=True)
class EnterpriseLevel:
    """What the sources say (and do not say) about an enterprise-set level and titles."""

    id: str
    level: str
    source: str
    statement: Text
    notes: tuple[Note, ...]

    @classmethod
    def of(cls, raw: Raw) -> EnterpriseLevel:
        notes = tuple(Note.of(n) for n in raw.get("notes", ()))
        return cls(raw["id"], raw["level"], raw["source"], Text.of(raw["statement"]), notes)


@dataclass(frozen=True, slots=True)
class NotCovered:
    """The national levels clause （十四） leaves out, and what it says about them."""

    levels: tuple[str, ...]
    source: str
    note: Text

    @classmethod
    def of(cls, raw: Raw) -> NotCovered:
        return cls(tuple(raw["levels"]), raw["source"], Text.of(raw["note"]))


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement of the project's with the clause it rests on (the scope of （十四））."""

    text: Text
    source: str

    @classmethod
    def of(cls, raw: Raw) -> Quote:
        return cls(Text.of(raw["text"]), raw["source"])


@dataclass(frozen=True, slots=True)
class TitleRule:
    """The national rule for applying for `title` after `years` at `level`."""

    id: str
    level: str
    title: str
    years: int
    source: str
    also: tuple[str, ...]
    confidence: str
    description: Text

    @classmethod
    def of(cls, raw: Raw) -> TitleRule:
        return cls(
            id=raw["id"],
            level=raw["level"],
            title=raw["title"],
            years=raw["years"],
            source=raw["source"],
            also=tuple(raw.get("also", ())),
            confidence=raw["confidence"],
            description=Text.of(raw["description"]),
        )


@dataclass(frozen=True, slots=True)
class EquivalenceRules:
    """equivalence.yaml: equal treatment (clause （十四）) and the national title-application
    rule, each with the notes that qualify it."""

    treatment: tuple[Treatment, ...]
    treatment_notes: tuple[Note, ...]
    not_covered: NotCovered
    scope_note: Quote
    enterprise_levels: tuple[EnterpriseLevel, ...]
    title_application: tuple[TitleRule, ...]
    title_application_notes: tuple[Note, ...]

    @classmethod
    def of(cls, raw: Raw) -> EquivalenceRules:
        return cls(
            treatment=tuple(Treatment.of(r) for r in raw["treatment"]),
            treatment_notes=tuple(Note.of(n) for n in raw["treatment_notes"]),
            not_covered=NotCovered.of(raw["not_covered"]),
            scope_note=Quote.of(raw["scope_note"]),
            enterprise_levels=tuple(EnterpriseLevel.of(r) for r in raw["enterprise_levels"]),
            title_application=tuple(TitleRule.of(r) for r in raw["title_application"]),
            title_application_notes=tuple(Note.of(n) for n in raw["title_application_notes"]),
        )


# Special routes ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpecialRoute:
    """A route of the Huangshi text beside the national conditions (clauses （六）, （九）4).

    kind `open`: the text sets no condition; `competition`: a place no worse than `max_rank`
    in a competition registered with `registered_with`, at `level`, or where that is None at
    the level its notice sets (`level_note`).
    """

    id: str
    kind: str
    source: str
    name: Text
    decided_by: Text
    note: Text | None
    max_rank: int | None
    registered_with: Text | None
    level: str | None
    level_note: Text | None

    @classmethod
    def of(cls, raw: Raw) -> SpecialRoute:
        return cls(
            id=raw["id"],
            kind=raw["kind"],
            source=raw["source"],
            name=Text.of(raw["name"]),
            decided_by=Text.of(raw["decided_by"]),
            note=_text(raw, "note"),
            max_rank=raw.get("max_rank"),
            registered_with=_text(raw, "registered_with"),
            level=raw.get("level"),
            level_note=_text(raw, "level_note"),
        )


@dataclass(frozen=True, slots=True)
class SpecialRoutes:
    """special-routes.yaml: the routes, and the outside statements about them."""

    routes: tuple[SpecialRoute, ...]
    notes: tuple[Note, ...]

    @classmethod
    def of(cls, raw: Raw) -> SpecialRoutes:
        routes = tuple(SpecialRoute.of(r) for r in raw["routes"])
        return cls(routes, tuple(Note.of(n) for n in raw["notes"]))
