"""A roster typed into LibreOffice Calc and saved as .xlsx in this run (tests/support/
libreoffice.py), with its dates as Calc writes date cells, gets for each row the single-person
calculators' answers for the same facts.

Pinned beside the parity, typed from the 2018 standard (the default edition) and clause
（十四）: a 高级工 certified on 2021-06-01 may apply for 技师（二级） by route A1 (4 years after
the certificate) and, hired, is treated as 助理工程师; a 三级 certified on 2023-02-28 may from
2027-02-28; a 中级工 certified on 2020-03-15 may apply for 高级工（三级） now (A1: 5 years).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from calculators import api
from calculators.roster.check import Roster, check_file
from calculators.roster.columns import COLUMNS
from calculators.roster.xlsx import read_first_sheet
from tests.support.libreoffice import Value, xlsx_from_rows

AS_OF = date(2026, 11, 30)
DATES = ("certificate_date", "work_start_date", "title_date")

# One person per row, by request field ("hired" is the roster's own column).
PEOPLE: list[dict[str, Value]] = [
    {"name": "张三", "certificate": "高级工", "certificate_date": date(2021, 6, 1),
     "total_years": 6, "hired": "是"},
    {"name": "李四", "certificate": "三级", "certificate_date": date(2023, 2, 28),
     "total_years": 4, "hired": "是"},
    {"name": "王五", "certificate": "中级工", "certificate_date": date(2020, 3, 15),
     "total_years": 7},
    {"name": "赵六", "certificate": "技师", "certificate_date": date(2022, 1, 10),
     "work_start_date": date(2010, 7, 1), "education": "本科", "title": "工程师",
     "title_date": date(2019, 12, 31), "hired": "否"},
    {"name": "钱七", "education": "技工学校或中等职业学校毕业",
     "work_start_date": date(2016, 9, 1), "target": "中级工", "edition": "2023"},
]  # fmt: skip
HEADER = [column.header.zh for column in COLUMNS]


@pytest.fixture(scope="module")
def workbook() -> bytes:
    rows = [[person.get(column.field) for column in COLUMNS] for person in PEOPLE]
    return xlsx_from_rows("花名册", [HEADER, *rows])


@pytest.fixture(scope="module")
def roster(workbook: bytes) -> Roster:
    return check_file(workbook, AS_OF)


def test_libreoffice_writes_the_dates_as_date_cells(workbook: bytes) -> None:
    sheet = read_first_sheet(workbook)
    assert sheet.rows[0] == HEADER
    where = {column.field: n for n, column in enumerate(COLUMNS)}
    for person, row in zip(PEOPLE, sheet.rows[1:], strict=True):
        for field in DATES:
            assert row[where[field]] == person.get(field), (person["name"], field)


def _single_person(person: dict[str, Value]) -> dict[str, Any]:
    request: dict[str, Any] = {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in person.items()
        if key not in ("name", "hired")
    }
    request.setdefault("edition", "2018")
    return api.answer("eligibility", {**request, "as_of": AS_OF.isoformat()}, view=False)


@pytest.mark.parametrize("n", range(len(PEOPLE)))
def test_each_row_is_the_single_person_answer(roster: Roster, n: int) -> None:
    person, row = PEOPLE[n], roster.rows[n]
    direct = _single_person(person)
    assert (row.row, row.name) == (n + 2, person["name"])
    assert row.problems == []
    assert row.headline is not None and row.headline.zh == direct["headline"]["zh"]
    assert row.headline.en == direct["headline"]["en"]
    assert row.eligible_from == (
        date.fromisoformat(direct["eligible_from"]) if direct["eligible_from"] else None
    )
    assert (row.status == "now") == direct["eligible"]
    if "certificate" in person:
        title = api.answer("equivalence", {"level": person["certificate"], "hired": True})
        title = title["equivalent"]  # none for a 中级工: clause （十四） starts at 高级工
        if title is not None and person.get("hired") == "否":  # the same title, marked
            title = {"zh": f"{title['zh']}（须被聘用）"}
        assert (row.equivalent and row.equivalent.zh) == (title and title["zh"])


def test_the_rule_is_pinned(roster: Roster) -> None:
    first, second, third = roster.rows[:3]
    assert (first.status, first.route, first.target.zh) == ("now", "A1", "技师（二级）")
    assert first.equivalent is not None and first.equivalent.zh == "助理工程师"
    assert third.equivalent is None
    assert (second.status, second.eligible_from) == ("within_year", date(2027, 2, 28))
    assert (third.status, third.target.zh) == ("now", "高级工（三级）")
    assert roster.summary["cannot_check"] == 0
