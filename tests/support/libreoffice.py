"""Spreadsheets written by LibreOffice Calc at test time, so the roster's reader is tested on
workbooks a program other than this project (and other than openpyxl) wrote.

Debian's `libreoffice-calc-nogui` (`make setup-office`, which `make test` runs) converts a
flat OpenDocument spreadsheet (.fods, plain XML a test can write) with `soffice --headless
--convert-to xlsx`. Each conversion gets a profile folder of its own
(`-env:UserInstallation`): two runs sharing the default profile wait for each other's lock or
fail. A conversion is kept in memory by its input, so a run (and every process forked from
it, as under mutation testing) pays for each input once.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

# The roster HR files hold (a merged header, blanks, trailing spaces, full-width digits, dates
# as date cells in two formats and as text), typed as Calc's own format; see files/README.md.
ROSTER_FODS = (
    Path(__file__).resolve().parents[1] / "calculators" / "roster" / "files" / "libreoffice.fods"
)

# A hang guard, not a measure of speed (see tests/conftest.py's PATIENCE_S).
PATIENCE_S = float(os.environ.get("TEST_PATIENCE_S", "300"))

# Values a cell may hold: text, a number, a date (written as a date cell) or nothing.
Value = str | int | float | date | None

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="N1"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/></number:date-style>
  <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet>
"""
_TAIL = " </office:spreadsheet></office:body>\n</office:document>\n"


def _cell(value: Value) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, date):
        day = value.isoformat()
        return (
            f'<table:table-cell table:style-name="ce1" office:value-type="date" '
            f'office:date-value="{day}"><text:p>{value.year}/{value.month}/{value.day}</text:p>'
            "</table:table-cell>"
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def flat_ods(sheet: str, rows: Sequence[Sequence[Value]]) -> str:
    """One sheet as a flat OpenDocument spreadsheet: text as text cells, numbers as number
    cells, dates as date cells shown as 2021/6/1 (what a person types into Calc or Excel)."""
    body = "".join(
        "   <table:table-row>" + "".join(_cell(v) for v in row) + "</table:table-row>\n"
        for row in rows
    )
    return f"{_HEAD}  <table:table table:name={quoteattr(sheet)}>\n{body}  </table:table>\n{_TAIL}"


def soffice() -> str:
    """The `soffice` on PATH, or a failure that says how to install it."""
    found = shutil.which("soffice")
    if found is None:
        raise RuntimeError("soffice missing: run `make setup-office` (libreoffice-calc-nogui)")
    return found


@functools.cache
def convert(source: bytes, suffix: str, to: str = "xlsx") -> bytes:
    """`source` (a spreadsheet's bytes, its kind named by `suffix`, e.g. ".fods") converted
    by LibreOffice Calc to `to`, in a throw-away folder with a profile of its own."""
    with tempfile.TemporaryDirectory(prefix="hg-soffice-") as folder:
        work = Path(folder)
        given = work / f"roster{suffix}"
        given.write_bytes(source)
        done = subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                to,
                "--outdir",
                str(work / "out"),
                str(given),
            ],
            capture_output=True,
            encoding="utf-8",
            timeout=PATIENCE_S,
            check=False,
        )
        written = work / "out" / f"roster.{to}"
        if done.returncode != 0 or not written.exists():
            raise RuntimeError(f"soffice did not convert: {done.returncode} {done.stderr}")
        return written.read_bytes()


def xlsx_from_rows(sheet: str, rows: Sequence[Sequence[Value]]) -> bytes:
    """The rows as the .xlsx LibreOffice Calc writes for them."""
    return convert(flat_ods(sheet, rows).encode(), ".fods")


def roster_workbook() -> bytes:
    """`ROSTER_FODS` as the .xlsx LibreOffice Calc writes for it."""
    return convert(ROSTER_FODS.read_bytes(), ".fods")
