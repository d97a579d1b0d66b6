"""The roster check answers each row as the single-person calculators do, and explains every
row it cannot answer. Expected answers are typed from the 2018 standard's routes (技师 A1:
a 三级/高级工 certificate, then 4 years' work; 高级工 A1: a 四级/中级工 certificate, then 5
years) and clause （十四） (a hired 高级工 is treated as 助理工程师, a hired 技师 as 工程师)."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.roster.check import Roster, RosterError, check_file, check_table, read_table
from calculators.roster.xlsx import OutSheet, write_workbook

AS_OF = date(2026, 11, 30)
HEADER = ["姓名或工号", "现有等级", "取证日期", "累计工作年限", "是否聘用", "备注"]


def check(rows: list[list[object]], header: list[str] = HEADER) -> Roster:
    return check_table([header, *rows], AS_OF)


def test_each_row_gets_the_single_person_answer() -> None:
    roster = check(
        [
            ["张三", "高级工", "2021-06-01", 6, "是", "车间A"],  # 4 years passed 2025-06-01
            ["李四", "三级", "2023-02-28", 4, "是", ""],  # 4 years complete on 2027-02-28
            ["王五", "senior-worker", "2025-06-01", 2, "否", ""],  # 2029-06-01: more than a year
            ["赵六", "技师", None, None, "是", ""],  # no dates, no years: no day can be named
        ]
    )
    assert [(r.row, r.name, r.status) for r in roster.rows] == [
        (2, "张三", "now"),
        (3, "李四", "within_year"),
        (4, "王五", "later"),
        (5, "赵六", "not_yet"),
    ]
    first, second, third, fourth = roster.rows
    assert first.target.zh == "技师（二级）" and first.route == "A1" and first.missing == []
    assert first.headline.zh.startswith("可以申报技师（二级）")
    assert first.equivalent.zh == "助理工程师"
    assert second.eligible_from == date(2027, 2, 28) and second.route == "A1"
    assert second.headline.en.startswith(
        "You may apply for Technician (Level 2) from 28 February 2027"
    )
    assert third.eligible_from == date(2029, 6, 1)
    assert third.equivalent.zh == "助理工程师（须被聘用）"
    assert third.equivalent.en == "Assistant Engineer (once hired)"
    assert fourth.target.zh == "高级技师（一级）" and fourth.equivalent.zh == "工程师"
    assert fourth.eligible_from is None and fourth.missing
    assert roster.summary == {
        "now": 1, "within_year": 1, "later": 1, "not_yet": 1, "cannot_check": 0,
    }  # fmt: skip


def test_the_answer_is_the_eligibility_calculators_answer_for_the_same_request() -> None:
    from calculators import api

    roster = check([["张三", "中级工", "2020-03-15", 7, "是", ""]])
    direct = api.answer(
        "eligibility",
        {"certificate": "中级工", "certificate_date": "2020-03-15", "total_years": 7,
         "as_of": AS_OF.isoformat()},
    )  # fmt: skip
    row = roster.rows[0]
    assert row.headline.zh == direct["headline"]["zh"]
    # 高级工 A1: the certificate of 2020-03-15 plus 5 years is 2025-03-15, before AS_OF.
    assert row.status == "now" and row.target.zh == "高级工（三级）"


def test_blank_rows_are_skipped_and_row_numbers_are_the_spreadsheets() -> None:
    table = [
        ["某公司技能人才花名册"],
        [],
        HEADER,
        ["张三", "高级工", "2021-06-01", 6, "是"],
        [None, " ", "", None],
        ["李四", "高级工", "2021-06-01", 6, "是"],
    ]
    roster = check_table(table, AS_OF)
    assert [(r.row, r.name) for r in roster.rows] == [(4, "张三"), (6, "李四")]


def test_unknown_columns_pass_through_and_headers_match_in_any_order_and_language() -> None:
    header = ["Remarks", "Certificate date", "current level", "* 姓名（必填）", "Hired"]
    roster = check([["night shift", "2021/6/1", "Senior Worker", "Zhang San", "yes"]], header)
    assert roster.understood == [None, "certificate_date", "certificate", "name", "hired"]
    row = roster.rows[0]
    assert row.cells == ["night shift", "2021/6/1", "Senior Worker", "Zhang San", "yes"]
    assert (row.name, row.status, row.route) == ("Zhang San", "now", "A1")


def test_a_month_only_date_counts_from_the_months_last_day_and_says_so() -> None:
    # 2022年11月 read as 2022-11-30: 4 years complete on 2026-11-30, AS_OF itself.
    roster = check([["张三", "高级工", "2022年11月", 6, "是", ""]])
    row = roster.rows[0]
    assert row.status == "now"
    assert row.notes[0].zh == "“取证日期”只写了年月，按当月最后一天（2022年11月30日）计算"
    # Read as the first of the month it would have opened on 2026-11-01 too; the last day
    # is the reading that cannot open early: 2022年12月 is not yet 4 years.
    later = check([["张三", "高级工", "2022.12", 6, "是", ""]]).rows[0]
    assert (later.status, later.eligible_from) == ("within_year", date(2026, 12, 31))


def test_rows_that_cannot_be_checked_say_which_column_and_why_in_both_languages() -> None:
    roster = check(
        [
            ["甲", "高级工", "去年", 6, "是", ""],
            ["乙", "大师", "2021-06-01", 6, "是", ""],
            ["丙", "高级工", "2021-06-01", "六年", "也许", ""],
            ["丁", "高级工", "2021-06-01", 6, "是", ""],
        ]
    )
    bad_date, bad_level, two_bad, fine = roster.rows
    assert bad_date.status == "cannot_check" and bad_date.row == 2
    assert [(p.column.zh, p.message.zh[:8]) for p in bad_date.problems] == [
        ("取证日期", "“去年”不是日期")
    ]
    assert bad_level.problems[0].column.zh == "现有等级"
    assert "大师" in bad_level.problems[0].message.zh
    assert "高级工" in bad_level.problems[0].message.zh  # the accepted values are listed
    assert "大师" in bad_level.problems[0].message.en
    assert [p.column.zh for p in two_bad.problems] == ["累计工作年限", "是否聘用"]
    assert two_bad.problems[1].message.en == '"也许" should be yes or no'
    assert fine.status == "now"
    assert roster.summary["cannot_check"] == 3 and roster.summary["now"] == 1


def test_a_formula_is_read_as_its_saved_result_and_one_saved_without_says_so() -> None:
    """Spreadsheet programs save a formula's result beside it (<v>), and that result is what
    the person saw; a file saved without it cannot be checked there, and the row says why."""
    from tests.calculators.roster.test_xlsx import workbook

    def inline(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    header = "".join(inline(f"{c}1", h) for c, h in zip("ABCD", HEADER[:4], strict=True))
    data = workbook(
        f'<row r="1">{header}</row>'
        f'<row r="2">{inline("A2", "张三")}{inline("B2", "高级工")}{inline("C2", "2021-06-01")}'
        '<c r="D2"><f>2026-2020</f><v>6</v></c></row>'
        f'<row r="3">{inline("A3", "李四")}{inline("B3", "高级工")}{inline("C3", "2021-06-01")}'
        '<c r="D3"><f>SUM(E3:F3)</f></c></row>'
    )
    saved, unsaved = check_file(data, AS_OF).rows
    assert (saved.status, saved.route) == ("now", "A1")
    assert unsaved.status == "cannot_check" and unsaved.row == 3
    assert [(p.column.zh, p.message.zh, p.message.en) for p in unsaved.problems] == [
        (
            "累计工作年限",
            "“=SUM(E3:F3)”是公式，文件中没有保存它的计算结果：请用 Excel 或 WPS 打开并保存后再检查",
            '"=SUM(E3:F3)" is a formula saved without its result: open the file in Excel or'
            " WPS, save it, and check it again",
        )
    ]


def test_two_columns_for_one_fact_must_agree() -> None:
    header = ["姓名", "现有等级", "取证日期", "取得证书日期"]
    agree = check([["甲", "高级工", "2021-06-01", "2021年6月1日"]], header).rows[0]
    assert agree.status == "now"
    differ = check([["甲", "高级工", "2021-06-01", "2021-07-01"]], header).rows[0]
    assert differ.status == "cannot_check"
    assert differ.problems[0].column.zh == "取得证书日期"


def test_files_are_read_whatever_their_kind_and_encoding() -> None:
    text = "姓名,现有等级,取证日期,累计工作年限\r\n张三,高级工,2021/6/1,6\r\n"
    xlsx = write_workbook([OutSheet("名单", HEADER[:4], [["张三", "高级工", date(2021, 6, 1), 6]])])
    for data in (text.encode("gb18030"), b"\xef\xbb\xbf" + text.encode(), xlsx,
                 text.replace(",", "\t").encode("utf-16")):  # fmt: skip
        roster = check_file(data, AS_OF)
        assert [(r.name, r.status, r.route) for r in roster.rows] == [("张三", "now", "A1")]


@pytest.mark.parametrize(
    ("data", "start"),
    [
        (b"PK\x03\x04not really a zip", "无法读取此文件"),
        (b"just,some,words\r\n1,2,3\r\n", "没有找到表头行"),
        (b"", "文件是空的"),
        (b" \r\n\t\r\n", "文件是空的"),
        # an old .xls, or an .xlsx saved with a password: both are OLE compound files
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "这是旧版 .xls 文件或设置了密码的工作簿",
        ),
        (b"\t".join([b"x"] * 2) * (11 * 1024 * 1024), "文件超过 20 MB"),
    ],
)
def test_a_file_that_is_no_roster_is_refused_with_a_reason(data: bytes, start: str) -> None:
    with pytest.raises(RosterError) as err:
        check_file(data, AS_OF)
    assert err.value.message.zh.startswith(start)
    assert err.value.message.en


def test_a_text_table_of_more_than_20000_rows_is_refused() -> None:
    rows = "\n".join(["现有等级\t取证日期", *(["高级工\t2021-06-01"] * 20_001)])
    with pytest.raises(RosterError) as err:
        check_file(rows.encode(), AS_OF)
    assert err.value.message.en == "Too many rows: at most 20,000 rows at a time"


def test_progress_is_reported_every_200_rows_and_at_the_end() -> None:
    rows = [["高级工", "2021-06-01"]] * 450
    seen: list[tuple[int, int]] = []
    check_table([["现有等级", "取证日期"], *rows], AS_OF, progress=lambda *a: seen.append(a))
    assert seen == [(200, 450), (400, 450), (450, 450)]


def test_the_check_carries_its_date_and_the_data_version() -> None:
    roster = check([["张三", "高级工", "2021-06-01", 6, "是", ""]])
    assert roster.as_of == AS_OF
    assert set(roster.data_version) == {"date", "digest"}


def test_20000_rows_are_read_and_one_more_is_not() -> None:
    """The limit is 20,000 rows besides the header (the page's words: "at most 20,000 rows")."""
    header, row = "现有等级\t取证日期", "高级工\t2021-06-01"
    assert len(read_table("\n".join([header, *[row] * 20_000]).encode())) == 20_001
    with pytest.raises(RosterError):
        read_table("\n".join([header, *[row] * 20_001]).encode())


def test_a_file_of_20_mb_is_read_and_one_byte_more_is_not() -> None:
    """20 MB is 20 × 1024 × 1024 bytes: a file of exactly that size is read (here a header and
    rows with a long remark), one a byte larger is refused before it is read, in the page's
    words."""
    limit = 20 * 1024 * 1024
    head, row = "现有等级\t备注\n".encode(), "高级工\t".encode() + b"x" * 2000 + b"\n"
    rows = (limit - len(head)) // len(row)
    data = head + row * rows
    data += "高级工\t".encode() + b"x" * (limit - len(data) - len("高级工\t".encode()))
    assert len(data) == limit
    assert len(read_table(data)) == rows + 2
    with pytest.raises(RosterError) as err:
        read_table(data + b"x")
    assert err.value.message.zh.startswith("文件超过 20 MB")


def test_a_cell_no_table_could_hold_is_refused_as_no_table() -> None:
    """A text file with a "cell" of 200,000 characters (a binary file renamed .csv, say) is
    not a roster: it gets the unreadable-file message, not a crash of the CSV reader."""
    with pytest.raises(RosterError) as err:
        check_file("现有等级\t备注\n高级工\t".encode() + b"x" * 200_000, AS_OF)
    assert err.value.message.zh.startswith("无法读取此文件")
