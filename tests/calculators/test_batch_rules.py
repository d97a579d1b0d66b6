"""A batch answers by the rules, in order, in both of its forms.

The batch tests beside the single answers (test_calculator_units.py) check that a batch is the
array of single answers and that a summary is the decision of the full answer: two paths that
agree, which both would still do if the rule they share were wrong. Here each request's summary
is pinned to a value typed from the policy: clause （十四） for equivalence (hired 高级工 / 技师 /
高级技师 → 助理工程师 / 工程师 / 高级工程师; not hired, or 初级工 and 中级工: none), and the national
conditions (policy/application-routes.yaml, shared/domain/rules-reference.md §4) for eligibility.
An employer's roster goes through this path, so a fault here answers a whole list wrongly.
"""

from __future__ import annotations

import json
from typing import Any

from calculators import api

# (request, the summary's decision) — ids are policy ids; the data version is left out.
ELIGIBILITY = [
    # 2018 A1 for 二级: 三级 + ≥4 years after it.
    (
        {"certificate": "高级工", "years_since_certificate": 4},
        {"eligible": True, "target": "technician", "edition": "2018"},
        ["2018-technician-a1"],
    ),
    ({"certificate": "高级工", "years_since_certificate": 3.9}, {"eligible": False}, []),
    # 2018 A1 for 一级: 二级 + ≥4 years after it (the only route).
    (
        {"certificate": "技师", "years_since_certificate": 4},
        {"eligible": True, "target": "senior-technician"},
        ["2018-senior-technician-a1"],
    ),
    # 2023 B1 for 二级: 三级 + ≥5 years after it.
    (
        {"edition": "2023", "certificate": "高级工", "years_since_certificate": 5},
        {"eligible": True, "target": "technician", "edition": "2023"},
        ["2023-technician-b1"],
    ),
    (
        {"edition": "2023", "certificate": "高级工", "years_since_certificate": 4},
        {"eligible": False, "edition": "2023"},
        [],
    ),
    # 2018 A1 for 五级: ≥1 year of work; with no certificate the next level is 五级.
    ({"total_years": 1}, {"eligible": True, "target": "junior-worker"}, ["2018-junior-worker-a1"]),
    # A certificate of 2020-03-01 completes 4 years on 2024-03-01: not yet on 2023-06-30.
    (
        {"certificate": "高级工", "certificate_date": "2020-03-01", "as_of": "2023-06-30"},
        {"eligible": False, "eligible_from": "2024-03-01"},
        [],
    ),
]

EQUIVALENCE = [
    ({"level": "高级工"}, {"equivalent": "assistant-engineer", "basis": "huangshi"}),
    ({"level": "技师"}, {"equivalent": "engineer", "basis": "huangshi"}),
    ({"level": "高级技师"}, {"equivalent": "senior-engineer", "basis": "huangshi"}),
    ({"level": "技师", "hired": False}, {"equivalent": None, "basis": "huangshi"}),
    ({"level": "初级工"}, {"equivalent": None, "basis": "none"}),
    ({"level": "中级工"}, {"equivalent": None, "basis": "none"}),
    # The reverse direction: an 工程师 is treated as a 技师.
    ({"title": "工程师"}, {"equivalent": "technician", "basis": "huangshi"}),
]


def _summaries(kind: str, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return json.loads(api.run_batch(kind, json.dumps(requests), detail="summary"))


def test_eligibility_summaries_follow_the_national_conditions() -> None:
    requests = [request for request, _, _ in ELIGIBILITY]
    for (request, decision, met), summary in zip(
        ELIGIBILITY, _summaries("eligibility", requests), strict=True
    ):
        assert {k: summary[k] for k in decision} == decision, request
        assert summary["met_routes"] == met, request


def test_equivalence_summaries_follow_clause_14() -> None:
    requests = [request for request, _ in EQUIVALENCE]
    for (request, decision), summary in zip(
        EQUIVALENCE, _summaries("equivalence", requests), strict=True
    ):
        assert {k: summary[k] for k in decision} == decision, request


def test_a_bad_item_is_answered_in_its_place_and_the_others_still_by_the_rules() -> None:
    """One unknown level in a roster is an error in its own place; the rows around it are
    still answered (and answered right), in the order given."""
    answers = _summaries(
        "equivalence", [{"level": "技师"}, {"level": "x-unknown"}, {"level": "高级工"}]
    )
    assert answers[0]["equivalent"] == "engineer"
    assert answers[1]["error"]["field"] == "level"
    assert answers[2]["equivalent"] == "assistant-engineer"


def test_a_full_batch_answer_names_the_titles_in_both_languages() -> None:
    """The full form of a batch carries the names a roster prints, from policy/titles.yaml."""
    (answer,) = json.loads(api.run_batch("equivalence", [{"level": "高级技师"}]))
    assert answer["equivalent"] == {
        "id": "senior-engineer",
        "zh": "高级工程师",
        "en": "Senior Engineer",
    }
