"""Every option of `python -m calculators eligibility` reaches the request, as the answer's
`facts` echo shows (exit status 0 alone would not tell an option that was dropped)."""

from __future__ import annotations

import json

from tests.calculators.test_calculator_cli import cli

DEFAULTS = {
    "same_or_related": True,
    "apprenticeship_completed": False,
    "final_year_student": False,
    "preparatory_technician": False,
    "technician_class": False,
    "working_in_occupation": True,
    "extensions": False,
}


def _facts(*args: str) -> dict[str, object]:
    result = cli("eligibility", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["facts"]


def test_every_value_option_is_read() -> None:
    # A years figure and its date are refused together, so figures and dates go in two runs.
    common = ("--target", "中级工", "--certificate", "初级工", "--education", "bachelor",
              "--competition-rank", "2", "--title", "初级职称", "--age", "30",
              "--edition", "2023", "--as-of", "2025-01-01")  # fmt: skip
    expected = {
        **DEFAULTS,
        "target": "intermediate-worker",
        "certificate": "junior-worker",
        "education": "bachelor",
        "competition_rank": 2,
        "title": "junior",
        "age": 30,
        "edition": "2023",
        "as_of": "2025-01-01",
    }
    figures = _facts(
        *common,
        "--years-since-certificate", "4", "--total-years", "5.5", "--years-since-title", "1",
    )  # fmt: skip
    no_dates = {"certificate_date": None, "work_start_date": None, "title_date": None}
    no_figures = {"years_since_certificate": None, "total_years": None, "years_since_title": None}
    assert figures == {
        **expected,
        **no_dates,
        "years_since_certificate": 4,
        "total_years": 5.5,
        "years_since_title": 1,
    }
    dates = _facts(
        *common,
        "--certificate-date", "2015-02-28", "--work-start-date", "2014-01-01",
        "--title-date", "2020-05-01",
    )  # fmt: skip
    assert dates == {
        **expected,
        **no_figures,
        "certificate_date": "2015-02-28",
        "work_start_date": "2014-01-01",
        "title_date": "2020-05-01",
    }


def test_every_flag_is_read() -> None:
    facts = _facts(
        "--target", "技师", "--as-of", "2025-01-01",
        "--apprenticeship-completed", "--preparatory-technician", "--technician-class",
        "--final-year-student", "--unrelated", "--not-working", "--extensions",
    )  # fmt: skip
    flags = {key: facts[key] for key in DEFAULTS}
    assert flags == {key: not value for key, value in DEFAULTS.items()}
