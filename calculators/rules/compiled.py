"""The eligibility rules compiled for the page: an answer before Python has loaded.

On a phone, the runtime takes seconds to arrive and start. The build therefore writes, from
the same rules, a compact decision structure (`eligibility_rules`) that a small evaluator in
the page (docs/assets/calculators/rules.js) reads: it knows field comparisons and calendar
years, not policy. Every route's conditions come from their own kind's `compile`
(conditions.py); what the request may hold (types, ranges, choices) from the calculator's
declared fields; the facts worked out from figures and dates as `Situation.of` works them
out. The page marks that answer provisional until Python, started meanwhile, gives its own.

The evaluator answers only what it can read with certainty; anything else (a name instead of
an id, a value out of range, a target that is not above the certificate) it leaves to Python.
tests/calculators/test_early_rules.py runs every decision case and 10,000 generated requests
through both and requires the same verdicts, met routes, opening dates and closest route.
"""

from __future__ import annotations

from typing import Any

from calculators.calc_eligibility import CALCULATOR
from calculators.model.index import PolicyIndex
from calculators.model.records import Route
from calculators.plumbing import written
from calculators.plumbing.messages import MONTHS_EN
from calculators.rules.asof import boundaries, rules_on
from calculators.rules.dates import FIRST_DAY, LAST_DAY

# Bumped when the structure's shape changes, so a page script never misreads another's.
FORMAT = 1

# Fields that mean nothing without another (`resolve_eligibility`: years or a date since a
# certificate or title that is not named); the evaluator leaves such a request to Python.
REQUIRES = {
    "years_since_certificate": "certificate",
    "certificate_date": "certificate",
    "years_since_title": "title",
    "title_date": "title",
}

# The day periods are counted to, and the dates that may not be after it (`_check_dates`).
AS_OF = "as_of"
NOT_AFTER_AS_OF = ("certificate_date", "work_start_date", "title_date")

# The facts the conditions read that are worked out, in this order, as `Situation.of` works
# them out: years as given, else counted in calendar years from their date to `as_of`; total
# years at least the years since the certificate; work counted from the earlier of its start
# and the certificate's date.
DERIVED: tuple[dict[str, Any], ...] = (
    {
        "field": "years_since_certificate",
        "given": "years_since_certificate",
        "since": "certificate_date",
    },
    {
        "field": "total_years",
        "given": "total_years",
        "since": "work_start_date",
        "at_least": "years_since_certificate",
    },
    {"field": "years_since_title", "given": "years_since_title", "since": "title_date"},
    {"field": "work_since", "earliest": ["work_start_date", "certificate_date"]},
)


def eligibility_rules(index: PolicyIndex) -> dict[str, Any]:
    """The decision structure for `index` (plain JSON), worked out once per index."""
    return index.memo("eligibility_rules", lambda: _compile(index))


def _periods(index: PolicyIndex) -> list[dict[str, Any]]:
    """The spans of days on which the rules stand still (rules/asof.py), each from its first
    day, with the editions in force then whose routes are the ones compiled here. The page
    answers early only for such an edition on such a day: before the first span, for an
    edition not yet issued, or one whose routes differ that day, Python refuses or decides."""
    compiled = _route_ids(index)
    periods = []
    for day in boundaries(index):
        rules = rules_on(index, day)
        same = _route_ids(rules)
        editions = [e for e in rules.editions if same.get(e) == compiled.get(e)]
        periods.append({"from": day.isoformat(), "editions": editions})
    return periods


def _route_ids(index: PolicyIndex) -> dict[str, list[str]]:
    """Each edition's route and extension ids, in the data's order."""
    found: dict[str, list[str]] = {}
    routes = index.data["application-routes"]
    for key in ("routes", "extensions"):
        for route in routes[key]:
            found.setdefault(route["edition"], []).append(route["id"])
    return found


def _compile(index: PolicyIndex) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "default_edition": index.default_edition,
        "days": {
            "first": FIRST_DAY.isoformat(),
            "last": LAST_DAY.isoformat(),
            # how people write them (plumbing/written.py): with a day, or a month alone
            "written": {"day": written.DAY.pattern, "month": written.MONTH.pattern},
        },
        "periods": _periods(index),
        "fields": _fields(index),
        "requires": REQUIRES,
        "as_of": AS_OF,
        "not_after_as_of": list(NOT_AFTER_AS_OF),
        "derived": list(DERIVED),
        "levels": {
            lv.id: {
                "order": lv.order,
                "national": lv.kind == "national",
                "label": lv.label.to_dict(),
            }
            for lv in index.levels.values()
        },
        "editions": {
            edition: [_route(route, index) for route in index.routes_for(edition, extensions=True)]
            for edition in index.editions
        },
        "month_names_en": MONTHS_EN,
    }


def _fields(index: PolicyIndex) -> dict[str, dict[str, Any]]:
    """Each request field: its type, default, range and accepted ids, as declared."""
    found: dict[str, dict[str, Any]] = {}
    for f in CALCULATOR.fields():
        spec: dict[str, Any] = {"type": f.type, "default": f.default}
        if f.ask.choices is not None:
            spec["type"] = "choice"
            spec["choices"] = [ident for ident, _ in f.ask.choices(index)]
        if f.ask.out_of_range is not None:
            spec["low"], spec["high"] = f.ask.low, f.ask.high
        found[f.name] = spec
    return found


def _route(route: Route, index: PolicyIndex) -> dict[str, Any]:
    """A route with its conditions compiled, in the data's order."""
    return {
        "id": route.id,
        "label": route.label,
        "target": route.target,
        "extension": route.extension,
        "conditions": [c.compile(route, index) for c in route.conditions],
    }
