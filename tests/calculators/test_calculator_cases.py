"""The decision cases in tests/cases/*.yaml, run through the API as the browser runs them (JSON
in, JSON out; the page's layout of each answer is made once for all cases, by one test, since
the cases pin decisions and the layout has tests of its own).

Also checks that the cases keep covering the data: every route met and not met, every special
route, every level in the equivalence cases, so a route added to the YAML without cases fails.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators import api
from calculators.model.index import PolicyIndex
from calculators.plumbing.errors import InputError
from calculators.rules import names
from tests.case_files import load_cases
from tests.support.cases import check_case, mismatches

LOADED = load_cases()
CASES = [(c.stem, c.kind, c.case) for c in LOADED]


@pytest.mark.parametrize(
    ("kind", "case"), [(c.kind, c.case) for c in LOADED], ids=[c.id for c in LOADED]
)
def test_case(kind: str, case: dict[str, Any]) -> None:
    problems = check_case(case, _decided, kind)
    assert not problems, f"{case['name']}:\n" + "\n".join(problems)


def _decided(kind: str, request_json: str) -> str:
    """`api.run` without the page's layout: the same decision, or the same error object."""
    try:
        return json.dumps(api.answer(kind, json.loads(request_json), view=False))
    except InputError as err:
        return json.dumps(err.to_dict())


def test_every_case_is_answered_alike_with_its_layout() -> None:
    """`api.run` (what the page's worker calls) gives each case the decision above with its
    layout: nothing in any case's answer stops the page from laying it out."""
    for found in LOADED:
        facts = json.dumps(found.case.get("facts", {}))
        full = json.loads(api.run(found.case.get("kind", found.kind), facts))
        bare = json.loads(_decided(found.case.get("kind", found.kind), facts))
        assert ("view" in full) is ("error" not in full), found.id
        full.pop("view", None)
        assert full == bare, found.id


def test_case_ids_are_ascii_and_unique() -> None:
    """Tools that rerun one test by its id (mutmut) cannot find an escaped Chinese id."""
    ids = [c.id for c in LOADED]
    assert all(i.isascii() for i in ids)
    assert len(ids) == len(set(ids))


def test_case_files_are_plain_json_data() -> None:
    """The browser reads the same files: no YAML dates or other non-JSON values."""

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        else:
            assert value is None or isinstance(value, str | int | float | bool), repr(value)

    for _, _, case in CASES:
        assert set(case) <= {"name", "facts", "expect", "kind"}, case["name"]
        walk(case)


def test_case_names_are_unique() -> None:
    names = [(stem, case["name"]) for stem, _, case in CASES]
    assert len(names) == len(set(names))


def _route_outcomes() -> dict[str, set[bool]]:
    outcomes: dict[str, set[bool]] = {}
    for _, kind, case in CASES:
        if kind != "eligibility":
            continue
        for route in case["expect"].get("routes", []):
            if "met" in route:
                outcomes.setdefault(route["id"], set()).add(route["met"])
    return outcomes


def test_every_route_has_a_met_and_an_unmet_case(index: PolicyIndex) -> None:
    outcomes = _route_outcomes()
    for route in index.routes + index.extensions:
        assert outcomes.get(route.id) == {True, False}, route.id


def test_every_waiting_period_is_tested_one_below_and_one_above(index: PolicyIndex) -> None:
    """For each route and each years/age threshold there are cases at N-1, N and N+1."""
    tried: dict[tuple[str, str], set[float]] = {}
    fields = {
        "years_since_certificate": "years_since_certificate",
        "total_years": "total_years",
        "years_since_title": "years_since_title",
        "age": "age",
    }
    for _, kind, case in CASES:
        if kind != "eligibility":
            continue
        for route in case["expect"].get("routes", []):
            for fact, value in case["facts"].items():
                if fact in fields.values() and isinstance(value, int | float):
                    tried.setdefault((route["id"], fact), set()).add(value)
    for route in index.routes + index.extensions:
        for condition in route.conditions:
            fact = fields.get(condition.kind) or ("age" if condition.kind == "age" else None)
            if fact is None:
                continue
            n = condition.parameters().get("years", condition.parameters().get("min"))
            values = tried.get((route.id, fact), set())
            assert {n - 1, n, n + 1} <= values, (route.id, fact, sorted(values))


def test_every_special_route_and_level_is_covered(index: PolicyIndex) -> None:
    special = {
        s["id"]
        for _, kind, case in CASES
        if kind == "eligibility"
        for s in case["expect"].get("special_routes", [])
    }
    assert special >= {r.id for r in index.special.routes}
    levels = {
        names.level_id(case["facts"]["level"], index)
        for _, kind, case in CASES
        if kind == "equivalence" and "level" in case["facts"] and "error" not in case["expect"]
    }
    equivalents = {
        case["expect"]["equivalent"]["id"]
        for _, kind, case in CASES
        if kind == "equivalence" and case["expect"].get("equivalent")
    }
    asked = {
        names.title_id(case["facts"]["title"], index)
        for _, kind, case in CASES
        if kind == "equivalence" and "title" in case["facts"] and "error" not in case["expect"]
    }
    assert levels >= set(index.levels), "every level needs an equivalence case"
    assert equivalents | asked >= set(index.titles), "every title needs a case"


def test_matcher_reports_what_differs() -> None:
    """The matching rule itself: objects by key, lists by any item, booleans are not numbers."""
    actual = {"a": 1, "b": [{"id": "x", "met": True}, {"id": "y", "met": False}], "c": True}
    assert mismatches({"a": 1, "b": [{"id": "y", "met": False}]}, actual) == []
    assert mismatches({"a": 1.0}, actual) == []
    assert mismatches({"c": 1}, actual) != []
    assert mismatches({"b": [{"id": "y", "met": True}]}, actual) != []
    assert mismatches({"d": None}, actual) == ["d: missing from the response"]
