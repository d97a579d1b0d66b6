"""The rules in force on an answer's day, as the page lays them out (interfaces/timeview.py),
from a record typed here rather than one an answer computes: a document in force between two
dates, one whose start on the day is unsure (with why), one with no dates at all, and an other
day whose answer differs. The wording is the catalogue's (calculators/plumbing/wording.py):
"适用…施行的规则：", "自…起", "至…", "无法确定当天是否已经施行：", "换一个日期，答案不同"."""

from __future__ import annotations

from typing import Any

from calculators.interfaces.timeview import in_force_text, in_force_view
from calculators.interfaces.view import text


def _doc(ident: str, number: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "number": {"zh": number, "en": number}, "valid_from": None,
            "valid_until": None, "unsure": False, "note": None, **fields}  # fmt: skip


IN_FORCE = {
    "day": "2020-06-15",
    "documents": [
        _doc("a", "甲文件", valid_from="2020", valid_until="2030-06", unsure=True,
             note={"zh": "原文未写成文日期。", "en": "The text gives no date."}),
        _doc("b", "乙标准", valid_from="2018-03-01", unsure=True),  # unsure, but no note
        _doc("c", "丙文件"),
    ],
    "elsewhen": [
        {"when": "from", "day": "2021-01-01", "documents": [{"zh": "丁文件", "en": "Doc D"}],
         "headline": {"zh": "可以申报。", "en": "May apply."}, "differences": []},
    ],
}  # fmt: skip


def _outline(node: dict[str, Any], depth: int = 0) -> list[str]:
    if "tag" not in node:
        return []
    lines = ["  " * depth + node["tag"]]
    for child in node["children"]:
        lines += _outline(child, depth + 1)
    return lines


def test_the_rules_in_force_are_a_line_then_the_unsure_then_the_other_days() -> None:
    nodes = in_force_view(IN_FORCE)
    assert [line for node in nodes for line in _outline(node)] == [
        "p",  # the day's rules, each document linked, with its dates
        "ul",  # the documents whose start on the day is unsure, and why
        "  li",
        "    strong",
        "p",  # "On another date the answer differs"
        "  strong",
        "ul",  # each other day's answer
        "  li",
    ]
    first = nodes[0]["children"]
    assert [c["ref"] for c in first if "ref" in c] == ["a", "b", "c"]
    assert nodes[1]["children"][0]["children"][0]["children"][0]["ref"] == "a"


def test_each_document_is_dated_as_the_data_dates_it_in_both_languages() -> None:
    view = {"nodes": in_force_view(IN_FORCE)}
    assert text(view, "zh").splitlines() == [
        "适用2020年6月15日施行的规则：甲文件（自2020年起至2030年6月）、乙标准（自2018年3月1日起）、丙文件",
        "- 甲文件 无法确定当天是否已经施行：原文未写成文日期。",
        "换一个日期，答案不同",
        "- 按自2021年1月1日起施行的规则（丁文件）：可以申报。",
    ]
    assert text(view, "en").splitlines() == [
        "Rules in force on 15 June 2020: 甲文件 (from 2020 until June 2030), "
        "乙标准 (from 1 March 2018), 丙文件",
        "- 甲文件 Whether it applied on that day is not known: The text gives no date.",
        "On another date the answer differs",
        "- Under the rules in force from 1 January 2021 (Doc D): May apply.",
    ]


def test_the_line_alone_reads_as_the_page_line() -> None:
    line = in_force_text(IN_FORCE["day"], IN_FORCE["documents"])
    assert line.zh == (
        "适用2020年6月15日施行的规则：甲文件（自2020年起至2030年6月）、乙标准（自2018年3月1日起）、丙文件"
    )
    assert line.en == (
        "Rules in force on 15 June 2020: 甲文件 (from 2020 until June 2030), "
        "乙标准 (from 1 March 2018), 丙文件"
    )


def test_no_rules_no_lines() -> None:
    assert in_force_view(None) == []
    assert in_force_view({}) == []
