"""What a person tells the calculators, checked and put into the policy's own ids.

Requests come as JSON (browser, case files) or from the CLI. `*.from_dict` checks shapes and
types; `resolve_*` checks the values against the policy (known level, sensible years, a
target above the current level) and returns the same request in canonical ids, so everything
after this module can trust its input.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from . import messages, names
from .dates import FIRST_DAY, LAST_DAY, years_between
from .errors import InputError
from .index import Level, PolicyIndex
from .serial import Serializable, from_dict
from .texts import Text


@dataclass(frozen=True)
class EligibilityFacts(Serializable):
    """A person's situation, as far as the application conditions ask about it.

    Years are years of work in this occupation or a related one. Dates, where given, let the
    calculator say on which day a waiting period ends; a years figure without its date is
    taken as of `as_of`.
    """

    target: str | None = None
    certificate: str | None = None
    same_or_related: bool = True
    years_since_certificate: float | None = None
    certificate_date: date | None = None
    total_years: float | None = None
    work_start_date: date | None = None
    apprenticeship_completed: bool = False
    education: str | None = None
    final_year_student: bool = False
    preparatory_technician: bool = False
    technician_class: bool = False
    competition_rank: int | None = None
    title: str | None = None
    years_since_title: float | None = None
    title_date: date | None = None
    age: int | None = None
    working_in_occupation: bool = True
    edition: str | None = None
    extensions: bool = False
    as_of: date | None = None

    @classmethod
    def from_dict(cls, data: Any) -> EligibilityFacts:
        """Shapes and types only; an edition given as a number (2018) is read as its id."""
        edition = data.get("edition") if isinstance(data, dict) else None
        if isinstance(edition, int) and not isinstance(edition, bool):
            data = {**data, "edition": str(edition)}
        return from_dict(cls, data)


@dataclass(frozen=True)
class EquivalenceQuery(Serializable):
    """A level to find the title for (hired or not), or a title to find the level for."""

    level: str | None = None
    title: str | None = None
    hired: bool = True


# Resolution ----------------------------------------------------------------------------------


def resolve_eligibility(facts: EligibilityFacts, index: PolicyIndex) -> EligibilityFacts:
    """`facts` with ids for every name, the edition and target filled in; InputError if wrong."""
    as_of = facts.as_of or date.today()
    edition = facts.edition if facts.edition is not None else index.default_edition
    if edition not in index.editions:
        raise _choice("edition", edition, [(e, Text.same(e)) for e in index.editions])
    certificate = _level(facts.certificate, "certificate", index)
    _check_years(facts)
    _check_dates(facts, as_of)
    if certificate is None:
        for field in ("years_since_certificate", "certificate_date"):
            if getattr(facts, field) is not None:
                raise InputError(field, messages.NEEDS_FIELD.format(other="certificate"), [])
    education = facts.education
    if education is not None:
        education = names.education_id(education, index)
        if education is None:
            raise _choice(
                "education",
                facts.education,
                [(e, _with_id(e, raw.name)) for e, raw in index.education.items()],
            )
    title = facts.title
    if title is not None:
        title = names.tier_id(title, index)
        if title is None:
            raise _choice(
                "title", facts.title, [(t.id, _with_id(t.id, t.name)) for t in index.tiers.values()]
            )
    else:
        for field in ("years_since_title", "title_date"):
            if getattr(facts, field) is not None:
                raise InputError(field, messages.NEEDS_FIELD.format(other="title"), [])
    target = _target(facts.target, certificate, edition, facts.extensions, index)
    return replace(
        facts,
        target=target,
        certificate=certificate,
        education=education,
        title=title,
        edition=edition,
        as_of=as_of,
    )


def resolve_equivalence(query: EquivalenceQuery, index: PolicyIndex) -> EquivalenceQuery:
    """`query` with the level or title as an id; exactly one of the two must be given."""
    if (query.level is None) == (query.title is None):
        raise InputError("level", messages.LEVEL_OR_TITLE, ["level", "title"])
    if query.level is not None:
        return replace(query, level=_level(query.level, "level", index))
    found = names.title_id(query.title or "", index)
    if found is None:
        raise _choice("title", query.title, [(t.id, t.name) for t in index.titles.values()])
    return replace(query, title=found)


def _level(
    value: str | None, field: str, index: PolicyIndex, offer: list[Level] | None = None
) -> str | None:
    """The level id for `value`; an unknown name lists `offer` (default: every level)."""
    if value is None:
        return None
    found = names.level_id(value, index)
    if found is None:
        shown = offer if offer is not None else list(index.levels.values())
        raise _choice(field, value, [(lv.id, lv.label) for lv in shown])
    return found


def _target(
    value: str | None,
    certificate: str | None,
    edition: str,
    extensions: bool,
    index: PolicyIndex,
) -> str:
    """The level applied for: as given, or the next national level above the certificate."""
    possible = index.targets(edition, extensions)
    floor = index.levels[certificate].order if certificate else 0
    above = [lv for lv in possible if lv.order > floor]
    if value is None:
        nxt = index.next_national_level(certificate)
        if nxt is None or nxt not in possible:
            raise InputError(
                "target",
                messages.NO_LEVEL_ABOVE.format(level=index.levels[certificate].label)
                if certificate
                else messages.NO_TARGETS,
                [lv.id for lv in above],
            )
        return nxt.id
    found = _level(value, "target", index, possible)
    assert found is not None
    level = index.levels[found]
    if level not in possible:
        raise _choice("target", value, [(lv.id, lv.label) for lv in possible], messages.NO_ROUTES)
    if level.order <= floor:
        cert = index.levels[certificate].label if certificate else Text.same("")
        if not above:
            raise InputError("target", messages.NO_LEVEL_ABOVE.format(level=cert), [])
        accepted = messages.accepted_list([lv.label for lv in above])
        raise InputError(
            "target",
            messages.TARGET_NOT_ABOVE.format(target=level.label, level=cert, accepted=accepted),
            [lv.id for lv in above],
        )
    return found


def _check_years(facts: EligibilityFacts) -> None:
    for field in ("years_since_certificate", "total_years", "years_since_title"):
        value = getattr(facts, field)
        if value is not None and not (0 <= value <= 100):
            raise InputError(
                field, messages.YEARS_RANGE.format(found=messages.shown(value)), ["0–100"]
            )
    if facts.age is not None and not (0 <= facts.age <= 120):
        raise InputError(
            "age", messages.AGE_RANGE.format(found=messages.shown(facts.age)), ["0–120"]
        )
    if facts.competition_rank is not None and facts.competition_rank < 1:
        raise InputError(
            "competition_rank",
            messages.RANK_RANGE.format(found=messages.shown(facts.competition_rank)),
            ["≥ 1"],
        )


def _check_dates(facts: EligibilityFacts, as_of: date) -> None:
    """Every date within FIRST_DAY…LAST_DAY (the as-of date too: periods are counted on from
    it), and none after the as-of date."""
    for field in ("as_of", "certificate_date", "work_start_date", "title_date"):
        value = getattr(facts, field)
        if value is not None and not (FIRST_DAY <= value <= LAST_DAY):
            first, last = FIRST_DAY.isoformat(), LAST_DAY.isoformat()
            raise InputError(
                field,
                messages.DATE_RANGE.format(first=first, last=last, found=value.isoformat()),
                [f"{first} – {last}"],
            )
    for field in ("certificate_date", "work_start_date", "title_date"):
        value = getattr(facts, field)
        if value is not None and value > as_of:
            raise InputError(
                field,
                messages.DATE_AFTER.format(found=value.isoformat(), as_of=as_of.isoformat()),
                [f"≤ {as_of.isoformat()}"],
            )


def _choice(
    field: str,
    value: Any,
    options: list[tuple[str, Text]],
    template: Text = messages.UNKNOWN_VALUE,
) -> InputError:
    """An error naming the bad value and listing what would have been accepted."""
    accepted = messages.accepted_list([shown for _, shown in options])
    return InputError(
        field,
        template.format(found=messages.shown(value), accepted=accepted),
        [i for i, _ in options],
    )


def _with_id(ident: str, name: Text) -> Text:
    return messages.ID_WITH_NAME.format(id=ident, name=name)


def dated_years(given: float | None, since: date | None, as_of: date) -> float | None:
    """A years figure: as given, else counted in calendar years from its date to `as_of`."""
    if given is not None:
        return given
    if since is not None:
        return years_between(since, as_of)
    return None
