"""Small pieces the answers rest on, at their edges: how an error message repeats what it was
given (never more than 60 characters, an integer too long to write as its size, the sign kept),
and the batch's refusal to summarise the tables, word for word."""

from __future__ import annotations

import json

import pytest

from calculators import api
from calculators.plumbing.messages import shown


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
