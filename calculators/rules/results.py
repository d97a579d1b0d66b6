"""What the calculators answer: plain dataclasses that serialise to the JSON the site reads.

The same objects are the CLI's --json output, the api's response and what the case files
match against, so their field names are an interface: add fields, do not rename them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from calculators.plumbing.serial import Serializable
from calculators.plumbing.texts import Text
from calculators.rules.facts import EligibilityFacts


@dataclass(frozen=True)
class Named(Serializable):
    """A title or level by id with its names: {"id", "zh", "en"}."""

    id: str
    zh: str
    en: str


@dataclass(frozen=True)
class LevelRef(Serializable):
    """A skill level by id with its names and grade ("二级" / "Level 2"; null if none)."""

    id: str
    zh: str
    en: str
    grade: Text | None = None


@dataclass(frozen=True)
class NoteResult(Serializable):
    """A statement from a source outside the rule applied, shown with its confidence."""

    id: str
    text: Text
    source: str | None
    source_label: Text | None
    confidence: str
    source_note: Text | None = None


@dataclass(frozen=True)
class ConditionResult(Serializable):
    """One condition of a route: what it requires, whether it holds, and what is missing."""

    kind: str
    met: bool
    requirement: Text
    missing: Text | None = None
    met_from: date | None = None


@dataclass(frozen=True)
class RouteResult(Serializable):
    """One national route to the target level, tried against the facts."""

    id: str
    label: str
    edition: str
    target: str
    met: bool
    source: str
    source_label: Text
    confidence: str
    description: Text
    explanation: Text
    conditions: list[ConditionResult]
    wording: Text | None
    missing: list[Text]
    eligible_from: date | None = None
    extension: bool = False
    scope: Text | None = None
    note: Text | None = None


@dataclass(frozen=True)
class SpecialRouteResult(Serializable):
    """A route of the Huangshi text outside the national conditions, and how it stands.

    status: "open" (exists; the text sets no numeric condition, nor who decides), "possible"
    (the facts meet the one condition the text states), "not_met", or "not_stated".
    """

    id: str
    kind: str
    status: str
    source: str
    source_label: Text
    name: Text
    explanation: Text
    decided_by: Text
    notes: list[NoteResult] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentInForce(Serializable):
    """A document whose rules an answer applies, with its dates (`valid_from` as the data
    writes it: a year where the day is not known); `unsure`: the day falls where the data
    cannot tell whether it applied yet, and `note` says why."""

    id: str
    number: Text
    valid_from: str | None
    valid_until: str | None
    unsure: bool = False
    note: Text | None = None


@dataclass(frozen=True)
class OtherDate(Serializable):
    """The answer under the rules of another day, where it differs: `before` the rules in
    force before `day`, or `from` it (a change not yet in force on the day asked about).
    `differences`: the parts of that answer someone acts on (a route, the day it opens, what
    it needs; a title one may apply for) that differ from the answer given, in that day's
    words: the headline alone can stay the same while these change."""

    when: str  # "before" | "from"
    day: date
    headline: Text
    documents: list[Text]
    differences: list[Text] = field(default_factory=list)


@dataclass(frozen=True)
class InForce(Serializable):
    """Which rules an answer applied: those in force on `day` (its documents, editions and
    rule records, rules_on), and how the answer differs under the rules of other days."""

    day: date
    documents: list[DocumentInForce]
    editions: list[str]
    elsewhen: list[OtherDate] = field(default_factory=list)


@dataclass(frozen=True)
class EditionRef(Serializable):
    """The edition of the national template a decision applies."""

    id: str
    name: Text
    source: str
    confidence: str


@dataclass(frozen=True)
class OtherEdition(Serializable):
    """The verdict under another edition than the one a decision applied (rules/editions.py)."""

    edition: EditionRef
    eligible: bool
    eligible_from: date | None
    headline: Text


@dataclass(frozen=True)
class Decision(Serializable):
    """Eligibility: `eligible` is about the national routes only; special routes are beside it.

    `headline` is the answer in one sentence, to be read first: may apply (by which route),
    from which day, or not yet and what the closest route (`closest_route`) still needs.
    """

    eligible: bool
    edition: EditionRef
    target: LevelRef
    certificate: LevelRef | None
    routes: list[RouteResult]
    met_routes: list[str]
    special_routes: list[SpecialRouteResult]
    explanation: Text
    notes: list[Text]
    sources: list[str]
    facts: EligibilityFacts
    headline: Text
    eligible_from: date | None = None
    closest_route: str | None = None
    kind: str = "eligibility"
    other_editions: list[OtherEdition] = field(default_factory=list)
    in_force: InForce | None = None


@dataclass(frozen=True)
class TitleApplication(Serializable):
    """The national rule on applying for a title from a skill level (an application, not a grant)."""

    id: str
    title: Named
    years: int
    source: str
    also: list[str]
    source_labels: list[Text]
    confidence: str
    description: Text


@dataclass(frozen=True)
class Equivalence(Serializable):
    """A level's equal-treatment title under clause (14), or a title's level; and what else applies.

    basis: "huangshi" (the text itself) or "none" (no source states an equivalent; what is
    reported stands in `notes`, with its confidence). `scope`: what the clause covers and
    leaves open, said beside every answer.
    """

    direction: str
    level: LevelRef | None
    title: Named | None
    hired: bool
    equivalent: Named | None
    basis: str
    clause: str | None
    explanation: Text
    scope: Text
    sources: list[str]
    if_hired: Named | None = None
    may_apply_for: TitleApplication | None = None
    notes: list[NoteResult] = field(default_factory=list)
    kind: str = "equivalence"
    in_force: InForce | None = None
