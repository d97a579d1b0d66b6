"""What an answer says, checked whole where the case files can only check a part: the notes
and sources lists exactly (nothing missing, nothing twice), and the exact values an input
error accepts. Expected values are typed from policy/*.yaml."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators import api

EDITION_2018 = "Technical Rules for Drafting National Occupational Skill Standards (2018 edition)"
GOVERNS = (
    "The national vocational skill standard of the applicant's occupation governs; this answer "
    f"applies the {EDITION_2018} and is a guide only."
)
CALENDAR = (
    "Years are calendar years: N years end on the same month and day N years later; from "
    "29 February they end on 28 February in a common year."
)
EXTENSIONS = (
    "Occupation-specific extension routes (E…) are included: they apply only where the "
    "applicant's own occupation standard contains them."
)
LEVELS = [  # levels.yaml, lowest first
    "junior-worker",
    "intermediate-worker",
    "senior-worker",
    "technician",
    "senior-technician",
    "special-technician",
    "chief-technician",
]


def _answer(kind: str, **facts: Any) -> dict[str, Any]:
    return json.loads(api.run(kind, json.dumps(facts)))


def _notes(**facts: Any) -> list[str]:
    return [n["en"] for n in _answer("eligibility", **facts)["notes"]]


def _disagree(field: str, given: str, dated: str) -> str:
    return (
        f"The {field} given ({given}) disagrees with the dates ({dated}): whether a condition "
        "is met follows the figure given, the day it is met follows the dates."
    )


def test_figures_alone_get_only_the_standard_governs_note() -> None:
    assert _notes(target="技师", certificate="高级工", years_since_certificate=3) == [GOVERNS]


def test_dates_add_the_calendar_years_note_and_extensions_their_own() -> None:
    dated = {"target": "技师", "certificate": "高级工", "certificate_date": "2020-01-01"}
    assert _notes(**dated) == [GOVERNS, CALENDAR]
    assert _notes(**dated, extensions=True) == [GOVERNS, EXTENSIONS, CALENDAR]
    assert _notes(target="初级工", work_start_date="2024-01-01") == [GOVERNS, CALENDAR]
    titled = {"edition": "2023", "target": "高级工", "title": "junior"}
    assert len(_notes(**titled, title_date="2020-01-01")) == 2
    assert len(_notes(**titled, years_since_title=2)) == 1


@pytest.mark.parametrize(
    ("facts", "note"),
    [
        (
            {
                "certificate": "高级工",
                "years_since_certificate": 1,
                "certificate_date": "2021-06-01",
            },
            _disagree("years_since_certificate", "1 year", "3 years"),
        ),
        (
            {"total_years": 9, "work_start_date": "2020-12-01"},
            _disagree("total_years", "9 years", "3.5 years"),
        ),
        (
            {
                "edition": "2023",
                "title": "中级职称",
                "years_since_title": 0.5,
                "title_date": "2023-06-01",
            },
            _disagree("years_since_title", "0.5 years", "1 year"),
        ),
    ],
)
def test_a_figure_that_disagrees_with_its_date_is_named(facts: dict[str, Any], note: str) -> None:
    target = "技师" if "certificate" in facts or "title" in facts else "初级工"
    notes = _notes(target=target, as_of="2024-06-01", **facts)
    assert notes[-1] == note and notes.count(note) == 1


def test_figures_that_agree_in_whole_years_are_not_pointed_out() -> None:
    notes = _notes(
        target="技师",
        certificate="高级工",
        years_since_certificate=3.5,
        certificate_date="2021-01-01",
        as_of="2024-06-01",
    )
    assert notes == [GOVERNS, CALENDAR]


def test_sources_are_every_citation_once_in_order_of_use() -> None:
    # The routes' source, the special routes' clauses, then the sources of their notes
    # (the Hubei practice note has none).
    answer = _answer("eligibility", target="技师", certificate="高级工", years_since_certificate=1)
    assert answer["sources"] == ["standard-2018", "c6", "c9.4", "zbf-2022-58"]
    answer = _answer("eligibility", edition="2023", target="技师")
    assert answer["sources"] == ["standard-2023", "c6", "c9.4", "zbf-2022-58"]


def test_equivalence_sources_are_every_citation_once() -> None:
    hired = _answer("equivalence", level="技师")
    assert hired["sources"] == [
        "c14",  # the treatment row
        "rsbf-2018-74",  # the title-application rule, and its `also`
        "lurs-2020-16",
        "rsbf-2020-96",  # the treatment note, then the application notes
    ]
    assert _answer("equivalence", title="工程师")["sources"] == [
        "c14",
        "rsbf-2018-74",
        "lurs-2020-16",
        "rsbf-2020-96",
    ]


def test_an_unknown_level_lists_every_level_it_would_accept() -> None:
    error = _answer("eligibility", certificate="大师")["error"]
    assert error["field"] == "certificate" and error["accepted"] == LEVELS
    assert "高级工（三级）" in error["message"]["zh"] and "首席技师" in error["message"]["zh"]


def test_a_target_not_above_the_certificate_lists_the_levels_above() -> None:
    error = _answer("eligibility", target="中级工", certificate="高级工")["error"]
    assert error["accepted"] == ["technician", "senior-technician"]


def test_limits_of_years_age_and_dates_are_stated() -> None:
    assert _answer("eligibility", total_years=100.01)["error"]["accepted"] == ["0–100"]
    assert _answer("eligibility", age=-1)["error"]["accepted"] == ["0–120"]
    late = _answer("eligibility", work_start_date="2024-06-02", as_of="2024-06-01")["error"]
    assert late == {
        "field": "work_start_date",
        "message": {
            "zh": "日期2024年6月2日晚于计算日期2024年6月1日",
            "en": "the date 2 June 2024 is after the as-of date 1 June 2024",
        },
        "accepted": ["≤ 2024-06-01"],
    }


def test_a_certificate_obtained_today_agrees_with_zero_years() -> None:
    today = {"certificate_date": "2024-06-01", "as_of": "2024-06-01"}
    zero = {"target": "技师", "certificate": "高级工", "years_since_certificate": 0}
    assert _notes(**zero, **today) == [GOVERNS, CALENDAR]
