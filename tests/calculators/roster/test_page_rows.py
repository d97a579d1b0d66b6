"""Each field of a row as the roster page gets it (page.py `_row`), typed from the policy: a
hired Senior Worker is treated as an Assistant Engineer (clause （十四）), one not hired only
once hired; a Senior Worker may apply for Technician four years after the certificate (route
A1 of the 2018 conditions), so a 2021-06-01 certificate may apply on 2026-11-30 and a
2025-06-01 one from 2029-06-01, more than 12 months on."""

from __future__ import annotations

import json

import pytest

from calculators.roster.page import check_for_page

ROSTER = "姓名或工号,现有等级,取证日期,是否聘用\n丙,高级工,2021-06-01,是\n丁,高级工,2025-06-01,否\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_field_of_a_row_reaches_the_page(lang: str) -> None:
    answer, _, _ = check_for_page(ROSTER.encode(), lang, "2026-11-30")
    now, later = json.loads(answer)["rows"]
    en = lang == "en"
    assert now == {
        "row": 2,
        "name": "丙",
        "status": "now",
        "target": "Technician (Level 2)" if en else "技师（二级）",
        "equivalent": "Assistant Engineer" if en else "助理工程师",
        "eligible_from": "",
        "route": "A1",
        "missing": [],
        "headline": (
            "You may apply for Technician (Level 2), by route A1." if en
            else now["headline"]
        ),
        "notes": [],
        "problems": [],
    }  # fmt: skip
    assert (later["row"], later["name"], later["status"]) == (3, "丁", "later")
    assert later["eligible_from"] == "2029-06-01" and later["route"] == "A1"
    assert later["equivalent"].startswith("Assistant Engineer" if en else "助理工程师")
    assert later["equivalent"] != now["equivalent"]  # "once hired"
    (missing,) = later["missing"]
    assert ("1 June 2029" if en else "2029年6月1日") in missing
    assert ("1 June 2029" if en else "2029年6月1日") in later["headline"]
    assert ("Technician" if en else "技师") in now["headline"] and "A1" in now["headline"]


def test_a_row_without_a_title_route_or_note_has_empty_texts_and_a_month_is_noted() -> None:
    """A Junior Worker (初级工) has no title under clause （十四）; with no date and no years no
    route is closest; a certificate month alone is read as the month's last day, and said."""
    roster = "姓名或工号,现有等级,取证日期\n戊,初级工,\n己,中级工,2024年2月\n"
    answer, _, _ = check_for_page(roster.encode(), "zh", "2026-11-30")
    junior, month = json.loads(answer)["rows"]
    assert (junior["equivalent"], junior["eligible_from"], junior["notes"]) == ("", "", [])
    assert month["notes"] == ["“取证日期”只写了年月，按当月最后一天（2024年2月29日）计算"]


@pytest.mark.parametrize(
    ("lang", "header", "stem"), [("zh", "检查结果", "检查结果"), ("en", "Result", "Results")]
)
def test_the_files_and_their_names_are_in_the_pages_language(
    lang: str, header: str, stem: str
) -> None:
    """The two downloads (.xlsx, .csv with a byte-order mark), their columns in the page's
    language and their names with the day of the check; the data version of the rules."""
    import io
    import zipfile

    from calculators import api

    progress: list[tuple[int, int]] = []
    answer, xlsx, csv = check_for_page(
        ROSTER.encode(), lang, "2026-11-30", progress=lambda *seen: progress.append(seen)
    )
    page = json.loads(answer)
    assert page["files"] == {"xlsx": f"{stem}-2026-11-30.xlsx", "csv": f"{stem}-2026-11-30.csv"}
    assert page["data_version"] == dict(api.policy_index().data_version)
    assert progress == [(2, 2)]  # the two rows, reported at the end
    assert csv.decode("utf-8-sig").splitlines()[0].split(",")[4] == header
    with zipfile.ZipFile(io.BytesIO(xlsx)) as workbook:
        assert header in workbook.read("xl/worksheets/sheet1.xml").decode()
    # The page is given the characters themselves, not \u escapes (half the bytes).
    assert "丙" in answer
