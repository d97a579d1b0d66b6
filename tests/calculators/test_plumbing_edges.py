"""Small pieces the answers rest on, at their edges: how an error message repeats what it was
given (never more than 60 characters, an integer too long to write as its size, the sign kept),
and the batch's refusal to summarise the tables, word for word."""

from __future__ import annotations

import json

import pytest

from calculators import api
from calculators.plumbing.messages import human_day, shown


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("x" * 60, "x" * 60),  # exactly the limit: whole
        ("x" * 61, "x" * 59 + "…"),  # one more: 59 and an ellipsis, 60 in all
        # CPython will not write 5,001 digits: their bit length instead.
        pytest.param(10**5000, "≈2**16610", id="huge"),
        pytest.param(-(10**5000), "-≈2**16610", id="minus-huge"),
        (0, "0"),
        ("abc", "abc"),
    ],
)
def test_what_an_error_repeats_of_a_value(value: object, text: str) -> None:
    assert shown(value) == text


def test_the_tables_have_no_summary_and_say_so() -> None:
    (answer,) = json.loads(api.run_batch("tables", [{}], detail="summary"))
    assert answer == {
        "error": {
            "field": "detail",
            "message": {
                "zh": "无法识别“summary”；可选：full",
                "en": "unknown value 'summary'; accepted: full",
            },
            "accepted": ["full"],
        }
    }


# A date the data holds to the day, the month or the year, written as people write it, to the
# precision it has (a document "from 2021-06" is not "from 1 June 2021"). Every month, so that a
# month named from its neighbour's place in the list is seen.
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@pytest.mark.parametrize("month", range(1, 13))
def test_a_month_is_written_as_people_write_it(month: int) -> None:
    written = human_day(f"2021-{month:02d}")
    assert (written.zh, written.en) == (f"2021年{month}月", f"{MONTHS[month - 1]} 2021")


@pytest.mark.parametrize(
    ("iso", "zh", "en"),
    [
        ("2027-06-01", "2027年6月1日", "1 June 2027"),
        ("2018-12", "2018年12月", "December 2018"),
        ("2020", "2020年", "2020"),
    ],
)
def test_a_date_is_written_to_the_precision_it_has(iso: str, zh: str, en: str) -> None:
    written = human_day(iso)
    assert (written.zh, written.en) == (zh, en)
