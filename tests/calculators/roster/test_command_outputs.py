"""The roster command's other outputs: a row the calculators refuse (the problem placed in the
file's own column, or under the template's header when the file has no such column), a file
that is not there, the JSON the page reads, and the written file in the language asked for.

Expected values are typed from the policy: 特级技师 is the top level, so nothing lies above it
to apply for by default; a certificate cannot be dated after the day of the check."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from calculators.interfaces.cli import main

ROSTER = "姓名或工号,现有等级,取证日期\n甲,特级技师,2020-01-01\n乙,高级工,2999-01-01\n"


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "staff.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


def test_refused_rows_name_the_column_the_file_has_or_the_template_s(
    roster: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["roster", str(roster), "--as-of", "2026-11-30"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[5] == "无法检查: 2"
    assert out[6].startswith("第2行：申报等级：") and "特级技师" in out[6]  # no such column
    assert out[7].startswith("第3行：取证日期：") and out[7].endswith(
        "日期2999年1月1日晚于计算日期2026年11月30日"
    )


def test_a_missing_file_ends_with_status_2_and_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    missing = tmp_path / "none.xlsx"
    assert main(["roster", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == f"{missing}: No such file or directory"


def test_json_is_the_page_s_layout(roster: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["roster", str(roster), "--as-of", "2026-11-30", "--json", "--lang", "en"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["as_of"] == "2026-11-30"
    assert found["summary"]["cannot_check"] == 2 and found["summary"]["now"] == 0
    labels = {s["id"]: s["label"] for s in found["statuses"]}
    assert labels["cannot_check"] == "Cannot check"
    # The file has no column for the level applied for: the template's English header names it.
    assert found["rows"][0]["problems"] == [
        {
            "column": "Level applied for",
            "message": "there is no level above Special-Grade Technician to apply for under the"
            " national conditions",
        }
    ]


def test_json_is_readable_chinese_indented(roster: Path, capsys: pytest.CaptureFixture) -> None:
    """For a person reading it in a terminal: the characters themselves, not \\u escapes,
    and one key per line, indented by two spaces."""
    assert main(["roster", str(roster), "--as-of", "2026-11-30", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == ["{", '  "as_of": "2026-11-30",']
    assert '"label": "无法检查"' in out


def test_a_file_it_cannot_use_is_said_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["roster", str(empty), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"{empty}: The file is empty: there is nothing to check\n"
    assert main(["roster", str(empty)]) == 2
    assert capsys.readouterr().err == f"{empty}: 文件是空的：没有可以检查的内容\n"


@pytest.mark.parametrize(
    ("lang", "answers"),
    [("zh", ["检查结果", "可申报等级"]), ("en", ["Result", "Level to apply for"])],
)
def test_the_written_file_is_in_the_language_asked_for(
    roster: Path, tmp_path: Path, lang: str, answers: list[str]
) -> None:
    out = tmp_path / "checked.csv"
    assert (
        main(["roster", str(roster), "-o", str(out), "--lang", lang, "--as-of", "2026-11-30"]) == 0
    )
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:5] == ["姓名或工号", "现有等级", "取证日期", *answers]  # input columns kept
