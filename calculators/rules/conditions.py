"""The meaning of each condition kind in application-routes.yaml: when it is met, what is missing.

The data says *which* conditions a route has (a certificate of this level, so many years);
this module says what each kind of condition *means* for a person's facts, and nothing about
any particular route. Each kind is one class, declared once: its parameters as the data names
them, what it requires in words (`describe`), and whether a situation meets it and what is
missing if not (`check`). The closed set of kinds is the schema's enum; `KINDS` maps each to
its class.

A condition's parameters are plain fields (levels, tiers and schools by id, whole years), so
each kind also says how it compiles to plain comparisons of a person's normalised fields
(`compile`): the page answers from those before Python has loaded (see compiled.py, which
collects them, and docs/assets/calculators/rules.js, which reads them knowing no policy).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from calculators.plumbing import messages
from calculators.plumbing.texts import Text, join, years
from calculators.rules.dates import add_years

if TYPE_CHECKING:
    from calculators.model.index import PolicyIndex
    from calculators.model.records import Route
    from calculators.rules.situation import Situation

# Met or not, what is missing (None when met), and the day a waiting period is complete.
Outcome = tuple[bool, Text | None, date | None]

# A condition as plain comparisons (`Condition.compile`): `all` holds `[op, field, value]`
# tests of the normalised request (a field of `EligibilityFacts`, or one `Situation` works
# out): "in" (the field's value is one of a list), "is" (equals), "ge" (a number at least;
# none is not), "any" (one of a list of tests). `wait`, for a waiting period: met once the
# years in `have` reach `years`; it opens on `since` plus `years` calendar years, when the
# tests hold and `since` (a date) is known.
type Test = list[Any]
type Compiled = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Condition(ABC):
    """One condition of a route. Every kind may carry a `note` in the data."""

    kind: ClassVar[str]

    @abstractmethod
    def describe(self, route: Route, index: PolicyIndex) -> Text:
        """What the condition requires, in words (explanations and the routes table)."""

    @abstractmethod
    def check(self, route: Route, s: Situation) -> Outcome:
        """Whether the situation meets the condition of `route`, and what is missing if not."""

    @abstractmethod
    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        """The condition of `route` as plain comparisons (see `Compiled`), agreeing with
        `check` on every request: a test holds both to it."""

    def parameters(self) -> dict[str, Any]:
        """The parameters as the data gives them (ids, numbers, flags), for the tables."""
        found: dict[str, Any] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, Text):
                found[field.name] = value.to_dict()
            elif isinstance(value, tuple):
                found[field.name] = list(value)
            elif value is not None:
                found[field.name] = value
        return found


@dataclass(frozen=True, slots=True)
class Certificate(Condition):
    """A skill certificate of `level` or higher (in this or a related occupation if `related`)."""

    kind: ClassVar[str] = "certificate"
    level: str
    related: bool
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        label = index.levels[self.level].label
        return messages.REQ_CERTIFICATE.format(
            level=label, a_level=messages.with_article(label), related=_occupation(self.related)
        )

    def check(self, route: Route, s: Situation) -> Outcome:
        """Met by a certificate of the level or above; the occupation must match when required."""
        required = s.index.levels[self.level]
        held = s.facts.certificate
        if held is None or s.index.levels[held].order < required.order:
            missing = messages.MISS_CERTIFICATE.format(
                level=required.label, a_level=messages.with_article(required.label)
            )
            return False, missing, None
        if self.related and not s.facts.same_or_related:
            return False, messages.MISS_CERTIFICATE_RELATED, None
        return True, None, None

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        """The certificate held is this level or one above it (by id)."""
        required = index.levels[self.level].order
        held = [lv.id for lv in index.levels.values() if lv.order >= required]
        return {"all": [["in", "certificate", held], *_related(self.related)]}


@dataclass(frozen=True, slots=True)
class YearsSinceCertificate(Condition):
    """`years` since the route's certificate: of work when `work`, of holding it when not."""

    kind: ClassVar[str] = "years_since_certificate"
    years: int
    work: bool
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        template = messages.REQ_YEARS_AFTER_CERT if self.work else messages.REQ_YEARS_HOLDING_CERT
        return template.format(level=_cert_level(route, index), years=years(self.years))

    def check(self, route: Route, s: Situation) -> Outcome:
        """Counted from the certificate the route names: without it, no years count."""
        level = _cert_level(route, s.index)
        certificate = route.condition(Certificate)
        if certificate is None or not certificate.check(route, s)[0]:
            template = messages.MISS_CERT_THEN_YEARS if self.work else messages.MISS_CERT_THEN_HOLD
            return False, template.format(level=level, years=years(self.years)), None
        return _waiting(
            have=s.years_since_certificate,
            need=self.years,
            since=s.facts.certificate_date,
            given=s.facts.years_since_certificate is not None,
            short=(
                messages.MISS_YEARS_AFTER_CERT if self.work else messages.MISS_YEARS_HOLDING_CERT
            ),
            until=(
                messages.MISS_AFTER_CERT_UNTIL if self.work else messages.MISS_HOLDING_CERT_UNTIL
            ),
            unknown=messages.MISS_YEARS_CERT_UNKNOWN,
            subject={"level": level},
        )

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        """The route's certificate, then the years counted from its date."""
        certificate = route.condition(Certificate)
        if certificate is None:
            raise KeyError(f"route {route.id} counts years since a certificate it does not name")
        tests = certificate.compile(route, index)["all"]
        return {"all": tests, "wait": _wait("years_since_certificate", "certificate_date", self)}


