"""What the roster page is given: its script's words from the catalogue, and the answer as
the page lays it out (calculators/roster/page.py), in the page's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculators.plumbing.wording import WORDING
from calculators.roster.page import check_for_page
from calculators.roster.wording import SCRIPT_WORDING
from tests.calculators.test_wording import _COMMENT, _READ, SCRIPTS, _js_strings

AS_OF = "2026-11-30"
# The documents of policy/sources.yaml and document.yaml in force on that day, with their dates.
RULES = {
    "zh": "适用2026年11月30日施行的规则：黄改委发〔2020〕4号（自2020年起）、"
    "国家职业技能标准编制技术规程（2018年版）（自2018年起）、2023年起颁布的国家职业标准（自2023年起）",
    "en": "Rules in force on 30 November 2026: 黄改委发〔2020〕4号 (from 2020), Technical Rules for "
    "Drafting National Occupational Skill Standards (2018 edition) (from 2018), National "
    "occupational standards issued from 2023 (from 2023)",
}


def test_the_roster_script_is_given_the_wording_it_uses_and_uses_it() -> None:
    path = SCRIPTS / "roster.js"
    source = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    read = {a or b for a, b in _READ.findall(source)}
    assert read <= set(SCRIPT_WORDING), read - set(SCRIPT_WORDING)
    named = read | set(_js_strings(path))
    unused = {k for k in SCRIPT_WORDING if k not in named and not k.startswith("calc-runtime-")}
    assert not unused, unused
    assert set(SCRIPT_WORDING) <= set(WORDING)


@pytest.mark.parametrize(
    ("lang", "status", "problem", "file"),
    [
        ("zh", "现在可以申报", "与同一内容的另一列不一致", "检查结果-2026-11-30.xlsx"),
        ("en", "May apply now", "disagrees with another column giving the same fact",
         "Results-2026-11-30.xlsx"),
    ],
)  # fmt: skip
def test_the_page_gets_every_row_in_its_language(
    lang: str, status: str, problem: str, file: str, libreoffice_workbook: Path
) -> None:
    answer, xlsx, csv = check_for_page(libreoffice_workbook.read_bytes(), lang, AS_OF)
    page = json.loads(answer)
    assert page["statuses"][0] == {"id": "now", "label": status}
    assert page["summary"] == {
        "now": 1, "within_year": 0, "later": 0, "not_yet": 0, "cannot_check": 1,
    }  # fmt: skip
    first, second = page["rows"]
    assert (first["row"], first["name"], first["route"]) == (2, "张三", "A1")
    assert second["row"] == 4 and second["status"] == "cannot_check"
    assert second["problems"] == [{"column": "取证日期", "message": problem}]
    assert page["files"]["xlsx"] == file
    # The day whose rules every row was checked under, with the documents in force then.
    assert page["rules"] == RULES[lang]
    assert xlsx.startswith(b"PK") and csv.startswith(b"\xef\xbb\xbf")


def test_a_file_that_cannot_be_used_gives_only_a_message() -> None:
    answer, xlsx, csv = check_for_page(b"", "zh", AS_OF)
    assert json.loads(answer) == {"error": {"message": "文件是空的：没有可以检查的内容"}}
    assert xlsx == csv == b""
