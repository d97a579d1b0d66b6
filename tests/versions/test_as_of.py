"""Answers as of a day: the rules in force then, the documents and editions that day selected,
and, where the rules change, what the answer is on the other side of the change.

Expected values are typed from the policy files and the worked example (amendment.yaml):
黄改委发〔2020〕4号 applies from a day of 2020 that its text does not state; the national
conditions from 2018 and from 2023 (years only); the example rewrites clause （十四）'s rule
for hired Senior Technicians from 2027-03-01.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from calculators import api
from calculators.interfaces.view import text
from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text
from calculators.rules import asof
from calculators.rules.asof import rules_on
from tests.versions.amended import AMENDS_FROM, amended_policy

ROOT = Path(__file__).resolve().parents[2]
META = yaml.safe_load((ROOT / "policy" / "document.yaml").read_text(encoding="utf-8"))["meta"]


def _answer(kind: str, index: PolicyIndex | None = None, **request: Any) -> dict[str, Any]:
    return api.respond(kind, request, index)


@pytest.fixture(scope="module")
def amended() -> PolicyIndex:
    """The policy with the worked example's amendment, as the calculators see it."""
    return dataclasses.replace(amended_policy()).model


@pytest.fixture(scope="module")
def substantive() -> PolicyIndex:
    """The amendment with its further edits (amendment.yaml `substance_edits`): from 2027-03-01
    a Technician may apply for Engineer after 2 years (not 3), and route A2 of the 2018
    conditions for Technician asks for 4 years of cumulative work (not 3)."""
    return dataclasses.replace(amended_policy(substance=True)).model


@pytest.mark.parametrize("kind", ["eligibility", "equivalence"])
def test_a_day_before_any_rules_is_refused_by_name(kind: str) -> None:
    request = {"target": "技师"} if kind == "eligibility" else {"level": "技师"}
    error = _answer(kind, as_of="2017-12-31", **request)["error"]
    assert error["field"] == "as_of"
    assert error["accepted"] == ["≥ 2018-01-01"]
    # The day as people write it; the rules' start as precisely as the data gives it (a year).
    assert error["message"] == {
        "zh": "2017年12月31日早于本站收录的任何规则（最早的是国家职业技能标准编制技术规程"
        "（2018年版），自2018年起）",
        "en": "31 December 2017 is before any rules the site holds (the earliest, Technical"
        " Rules for Drafting National Occupational Skill Standards (2018 edition), from 2018)",
    }


def test_an_edition_not_yet_issued_on_the_day_is_refused_with_the_days_choices() -> None:
    error = _answer("eligibility", target="技师", edition="2023", as_of="2021-03-01")["error"]
    assert error["field"] == "edition"
    assert error["accepted"] == ["2018"]
    assert error["message"] == {
        "zh": "2023 在2021年3月1日尚未施行或已经失效（当天可选：2018）",
        "en": "2023 was not in force on 1 March 2021 (then accepted: 2018)",
    }
    # The same edition on a day it was issued is answered.
    assert "error" not in _answer("eligibility", target="技师", edition="2023", as_of="2024-03-01")


def test_a_day_within_the_year_of_issue_says_the_day_is_not_known() -> None:
    found = _answer("eligibility", target="高级工", as_of="2020-05-01")["in_force"]
    assert found["editions"] == ["2018"]
    documents = {d["id"]: d for d in found["documents"]}
    assert set(documents) == {"hgf-2020-4", "standard-2018"}
    huangshi = documents["hgf-2020-4"]
    assert (huangshi["valid_from"], huangshi["unsure"]) == ("2020", True)
    assert huangshi["note"] == META["validity_note"]
    assert documents["standard-2018"]["unsure"] is False
    # By the last day of 2020 the opinion has certainly been issued.
    late = _answer("eligibility", target="高级工", as_of="2020-12-31")["in_force"]
    assert not any(d["unsure"] for d in late["documents"])


def test_the_current_rules_name_both_editions_and_no_other_day() -> None:
    found = _answer("eligibility", target="技师", as_of="2024-06-01")["in_force"]
    assert found["day"] == "2024-06-01"
    assert found["editions"] == ["2018", "2023"]
    assert found["elsewhen"] == []  # the data records no change of the rules yet


