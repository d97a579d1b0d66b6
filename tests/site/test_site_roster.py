"""The roster page as the built site serves it: its templates linked and downloadable in both
languages, with the catalogue's headers (typed here from the template the issue describes) and
the policy's levels in the drop-down list; the page says the file goes nowhere and loads its
own script, not the form calculators'; the home page leads employers to it."""

from __future__ import annotations

import csv
import io
import posixpath
import re
from pathlib import Path

import openpyxl
import pytest

PAGES = {"zh": "calculators/roster/index.html", "en": "en/calculators/roster/index.html"}
HEADERS = {
    "zh": ["姓名或工号", "现有等级", "取证日期", "取证后工作年限", "参加工作日期"],
    "en": ["Name or staff number", "Current level", "Certificate date",
           "Years since certificate", "Started work on"],
}  # fmt: skip
PRIVATE = {"zh": "文件不会离开您的电脑", "en": "The file never leaves your computer"}


def _linked(site: Path, page: str, html: str, name: str) -> Path:
    (href,) = re.findall(rf'href="([^"]*/{re.escape(name)})"', html)
    return site / posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_offers_both_templates_in_both_languages(site: Path, lang: str) -> None:
    html = (site / PAGES[lang]).read_text(encoding="utf-8")
    assert PRIVATE[lang] in html
    assert "assets/calculators/roster.js?v=" in html and "calculators.js" not in html
    for other in ("zh", "en"):
        workbook = _linked(site, PAGES[lang], html, f"roster-template-{other}.xlsx")
        book = openpyxl.load_workbook(io.BytesIO(workbook.read_bytes()))
        sheet = book.worksheets[0]
        assert [c.value for c in sheet[1]][:5] == HEADERS[other]
        # two example rows, and 现有等级's drop-down offers the five national levels
        assert sheet.max_row == 3
        (levels,) = [v for v in sheet.data_validations.dataValidation if "B2" in str(v.sqref)]
        lists = book["lists"]
        shown = [lists[f"A{n}"].value for n in range(2, 7)]
        assert shown[0] == ("初级工" if other == "zh" else "Junior Worker")
        assert len(shown) == 5 and levels.type == "list"
        table = _linked(site, PAGES[lang], html, f"roster-template-{other}.csv")
        data = table.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0][:5] == HEADERS[other] and len(rows) == 3


def test_the_home_page_leads_employers_to_the_roster(site: Path) -> None:
    assert 'href="calculators/roster/"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'href="calculators/roster/"' in (site / "en/index.html").read_text(encoding="utf-8")
