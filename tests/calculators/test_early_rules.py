"""The page's early eligibility answer agrees with Python's (issue 14, part 1).

The build compiles the rules into a decision structure (calculators/rules/compiled.py) that a
generic evaluator in the page reads before the runtime has loaded
(docs/assets/calculators/rules.js). A disagreement between the two is a defect: every decision
case and 10,000 generated requests go through both, the evaluator in one Node process, and
must give the same verdict, met routes, opening date and closest route. Where Python refuses
a request, the evaluator must not answer it either (the page then waits for Python).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from calculators.model.index import PolicyIndex
from calculators.plumbing.errors import InputError
from calculators.registry import check_ranges
from calculators.rules import names
from calculators.rules.compiled import eligibility_rules
from calculators.rules.conditions import KINDS
from calculators.rules.dates import add_years
from calculators.rules.eligibility import assess
from calculators.rules.facts import EligibilityFacts
from calculators.rules.situation import Situation
from tests.case_files import load_cases

RUNNER = Path(__file__).resolve().parents[1] / "support" / "early_rules.mjs"
GENERATED = 10_000
SEED = 14

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")


def early(index: PolicyIndex, requests: list[Any], today: date) -> list[dict[str, Any] | None]:
    """The evaluator's decisions for `requests`, in one Node process."""
    batch = {"rules": eligibility_rules(index), "requests": requests, "today": today.isoformat()}
    done = subprocess.run(
        ["node", str(RUNNER)],
        input=json.dumps(batch),
        capture_output=True,
        encoding="utf-8",
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)


def python(index: PolicyIndex, requests: list[Any]) -> list[dict[str, Any] | None]:
    """Python's decisions for `requests` in the same terms (None: refused), read and decided as
    `api.answer` reads and decides them (without laying out the answer: 10x faster)."""
    decided: list[dict[str, Any] | None] = []
    for request in requests:
        try:
            facts = EligibilityFacts.from_dict(request)
            check_ranges(facts)
            decision = assess(facts, index)
        except InputError:
            decided.append(None)
            continue
        decided.append(
            {
                "eligible": decision.eligible,
                "edition": decision.edition.id,
                "target": decision.target.id,
                "met_routes": list(decision.met_routes),
                "eligible_from": _iso(decision.eligible_from),
                "closest_route": decision.closest_route,
            }
        )
    return decided


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _compared(decision: dict[str, Any] | None) -> dict[str, Any] | None:
    """The evaluator's decision without the labels it adds for the page."""
    if decision is None:
        return None
    keys = ("eligible", "edition", "target", "met_routes", "eligible_from", "closest_route")
    return {key: decision[key] for key in keys}


def disagreements(
    index: PolicyIndex, requests: list[Any], today: date | None = None
) -> tuple[list[str], list[dict[str, Any] | None]]:
    """Each request on which the two differ, and Python's decisions."""
    today = today or date.today()
    ours = [_compared(d) for d in early(index, requests, today)]
    theirs = python(index, requests)
    problems = [
        f"{json.dumps(r, ensure_ascii=False)}\n  python: {p}\n  early:  {e}"
        for r, p, e in zip(requests, theirs, ours, strict=True)
        if p != e
    ]
    return problems, theirs


# The decision cases, with names as the form sends them: ids -----------------------------------


def as_form_sends(facts: dict[str, Any], index: PolicyIndex) -> dict[str, Any]:
    """The case's facts with each name as the id the form's choice sends (a name the policy
    does not know stays as it is: Python refuses it, the evaluator must leave it)."""
    lookups = {
        "target": names.level_id,
        "certificate": names.level_id,
        "education": names.education_id,
        "title": names.tier_id,
    }
    sent = dict(facts)
    for field, lookup in lookups.items():
        if isinstance(sent.get(field), str):
            sent[field] = lookup(sent[field], index) or sent[field]
    if isinstance(sent.get("edition"), int):
        sent["edition"] = str(sent["edition"])
    return sent


