"""What the calculators refuse about the level applied for and about a batch, in both
languages: the level names with their grades as policy/levels.yaml writes them, the accepted
values as the national conditions have routes to them (clause （四）'s five national levels;
特级技师 and 首席技师 are set by employers and have none)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators import api
from calculators.data import load_policy_data
from calculators.model.index import PolicyIndex
from calculators.plumbing.errors import InputError
from calculators.rules.facts import EligibilityFacts


def _error(request: dict[str, Any]) -> dict[str, Any]:
    return json.loads(api.run("eligibility", json.dumps(request)))["error"]


def test_a_target_not_above_the_certificate_names_both_and_what_is_above() -> None:
    error = _error({"target": "高级工", "certificate": "技师"})
    assert error == {
        "field": "target",
        "message": {
            "zh": "申报等级高级工（三级）不高于现有证书技师（二级）；可选：高级技师（一级）",
            "en": "the target Senior Worker (Level 3) is not above the certificate held "
            "(Technician (Level 2)); accepted: Senior Technician (Level 1)",
        },
        "accepted": ["senior-technician"],
    }


def test_above_the_top_level_there_is_nothing_to_apply_for() -> None:
    error = _error({"certificate": "首席技师"})
    assert (error["field"], error["accepted"]) == ("target", [])
    assert error["message"] == {
        "zh": "首席技师之上没有可以按国家条件申报的等级",
        "en": "there is no level above Chief Technician to apply for under the national conditions",
    }


def test_a_level_employers_set_has_no_national_route_to_apply_by() -> None:
    error = _error({"target": "特级技师", "certificate": "高级技师"})
    assert error["accepted"] == [
        "junior-worker", "intermediate-worker", "senior-worker", "technician", "senior-technician"
    ]  # fmt: skip
    assert error["message"]["zh"] == (
        "“特级技师”没有国家申报条件；可选：初级工（五级）、中级工（四级）、高级工（三级）、"
        "技师（二级）、高级技师（一级）"
    )


def test_a_batch_answers_each_request_in_order_past_one_it_cannot_read() -> None:
    ready = {"target": "技师", "certificate": "高级工", "years_since_certificate": 5}
    waiting = {"target": "技师", "certificate": "高级工", "years_since_certificate": 1}
    first, unread, last = json.loads(
        api.run_batch("eligibility", json.dumps([ready, "{bad", waiting]), detail="summary")
    )
    assert (first["eligible"], first["met_routes"]) == (True, ["2018-technician-a1"])
    assert unread["error"]["field"] == "request"
    assert unread["error"]["message"]["en"].startswith("the request is not valid JSON")
    assert (last["eligible"], last["met_routes"]) == (False, [])


def test_a_batch_that_is_not_a_list_or_asks_for_an_unknown_detail_is_refused() -> None:
    assert json.loads(api.run_batch("eligibility", "{}")) == {
        "error": {
            "field": "request",
            "message": {"zh": "应为列表（收到 dict）", "en": "must be a list (found dict)"},
            "accepted": [],
        }
    }
    assert json.loads(api.run_batch("eligibility", "[]", detail="brief")) == {
        "error": {
            "field": "detail",
            "message": {
                "zh": "无法识别“brief”；可选：full, summary",
                "en": "unknown value 'brief'; accepted: full, summary",
            },
            "accepted": ["full", "summary"],
        }
    }


def test_a_batch_that_is_not_json_is_refused_as_a_request() -> None:
    assert json.loads(api.run_batch("eligibility", "[")) == {
        "error": {
            "field": "request",
            "message": {
                "zh": "请求不是有效的 JSON（Expecting value）",
                "en": "the request is not valid JSON (Expecting value)",
            },
            "accepted": [],
        }
    }


def test_a_date_with_anything_after_it_is_not_a_date() -> None:
    """A tab, a line break or a letter after a date is refused, as the form refuses it."""
    for written in ("2021-06-01\t", "2021-06-01\n", "2021-06-01X", " 2021-06-01x"):
        answer = json.loads(
            api.run("equivalence", json.dumps({"level": "technician", "as_of": written}))
        )
        assert answer["error"]["field"] == "as_of", written
        assert answer["error"]["accepted"] == ["YYYY-MM-DD", "YYYY-MM"]


def test_a_batch_answers_by_the_rules_it_is_given() -> None:
    """The site's build passes the policy it is building (hgpolicy/calcdata.py): its answers
    carry that policy's version, not the version packaged with the calculators."""
    given = PolicyIndex(load_policy_data(), data_version={"date": "2000-01-01", "digest": "given"})
    request = json.dumps([{"level": "technician"}])
    for detail in ("full", "summary"):
        (answer,) = json.loads(api.run_batch("equivalence", request, given, detail=detail))
        assert answer["data_version"] == {"date": "2000-01-01", "digest": "given"}, detail


def test_years_since_a_certificate_or_title_need_the_certificate_or_title() -> None:
    """The field wanted is named as the form labels it, and as a request spells it."""
    assert _error({"target": "技师", "years_since_certificate": 3}) == {
        "field": "years_since_certificate",
        "message": {
            "zh": "需要同时给出“现有证书等级”（certificate）",
            "en": "needs “Certificate held” (certificate) as well",
        },
        "accepted": [],
    }
    assert _error({"target": "技师", "years_since_title": 3})["message"] == {
        "zh": "需要同时给出“职称层级”（title）",
        "en": "needs “Title tier” (title) as well",
    }


def test_an_equivalence_needs_a_level_or_a_title_it_knows() -> None:
    """The four engineering titles of policy/titles.yaml, in order, are what a title may be."""
    neither = json.loads(api.run("equivalence", "{}"))["error"]
    assert neither == {
        "field": "level",
        "message": {
            "zh": "请给出等级（level）或职称（title）其中之一",
            "en": "give either a level or a title (one of the two)",
        },
        "accepted": ["level", "title"],
    }
    unknown = json.loads(api.run("equivalence", json.dumps({"title": "教授"})))["error"]
    assert unknown["accepted"] == [
        "assistant-engineer", "engineer", "senior-engineer", "professor-senior-engineer"
    ]  # fmt: skip
    assert unknown["message"]["zh"] == (
        "无法识别“教授”；可选：助理工程师、工程师、高级工程师、正高级工程师"
    )


def test_an_edition_given_as_a_number_is_read_as_its_year_and_nothing_else_is() -> None:
    """A JSON client may send the edition as 2018: it is the edition "2018". True, 2018.0 and
    a request that is no object are refused, each by what it is."""
    assert EligibilityFacts.from_dict({"target": "technician", "edition": 2018}).edition == "2018"
    assert EligibilityFacts.from_dict({"target": "technician", "edition": "2023"}).edition == "2023"
    for edition, found in ((True, "true"), (2018.0, "2018.0")):
        with pytest.raises(InputError, match=rf"^edition: must be text \(found {found}\)"):
            EligibilityFacts.from_dict({"target": "technician", "edition": edition})
    with pytest.raises(InputError, match=r"^request: must be an object \(found \['x'\]\)"):
        EligibilityFacts.from_dict(["x"])
