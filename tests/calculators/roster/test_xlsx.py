"""The workbook reader against the parts real writers produce, built here part by part so
each test shows the XML it is about (what Excel, WPS and strict-OOXML writers put there)."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from calculators.roster.xlsx import (
    ListChoice,
    OutSheet,
    WorkbookError,
    column_index,
    column_letters,
    read_first_sheet,
    serial_date,
    write_workbook,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(
    sheet_data: str,
    *,
    strings: str | None = None,
    styles: str | None = None,
    ns: str = MAIN,
    workbook_pr: str = "",
    after_data: str = "",
    target: str = "worksheets/sheet1.xml",
) -> bytes:
    """A minimal .xlsx: one sheet named 名单 whose sheetData is `sheet_data`."""
    parts = {
        "xl/workbook.xml": f'<workbook xmlns="{ns}" xmlns:r="{REL}">{workbook_pr}'
        '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships"><Relationship Id="rId1" Target="{target}"/>'
        "</Relationships>",
        "xl/" + target.lstrip("/").removeprefix("xl/"): f'<worksheet xmlns="{ns}">'
        f"<sheetData>{sheet_data}</sheetData>{after_data}</worksheet>",
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{ns}">{strings}</sst>'
    if styles is not None:
        parts["xl/styles.xml"] = f'<styleSheet xmlns="{ns}">{styles}</styleSheet>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path, xml in parts.items():
            archive.writestr(path, xml)
    return out.getvalue()


DATE_STYLES = (
    '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>'
    '<numFmt numFmtId="177" formatCode="0.0&quot;d&quot;"/></numFmts>'
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/>'
    '<xf numFmtId="177"/><xf numFmtId="31"/></cellXfs>'
)


def test_shared_inline_rich_and_phonetic_strings_read_as_the_text_shown() -> None:
    data = workbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>学历</t></is></c><c r="D1" t="str"><v>职称</v></c></row>',
        strings="<si><t>现有等级</t></si><si><r><t>取证</t></r><r><rPr><b/></rPr><t>日期</t></r>"
        "<rPh><t>しゅしょう</t></rPh></si>",
    )
    assert read_first_sheet(data).rows == [["现有等级", "取证日期", "学历", "职称"]]


def test_the_sheet_name_is_the_first_sheets() -> None:
    assert read_first_sheet(workbook('<row r="1"><c r="A1"><v>1</v></c></row>')).name == "名单"


@pytest.mark.parametrize("ns", [MAIN, STRICT])
def test_date_styles_built_in_custom_and_cjk_give_dates_other_numbers_stay(ns: str) -> None:
    # 44348 is 2021-06-01 in the 1900 system; style 3's "d" is quoted text, not a day.
    data = workbook(
        '<row r="1"><c r="A1" s="1"><v>44348</v></c><c r="B1" s="2"><v>44348</v></c>'
        '<c r="C1" s="3"><v>44348</v></c><c r="D1" s="4"><v>44348.75</v></c>'
        '<c r="E1"><v>3.5</v></c></row>',
        styles=DATE_STYLES,
        ns=ns,
    )
    assert read_first_sheet(data).rows == [
        [date(2021, 6, 1), date(2021, 6, 1), 44348.0, date(2021, 6, 1), 3.5]
    ]


def test_the_1904_date_system_counts_from_1904() -> None:
    # 42886 days after 1904-01-01 is 2021-06-01 (1,462 days fewer than in the 1900 system).
    data = workbook(
        '<row r="1"><c r="A1" s="1"><v>42886</v></c></row>',
        styles=DATE_STYLES,
        workbook_pr='<workbookPr date1904="1"/>',
    )
    assert read_first_sheet(data).rows == [[date(2021, 6, 1)]]


def test_serial_dates_around_excels_phantom_leap_day() -> None:
    assert serial_date(61) == date(1900, 3, 1)
    assert serial_date(44348) == date(2021, 6, 1)
    assert serial_date(1, date(1904, 1, 1)) == date(1904, 1, 2)


def test_booleans_errors_and_gaps_keep_their_columns() -> None:
    data = workbook(
        '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>'
        '<row r="4"><c r="B4" t="b"><v>0</v></c></row>'
    )
    assert read_first_sheet(data).rows == [
        [None, None, None, None],
        [True, None, None, "#N/A"],
        [None, None, None, None],
        [None, False, None, None],
    ]


def test_rows_and_cells_without_references_are_placed_in_order() -> None:
    # Some writers leave out r= on rows and cells.
    data = workbook("<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>")
    assert read_first_sheet(data).rows == [[1.0, 2.0], [3.0, None]]


def test_a_merged_header_names_every_column_it_spans() -> None:
    data = workbook(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>取证日期</t></is></c></row>'
        '<row r="2"><c r="A2"><v>1</v></c></row>',
        after_data='<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>',
    )
    assert read_first_sheet(data).rows == [["姓名", "取证日期", "取证日期"], [1.0, None, None]]


def test_an_absolute_sheet_target_is_found() -> None:
    data = workbook('<row r="1"><c r="A1"><v>7</v></c></row>', target="/xl/worksheets/s.xml")
    assert read_first_sheet(data).rows == [[7.0]]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"name,level\n", "not_a_workbook"),
        (b"", "not_a_workbook"),
        (workbook("", ns=MAIN)[:40], "not_a_workbook"),
    ],
    # Named: a zip's first bytes hold the time it was written, so an id made from them would
    # differ from one collection to the next (pytest-xdist's workers, mutmut's reruns).
    ids=["csv-text", "empty", "cut-off-zip"],
)
def test_what_is_not_a_workbook_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(WorkbookError) as err:
        read_first_sheet(data)
    assert err.value.reason == reason


def test_a_zip_without_a_workbook_part_is_not_a_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(WorkbookError) as err:
        read_first_sheet(out.getvalue())
    assert err.value.reason == "not_a_workbook"


def test_a_damaged_sheet_is_refused() -> None:
    broken = workbook('<row r="1"><c r="A1"><v>1</v></c>')  # the row never closes
    with pytest.raises(WorkbookError) as err:
        read_first_sheet(broken)
    assert err.value.reason == "damaged"
    # A document type declaration: test_xlsx_parts.py (rewriting the zip's bytes in place, as
    # this test once did, broke its checksum, and that was what got refused).


def test_too_many_rows_are_refused_not_truncated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("calculators.roster.xlsx.MAX_ROWS", 3)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 5))
    with pytest.raises(WorkbookError) as err:
        read_first_sheet(workbook(rows))
    assert err.value.reason == "too_many_rows"


def test_column_letters_and_indexes() -> None:
    assert [column_index(x) for x in ("A", "Z", "AA", "AZ", "BA", "XFD")] == [
        0, 25, 26, 51, 52, 16383,
    ]  # fmt: skip
    assert [column_letters(n) for n in (0, 25, 26, 51, 52, 16383)] == [
        "A", "Z", "AA", "AZ", "BA", "XFD",
    ]  # fmt: skip


def test_a_written_workbook_reads_back_with_its_types_and_is_reproducible() -> None:
    sheets = [
        OutSheet(
            "名单/Roster?",
            ["姓名", "取证日期", "年限", "聘用"],
            [["张三 ", date(2021, 6, 1), 3.5, True], ["<李四>&]]>\x01", None, 2, False]],
            choices=[ListChoice(3, ["是", "否"])],
            widths=[12, 14],
        ),
        OutSheet("汇总", ["项目", "数量"], [["可以申报", 1]]),
    ]
    data = write_workbook(sheets)
    assert data == write_workbook(sheets)
    sheet = read_first_sheet(data)
    assert sheet.name == "名单 Roster "
    assert sheet.rows == [
        ["姓名", "取证日期", "年限", "聘用"],
        ["张三 ", date(2021, 6, 1), 3.5, True],
        ["<李四>&]]>", None, 2.0, False],
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
        names = archive.read("xl/workbook.xml").decode()
        lists = archive.read("xl/worksheets/sheet3.xml").decode()
    # The list's values sit on a hidden third sheet: never inline, where a comma in a value
    # or a list over 255 characters makes Excel call the file damaged.
    assert 'sqref="D2:D1000"><formula1>lists!$A$2:$A$3</formula1>' in xml
    # Markup characters escaped, "]]>" too (XML forbids it in text); the control character dropped.
    assert '<t xml:space="preserve">&lt;李四&gt;&amp;]]&gt;</t>' in xml
    assert 'name="lists" sheetId="3" state="hidden"' in names
    assert '<c r="A2" t="inlineStr"><is><t xml:space="preserve">是</t>' in lists


def test_a_workbook_written_by_libreoffice(libreoffice_workbook: Path) -> None:
    sheet = read_first_sheet(libreoffice_workbook.read_bytes())
    assert sheet.name == "花名册"
    assert sheet.rows == [
        ["姓名或工号", "现有等级 ", "取证日期", "取证日期", "累计工作年限", "是否聘用"],
        ["张三", "高级工", date(2021, 6, 1), None, 6.0, "是"],
        [None, None, None, None, None, None],
        ["ＧＨ００７", "Technician ", date(2020, 2, 29), "2021年6月", "１２年", 0.0],
    ]