@dataclass(frozen=True, slots=True)
class TotalYears(Condition):
    """`years` of cumulative work in this or a related occupation."""

    kind: ClassVar[str] = "total_years"
    years: int
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        return messages.REQ_TOTAL_YEARS.format(years=years(self.years))

    def check(self, route: Route, s: Situation) -> Outcome:
        """Cumulative years of work in this or a related occupation, before and after
        certificates."""
        given = s.facts.total_years is not None or s.facts.years_since_certificate is not None
        return _waiting(
            have=s.total_years,
            need=self.years,
            since=s.work_since,
            given=given,
            short=messages.MISS_TOTAL_YEARS,
            until=messages.MISS_TOTAL_UNTIL,
            unknown=messages.MISS_TOTAL_UNKNOWN,
            subject={},
        )

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        return {"all": [], "wait": _wait("total_years", "work_since", self)}


@dataclass(frozen=True, slots=True)
class ApprenticeshipCompleted(Condition):
    """An apprenticeship completed (学徒期满), in this or a related occupation if `related`."""

    kind: ClassVar[str] = "apprenticeship_completed"
    related: bool
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        return messages.REQ_APPRENTICESHIP.format(related=_occupation(self.related))

    def check(self, route: Route, s: Situation) -> Outcome:
        met = s.facts.apprenticeship_completed and (s.facts.same_or_related or not self.related)
        return met, messages.MISS_APPRENTICESHIP.format(related=_occupation(self.related)), None

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        return {"all": [["is", "apprenticeship_completed", True], *_related(self.related)]}


@dataclass(frozen=True, slots=True)
class Schooling(Condition):
    """Schooling of one of `any_of` (in the specialty if `related`); a final-year student
    counts only when `final_year_counts`."""

    kind: ClassVar[str] = "education"
    any_of: tuple[str, ...]
    related: bool
    final_year_counts: bool
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        final = (
            messages.FINAL_YEAR_COUNTS if self.final_year_counts else messages.FINAL_YEAR_EXCLUDED
        )
        related = messages.RELATED_DIPLOMA if self.related else Text("", "")
        return messages.REQ_EDUCATION.format(
            options=self._names(index), related=related, final=final
        )

    def check(self, route: Route, s: Situation) -> Outcome:
        """One of the listed schools; in the specialty when required; final-year students only
        where the route counts them."""
        if s.facts.education not in self.any_of:
            return False, messages.MISS_EDUCATION.format(options=self._names(s.index)), None
        if self.related and not s.facts.same_or_related:
            return False, messages.MISS_EDUCATION_RELATED, None
        if s.facts.final_year_student and not self.final_year_counts:
            return False, messages.MISS_EDUCATION_GRADUATED, None
        return True, None, None

    def _names(self, index: PolicyIndex) -> Text:
        return messages.accepted_list([index.education[e].name for e in self.any_of])

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        tests: list[Test] = [["in", "education", list(self.any_of)], *_related(self.related)]
        if not self.final_year_counts:
            tests.append(["is", "final_year_student", False])
        return {"all": tests}


