"""`python -m calculators roster FILE [-o OUT] [--lang en] [--as-of DATE]`: the page's check in a
terminal, on the workbook LibreOffice writes in this run (张三: 高级工 certified 2021-06-01, so 技师 by the
2018 A1 route's 4 years; row 4 gives two different certificate dates under one merged header,
so it cannot be checked)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from calculators.interfaces.cli import main
from calculators.roster.xlsx import read_first_sheet


def test_the_summary_and_the_rows_that_cannot_be_checked(
    libreoffice_workbook: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["roster", str(libreoffice_workbook), "--as-of", "2026-11-30"]) == 0
    out = capsys.readouterr().out.splitlines()
    # First the day whose rules applied and the documents in force then (policy/sources.yaml).
    assert out[0] == (
        "适用2026年11月30日施行的规则：黄改委发〔2020〕4号（自2020年起）、"
        "国家职业技能标准编制技术规程（2018年版）（自2018年起）、2023年起颁布的国家职业标准（自2023年起）"
    )
    assert out[1] == "现在可以申报: 1"
    assert out[5] == "无法检查: 1"
    assert out[6] == "第4行：取证日期：与同一内容的另一列不一致"


@pytest.mark.parametrize("day", ["2026/11/30", "2026年11月30日", "2026-11", "２０２６年１１月"])
def test_the_day_of_the_check_is_written_as_the_forms_take_it(
    libreoffice_workbook: Path, day: str, capsys: pytest.CaptureFixture
) -> None:
    """A month alone is its last day: 2026-11 is 30 November 2026, the day the first test uses."""
    assert main(["roster", str(libreoffice_workbook), "--as-of", day]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("适用2026年11月30日施行的规则：")
    assert out[1] == "现在可以申报: 1" and out[5] == "无法检查: 1"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_output_is_written_by_its_extension(
    libreoffice_workbook: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"checked{suffix}"
    assert (
        main(
            [
                "roster",
                str(libreoffice_workbook),
                "-o",
                str(out),
                "--lang",
                "en",
                "--as-of",
                "2026-11-30",
            ]
        )
        == 0
    )
    data = out.read_bytes()
    if suffix == ".xlsx":
        rows = read_first_sheet(data).rows
    else:
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, first = rows[0], rows[1]
    assert header[6:9] == ["Result", "Level to apply for", "May apply from"]
    assert first[0] == "张三" and first[6] == "May apply now"
    assert first[7] == "Technician (Level 2)" and first[9] == "A1"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--as-of", "30.11.2026"],
            "--as-of: 应为 YYYY-MM-DD 格式的日期，或只写年月：YYYY-MM、2021年6月（收到 '30.11.2026'）",
        ),
        (["-o", "checked.ods"], "--output: checked.ods：结果文件须以 .xlsx 或 .csv 结尾"),
    ],
)
def test_bad_options_end_with_status_2_and_one_line(
    args: list[str], message: str, libreoffice_workbook: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["roster", str(libreoffice_workbook), *args]) == 2
    assert capsys.readouterr().err.strip() == message


def test_a_file_that_is_no_roster_says_why(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    empty = tmp_path / "staff.csv"
    empty.write_bytes(b"")
    assert main(["roster", str(empty), "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"{empty}: The file is empty: there is nothing to check"
    )