def test_every_decision_case_gets_the_same_answer_early(index: PolicyIndex) -> None:
    cases = [c.case for c in load_cases() if c.kind == "eligibility"]
    assert len(cases) >= 300  # every eligibility case file is read
    requests = [as_form_sends(case["facts"], index) for case in cases]
    problems, decided = disagreements(index, requests)
    assert not problems, f"{len(problems)} disagree:\n" + "\n".join(problems[:20])
    assert sum(d is not None for d in decided) >= 0.9 * len(
        cases
    )  # and the cases are mostly answerable ones


# Generated requests ---------------------------------------------------------------------------

YEARS = [0, 0.5, 0.99, 1, 1.5, 2, 2.5, 2.99, 3, 3.01, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 100]
BAD_YEARS = [-1, 100.5, 1e9]
# Days in force for both editions, and one before the 2023 conditions (the 2018 ones only);
# the random days from 2016 on include some before any rules the site holds (Python refuses,
# and so must the page).
AS_OF = ["2024-02-29", "2023-02-28", "2023-03-01", "2025-02-28", "2026-11-30", "2019-06-15"]


def _day(rng: random.Random, as_of: date) -> str:
    """A date some whole years before `as_of`, that anniversary ± a day, a 29 February, or
    now and then one Python refuses (after `as_of`, before 1900)."""
    pick = rng.random()
    if pick < 0.04:
        return (as_of + timedelta(days=rng.choice([1, 400]))).isoformat()
    if pick < 0.06:
        return "1899-12-31"
    if pick < 0.2:
        leap = rng.choice([y for y in range(1996, as_of.year) if y % 4 == 0] or [1996])
        return date(leap, 2, 29).isoformat() if date(leap, 2, 29) <= as_of else "1996-02-29"
    back = add_years(as_of, -rng.randint(0, 8))
    return max(back + timedelta(days=rng.choice([-1, 0, 0, 1])), date(1900, 1, 1)).isoformat()


def generated(index: PolicyIndex, count: int, seed: int) -> list[dict[str, Any]]:
    """`count` requests over the fields' ranges and boundaries: both editions, every target,
    every certificate, years and dates on and about each anniversary, fields left out, and
    some values Python refuses."""
    rng = random.Random(seed)
    rules = eligibility_rules(index)
    levels = list(index.levels)
    targets = rules["fields"]["target"]["choices"]
    flags = [n for n, spec in rules["fields"].items() if spec["type"] == "flag"]
    out = []
    for _ in range(count):
        as_of = date.fromisoformat(
            rng.choice(AS_OF) if rng.random() < 0.6 else f"{rng.randint(2016, 2030)}-06-15"
        )
        edition = rng.choice(["2018", "2023", None])
        r: dict[str, Any] = {"as_of": as_of.isoformat()}
        if edition is not None:
            r["edition"] = edition
        certificate = rng.choice(levels) if rng.random() < 0.6 else None
        title = rng.choice(list(index.tiers)) if rng.random() < 0.4 else None
        floor = index.levels[certificate].order if certificate else 0
        above = [t for t in targets if index.levels[t].order > floor]
        if rng.random() < 0.85:
            # mostly a level above the certificate, as a person would ask; now and then any
            r["target"] = rng.choice(above if above and rng.random() < 0.9 else levels)
        for name, since, needs in (
            ("years_since_certificate", "certificate_date", certificate),
            ("total_years", "work_start_date", True),
            ("years_since_title", "title_date", title),
        ):
            given = needs or rng.random() < 0.03  # years of nothing: refused
            if given and rng.random() < 0.45:
                r[name] = rng.choice(YEARS if rng.random() < 0.97 else BAD_YEARS)
            if given and rng.random() < (0.3 if name in r else 0.75):
                r[since] = _day(rng, as_of)
        if certificate:
            r["certificate"] = certificate
        if title:
            r["title"] = title
        if rng.random() < 0.4:
            r["education"] = rng.choice(list(index.education))
        if rng.random() < 0.3:
            r["age"] = rng.choice([15, 16, 17, 18, 30, 0, 120, 121, -1])
        if rng.random() < 0.1:
            r["competition_rank"] = rng.choice([1, 2, 3, 10, 0])
        for flag in flags:
            if rng.random() < 0.35:
                r[flag] = rng.random() < 0.5
        out.append(r)
    return out