@dataclass(frozen=True, slots=True)
class PreparatoryTechnician(Condition):
    """A preparatory-technician (预备技师) certificate, in this or a related occupation if
    `related`."""

    kind: ClassVar[str] = "preparatory_technician"
    related: bool
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        return messages.REQ_PREPARATORY.format(related=_occupation(self.related))

    def check(self, route: Route, s: Situation) -> Outcome:
        met = s.facts.preparatory_technician and (s.facts.same_or_related or not self.related)
        return met, messages.MISS_PREPARATORY.format(related=_occupation(self.related)), None

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        return {"all": [["is", "preparatory_technician", True], *_related(self.related)]}


@dataclass(frozen=True, slots=True)
class TechnicianClass(Condition):
    """Study in a preparatory-technician or technician class (预备技师班、技师班)."""

    kind: ClassVar[str] = "technician_class"
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        return messages.REQ_TECHNICIAN_CLASS

    def check(self, route: Route, s: Situation) -> Outcome:
        """The class, or the preparatory-technician certificate that only the class leads to."""
        met = s.facts.technician_class or s.facts.preparatory_technician
        return met, messages.MISS_TECHNICIAN_CLASS, None

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        either = [["is", "technician_class", True], ["is", "preparatory_technician", True]]
        return {"all": [["any", either]]}


@dataclass(frozen=True, slots=True)
class TitleTier(Condition):
    """A professional title of `tier` or higher (in the specialty or a related one if
    `related`)."""

    kind: ClassVar[str] = "title_tier"
    tier: str
    related: bool
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        name = index.tiers[self.tier].name
        return messages.REQ_TITLE.format(
            tier=name, a_tier=messages.with_article(name), related=_specialty(self.related)
        )

    def check(self, route: Route, s: Situation) -> Outcome:
        required = s.index.tiers[self.tier]
        held = s.facts.title
        if held is None or s.index.tiers[held].order < required.order:
            missing = messages.MISS_TITLE.format(
                tier=required.name,
                a_tier=messages.with_article(required.name),
                related=_specialty(self.related),
            )
            return False, missing, None
        if self.related and not s.facts.same_or_related:
            return False, messages.MISS_TITLE_RELATED, None
        return True, None, None

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        """The title held is this tier or one above it (by id)."""
        required = index.tiers[self.tier].order
        held = [t.id for t in index.tiers.values() if t.order >= required]
        return {"all": [["in", "title", held], *_related(self.related)]}


@dataclass(frozen=True, slots=True)
class YearsSinceTitle(Condition):
    """`years` of work in this or a related occupation since the route's title."""

    kind: ClassVar[str] = "years_since_title"
    years: int
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        return messages.REQ_YEARS_AFTER_TITLE.format(
            tier=_route_tier(route, index), years=years(self.years)
        )

    def check(self, route: Route, s: Situation) -> Outcome:
        """Counted from the title the route names: without it, no years count."""
        tier = _route_tier(route, s.index)
        title = route.condition(TitleTier)
        if title is None or not title.check(route, s)[0]:
            missing = messages.MISS_TITLE_THEN_YEARS.format(
                tier=tier, a_tier=messages.with_article(tier), years=years(self.years)
            )
            return False, missing, None
        return _waiting(
            have=s.years_since_title,
            need=self.years,
            since=s.facts.title_date,
            given=s.facts.years_since_title is not None,
            short=messages.MISS_YEARS_AFTER_TITLE,
            until=messages.MISS_AFTER_TITLE_UNTIL,
            unknown=messages.MISS_YEARS_TITLE_UNKNOWN,
            subject={"tier": tier},
        )

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        """The route's title, then the years counted from its date."""
        title = route.condition(TitleTier)
        if title is None:
            raise KeyError(f"route {route.id} counts years since a title it does not name")
        tests = title.compile(route, index)["all"]
        return {"all": tests, "wait": _wait("years_since_title", "title_date", self)}


