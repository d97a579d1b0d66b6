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

from calculators.model.index import Level, PolicyIndex
from calculators.plumbing import messages
from calculators.plumbing.errors import InputError
from calculators.plumbing.serial import Serializable, from_dict
from calculators.plumbing.texts import Text
from calculators.plumbing.wording import WORDING
from calculators.registry import Options, ask, check_ranges
from calculators.rules import names
from calculators.rules.dates import FIRST_DAY, LAST_DAY, years_between

# What the forms offer: every value a field accepts, as a person reads it.


def _level_option(level: Level) -> Text:
    """ "二级 · 技师" / "Level 2 · Technician": the grade first, as the ladder reads."""
    if level.grade is None:
        return level.name
    return messages.LEVEL_OPTION.format(grade=level.grade, name=level.name)


def level_options(index: PolicyIndex) -> Options:
    return [(lv.id, _level_option(lv)) for lv in index.levels.values()]


def target_options(index: PolicyIndex) -> Options:
    """The levels some route of some edition leads to (extensions included)."""
    ids = {lv.id for e in index.editions for lv in index.targets(e, extensions=True)}
    return [(lv.id, _level_option(lv)) for lv in index.levels.values() if lv.id in ids]


def edition_options(index: PolicyIndex) -> Options:
    return [(e.id, e.name) for e in index.editions.values()]


def education_options(index: PolicyIndex) -> Options:
    return [(e.id, e.name) for e in index.education.values()]


def tier_options(index: PolicyIndex) -> Options:
    return [(t.id, t.name) for t in sorted(index.tiers.values(), key=lambda t: t.order)]


_YEARS = {"low": 0, "high": 100, "out_of_range": "range-years"}


@dataclass(frozen=True)
class EligibilityFacts(Serializable):
    """A person's situation, as far as the application conditions ask about it.

    Years are years of work in this occupation or a related one. Dates, where given, let the
    calculator say on which day a waiting period ends; a years figure without its date is
    taken as of `as_of`. The fields are in the order the form asks for them, each with how it
    is asked (`registry.ask`).
    """

    target: str | None = ask(
        label="calc-field-target",
        group="calc-group-target",
        choices=target_options,
        blank="calc-target-next",
    )
    edition: str | None = ask(
        label="calc-field-edition",
        group="calc-group-target",
        choices=edition_options,
        blank="calc-edition-unsure",
        hint="calc-edition-hint",
        hint_link=("faq.md", "faq-which-edition", "calc-edition-how"),
    )
    extensions: bool = ask(False, label="calc-field-extensions", group="calc-group-target")
    certificate: str | None = ask(
        label="calc-field-certificate",
        group="calc-group-certificate",
        choices=level_options,
        blank="calc-none",
    )
    years_since_certificate: float | None = ask(
        label="calc-field-years_since_certificate", group="calc-group-certificate", **_YEARS
    )
    certificate_date: date | None = ask(
        label="calc-field-certificate_date",
        group="calc-group-certificate",
        hint="calc-date-hint",
        instead_of="years_since_certificate",
    )
    same_or_related: bool = ask(
        True,
        label="calc-field-same_or_related",
        group="calc-group-certificate",
        option="--unrelated",
    )
    total_years: float | None = ask(
        label="calc-field-total_years", group="calc-group-work", **_YEARS
    )
    work_start_date: date | None = ask(
        label="calc-field-work_start_date", form=False, instead_of="total_years"
    )
    working_in_occupation: bool = ask(
        True,
        label="calc-field-working_in_occupation",
        group="calc-group-work",
        option="--not-working",
    )
    apprenticeship_completed: bool = ask(
        False, label="calc-field-apprenticeship_completed", group="calc-group-work"
    )
    age: int | None = ask(
        label="calc-field-age", group="calc-group-work", low=0, high=120, out_of_range="range-age"
    )
    education: str | None = ask(
        label="calc-field-education",
        group="calc-group-education",
        choices=education_options,
        blank="calc-none",
    )
    final_year_student: bool = ask(
        False, label="calc-field-final_year_student", group="calc-group-education"
    )
    preparatory_technician: bool = ask(
        False, label="calc-field-preparatory_technician", group="calc-group-education"
    )
    technician_class: bool = ask(
        False, label="calc-field-technician_class", group="calc-group-education"
    )
    title: str | None = ask(
        label="calc-field-title", group="calc-group-title", choices=tier_options, blank="calc-none"
    )
    years_since_title: float | None = ask(
        label="calc-field-years_since_title", group="calc-group-title", **_YEARS
    )
    title_date: date | None = ask(
        label="calc-field-title_date", form=False, instead_of="years_since_title"
    )
    competition_rank: int | None = ask(
        label="calc-field-competition_rank",
        group="calc-group-competition",
        low=1,
        out_of_range="range-rank",
    )
    as_of: date | None = ask(label="calc-field-as_of", hint="calc-as-of-hint")

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

    level: str | None = ask(label="level", choices=level_options)
    title: str | None = ask(label="title", form=False)
    hired: bool = ask(True, label="calc-hired", option="--not-hired")
    as_of: date | None = ask(label="calc-field-as_of", hint="calc-as-of-hint")


# Resolution ----------------------------------------------------------------------------------


def _needs(field: str, other: str) -> InputError:
    """`field` given without the field `other` it is counted from, named as the form names it
    and as a request spells it."""
    label = WORDING[f"calc-field-{other}"]
    return InputError(field, messages.NEEDS_FIELD.format(other=label, name=other), [])


def resolve_eligibility(facts: EligibilityFacts, index: PolicyIndex) -> EligibilityFacts:
    """`facts` with ids for every name, the edition and target filled in; InputError if wrong."""
    as_of = facts.as_of or date.today()
    edition = facts.edition if facts.edition is not None else index.default_edition
    if edition not in index.editions:
        raise _choice("edition", edition, [(e, Text.same(e)) for e in index.editions])
    certificate = _level(facts.certificate, "certificate", index)
    check_ranges(facts)  # again for callers of `assess` that did not come through the api
    _check_dates(facts, as_of)
    if certificate is None:
        for field in ("years_since_certificate", "certificate_date"):
            if getattr(facts, field) is not None:
                raise _needs(field, "certificate")
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
                raise _needs(field, "title")
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


def _check_dates(facts: EligibilityFacts, as_of: date) -> None:
    """Every date within FIRST_DAY…LAST_DAY (the as-of date too: periods are counted on from
    it), and none after the as-of date."""
    for field in ("as_of", "certificate_date", "work_start_date", "title_date"):
        value = getattr(facts, field)
        if value is not None and not (FIRST_DAY <= value <= LAST_DAY):
            raise InputError(
                field,
                messages.DATE_RANGE.format(
                    first=messages.human_date(FIRST_DAY),
                    last=messages.human_date(LAST_DAY),
                    found=messages.human_date(value),
                ),
                [f"{FIRST_DAY.isoformat()} – {LAST_DAY.isoformat()}"],
            )
    for field in ("certificate_date", "work_start_date", "title_date"):
        value = getattr(facts, field)
        if value is not None and value > as_of:
            raise InputError(
                field,
                messages.DATE_AFTER.format(
                    found=messages.human_date(value), as_of=messages.human_date(as_of)
                ),
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
