"""Properties that hold for any facts, not just the cases: checked with hypothesis.

- More years (or a later as-of date) never turns an eligible person ineligible, nor a met
  route unmet.
- Every answer cites sources that exist, with a confidence from the closed set.
- Requests and results survive to_dict/from_dict and a JSON round trip unchanged.
- Calendar years: counting from dates agrees with the date a period ends, 29 February included.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from calculators import api
from calculators.plumbing.errors import InputError
from calculators.rules.dates import add_years, years_between
from calculators.rules.eligibility import assess
from calculators.rules.equivalence import lookup
from calculators.rules.facts import EligibilityFacts, EquivalenceQuery
from calculators.rules.results import Decision, Equivalence

# For drawing ids only: the tests ask api.policy_index() for the index they decide with (under
# mutation testing each process builds its own, see tests/conftest.py).
INDEX = api.policy_index()
NATIONAL = [lv.id for lv in INDEX.national_levels()]
CONFIDENCE = {"seen", "reported", "unconfirmed"}
AS_OF = date(2025, 6, 30)

years = st.one_of(st.none(), st.integers(0, 15), st.floats(0, 15, allow_nan=False))


@st.composite
def eligibility_facts(draw: st.DrawFn) -> EligibilityFacts:
    """Any valid request: a certificate below the target, any schooling, title, flags."""
    edition = draw(st.sampled_from(sorted(INDEX.editions)))
    extensions = draw(st.booleans())
    targets = [lv.id for lv in INDEX.targets(edition, extensions)]
    target = draw(st.sampled_from(targets))
    below = [i for i in NATIONAL if INDEX.levels[i].order < INDEX.levels[target].order]
    certificate = draw(st.one_of(st.none(), st.sampled_from(below))) if below else None
    title = draw(st.one_of(st.none(), st.sampled_from(sorted(INDEX.tiers))))
    return EligibilityFacts(
        target=target,
        certificate=certificate,
        same_or_related=draw(st.booleans()),
        years_since_certificate=draw(years) if certificate else None,
        total_years=draw(years),
        apprenticeship_completed=draw(st.booleans()),
        education=draw(st.one_of(st.none(), st.sampled_from(sorted(INDEX.education)))),
        final_year_student=draw(st.booleans()),
        preparatory_technician=draw(st.booleans()),
        technician_class=draw(st.booleans()),
        competition_rank=draw(st.one_of(st.none(), st.integers(1, 10))),
        title=title,
        years_since_title=draw(years) if title else None,
        age=draw(st.one_of(st.none(), st.integers(0, 70))),
        working_in_occupation=draw(st.booleans()),
        edition=edition,
        extensions=extensions,
        as_of=AS_OF,
    )


@st.composite
def dated_facts(draw: st.DrawFn) -> EligibilityFacts:
    """Facts with a certificate date and a work start date instead of years."""
    facts = draw(eligibility_facts())
    day = st.dates(date(2000, 1, 1), AS_OF)
    return replace(
        facts,
        years_since_certificate=None,
        certificate_date=draw(day) if facts.certificate else None,
        total_years=None,
        work_start_date=draw(day),
    )


def _met(decision: Decision) -> set[str]:
    return {r.id for r in decision.routes if r.met}


# 300 examples (the profile in tests/conftest.py); assessing takes a few ms each.
FAST = settings(suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(
    facts=eligibility_facts(),
    extra=st.integers(1, 10),
    field=st.sampled_from(["years_since_certificate", "total_years", "years_since_title", "age"]),
)
def test_more_years_never_takes_eligibility_away(
    facts: EligibilityFacts, extra: int, field: str
) -> None:
    # Years since a certificate or title cannot be given without it (an input error).
    assume(field != "years_since_certificate" or facts.certificate is not None)
    assume(field != "years_since_title" or facts.title is not None)
    before = assess(facts, api.policy_index())
    current = getattr(facts, field) or 0
    after = assess(replace(facts, **{field: min(current + extra, 100)}), api.policy_index())
    assert _met(before) <= _met(after)


@FAST
@given(facts=dated_facts(), later=st.integers(1, 4000))
def test_a_later_day_never_takes_eligibility_away(facts: EligibilityFacts, later: int) -> None:
    before = assess(facts, api.policy_index())
    after = assess(replace(facts, as_of=AS_OF + timedelta(days=later)), api.policy_index())
    assert _met(before) <= _met(after)
    # The day a route opens is the first day it is met.
    for route in before.routes:
        if route.eligible_from is not None:
            on_the_day = assess(replace(facts, as_of=route.eligible_from), api.policy_index())
            assert route.id in _met(on_the_day)
            day_before = assess(
                replace(facts, as_of=route.eligible_from - timedelta(days=1)), api.policy_index()
            )
            assert route.id not in _met(day_before)


@FAST
@given(facts=eligibility_facts())
def test_every_route_cites_an_existing_source(facts: EligibilityFacts) -> None:
    decision = assess(facts, api.policy_index())
    assert decision.routes, "a target always has at least one route"
    for route in decision.routes:
        assert api.policy_index().cites(route.source), route.source
        assert route.confidence in CONFIDENCE
        assert route.met == (not route.missing)
    for special in decision.special_routes:
        assert api.policy_index().cites(special.source)
        for note in special.notes:
            assert note.source is None or api.policy_index().cites(note.source)
            assert note.confidence in CONFIDENCE
    assert all(api.policy_index().cites(s) for s in decision.sources)
    assert decision.eligible == any(r.met for r in decision.routes)


@given(level=st.sampled_from(sorted(INDEX.levels)), hired=st.booleans())
def test_every_equivalence_cites_an_existing_source(level: str, hired: bool) -> None:
    answer = lookup(EquivalenceQuery(level=level, hired=hired), api.policy_index())
    assert answer.sources and all(api.policy_index().cites(s) for s in answer.sources)
    assert all(note.confidence in CONFIDENCE for note in answer.notes)
    if not hired:
        assert answer.equivalent is None


@FAST
@given(facts=st.one_of(eligibility_facts(), dated_facts()))
def test_decisions_round_trip(facts: EligibilityFacts) -> None:
    decision = assess(facts, api.policy_index())
    assert Decision.from_dict(decision.to_dict()) == decision
    assert Decision.from_dict(json.loads(json.dumps(decision.to_dict()))) == decision
    assert EligibilityFacts.from_dict(json.loads(json.dumps(facts.to_dict()))) == facts


@given(level=st.sampled_from(sorted(INDEX.levels)), hired=st.booleans())
def test_equivalences_round_trip(level: str, hired: bool) -> None:
    answer = lookup(EquivalenceQuery(level=level, hired=hired), api.policy_index())
    assert Equivalence.from_dict(json.loads(json.dumps(answer.to_dict()))) == answer


@FAST
@given(facts=eligibility_facts())
def test_api_answers_what_the_library_answers(facts: EligibilityFacts) -> None:
    response = json.loads(api.run("eligibility", json.dumps(facts.to_dict())))
    index = api.policy_index()
    assert response.pop("view")["nodes"]  # the answer laid out (view.py), beside the answer
    assert response == {**assess(facts, index).to_dict(), "data_version": index.data_version}


@given(
    start=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    days=st.integers(0, 30 * 366),
    n=st.integers(0, 30),
)
def test_counting_years_agrees_with_the_day_a_period_ends(start: date, days: int, n: int) -> None:
    end = start + timedelta(days=days)
    assert (years_between(start, end) >= n) == (end >= add_years(start, n))


@given(
    leap_year=st.sampled_from([y for y in range(1988, 2033) if calendar.isleap(y)]),
    n=st.integers(1, 12),
)
def test_29_february_ends_on_28_february_in_a_common_year(leap_year: int, n: int) -> None:
    end = add_years(date(leap_year, 2, 29), n)
    year = leap_year + n
    assert end == date(year, 2, 29 if calendar.isleap(year) else 28)


@given(value=st.one_of(st.integers(-100, -1), st.floats(-1e6, -0.01), st.floats(100.01, 1e6)))
def test_impossible_years_are_refused_by_name(value: float) -> None:
    target = api.policy_index().targets(api.policy_index().default_edition)[-1]
    certificate = api.policy_index().national_levels()[0]
    facts = EligibilityFacts(
        target=target.id, certificate=certificate.id, years_since_certificate=value
    )
    try:
        assess(facts, api.policy_index())
    except InputError as err:
        assert err.field == "years_since_certificate"
    else:
        raise AssertionError("negative or absurd years were accepted")
