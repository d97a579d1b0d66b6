"""Small pieces the answers rest on, at their edges: how an error message repeats what it was
given (never more than 60 characters, an integer too long to write as its size, the sign kept),
and the batch's refusal to summarise the tables, word for word."""

from __future__ import annotations

import json

import pytest

from calculators import api
from calculators.plumbing.messages import human_day, or_list, shown
from calculators.plumbing.texts import Text


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


# A value of the wrong type is refused naming the field and repeating the value (a text in
# quotes); a whole number is one JSON carries exactly, up to 2**53; a yes/no is not a number.
WRONG_TYPES = [
    ("age", True, "must be a whole number (found true)"),
    ("age", 1.5, "must be a whole number (found 1.5)"),
    ("age", 2**53 + 1, "must be a whole number (found 9007199254740993)"),
    ("years_since_certificate", True, "must be a number (found true)"),
    ("years_since_certificate", 2**53 + 1, "must be a number (found 9007199254740993)"),
    ("certificate_date", False,
     "must be a date as YYYY-MM-DD, or a month alone as YYYY-MM (found false)"),
    ("certificate_date", 5,
     "must be a date as YYYY-MM-DD, or a month alone as YYYY-MM (found 5)"),
    ("certificate_date", "2021-06-01x",
     "must be a date as YYYY-MM-DD, or a month alone as YYYY-MM (found '2021-06-01x')"),
]  # fmt: skip


@pytest.mark.parametrize(("field", "value", "message"), WRONG_TYPES)
def test_a_value_of_the_wrong_type_is_refused_with_what_was_sent(
    field: str, value: object, message: str
) -> None:
    request = {"target": "技师", "certificate": "高级工", field: value}
    error = json.loads(api.run("eligibility", json.dumps(request)))["error"]
    assert (error["field"], error["message"]["en"]) == (field, message)


def test_the_largest_whole_number_json_carries_is_read_as_one() -> None:
    """2**53 is an age, read as a whole number and then refused by age's range (0–120)."""
    request = {"target": "技师", "certificate": "高级工", "age": 2**53}
    error = json.loads(api.run("eligibility", json.dumps(request)))["error"]
    assert error["message"]["en"] == "age must be between 0 and 120 (found 9007199254740992)"


def test_or_joins_in_each_language_its_own_way() -> None:
    """The catalogue's or-sep: 或 in Chinese, " or " in English."""
    joined = or_list([Text(zh="甲", en="A"), Text(zh="乙", en="B")])
    assert (joined.zh, joined.en) == ("甲或乙", "A or B")
