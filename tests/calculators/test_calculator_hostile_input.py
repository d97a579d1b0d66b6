"""Hostile and careless input: the API answers every request with data, never an exception.

`api.run` and `api.run_batch` promise errors as data (`{"error": {field, message, accepted}}`)
so the page can show them beside the field. Hypothesis throws arbitrary JSON (and text that is
not JSON) at them; the explicit cases are the inputs a fault-and-abuse review found escaping
as exceptions (issue 10). Expected fields and wording come from the request and the documented
formats, not from the code under test.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import api
from calculators.rules.facts import EligibilityFacts

FIELDS = [f for f in EligibilityFacts.__dataclass_fields__]
KINDS = ["equivalence", "eligibility", "tables"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["9999-12-31", "0001-01-01", "2023-02-30", "20230228", "2023-W09-2", "1_0"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
# Requests shaped like real ones (known field names, any values) reach deeper than random keys.
requests = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(FIELDS + ["level", "hired"]), json_values, max_size=6),
)


def _is_error_or_answer(text: str) -> dict[str, Any] | list[Any]:
    response = json.loads(text)
    if isinstance(response, dict) and "error" in response:
        error = response["error"]
        assert isinstance(error["field"], str)
        assert set(error["message"]) == {"zh", "en"}
        assert all(isinstance(m, str) and m for m in error["message"].values())
        assert len(error["message"]["en"]) < 2000, "a message echoes at most a little input"
    return response


# Twice the profile's examples: 600 in a normal run. Under mutation testing the profile's 30
# fixed ones (tests/conftest.py): every surviving mutant of the answering code runs these tests
# last, and twice as many examples cost each of them 5 s while finding no crash the 30 miss.
HOSTILE = settings(
    max_examples=settings.default.max_examples
    * (1 if os.environ.get("TESTS_UNDER_MUTATION") else 2),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@HOSTILE
@given(kind=st.one_of(st.sampled_from(KINDS), st.text(max_size=10)), request=requests)
def test_run_answers_any_json_with_data(kind: str, request: Any) -> None:
    _is_error_or_answer(api.run(kind, json.dumps(request, allow_nan=True)))


@HOSTILE
@given(kind=st.sampled_from(KINDS), text=st.text(max_size=60))
def test_run_answers_any_text_with_data(kind: str, text: str) -> None:
    _is_error_or_answer(api.run(kind, text))


@HOSTILE
@given(
    kind=st.sampled_from(KINDS),
    items=st.lists(requests, max_size=4),
    detail=st.sampled_from(["full", "summary"]),
)
def test_run_batch_answers_any_list_with_data(kind: str, items: list[Any], detail: str) -> None:
    as_text = json.dumps(items, allow_nan=True)
    responses = json.loads(api.run_batch(kind, as_text, detail=detail))
    assert len(responses) == len(items)
    assert json.loads(api.run_batch(kind, items, detail=detail)) == responses


def _error(kind: str, request_json: str) -> dict[str, Any]:
    response = _is_error_or_answer(api.run(kind, request_json))
    assert isinstance(response, dict) and "error" in response, response
    return response["error"]


BIG = "9" * 5000  # over CPython's 4,300-digit limit for converting text to int
# Eligibility requests that escaped as exceptions (issue 10), and the field each error names;
# tests/pyodide sends the same under Pyodide, where deep nesting once was a fatal error.
ESCAPED = {
    "int-over-4300-digits": (f'{{"age": {BIG}}}', "request"),
    "negative-int-over-4300-digits": (f'{{"competition_rank": -{BIG}}}', "request"),
    "nested-100000": ("[" * 100_000 + "]" * 100_000, "request"),
    "nested-in-a-field": ('{"target": ' + "[" * 50_000 + "]" * 50_000 + "}", "request"),
    "nested-objects-deep": ('{"a": ' * 2000 + "1" + "}" * 2000, "request"),
    "as-of-9999": ('{"certificate": "senior-worker", "certificate_date": "2020-01-01", "as_of": "9999-12-31"}', "as_of"),
    "dates-9999": ('{"work_start_date": "9999-12-31"}', "work_start_date"),
    "as-of-year-1": ('{"as_of": "0001-01-01"}', "as_of"),
    "date-without-dashes": ('{"certificate": "senior-worker", "certificate_date": "20230228"}', "certificate_date"),
    "iso-week-date": ('{"certificate": "senior-worker", "certificate_date": "2023-W09-2"}', "certificate_date"),
    "30-february": ('{"certificate": "senior-worker", "certificate_date": "2023-02-30"}', "certificate_date"),
    "date-with-time": ('{"as_of": "2023-02-28T00:00"}', "as_of"),
    "100000-character-value": (json.dumps({"target": "x" * 100_000}), "target"),
}  # fmt: skip


@pytest.mark.parametrize(("request_json", "field"), ESCAPED.values(), ids=ESCAPED.keys())
def test_each_escaped_input_is_an_error_naming_its_field(request_json: str, field: str) -> None:
    error = _error("eligibility", request_json)
    assert error["field"] == field
    if field.endswith("date") or field == "as_of":
        assert "YYYY-MM-DD" in error["message"]["en"] or error["accepted"], error


def test_a_date_out_of_range_names_the_range() -> None:
    error = _error("eligibility", '{"as_of": "9999-12-31"}')
    assert error["field"] == "as_of"
    assert error["accepted"] == ["1900-01-01 – 2999-12-31"]
    assert error["message"] == {
        "zh": "日期应在1900年1月1日至2999年12月31日之间（收到9999年12月31日）",
        "en": "the date must be between 1 January 1900 and 31 December 2999"
        " (found 31 December 9999)",
    }


def test_run_batch_with_python_objects_too_big_to_print() -> None:
    """A caller in Python may pass numbers no JSON text could carry: still an error as data."""
    big = 10**5000
    responses = json.loads(api.run_batch("eligibility", [{"age": big}, {"total_years": big}]))
    assert [r["error"]["field"] for r in responses] == ["age", "total_years"]
    assert all(len(r["error"]["message"]["en"]) < 200 for r in responses)


def test_a_request_that_is_not_text_is_an_error() -> None:
    error = _error("eligibility", None)  # type: ignore[arg-type]
    assert error["field"] == "request"


@pytest.mark.parametrize(
    ("request_json", "why_zh", "why_en"),
    [
        ("{", "Expecting property name enclosed in double quotes",
         "Expecting property name enclosed in double quotes"),  # the decoder's own words
        ("[" * 33 + "]" * 33, "嵌套层数过多", "nested too deeply"),  # 33 levels: one too many
        # 33 levels reached after a list has closed: depth is counted down at each close by one
        ("[[]," + "[" * 32 + "]" * 33, "嵌套层数过多", "nested too deeply"),
        ('{"age": ' + "9" * 5000 + "}", "数字位数过多", "a number has too many digits"),
    ],
    ids=["syntax", "too-deep", "too-deep-after-a-close", "too-many-digits"],
)  # fmt: skip
def test_a_request_that_is_not_json_says_why_in_both_languages(
    request_json: str, why_zh: str, why_en: str
) -> None:
    assert _error("eligibility", request_json)["message"] == {
        "zh": f"请求不是有效的 JSON（{why_zh}）",
        "en": f"the request is not valid JSON ({why_en})",
    }


def test_32_levels_of_nesting_are_read_and_a_request_that_is_not_text_is_named() -> None:
    # 32 levels are JSON the decoder reads: the refusal is then that it is not an object.
    nested = _error("eligibility", "[" * 32 + "]" * 32)
    assert nested["message"]["en"].startswith("must be an object (found [[[")
    # Brackets inside a string are text, not nesting: read, then refused as an unknown value.
    in_text = _error("eligibility", '{"certificate": "' + "[" * 40 + '"}')
    assert in_text["field"] == "certificate"
    not_text = json.loads(api.run("eligibility", 5))["error"]  # type: ignore[arg-type]
    assert not_text["message"] == {"zh": "应为文字（收到 5）", "en": "must be text (found 5)"}
