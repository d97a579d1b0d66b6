"""Cells as people and programs fill them: dates with or without a day, serial numbers,
full-width digits, yes/no in words or ticks; and text tables in each encoding Chinese
offices produce."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.roster.cells import CellDate, CellError, plain, read_date, read_number, read_yes_no
from calculators.roster.texttable import decode, read_text_table, separator


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (date(2021, 6, 1), CellDate(date(2021, 6, 1))),
        (44348, CellDate(date(2021, 6, 1))),  # an Excel serial number
        (44348.75, CellDate(date(2021, 6, 1))),  # with a time of day
        ("44348", CellDate(date(2021, 6, 1))),  # a serial pasted as text
        ("2021-06-01", CellDate(date(2021, 6, 1))),
        ("2021/6/1", CellDate(date(2021, 6, 1))),
        ("2021.6.1", CellDate(date(2021, 6, 1))),
        ("2021年6月1日", CellDate(date(2021, 6, 1))),
        ("２０２１年６月１日", CellDate(date(2021, 6, 1))),
        ("20210601", CellDate(date(2021, 6, 1))),
        ("2021-06-01 00:00:00", CellDate(date(2021, 6, 1))),
        (" 2021-06-01\u3000", CellDate(date(2021, 6, 1))),
        # A month without a day: the month's last day, the reading that never opens early.
        ("2021-06", CellDate(date(2021, 6, 30), month_only=True)),
        ("2021年6月", CellDate(date(2021, 6, 30), month_only=True)),
        ("2021.6", CellDate(date(2021, 6, 30), month_only=True)),
        ("2021/02", CellDate(date(2021, 2, 28), month_only=True)),
        ("2020年2月", CellDate(date(2020, 2, 29), month_only=True)),
        ("2021.12", CellDate(date(2021, 12, 31), month_only=True)),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_dates_in_every_way_a_cell_holds_them(cell: object, expected: CellDate | None) -> None:
    assert read_date(cell) == expected


@pytest.mark.parametrize(
    "cell",
    ["2021-13-01", "2021-02-30", "2021年13月", "6/1/2021", "去年", "2021", 3.0, "1899-12-31",
     "3000-01-01", "202106", "20211345", "18000101"],
)  # fmt: skip
def test_what_is_not_a_date_says_so(cell: object) -> None:
    with pytest.raises(CellError) as err:
        read_date(cell)
    assert err.value.expected == "date"
    assert err.value.found == plain(cell)  # what the cell says, as the eye reads it


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(3, 3.0), (2.5, 2.5), ("3", 3.0), ("３", 3.0), ("3.5", 3.5), ("3年", 3.0), ("１２年", 12.0),
     ("3 years", 3.0), ("45岁", 45.0), (None, None), ("", None)],
)  # fmt: skip
def test_numbers_with_units_and_full_width_digits(cell: object, expected: float | None) -> None:
    assert read_number(cell) == expected


@pytest.mark.parametrize("cell", ["三年", "-1", "3-4", "about 3", True])
def test_what_is_not_a_number_says_so(cell: object) -> None:
    with pytest.raises(CellError) as err:
        read_number(cell)
    assert err.value.expected == "number"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("是", True), ("否", False), ("Yes", True), ("NO", False), ("√", True), ("×", False),
     (True, True), (False, False), (1.0, True), (0.0, False), ("TRUE", True), (None, None)],
)  # fmt: skip
def test_yes_and_no(cell: object, expected: bool | None) -> None:
    assert read_yes_no(cell) == expected


def test_a_yes_no_cell_with_something_else_says_so() -> None:
    with pytest.raises(CellError) as err:
        read_yes_no("也许")
    assert (err.value.expected, err.value.found) == ("yes_no", "也许")


def test_plain_text_of_a_cell() -> None:
    assert plain("ＧＨ００７ ") == "GH007"
    assert plain(12.0) == "12"
    assert plain(None) == ""


ROWS = [["姓名", "现有等级", "取证日期"], ["张三", "高级工", "2021年6月"], ["李四, 王", "技师", ""]]
CSV = '姓名,现有等级,取证日期\r\n张三,高级工,2021年6月\r\n"李四, 王",技师,\r\n'


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CSV.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + CSV.encode("utf-8"), "utf-8-sig"),
        (CSV.encode("gb18030"), "gb18030"),
        (CSV.encode("gbk"), "gb18030"),  # what older Chinese Excel writes
        (CSV.encode("utf-16"), "utf-16"),  # Excel's "Unicode text", with its BOM
    ],
)
def test_every_encoding_chinese_offices_write_is_read_without_asking(
    data: bytes, encoding: str
) -> None:
    text, found = decode(data)
    assert found == encoding
    assert read_text_table(text) == ROWS


def test_pasted_cells_are_tab_separated_and_semicolons_are_told_apart() -> None:
    assert read_text_table("姓名\t现有等级\n张三\t高级工, 二\n") == [
        ["姓名", "现有等级"],
        ["张三", "高级工, 二"],
    ]
    assert separator("a;b;c\n1,5;2;3") == ";"
    assert separator("\n\na,b\n") == ","


def test_bytes_that_are_no_text_at_all_do_not_stop_the_other_rows() -> None:
    text, found = decode("姓名\n张三\n".encode("gb18030") + b"\x81\n")
    assert found == "gb18030"
    assert read_text_table(text)[:2] == [["姓名"], ["张三"]]