def test_one_index_serves_every_day_on_which_nothing_changes() -> None:
    index = api.policy_index()
    assert rules_on(index, date(2024, 1, 5)) is rules_on(index, date(2026, 11, 30))
    assert rules_on(index, date(2022, 6, 1)) is not rules_on(index, date(2024, 1, 5))
    assert list(rules_on(index, date(2022, 6, 1)).editions) == ["2018"]


@pytest.mark.parametrize(
    ("day", "title", "when", "other_title"),
    [
        ("2027-02-28", "senior-engineer", "from", "Professor-level Senior Engineer"),
        ("2027-03-01", "professor-senior-engineer", "before", "the title Senior Engineer"),
    ],
    ids=["eve", "day-of-change"],
)
def test_an_amended_rule_applies_from_its_day_and_the_other_side_is_told(
    amended: PolicyIndex, day: str, title: str, when: str, other_title: str
) -> None:
    answer = _answer("equivalence", amended, level="高级技师", as_of=day)
    assert answer["equivalent"]["id"] == title
    (other,) = answer["in_force"]["elsewhen"]
    assert (other["when"], other["day"]) == (when, AMENDS_FROM.isoformat())
    assert other_title in other["headline"]["en"]
    # What differs is also said by itself, in that day's words.
    equal = "Senior Engineer" if when == "before" else "Professor-level Senior Engineer"
    assert [d["en"] for d in other["differences"]] == [f"Treated as equal to: {equal}"]
    numbers = [d["number"]["zh"] for d in answer["in_force"]["documents"]]
    changed = "测试文件〔2027〕1号"
    assert (changed in numbers) is (when == "before")
    lines = text(answer["view"], "en").splitlines()
    assert "On another date the answer differs" in lines
    said = "from" if when == "from" else "before"
    assert any(line.startswith(f"- Under the rules in force {said} 1 March 2027") for line in lines)
    zh = text(answer["view"], "zh").splitlines()
    said_zh = "按自2027年3月1日起" if when == "from" else "按2027年3月1日之前"
    assert any(line.startswith(f"- {said_zh}施行的规则") for line in zh)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "适用2024年6月1日施行的规则：黄改委发〔2020〕4号（自2020年起）"),
        ("en", "Rules in force on 1 June 2024: 黄改委发〔2020〕4号 (from 2020)"),
    ],
)
def test_the_day_and_the_documents_are_written_as_people_write_dates(lang: str, line: str) -> None:
    answer = _answer("equivalence", level="技师", as_of="2024-06-01")
    assert line in text(answer["view"], lang).splitlines()


def test_a_level_the_amendment_leaves_alone_is_told_no_other_day(amended: PolicyIndex) -> None:
    answer = _answer("equivalence", amended, level="技师", as_of="2027-02-28")
    assert answer["equivalent"]["id"] == "engineer"
    assert answer["in_force"]["elsewhen"] == []


APPLY_ENGINEER = {  # equivalence.yaml `apply-engineer`, and its version in amendment.yaml
    3: ("可申报：取得技师后从事技术技能工作满3年，可申报工程师。", "After 3 years"),
    2: ("可申报：取得技师后从事技术技能工作满2年，可申报工程师。", "After 2 years"),
}


@pytest.mark.parametrize(
    ("day", "when", "years"), [("2027-02-28", "from", 2), ("2027-03-01", "before", 3)]
)
def test_the_same_headline_with_another_title_rule_is_told_with_what_differs(
    substantive: PolicyIndex, day: str, when: str, years: int
) -> None:
    answer = _answer("equivalence", substantive, level="技师", as_of=day)
    (other,) = answer["in_force"]["elsewhen"]
    # Clause （十四）'s treatment of a hired Technician is the same either side: so is the
    # headline; the title one may apply for, and after how many years, is not.
    assert other["headline"] == answer["explanation"]
    assert (other["when"], other["day"]) == (when, "2027-03-01")
    zh_apply, en_start = APPLY_ENGINEER[years]
    (difference,) = other["differences"]
    assert difference["zh"] == zh_apply
    assert difference["en"] == (
        f"May apply for: {en_start} of technical-skill work since obtaining Technician,"
        " the holder may apply for Engineer."
    )
    # On the page and in the terminal: the other day, its documents, its headline, then what
    # differs, under it.
    said_en = "from" if when == "from" else "before"
    documents_en = (
        "黄改委发〔2020〕4号, Test Document [2027] No. 1"
        if when == "from"
        else "黄改委发〔2020〕4号"
    )
    en = text(answer["view"], "en").splitlines()
    at = en.index("On another date the answer differs")
    assert en[at + 1 : at + 3] == [
        f"- Under the rules in force {said_en} 1 March 2027 ({documents_en}): A hired Technician"
        " enjoys the same treatment as holders of the title Engineer (黄改委发〔2020〕4号, clause (14)).",
        f"    - May apply for: {en_start} of technical-skill work since obtaining Technician,"
        " the holder may apply for Engineer.",
    ]
    said_zh = "按自2027年3月1日起" if when == "from" else "按2027年3月1日之前"
    documents_zh = (
        "黄改委发〔2020〕4号、测试文件〔2027〕1号" if when == "from" else "黄改委发〔2020〕4号"
    )
    zh = text(answer["view"], "zh").splitlines()
    at = zh.index("换一个日期，答案不同")
    assert zh[at + 1 : at + 3] == [
        f"- {said_zh}施行的规则（{documents_zh}）：被聘用的技师比照工程师享受同等待遇"
        "（黄改委发〔2020〕4号（十四））。",
        f"    - {zh_apply}",
    ]