def test_ten_thousand_generated_requests_get_the_same_answer_early(index: PolicyIndex) -> None:
    requests = generated(index, GENERATED, SEED)
    problems, answers = disagreements(index, requests)
    assert not problems, f"{len(problems)} of {len(requests)} disagree:\n" + "\n".join(
        problems[:20]
    )
    # The generator is no good if Python refuses most of what it makes, or if it never makes
    # the answers that matter: eligible, not yet with an opening date, not yet without one.
    decided = [d for d in answers if d is not None]
    assert len(decided) >= GENERATED // 3
    assert sum(d["eligible"] for d in decided) >= 1000
    assert sum(d["eligible_from"] is not None for d in decided) >= 400
    assert sum(not d["eligible"] and d["eligible_from"] is None for d in decided) >= 1000
    assert {d["target"] for d in decided} == set(rules_targets(index))
    assert {d["edition"] for d in decided} == set(index.editions)


def rules_targets(index: PolicyIndex) -> list[str]:
    return eligibility_rules(index)["fields"]["target"]["choices"]


# Pinned answers, typed from the policy --------------------------------------------------------


def test_the_early_answer_pins_the_rules_values(index: PolicyIndex) -> None:
    """2023 edition, 中级工: B2 is a 初级工 certificate then 3 years; a certificate of
    29 February 2020 completes them on 28 February 2023 (no 29th that year). The 2023
    conditions apply from 2023 (the data knows the year only): in 2022 the page leaves the
    request to Python, which refuses it."""
    waiting, met, refused, named, too_early = early(
        index,
        [
            {
                "edition": "2023",
                "target": "intermediate-worker",
                "certificate": "junior-worker",
                "certificate_date": "2020-02-29",
                "as_of": "2023-01-15",
            },
            {
                "edition": "2023",
                "target": "intermediate-worker",
                "certificate": "junior-worker",
                "certificate_date": "2020-02-29",
                "as_of": "2023-02-28",
            },
            {"edition": "2023", "target": "junior-worker", "certificate": "junior-worker"},
            {"edition": "2023", "target": "中级工", "certificate": "初级工"},
            {"edition": "2023", "target": "intermediate-worker", "as_of": "2022-06-01"},
        ],
        date(2026, 11, 30),
    )
    assert waiting is not None and waiting["eligible"] is False
    assert waiting["eligible_from"] == "2023-02-28"
    assert waiting["closest_route"] == "2023-intermediate-worker-b2"
    assert met is not None and met["met_routes"] == ["2023-intermediate-worker-b2"]
    assert met["eligible_from"] is None
    assert refused is None  # not above the certificate: Python says why
    assert named is None  # names are Python's to read
    assert too_early is None  # the 2023 conditions were not yet in force


def test_a_page_without_as_of_counts_to_today(index: PolicyIndex) -> None:
    """The form sends no `as_of`: the evaluator counts to the day it is given."""
    request = {
        "edition": "2023",
        "target": "intermediate-worker",
        "certificate": "junior-worker",
        "certificate_date": "2020-02-29",
    }
    before, on = (
        early(index, [request, request], date(2023, 2, 27)),
        early(index, [request], date(2023, 2, 28)),
    )
    assert before[0] is not None and before[0]["eligible_from"] == "2023-02-28"
    assert on[0] is not None and on[0]["met_routes"] == ["2023-intermediate-worker-b2"]


# The structure itself -------------------------------------------------------------------------