@dataclass(frozen=True, slots=True)
class Age(Condition):
    """At least `min` years old."""

    kind: ClassVar[str] = "age"
    min: int
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        return messages.REQ_AGE.format(min=self.min)

    def check(self, route: Route, s: Situation) -> Outcome:
        if s.facts.age is None:
            return False, messages.MISS_AGE_UNKNOWN, None
        if s.facts.age >= self.min:
            return True, None, None
        more = messages.more_years(self.min - s.facts.age)
        return False, messages.MISS_AGE.format(min=self.min, more=more), None

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        return {"all": [["ge", "age", self.min]]}


@dataclass(frozen=True, slots=True)
class WorkingInOccupation(Condition):
    """Working, or intending to work, in this or a related occupation."""

    kind: ClassVar[str] = "working_in_occupation"
    note: Text | None = None

    def describe(self, route: Route, index: PolicyIndex) -> Text:
        return messages.REQ_WORKING

    def check(self, route: Route, s: Situation) -> Outcome:
        return s.facts.working_in_occupation, messages.MISS_WORKING, None

    def compile(self, route: Route, index: PolicyIndex) -> Compiled:
        return {"all": [["is", "working_in_occupation", True]]}


KINDS: dict[str, type[Condition]] = {
    cls.kind: cls
    for cls in (
        Certificate,
        YearsSinceCertificate,
        TotalYears,
        ApprenticeshipCompleted,
        Schooling,
        PreparatoryTechnician,
        TechnicianClass,
        TitleTier,
        YearsSinceTitle,
        Age,
        WorkingInOccupation,
    )
}


def condition_of(raw: Mapping[str, Any]) -> Condition:
    """A condition of the data (`{kind, …parameters}`) as its kind's record."""
    cls = KINDS.get(raw["kind"])
    if cls is None:
        raise KeyError(f"no meaning defined for condition kind {raw['kind']!r}")
    args = {key: _parameter(value) for key, value in raw.items() if key != "kind"}
    return cls(**args)


def _parameter(value: Any) -> Any:
    """A parameter as the record holds it: a `{zh, en}` text as Text, a list as a tuple."""
    if isinstance(value, Mapping):
        return Text.of(value)
    if isinstance(value, list):
        return tuple(value)
    return value


# Helpers -------------------------------------------------------------------------------------


def _waiting(
    have: float | None,
    need: int,
    since: date | None,
    given: bool,
    short: Text,
    until: Text,
    unknown: Text,
    subject: dict[str, Text],
) -> Outcome:
    """A waiting period: met at `need` years; the day it is met when its start date is known.

    Counted from a date, what is missing is that day ("until 2026-02-28"); from a figure, the
    years still to go, with the day added when a date was given as well.
    """
    met_from = add_years(since, need) if since is not None else None
    if have is None:
        return False, unknown.format(**subject), met_from
    if have >= need:
        return True, None, met_from
    if met_from is not None and not given:
        return False, until.format(date=messages.human_date(met_from), **subject), met_from
    missing = short.format(more=messages.more_years(need - have), **subject)
    if met_from is not None:
        missing = join(
            [missing, messages.MET_FROM.format(date=messages.human_date(met_from))], "", ""
        )
    return False, missing, met_from


def _cert_level(route: Route, index: PolicyIndex) -> Text:
    """The level whose certificate a years-since-certificate condition counts from."""
    certificate = route.condition(Certificate)
    if certificate is None:
        raise KeyError(f"route {route.id} counts years since a certificate it does not name")
    return index.levels[certificate.level].label


def _route_tier(route: Route, index: PolicyIndex) -> Text:
    """The title tier a years-since-title condition counts from."""
    title = route.condition(TitleTier)
    if title is None:
        raise KeyError(f"route {route.id} counts years since a title it does not name")
    return index.tiers[title.tier].name


def _occupation(related: bool) -> Text:
    return messages.RELATED_OCCUPATION if related else Text("", "")


def _specialty(related: bool) -> Text:
    return messages.RELATED_SPECIALTY if related else Text("", "")


def _related(related: bool) -> list[Test]:
    """The test a condition "in this or a related occupation/specialty" adds."""
    return [["is", "same_or_related", True]] if related else []


def _wait(
    have: str, since: str, condition: YearsSinceCertificate | TotalYears | YearsSinceTitle
) -> Compiled:
    """A waiting period as `Compiled.wait`: the years in `have`, counted from the date `since`."""
    return {"have": have, "since": since, "years": condition.years}