def test_the_same_headline_with_a_route_that_opens_later_is_told_with_the_route(
    substantive: PolicyIndex,
) -> None:
    """A Senior Worker since 2023-06-01 (no technician college): route A1 (4 years since the
    certificate) opens on 2027-06-01 under either day's rules, so the headline is the same;
    route A2, which also asks for that college, asks from 2027-03-01 for 4 years of cumulative
    work (reached on 2027-06-01, the certificate's years counting as work) besides."""
    facts = {"target": "技师", "certificate": "高级工", "certificate_date": "2023-06-01"}
    answer = _answer("eligibility", substantive, as_of="2027-02-28", **facts)
    headline = "You may apply for Technician (Level 2) from 1 June 2027, by route A1."
    assert answer["headline"]["en"] == headline
    (other,) = answer["in_force"]["elsewhen"]
    assert (other["when"], other["day"], other["headline"]["en"]) == (
        "from",
        "2027-03-01",
        headline,
    )
    (difference,) = other["differences"]
    assert difference["en"].startswith("Route A2 is not met: needs one of these diplomas")
    assert difference["en"].endswith("; cumulative work until 1 June 2027.")
    assert (
        difference["zh"].startswith("不满足途径A2：")
        and "需累计工作至2027年6月1日" in difference["zh"]
    )
    # On the day of the change, the answer before it differs by A2 the other way round.
    later = _answer("eligibility", substantive, as_of="2027-03-01", **facts)
    (before,) = later["in_force"]["elsewhen"]
    assert before["when"] == "before" and before["headline"]["en"] == headline
    assert [d["en"] for d in before["differences"]] == [
        "Route A2 is not met: needs one of these diplomas: Senior technical school or"
        " technician college graduate."
    ]


def test_an_answer_the_further_edits_leave_alone_is_told_no_other_day(
    substantive: PolicyIndex,
) -> None:
    # A Senior Worker's treatment and title rule, and the routes to Senior Technician, are
    # the same on either side of the day.
    for kind, request in (
        ("equivalence", {"level": "高级工"}),
        ("eligibility", {"target": "高级技师"}),
    ):
        answer = _answer(kind, substantive, as_of="2027-02-28", **request)
        assert answer["in_force"]["elsewhen"] == [], kind


def test_a_part_the_other_days_answer_lacks_is_told_as_missing_there() -> None:
    """A route (or rule) that the other day's rules do not have at all: its words here, said
    to be absent there, after the parts that differ."""
    here = {
        "route A1": Text(zh="满足途径A1。", en="Route A1 is met."),
        "route A9": Text("九", "nine"),
    }
    there = {"route A1": Text(zh="不满足途径A1。", en="Route A1 is not met.")}
    assert asof._differences(here, there) == [
        Text(zh="不满足途径A1。", en="Route A1 is not met."),
        Text(zh="按该日期的规则没有这一项：九", en="Not in the rules of that day: nine"),
    ]
    assert asof._differences(here, dict(here)) == []