def test_every_condition_kind_compiles_to_tests_on_known_fields(index: PolicyIndex) -> None:
    """Each kind the policy uses compiles, and every field its tests read is one the request
    has or the situation works out: a renamed field cannot silently never match."""
    known = {f.name for f in fields(EligibilityFacts)} | {f.name for f in fields(Situation)}
    rules = eligibility_rules(index)
    seen_kinds = {c.kind for r in index.routes + index.extensions for c in r.conditions}
    assert seen_kinds == set(KINDS)

    def read(test: list[Any]) -> set[str]:
        op, field = test[0], test[1]
        return set().union(*(read(t) for t in field)) if op == "any" else {field}

    used: set[str] = set()
    for routes in rules["editions"].values():
        for route in routes:
            for condition in route["conditions"]:
                for test in condition["all"]:
                    used |= read(test)
                if "wait" in condition:
                    used |= {condition["wait"]["have"], condition["wait"]["since"]}
    assert used and used <= known
    derived = {step["field"] for step in rules["derived"]}
    assert derived <= known and derived <= {f.name for f in fields(Situation)}
    routes = sum(len(r) for r in rules["editions"].values())
    assert routes == len(index.routes) + len(index.extensions)


def test_the_early_answer_keeps_to_the_days_python_accepts(index: PolicyIndex) -> None:
    """Python takes dates from 1900-01-01 to 2999-12-31 (calculators/rules/dates.py's range, a
    guard against a mistyped year) and refuses one a day outside; so must the page, which then
    leaves the request to Python. The 10,000 generated requests cross the first bound now and
    then; these cross both on purpose, and are fast enough for every mutation run."""

    def request(certificate_date: str, as_of: str = "2026-11-30") -> dict[str, Any]:
        return {"edition": "2018", "target": "technician", "certificate": "senior-worker",
                "certificate_date": certificate_date, "as_of": as_of}  # fmt: skip

    requests = [
        request("1900-01-01"),
        request("1899-12-31"),
        request("2020-01-01", as_of="2999-12-31"),
        request("2020-01-01", as_of="3000-01-01"),
    ]
    first, before, last, after = early(index, requests, date(2026, 11, 30))
    assert before is None and after is None
    assert first is not None and first["eligible"] is True  # 126 years a Senior Worker
    assert last is not None and last["eligible"] is True
    problems, decided = disagreements(index, requests, date(2026, 11, 30))
    assert not problems and decided[1] is None and decided[3] is None


SCRIPTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "calculators"


def test_the_page_finds_every_part_of_the_structure_it_reads(index: PolicyIndex) -> None:
    """What the page's scripts read of the compiled rules (`rules.<key>`, `rules.days.<key>`,
    a level's `order`, `national` and `label`) is in it: the early answer is shown by
    calculators.js, which Node's evaluator does not run. The headline names the level as the
    policy names it with its grade (policy/levels.yaml: 技师, 二级) and the opening day's month in
    English; the 12 months in order."""
    rules = eligibility_rules(index)
    scripts = "\n".join(p.read_text(encoding="utf-8") for p in SCRIPTS.glob("*.js"))
    read = set(re.findall(r"\brules\.([a-z_]+)", scripts)) - {"decide", "js", "py"}  # file names
    assert read >= {"days", "levels", "month_names_en", "fields", "editions"}
    assert read <= set(rules), read - set(rules)
    assert set(re.findall(r"\brules\.days\.([a-z_]+)", scripts)) <= set(rules["days"])
    technician = rules["levels"]["technician"]
    assert technician["label"] == {"zh": "技师（二级）", "en": "Technician (Level 2)"}
    assert (technician["order"], technician["national"]) == (4, True)
    assert rules["month_names_en"][0] == "January" and rules["month_names_en"][11] == "December"
    assert len(rules["month_names_en"]) == 12


def test_each_compiled_route_carries_the_label_the_early_answer_names_it_by(
    index: PolicyIndex,
) -> None:
    """The page's early answer says "by route A1"; the label is the policy's
    (policy/application-routes.yaml), per edition."""
    labels = {
        route["id"]: route["label"]
        for routes in eligibility_rules(index)["editions"].values()
        for route in routes
    }
    assert labels["2018-junior-worker-a1"] == "A1"
    assert labels["2023-intermediate-worker-b1"] == "B1"
    assert labels["2023-intermediate-worker-b2"] == "B2"
