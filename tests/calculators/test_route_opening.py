"""A route with two waits opens on the later of the two days. No route of today's data has two
dated waits that are not under revision, so a route of that shape (a certificate, one year
after it, eight years of work in all) is added to a copy of the policy."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date

import pytest

from calculators import api
from calculators.model.index import PolicyIndex
from calculators.rules.conditions import condition_of
from calculators.rules.eligibility import assess
from calculators.rules.facts import EligibilityFacts


def _index_with_two_waits(index: PolicyIndex) -> PolicyIndex:
    data = copy.deepcopy(index.data)
    routes = data["application-routes"]["routes"]
    route = copy.deepcopy(next(r for r in routes if r["id"] == "2018-technician-a1"))
    route.update(id="2018-technician-x9", label="X9")
    route["conditions"] = [
        {"kind": "certificate", "level": "senior-worker", "related": True},
        {"kind": "years_since_certificate", "years": 1, "work": True},
        {"kind": "total_years", "years": 8},
    ]
    routes.append(route)
    return PolicyIndex(data)


def test_a_route_opens_when_its_last_wait_ends(index: PolicyIndex) -> None:
    facts = EligibilityFacts(
        target="technician",
        certificate="senior-worker",
        certificate_date=date(2023, 1, 10),  # one year after it: 2024-01-10
        work_start_date=date(2018, 3, 1),  # eight years of work: 2026-03-01
        as_of=date(2023, 6, 1),
    )
    decision = assess(facts, _index_with_two_waits(index))
    route = next(r for r in decision.routes if r.id == "2018-technician-x9")
    assert [c.met_from for c in route.conditions] == [None, date(2024, 1, 10), date(2026, 3, 1)]
    assert route.eligible_from == date(2026, 3, 1)
    # A1 (four years after the certificate) opens 2027-01-10: X9 is the first to open.
    assert decision.eligible_from == date(2026, 3, 1)
    assert "(route X9)" in decision.explanation.en


def test_a_route_with_one_wait_met_opens_when_the_other_ends(index: PolicyIndex) -> None:
    facts = EligibilityFacts(
        target="technician",
        certificate="senior-worker",
        certificate_date=date(2020, 1, 10),
        work_start_date=date(2018, 3, 1),
        as_of=date(2023, 6, 1),
    )
    route = next(
        r
        for r in assess(facts, _index_with_two_waits(index)).routes
        if r.id == "2018-technician-x9"
    )
    assert [c.met for c in route.conditions] == [True, True, False]
    assert route.eligible_from == date(2026, 3, 1)


def test_a_route_answers_with_its_note_and_scope(index: PolicyIndex) -> None:
    data = copy.deepcopy(index.data)
    route = next(r for r in data["application-routes"]["routes"] if r["id"] == "2018-technician-a1")
    route["note"] = {"zh": "注", "en": "a note"}
    route["scope"] = {"zh": "范围", "en": "a scope"}
    decision = assess(EligibilityFacts(target="technician"), PolicyIndex(data))
    a1 = next(r for r in decision.routes if r.id == "2018-technician-a1")
    assert (a1.note.en, a1.scope.zh) == ("a note", "范围")
    plain = assess(EligibilityFacts(target="technician"), index)
    assert next(r for r in plain.routes if r.id == "2018-technician-a1").note is None


def test_a_route_that_counts_from_what_it_does_not_name_is_refused(index: PolicyIndex) -> None:
    """The schema cannot say it; the code says which route is wrong and how."""
    for condition, what in (
        ({"kind": "years_since_certificate", "years": 1, "work": True}, "a certificate"),
        ({"kind": "years_since_title", "years": 1}, "a title"),
    ):
        meaning = condition_of(condition)
        route = replace(index.routes[0], id="x", conditions=(meaning,))
        with pytest.raises(KeyError, match=f"route x counts years since {what} it does not name"):
            meaning.describe(route, index)
    with pytest.raises(KeyError, match="no meaning defined for condition kind 'bogus'"):
        condition_of({"kind": "bogus"})


def test_the_other_edition_gives_its_own_opening_date() -> None:
    """Work from 1 January 2021, asked on 1 June 2025 for Intermediate Worker: the 2018 edition
    (the default) wants 6 years of cumulative work, from 1 January 2027; the 2023 edition's
    route B1 wants 5 years of cumulative work, from 1 January 2026 (policy/
    application-routes.yaml; shared/domain/rules-reference.md)."""
    request = {"target": "intermediate-worker", "work_start_date": "2021-01-01"}
    answer = json.loads(api.run("eligibility", json.dumps({**request, "as_of": "2025-06-01"})))
    assert (answer["edition"]["id"], answer["eligible_from"]) == ("2018", "2027-01-01")
    (other,) = answer["other_editions"]
    assert (other["edition"]["id"], other["eligible"], other["eligible_from"]) == (
        "2023",
        False,
        "2026-01-01",
    )