def test_an_answer_names_only_the_dated_documents_it_rests_on() -> None:
    """Clause （十四） is the Huangshi text's: an equivalence rests on it alone. An eligibility
    answer under the 2018 conditions (the default edition) rests on that standard, and its
    special routes on the Huangshi text; the 2023 standard, though in force, is not cited."""
    equivalence = _answer("equivalence", level="技师", as_of="2024-06-01")["in_force"]
    assert [d["id"] for d in equivalence["documents"]] == ["hgf-2020-4"]
    eligibility = _answer("eligibility", target="技师", as_of="2024-06-01")["in_force"]
    assert [d["id"] for d in eligibility["documents"]] == ["hgf-2020-4", "standard-2018"]


def test_a_value_no_rules_accept_is_refused_as_unknown_not_as_out_of_force() -> None:
    """On a day before 2023 the rules are a part of the policy; an edition the policy never
    had is still an unknown value (with that day's choices), not one "not yet in force"."""
    error = _answer("eligibility", target="技师", edition="1999", as_of="2021-03-01")["error"]
    assert error == {
        "field": "edition",
        "message": {
            "zh": "无法识别“1999”；可选：2018",
            "en": "unknown value '1999'; accepted: 2018",
        },
        "accepted": ["2018"],
    }


def test_the_treatment_of_a_holder_not_hired_is_compared_across_the_change(
    amended: PolicyIndex,
) -> None:
    """Not hired, a Senior Technician is treated as no title; the clause's title if hired is
    what changes on 2027-03-01 (Senior Engineer, then Professor-level Senior Engineer)."""
    answer = _answer("equivalence", amended, level="高级技师", hired=False, as_of="2027-02-28")
    (other,) = answer["in_force"]["elsewhen"]
    assert (other["when"], other["day"]) == ("from", "2027-03-01")
    assert other["differences"] == [
        {
            "zh": "同等待遇（被聘用者）：正高级工程师",
            "en": "Treated as equal to (if hired): Professor-level Senior Engineer",
        }
    ]
    # The documents of that day the other answer rests on: the text and the amendment.
    assert [d["zh"] for d in other["documents"]] == ["黄改委发〔2020〕4号", "测试文件〔2027〕1号"]


def test_a_title_with_no_level_before_the_change_says_no_level(amended: PolicyIndex) -> None:
    """Asked from the title: from 2027-03-01 Professor-level Senior Engineer corresponds to a
    hired Senior Technician; before, no source names a level for it (not 'no title')."""
    answer = _answer("equivalence", amended, title="正高级工程师", as_of="2027-03-01")
    assert answer["equivalent"]["id"] == "senior-technician"
    (other,) = answer["in_force"]["elsewhen"]
    assert other["when"] == "before"
    assert other["headline"]["zh"] == "没有来源规定与正高级工程师对应的技能等级。"
    assert other["differences"] == [
        {
            "zh": "同等待遇：没有对应的技能等级",
            "en": "Treated as equal to: No corresponding skill level",
        }
    ]


@pytest.mark.parametrize("level", ["初级工", "中级工"])
def test_a_level_with_no_title_and_no_title_to_apply_for_is_told_no_other_day(
    amended: PolicyIndex, level: str
) -> None:
    """Clause （十四） names no title for these levels, and no title application applies to
    them, on either side of the amendment's day."""
    answer = _answer("equivalence", amended, level=level, as_of="2027-02-28")
    assert answer["equivalent"] is None and answer["may_apply_for"] is None
    assert answer["in_force"]["elsewhen"] == []


@pytest.mark.parametrize(
    ("lang", "in_force", "unsure"),
    [
        ("zh", "适用2020年5月1日施行的规则：黄改委发〔2020〕4号（自2020年起）",
         "- 黄改委发〔2020〕4号 无法确定当天是否已经施行："),
        ("en", "Rules in force on 1 May 2020: 黄改委发〔2020〕4号 (from 2020)",
         "- 黄改委发〔2020〕4号 Whether it applied on that day is not known: "),
    ],
)  # fmt: skip
def test_a_day_in_the_year_of_issue_is_said_to_be_unsure_with_why(
    lang: str, in_force: str, unsure: str
) -> None:
    """On 1 May 2020 the opinion may not yet have been issued (its text gives the year
    alone): the answer names it, then says that and why, in the document's own note."""
    answer = _answer("equivalence", level="技师", as_of="2020-05-01")
    lines = text(answer["view"], lang).splitlines()
    at = lines.index(in_force)
    assert lines[at + 1] == unsure + META["validity_note"][lang]
