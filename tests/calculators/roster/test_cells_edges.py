"""Cells at the edges of what they accept: the first and last day a date may be, what an
error says it found, and text tables whose cells hold line breaks."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.roster.cells import CellDate, CellError, read_date, read_number
from calculators.roster.texttable import read_text_table


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1900-01-01", date(1900, 1, 1)),
        ("2999-12-31", date(2999, 12, 31)),
        (date(1900, 1, 1), date(1900, 1, 1)),
        (date(2999, 12, 31), date(2999, 12, 31)),
    ],
)
def test_the_first_and_last_day_a_date_may_be(cell: object, expected: date) -> None:
    assert read_date(cell) == CellDate(expected)


@pytest.mark.parametrize(
    ("cell", "found"),
    [
        (date(1899, 12, 31), "1899-12-31"),  # a date cell
        ("1899-12-31", "1899-12-31"),
        ("3000年1月1日", "3000年1月1日"),
        ("３０００年１月", "3000年1月"),  # as read: full-width digits made ASCII
    ],
)
def test_a_date_out_of_range_says_what_it_found(cell: object, found: str) -> None:
    with pytest.raises(CellError) as err:
        read_date(cell)
    assert (err.value.expected, err.value.found) == ("date", found)
    assert str(err.value) == f"expected date, found {found!r}"


def test_a_number_that_is_not_one_says_what_it_found() -> None:
    with pytest.raises(CellError) as err:
        read_number(" 三年 ")
    assert (err.value.expected, err.value.found) == ("number", "三年")


def test_a_line_break_inside_a_quoted_cell_is_kept_as_written() -> None:
    # Excel writes a cell's own line break inside quotes; the row ends with CR LF.
    text = '姓名,备注\r\n张三,"第一行\r\n第二行"\r\n'
    assert read_text_table(text) == [["姓名", "备注"], ["张三", "第一行\r\n第二行"]]
