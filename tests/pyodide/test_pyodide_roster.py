"""The roster check under the site's own Pyodide and its cut-down standard library, with the
bytes passed in and out as the roster page's worker passes them (run_requests.mjs `roster`).

Each file's answer must equal the one `calculators.roster.page.check_for_page` gives under
CPython, and the .xlsx and .csv it returns must read back to the same rows. Pinned beside the
parity, typed from the 2018 standard: 张三, a 高级工 certified on 2021-06-01, may apply for
技师（二级） by route A1 (4 years after the certificate), and a hired 高级工 is treated as
助理工程师 (clause （十四））.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from calculators import api
from calculators.roster.export import template_xlsx
from calculators.roster.page import check_for_page
from calculators.roster.xlsx import read_first_sheet
from tests.pyodide.node import answer_under_pyodide
from tests.support.libreoffice import roster_workbook

AS_OF = "2026-11-30"
ROW = ["张三", "高级工", "2021-06-01", "6", "是"]
HEADER = ["姓名或工号", "现有等级", "取证日期", "累计工作年限", "是否聘用"]


def _text(rows: list[list[str]], sep: str) -> str:
    return "\r\n".join(sep.join(row) for row in rows) + "\r\n"


def roster_files() -> dict[str, tuple[bytes, str]]:
    """Rosters as HR files come (name -> bytes, language): what the runtime must read."""
    table = [HEADER, ROW]
    return {
        "libreoffice-xlsx": (roster_workbook(), "zh"),
        "template-xlsx-en": (template_xlsx("en", api.policy_index()), "en"),
        "csv-gb18030": (_text(table, ",").encode("gb18030"), "zh"),
        "csv-utf8-bom": (b"\xef\xbb\xbf" + _text(table, ",").encode(), "en"),
        "csv-utf16": (_text(table, "\t").encode("utf-16"), "zh"),
        "pasted-tsv": (_text(table, "\t").encode(), "zh"),
        "empty": (b"", "en"),
        "old-xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "zh"),
        "damaged-xlsx": (roster_workbook()[:900], "en"),
    }


def roster_requests() -> list[dict[str, str]]:
    return [
        {"kind": "roster", "request": base64.b64encode(data).decode(), "lang": lang, "as_of": AS_OF}
        for data, lang in roster_files().values()
    ]


NAMES = list(roster_files())


@pytest.fixture(scope="module")
def under_pyodide(site: Path) -> dict[str, dict[str, Any]]:
    responses = answer_under_pyodide(site, roster_requests())["responses"]
    return {name: json.loads(text) for name, text in zip(NAMES, responses, strict=True)}


def _rows(kind: str, data: bytes) -> list[list[Any]]:
    if kind == "xlsx":
        return read_first_sheet(data).rows
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("name", NAMES)
def test_a_roster_is_answered_under_pyodide_as_under_cpython(
    under_pyodide: dict[str, dict[str, Any]], name: str
) -> None:
    data, lang = roster_files()[name]
    answer, xlsx, csv_bytes = check_for_page(data, lang, AS_OF)
    got = under_pyodide[name]
    assert got["answer"] == json.loads(answer)
    for kind, expected in (("xlsx", xlsx), ("csv", csv_bytes)):
        produced = base64.b64decode(got[kind])
        assert bool(produced) == bool(expected)
        if expected:
            assert _rows(kind, produced) == _rows(kind, expected)


def test_the_rule_is_pinned(under_pyodide: dict[str, dict[str, Any]]) -> None:
    for name in ("libreoffice-xlsx", "csv-gb18030", "csv-utf16", "pasted-tsv"):
        first = under_pyodide[name]["answer"]["rows"][0]
        assert (first["name"], first["status"], first["route"]) == ("张三", "now", "A1"), name
        assert first["target"] == "技师（二级）" and first["equivalent"] == "助理工程师", name
    english = under_pyodide["csv-utf8-bom"]["answer"]["rows"][0]
    assert english["target"] == "Technician (Level 2)"
    assert english["equivalent"] == "Assistant Engineer"
    assert under_pyodide["old-xls"]["answer"]["error"]["message"].startswith(
        "这是旧版 .xls 文件或设置了密码的工作簿"
    )
    assert under_pyodide["empty"]["answer"]["error"]["message"] == (
        "The file is empty: there is nothing to check"
    )
    # cut short, its zip directory is gone: it is no workbook at all
    assert under_pyodide["damaged-xlsx"]["answer"]["error"]["message"] == (
        "This file cannot be read: choose an .xlsx or .csv file, or paste the cells"
    )
