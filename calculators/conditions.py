"""The meaning of each condition kind in application-routes.yaml: when it is met, what is missing.

The data says *which* conditions a route has (a certificate of this level, so many years);
this module says what each kind of condition *means* for a person's facts, and nothing about
any particular route. One function per kind; the closed set of kinds is the schema's enum.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import messages
from .dates import add_years
from .facts import EligibilityFacts, dated_years
from .index import PolicyIndex
from .results import ConditionResult
from .texts import Text, join, years

Condition = dict[str, Any]
Route = dict[str, Any]


@dataclass(frozen=True)
class Situation:
    """Resolved facts with the years worked out once (from figures or dates) for every route."""

    facts: EligibilityFacts
    index: PolicyIndex
    years_since_certificate: float | None
    total_years: float | None
    years_since_title: float | None
    work_since: date | None

    @classmethod
    def of(cls, facts: EligibilityFacts, index: PolicyIndex) -> Situation:
        """Years as given or counted from dates; total years are at least those since the
        certificate, because both count work in this or a related occupation."""
        as_of = facts.as_of or date.today()
        since_cert = dated_years(facts.years_since_certificate, facts.certificate_date, as_of)
        total = dated_years(facts.total_years, facts.work_start_date, as_of)
        if since_cert is not None:
            total = since_cert if total is None else max(total, since_cert)
        since_title = dated_years(facts.years_since_title, facts.title_date, as_of)
        # Work counted from the certificate date also counts towards total years, so the
        # earlier of the two dates is where total years start.
        starts = [d for d in (facts.work_start_date, facts.certificate_date) if d is not None]
        return cls(facts, index, since_cert, total, since_title, min(starts, default=None))


# Describing a condition ----------------------------------------------------------------------


def describe(condition: Condition, route: Route, index: PolicyIndex) -> Text:
    """What `condition` requires, in words (used in explanations and in the routes table)."""
    kind = condition["kind"]
    if kind == "certificate":
        label = index.levels[condition["level"]].label
        return messages.REQ_CERTIFICATE.format(
            level=label, a_level=messages.with_article(label), related=_occupation(condition)
        )
    if kind == "years_since_certificate":
        template = (
            messages.REQ_YEARS_AFTER_CERT if condition["work"] else messages.REQ_YEARS_HOLDING_CERT
        )
        return template.format(level=_cert_level(route, index), years=years(condition["years"]))
    if kind == "total_years":
        return messages.REQ_TOTAL_YEARS.format(years=years(condition["years"]))
    if kind == "apprenticeship_completed":
        return messages.REQ_APPRENTICESHIP.format(related=_occupation(condition))
    if kind == "education":
        final = (
            messages.FINAL_YEAR_COUNTS
            if condition["final_year_counts"]
            else messages.FINAL_YEAR_EXCLUDED
        )
        related = messages.RELATED_DIPLOMA if condition["related"] else Text("", "")
        return messages.REQ_EDUCATION.format(
            options=_education_names(condition, index), related=related, final=final
        )
    if kind == "preparatory_technician":
        return messages.REQ_PREPARATORY.format(related=_occupation(condition))
    if kind == "technician_class":
        return messages.REQ_TECHNICIAN_CLASS
    if kind == "title_tier":
        name = index.tiers[condition["tier"]].name
        return messages.REQ_TITLE.format(
            tier=name, a_tier=messages.with_article(name), related=_specialty(condition)
        )
    if kind == "years_since_title":
        return messages.REQ_YEARS_AFTER_TITLE.format(
            tier=_route_tier(route, index), years=years(condition["years"])
        )
    if kind == "age":
        return messages.REQ_AGE.format(min=condition["min"])
    if kind == "working_in_occupation":
        return messages.REQ_WORKING
    raise KeyError(f"no meaning defined for condition kind {kind!r}")


# Evaluating a condition ----------------------------------------------------------------------


def evaluate(
    condition: Condition, route: Route, situation: Situation, requirement: Text
) -> ConditionResult:
    """Whether `condition` of `route` holds for the situation, and what is missing if not.

    `requirement` is `describe(condition, route, index)`, worked out once per route.
    """
    met, missing, met_from = EVALUATORS[condition["kind"]](condition, route, situation)
    return ConditionResult(
        kind=condition["kind"],
        met=met,
        requirement=requirement,
        missing=None if met else missing,
        met_from=met_from,
    )


Outcome = tuple[bool, Text | None, date | None]


def _certificate(condition: Condition, _route: Route, s: Situation) -> Outcome:
    """Met by a certificate of the level or above; the occupation must match when required."""
    required = s.index.levels[condition["level"]]
    held = s.facts.certificate
    if held is None or s.index.levels[held].order < required.order:
        missing = messages.MISS_CERTIFICATE.format(
            level=required.label, a_level=messages.with_article(required.label)
        )
        return False, missing, None
    if condition["related"] and not s.facts.same_or_related:
        return False, messages.MISS_CERTIFICATE_RELATED, None
    return True, None, None


def _years_since_certificate(condition: Condition, route: Route, s: Situation) -> Outcome:
    """Counted from the certificate the route names: without it, no years count."""
    need = condition["years"]
    level = _cert_level(route, s.index)
    work = condition["work"]
    cert_condition = _route_condition(route, "certificate")
    if cert_condition is None or not _certificate(cert_condition, route, s)[0]:
        template = messages.MISS_CERT_THEN_YEARS if work else messages.MISS_CERT_THEN_HOLD
        return False, template.format(level=level, years=years(need)), None
    return _waiting(
        have=s.years_since_certificate,
        need=need,
        since=s.facts.certificate_date,
        given=s.facts.years_since_certificate is not None,
        short=(messages.MISS_YEARS_AFTER_CERT if work else messages.MISS_YEARS_HOLDING_CERT),
        until=(messages.MISS_AFTER_CERT_UNTIL if work else messages.MISS_HOLDING_CERT_UNTIL),
        unknown=messages.MISS_YEARS_CERT_UNKNOWN,
        subject={"level": level},
    )


def _total_years(condition: Condition, _route: Route, s: Situation) -> Outcome:
    """Cumulative years of work in this or a related occupation, before and after certificates."""
    given = s.facts.total_years is not None or s.facts.years_since_certificate is not None
    return _waiting(
        have=s.total_years,
        need=condition["years"],
        since=s.work_since,
        given=given,
        short=messages.MISS_TOTAL_YEARS,
        until=messages.MISS_TOTAL_UNTIL,
        unknown=messages.MISS_TOTAL_UNKNOWN,
        subject={},
    )


def _apprenticeship(condition: Condition, _route: Route, s: Situation) -> Outcome:
    met = s.facts.apprenticeship_completed and (s.facts.same_or_related or not condition["related"])
    return met, messages.MISS_APPRENTICESHIP.format(related=_occupation(condition)), None


def _education(condition: Condition, _route: Route, s: Situation) -> Outcome:
    """One of the listed schools; in the specialty when required; final-year students only
    where the route counts them."""
    if s.facts.education not in condition["any_of"]:
        names = _education_names(condition, s.index)
        return False, messages.MISS_EDUCATION.format(options=names), None
    if condition["related"] and not s.facts.same_or_related:
        return False, messages.MISS_EDUCATION_RELATED, None
    if s.facts.final_year_student and not condition["final_year_counts"]:
        return False, messages.MISS_EDUCATION_GRADUATED, None
    return True, None, None


def _preparatory(condition: Condition, _route: Route, s: Situation) -> Outcome:
    met = s.facts.preparatory_technician and (s.facts.same_or_related or not condition["related"])
    return met, messages.MISS_PREPARATORY.format(related=_occupation(condition)), None


def _technician_class(_condition: Condition, _route: Route, s: Situation) -> Outcome:
    """The class, or the preparatory-technician certificate that only the class leads to."""
    met = s.facts.technician_class or s.facts.preparatory_technician
    return met, messages.MISS_TECHNICIAN_CLASS, None


def _title_tier(condition: Condition, _route: Route, s: Situation) -> Outcome:
    required = s.index.tiers[condition["tier"]]
    held = s.facts.title
    if held is None or s.index.tiers[held].order < required.order:
        return (
            False,
            messages.MISS_TITLE.format(
                tier=required.name,
                a_tier=messages.with_article(required.name),
                related=_specialty(condition),
            ),
            None,
        )
    if condition["related"] and not s.facts.same_or_related:
        return False, messages.MISS_TITLE_RELATED, None
    return True, None, None


def _years_since_title(condition: Condition, route: Route, s: Situation) -> Outcome:
    """Counted from the title the route names: without it, no years count."""
    need = condition["years"]
    tier = _route_tier(route, s.index)
    title_condition = _route_condition(route, "title_tier")
    if title_condition is None or not _title_tier(title_condition, route, s)[0]:
        missing = messages.MISS_TITLE_THEN_YEARS.format(
            tier=tier, a_tier=messages.with_article(tier), years=years(need)
        )
        return False, missing, None
    return _waiting(
        have=s.years_since_title,
        need=need,
        since=s.facts.title_date,
        given=s.facts.years_since_title is not None,
        short=messages.MISS_YEARS_AFTER_TITLE,
        until=messages.MISS_AFTER_TITLE_UNTIL,
        unknown=messages.MISS_YEARS_TITLE_UNKNOWN,
        subject={"tier": tier},
    )


def _age(condition: Condition, _route: Route, s: Situation) -> Outcome:
    need = condition["min"]
    if s.facts.age is None:
        return False, messages.MISS_AGE_UNKNOWN, None
    if s.facts.age >= need:
        return True, None, None
    return (
        False,
        messages.MISS_AGE.format(min=need, more=messages.more_years(need - s.facts.age)),
        None,
    )


def _working(_condition: Condition, _route: Route, s: Situation) -> Outcome:
    return s.facts.working_in_occupation, messages.MISS_WORKING, None


EVALUATORS: dict[str, Callable[[Condition, Route, Situation], Outcome]] = {
    "certificate": _certificate,
    "years_since_certificate": _years_since_certificate,
    "total_years": _total_years,
    "apprenticeship_completed": _apprenticeship,
    "education": _education,
    "preparatory_technician": _preparatory,
    "technician_class": _technician_class,
    "title_tier": _title_tier,
    "years_since_title": _years_since_title,
    "age": _age,
    "working_in_occupation": _working,
}


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
        return False, until.format(date=met_from.isoformat(), **subject), met_from
    missing = short.format(more=messages.more_years(need - have), **subject)
    if met_from is not None:
        missing = join([missing, messages.MET_FROM.format(date=met_from.isoformat())], "", "")
    return False, missing, met_from


def _route_condition(route: Route, kind: str) -> Condition | None:
    return next((c for c in route["conditions"] if c["kind"] == kind), None)


def _cert_level(route: Route, index: PolicyIndex) -> Text:
    """The level whose certificate a years-since-certificate condition counts from."""
    cert = _route_condition(route, "certificate")
    if cert is None:
        raise KeyError(f"route {route['id']} counts years since a certificate it does not name")
    return index.levels[cert["level"]].label


def _route_tier(route: Route, index: PolicyIndex) -> Text:
    """The title tier a years-since-title condition counts from."""
    tier = _route_condition(route, "title_tier")
    if tier is None:
        raise KeyError(f"route {route['id']} counts years since a title it does not name")
    return index.tiers[tier["tier"]].name


def _occupation(condition: Condition) -> Text:
    return messages.RELATED_OCCUPATION if condition.get("related") else Text("", "")


def _specialty(condition: Condition) -> Text:
    return messages.RELATED_SPECIALTY if condition.get("related") else Text("", "")


def _education_names(condition: Condition, index: PolicyIndex) -> Text:
    return messages.accepted_list(
        [Text.of(index.education[e]["name"]) for e in condition["any_of"]]
    )
