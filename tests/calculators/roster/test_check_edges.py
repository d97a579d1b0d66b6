"""The roster check at its edges: the day of the check as given (not today), the policy given
(not the package's), a row shorter than its header, the 12-month boundary, whole-number
placings, several routes met, and the wording of each refusal. Expected values are typed from
the 2018 standard's routes (技师 A1: a 三级/高级工 certificate, then 4 years; 技师 A2: a 高级工
certificate, a senior technical school or technician college, 3 years of work in all) and
clause （十四） (a hired 高级工 is treated as 助理工程师)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from calculators import api
from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text
from calculators.roster import wording
from calculators.roster.check import RosterError, check_file, check_table
from calculators.roster.columns import column_for, header_key, is_header_row
from calculators.roster.texttable import read_text_table

HEADER = ["姓名或工号", "现有等级", "取证日期", "累计工作年限", "是否聘用"]


def test_the_day_of_the_check_is_the_one_given_not_today() -> None:
    # 高级工 certified 2021-06-01: 技师 A1's 4 years end on 2025-06-01. Checked as of
    # 2024-01-15 that day is more than 12 months away; as of 2024-07-01, within them.
    early = check_table([HEADER, ["甲", "高级工", "2021-06-01", 6, "是"]], date(2024, 1, 15))
    assert (early.rows[0].status, early.rows[0].eligible_from) == ("later", date(2025, 6, 1))
    assert early.as_of == date(2024, 1, 15)
    within = check_table([HEADER, ["甲", "高级工", "2021-06-01", 6, "是"]], date(2024, 7, 1))
    assert within.rows[0].status == "within_year"


@pytest.mark.parametrize(
    ("certified", "status"),
    [
        ("2023-11-30", "within_year"),  # opens 2027-11-30: twelve months to the day
        ("2023-12-01", "later"),  # opens 2027-12-01: a day more
        ("2024-06-01", "later"),  # opens 2028-06-01: within two years, not one
    ],
)
def test_within_a_year_counts_the_anniversary_of_the_check(certified: str, status: str) -> None:
    roster = check_table([HEADER, ["甲", "高级工", certified, 6, "是"]], date(2026, 11, 30))
    assert roster.rows[0].status == status


def _renamed_policy() -> PolicyIndex:
    """The policy with 技师 and 助理工程师 renamed: a check given this policy must name them so."""
    data = copy.deepcopy(api.policy_index().data)
    for level in data["levels"]["levels"]:
        if level["id"] == "technician":
            level["name"] = {"zh": "技师甲", "en": "Technician A"}
    for title in data["titles"]["titles"]:
        if title["id"] == "assistant-engineer":
            title["name"] = {"zh": "助理工程师甲", "en": "Assistant Engineer A"}
    return PolicyIndex(data)


def test_the_rows_are_answered_from_the_policy_given() -> None:
    index = _renamed_policy()
    text = "姓名,现有等级,取证日期,累计工作年限\r\n甲,高级工,2021-06-01,6\r\n"
    for roster in (
        check_table([HEADER, ["甲", "高级工", "2021-06-01", 6, "是"]], date(2026, 11, 30), index),
        check_file(text.encode(), date(2026, 11, 30), index),
    ):
        row = roster.rows[0]
        assert row.target == Text("技师甲（二级）", "Technician A (Level 2)")
        assert row.equivalent == Text("助理工程师甲", "Assistant Engineer A")


def test_a_row_shorter_than_its_header_and_a_row_without_a_name() -> None:
    roster = check_table(
        [HEADER, ["甲", "高级工"], [None, "高级工", "2021-06-01", 6]], date(2026, 11, 30)
    )
    short, nameless = roster.rows
    assert short.cells == ["甲", "高级工", "", "", ""]
    assert nameless.name == "" and nameless.status == "now"


def test_two_routes_met_are_both_named() -> None:
    header = ["姓名", "现有等级", "取证日期", "累计工作年限", "学历"]
    row = ["甲", "高级工", "2021-06-01", 6, "高级技工学校或技师学院毕业"]
    assert check_table([header, row], date(2026, 11, 30)).rows[0].route == "A1, A2"


def test_a_competition_placing_is_a_whole_number_and_other_figures_need_not_be() -> None:
    header = ["姓名", "现有等级", "取证日期", "累计工作年限", "竞赛名次"]
    roster = check_table(
        [
            header,
            ["甲", "高级工", "2021-06-01", "6.5", "2.5"],
            ["乙", "高级工", "2021-06-01", "6.5", "3"],
            ["丙", "高级工", "2021-06-01", "6.5", ""],
        ],
        date(2026, 11, 30),
    )
    half, whole, blank = roster.rows
    assert half.status == "cannot_check"
    assert [(p.column.zh, p.message) for p in half.problems] == [
        ("竞赛名次", Text("“2.5”不是整数", '"2.5" is not a whole number'))
    ]
    assert (whole.status, whole.problems) == ("now", [])
    assert (blank.status, blank.problems) == ("now", [])


def test_columns_that_disagree_are_named_and_the_columns_after_them_still_read() -> None:
    header = ["姓名", "现有等级", "取证日期", "取得证书日期", "是否聘用"]
    row = check_table(
        [header, ["甲", "高级工", "2021-06-01", "2021-07-01", "也许"]], date(2026, 11, 30)
    ).rows[0]
    assert [(p.column.zh, p.message) for p in row.problems] == [
        ("取得证书日期", Text("与同一内容的另一列不一致", "disagrees with another column giving the same fact")),
        ("是否聘用", Text("“也许”应为“是”或“否”", '"也许" should be yes or no')),
    ]  # fmt: skip


def test_a_refusal_is_placed_in_the_column_of_the_field_it_names() -> None:
    # A title date without the title it dates: the calculators refuse the date.
    header = ["姓名", "备注", "取得职称日期"]
    row = check_table([header, ["甲", "x", "2020-01-01"]], date(2026, 11, 30)).rows[0]
    assert row.status == "cannot_check"
    (problem,) = row.problems
    assert problem.column.zh == "取得职称日期"
    assert problem.message.zh.startswith("需要同时给出")


def test_a_roster_error_reads_in_english_where_no_language_is_chosen() -> None:
    with pytest.raises(RosterError) as err:
        check_table([["备注"], ["x"]], date(2026, 11, 30))
    assert str(err.value) == wording.NO_HEADER.en
    assert err.value.message == wording.NO_HEADER


def test_headers_as_compared() -> None:
    assert header_key(None) == ""
    assert header_key(" * 取证日期（选填） ") == "取证日期"
    assert column_for(None) is None and column_for("") is None
    assert column_for("Certificate_Date").field == "certificate_date"
    # Two known columns make a header row; one does not (a title above the table may name one).
    assert is_header_row(["姓名", "现有等级", "备注"])
    assert not is_header_row(["姓名", "备注", None])


def test_the_roster_wording_is_in_the_catalogue_under_its_keys() -> None:
    from calculators.plumbing.wording import WORDING

    assert WORDING["roster-status-within-year"] == wording.STATUS["within_year"]
    assert WORDING["roster-summary-header-1"] == wording.SUMMARY_HEADER[0]
    assert WORDING["roster-answer-column-8"] == wording.ANSWER_COLUMNS[7]
    assert WORDING["roster-workbook-too-many-rows"] == wording.WORKBOOK_REASONS["too_many_rows"]
    # The keys as they are made (the catalogue above was filled once, at import).
    one, two, three = Text.same("1"), Text.same("2"), Text.same("3")
    assert dict(wording._entries("roster", {"a_b": {"c_d": one}, "e": (two, three)})) == {
        "roster-a-b-c-d": one,
        "roster-e-1": two,
        "roster-e-2": three,
    }


def test_a_roster_checked_before_the_earliest_rules_refuses_each_row_saying_why() -> None:
    """The earliest rules the site holds are the 2018 edition's, from 2018 (policy/
    application-routes.yaml): a check as of 1 June 2017 has no rules to apply, and says so
    in the place of the day it was asked for."""
    row = check_table([["姓名", "申报等级"], ["张三", "初级工"]], date(2017, 6, 1)).rows[0]
    assert row.status == "cannot_check"
    (problem,) = row.problems
    # Named as the page and the sheets name the day a roster is checked for, not by its key.
    assert problem.column == Text(zh="检查日期", en="Checked on")
    assert problem.message.zh.startswith("2017年6月1日早于本站收录的任何规则")
    assert problem.message.en.startswith("1 June 2017 is before any rules the site holds")


def test_old_mac_line_ends_are_rows_too() -> None:
    """Excel for the old Mac OS ended lines with a carriage return alone."""
    assert read_text_table("姓名,申报等级\r张三,高级工\r") == [
        ["姓名", "申报等级"],
        ["张三", "高级工"],
    ]


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", "\u3000\n\u3000".encode()])
def test_a_file_with_no_line_but_blanks_has_no_header_row(data: bytes) -> None:
    with pytest.raises(RosterError) as err:
        check_file(data, date(2026, 11, 30))
    assert err.value.message == wording.NO_HEADER
