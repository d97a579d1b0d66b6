"""The parts of a written workbook, each as SpreadsheetML (ECMA-376 Part 1) and the Open
Packaging Conventions (Part 2) require it: Excel calls a file "damaged" for much less than a
missing content type or relationship, and neither this project's reader nor openpyxl looks at
every part Excel looks at. So the parts of one small workbook are typed out here, whole; and
the reader is tried on the parts that real writers leave out or write otherwise."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from calculators.roster.xlsx import (
    ListChoice,
    OutSheet,
    WorkbookError,
    read_first_sheet,
    write_workbook,
)
from tests.calculators.roster.test_xlsx import MAIN, REL, workbook

DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FROZEN = (
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2"'
    ' activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
)


def _written() -> dict[str, str]:
    sheets = [
        OutSheet(
            '名单 "A"',
            ["姓名", "聘用"],
            [["张三", True], ["", 2.5]],
            choices=[ListChoice(1, ["是", "否"])],
            widths=[12, 8.5],
        ),
        OutSheet("汇总", ["项目"], [[date(2021, 6, 1)]], choices=[ListChoice(0, ["a"])]),
    ]
    with zipfile.ZipFile(io.BytesIO(write_workbook(sheets))) as archive:
        for info in archive.infolist():
            # The same bytes for the same input: no clock in the file.
            assert info.date_time == (1980, 1, 1, 0, 0, 0), info.filename
            assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename
        parts = {name: archive.read(name).decode() for name in archive.namelist()}
    for name, xml in parts.items():
        assert xml.startswith(DECLARATION), name
    return {name: xml.removeprefix(DECLARATION) for name, xml in parts.items()}


def test_the_package_parts_and_their_content_types() -> None:
    parts = _written()
    assert list(parts) == [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    ]
    assert parts["[Content_Types].xml"] == (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ML}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{ML}.styles+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ML}.worksheet+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{ML}.worksheet+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet3.xml" ContentType="{ML}.worksheet+xml"/>'
        "</Types>"
    )
    assert parts["_rels/.rels"] == (
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{OFFICE}/officeDocument"'
        ' Target="xl/workbook.xml"/></Relationships>'
    )


def test_the_workbook_names_its_sheets_and_hides_only_the_lists() -> None:
    parts = _written()
    assert parts["xl/workbook.xml"] == (
        f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
        '<sheet name="名单 &quot;A&quot;" sheetId="1" r:id="rId1"/>'
        '<sheet name="汇总" sheetId="2" r:id="rId2"/>'
        '<sheet name="lists" sheetId="3" state="hidden" r:id="rId3"/>'
        "</sheets></workbook>"
    )
    assert parts["xl/_rels/workbook.xml.rels"] == (
        f'<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{OFFICE}/worksheet" Target="worksheets/sheet2.xml"/>'
        f'<Relationship Id="rId3" Type="{OFFICE}/worksheet" Target="worksheets/sheet3.xml"/>'
        f'<Relationship Id="rId4" Type="{OFFICE}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )


def test_the_sheets_cells_widths_and_lists() -> None:
    parts = _written()
    head = f'<worksheet xmlns="{MAIN}" xmlns:r="{OFFICE}">{FROZEN}'
    # The header bold (style 1), a date as a serial number shown as yyyy-mm-dd (style 2), an
    # empty text left out; each list on its own column of the hidden sheet, from its row 2.
    assert parts["xl/worksheets/sheet1.xml"] == (
        head + '<cols><col min="1" max="1" width="12" customWidth="1"/>'
        '<col min="2" max="2" width="8.5" customWidth="1"/></cols><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">姓名</t></is></c>'
        '<c r="B1" t="inlineStr" s="1"><is><t xml:space="preserve">聘用</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">张三</t></is></c>'
        '<c r="B2" t="b"><v>1</v></c></row><row r="3"><c r="B3"><v>2.5</v></c></row>'
        '</sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1"'
        ' showErrorMessage="1" sqref="B2:B1000"><formula1>lists!$A$2:$A$3</formula1>'
        "</dataValidation></dataValidations></worksheet>"
    )
    assert parts["xl/worksheets/sheet2.xml"] == (
        head + '<sheetData><row r="1"><c r="A1" t="inlineStr" s="1"><is>'
        '<t xml:space="preserve">项目</t></is></c></row><row r="2"><c r="A2" s="2"><v>44348</v>'
        '</c></row></sheetData><dataValidations count="1"><dataValidation type="list"'
        ' allowBlank="1" showErrorMessage="1" sqref="A2:A1000"><formula1>lists!$B$2:$B$2'
        "</formula1></dataValidation></dataValidations></worksheet>"
    )
    assert parts["xl/worksheets/sheet3.xml"] == (
        head + '<sheetData><row r="1"></row><row r="2"><c r="A2" t="inlineStr"><is>'
        '<t xml:space="preserve">是</t></is></c><c r="B2" t="inlineStr"><is>'
        '<t xml:space="preserve">a</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is>'
        '<t xml:space="preserve">否</t></is></c></row></sheetData></worksheet>'
    )


@pytest.mark.parametrize(
    ("name", "shown"),
    [("", "Sheet"), ("x" * 40, "x" * 31), ("a:b/c?", "a b c "), ('名单 "A"', '名单 "A"')],
)
def test_sheet_names_as_excel_allows_them(name: str, shown: str) -> None:
    assert read_first_sheet(write_workbook([OutSheet(name, ["a"])])).name == shown


def test_a_workbook_without_lists_has_no_lists_sheet_and_no_validations() -> None:
    data = write_workbook([OutSheet("名单", ["a"], [["b"]])])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "xl/worksheets/sheet2.xml" not in archive.namelist()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.endswith("</sheetData></worksheet>") and "<cols>" not in sheet


# Reading what writers leave out -------------------------------------------------------------


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path, xml in parts.items():
            archive.writestr(path, xml)
    return out.getvalue()


def _reason(data: bytes) -> WorkbookError:
    with pytest.raises(WorkbookError) as err:
        read_first_sheet(data)
    return err.value


SHEET = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
RELS = (
    f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def test_a_workbook_with_no_sheet_or_an_unfound_one_has_no_sheet() -> None:
    no_sheets = f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets/></workbook>'
    no_id = f'<workbook xmlns="{MAIN}"><sheets><sheet name="a" sheetId="1"/></sheets></workbook>'
    one = f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>'
    no_target = f'<Relationships xmlns="{PKG}"><Relationship Id="rId1"/></Relationships>'
    for book, rels in ((no_sheets, RELS), (no_id, RELS), (one, no_target)):
        data = _zip({"xl/workbook.xml": book, "xl/_rels/workbook.xml.rels": rels,
                     "xl/worksheets/sheet1.xml": SHEET})  # fmt: skip
        error = _reason(data)
        assert (error.reason, error.detail, str(error)) == ("no_sheet", "", "no_sheet")


def test_a_sheet_without_a_name_is_read_with_an_empty_one() -> None:
    book = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet r:id="rId1"/></sheets></workbook>'
    )
    data = _zip({"xl/workbook.xml": book, "xl/_rels/workbook.xml.rels": RELS,
                 "xl/worksheets/sheet1.xml": SHEET})  # fmt: skip
    assert read_first_sheet(data).name == ""
    assert read_first_sheet(data).rows == [[1.0]]


def test_a_document_type_declaration_is_refused_before_parsing() -> None:
    """An entity declaration can make a few bytes expand to gigabytes (the "billion laughs");
    none belongs in a workbook part, so a DOCTYPE alone is refused."""
    for doctype in ("<!DOCTYPE worksheet>", '<!DOCTYPE w [<!ENTITY a "aaaa">]>'):
        data = workbook('<row r="1"><c r="A1"><v>1</v></c></row>')
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {n: archive.read(n).decode() for n in archive.namelist()}
        parts["xl/worksheets/sheet1.xml"] = doctype + parts["xl/worksheets/sheet1.xml"]
        error = _reason(_zip(parts))
        assert error.reason == "damaged"
        assert error.detail == "xl/worksheets/sheet1.xml: a document type declaration"
        assert str(error) == f"damaged: {error.detail}"


def test_a_damaged_part_says_what_the_parser_found() -> None:
    error = _reason(workbook('<row r="1"><c r="A1"><v>1</v></c>'))  # the row never closes
    assert error.reason == "damaged" and "line 1" in error.detail


def test_a_part_too_big_to_unpack_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    data = workbook('<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        largest = max(archive.infolist(), key=lambda info: info.file_size)
    monkeypatch.setattr("calculators.roster.xlsx.MAX_BYTES", largest.file_size)
    assert read_first_sheet(data).rows == [[1.0]]  # exactly the limit is allowed
    monkeypatch.setattr("calculators.roster.xlsx.MAX_BYTES", largest.file_size - 1)
    error = _reason(data)
    assert (error.reason, error.detail) == ("too_big", largest.filename)


def test_exactly_the_most_rows_allowed_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("calculators.roster.xlsx.MAX_ROWS", 3)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 4))
    assert read_first_sheet(workbook(rows)).rows == [[1.0], [2.0], [3.0]]
    error = _reason(workbook(rows + '<row r="4"><c r="A4"><v>4</v></c></row>'))
    assert (error.reason, error.detail) == ("too_many_rows", "3")


def test_cells_past_the_last_column_allowed_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("calculators.roster.xlsx.MAX_COLUMNS", 2)
    data = workbook(
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>'
    )
    assert read_first_sheet(data).rows == [[1.0, 2.0]]


def test_a_merged_range_is_filled_within_the_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("calculators.roster.xlsx.MAX_ROWS", 4)
    monkeypatch.setattr("calculators.roster.xlsx.MAX_COLUMNS", 3)
    data = workbook(
        '<row r="2"><c r="B2"><v>7</v></c></row>',
        after_data='<mergeCells count="3"><mergeCell ref="B2:E9"/><mergeCell ref="A1"/>'
        "<mergeCell/></mergeCells>",
    )
    assert read_first_sheet(data).rows == [
        [None, None, None],
        [None, 7.0, 7.0],
        [None, 7.0, 7.0],
        [None, 7.0, 7.0],
    ]


def test_cell_types_as_strict_and_odd_writers_give_them() -> None:
    data = workbook(
        '<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>0</v></c>'
        '<c r="C1" t="d"><v>2021-06-01T00:00:00</v></c><c r="D1" t="inlineStr"/>'
        '<c r="E1" t="s"><v>1</v></c><c r="F1" t="s"><v>-1</v></c><c r="G1" t="s"><v>0</v></c>'
        '<c r="H1" t="inlineStr"><is><t/></is></c></row>',
        strings="<si><t/></si>",
    )
    (row,) = read_first_sheet(data).rows
    assert row == [True, False, date(2021, 6, 1), "", None, None, "", ""]
    assert row[0] is True and row[1] is False  # booleans, not the numbers 1.0 and 0.0


def test_rich_text_runs_without_text_are_empty() -> None:
    data = workbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        strings="<si><r><t/></r><r><t>日期</t></r></si>",
    )
    assert read_first_sheet(data).rows == [["日期"]]


def test_date_formats_and_systems_written_every_way() -> None:
    styles = (
        '<numFmts count="3"><numFmt numFmtId="170" formatCode="m/d"/><numFmt formatCode="yyyy"/>'
        '<numFmt numFmtId="171"/></numFmts>'
        '<cellXfs count="4"><xf/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="14"/></cellXfs>'
    )
    cells = (
        '<row r="1"><c r="A1"><v>42886</v></c><c r="B1" s="1"><v>42886</v></c>'
        '<c r="C1" s="2"><v>42886</v></c><c r="D1" s="3"><v>42886</v></c></row>'
    )
    # 42886 is 2021-06-01 counted from 1904-01-01, 2017-05-31 from 1899-12-30.
    for pr, day in (
        ('<workbookPr date1904="true"/>', date(2021, 6, 1)),
        ('<workbookPr date1904="TRUE"/>', date(2021, 6, 1)),
        ('<workbookPr date1904="0"/>', date(2017, 5, 31)),
        ("<workbookPr/>", date(2017, 5, 31)),
    ):
        rows = read_first_sheet(workbook(cells, styles=styles, workbook_pr=pr)).rows
        assert rows == [[42886.0, day, 42886.0, day]], pr


def test_each_sheets_lists_take_the_next_columns_of_the_lists_sheet() -> None:
    sheets = [
        OutSheet("一", ["a", "b"], choices=[ListChoice(0, ["x"]), ListChoice(1, ["y", "z"])]),
        OutSheet("二", ["a"], choices=[ListChoice(0, ["p"])]),
        OutSheet("三", ["a"], choices=[ListChoice(0, ["q"])]),
    ]
    with zipfile.ZipFile(io.BytesIO(write_workbook(sheets))) as archive:
        first, second, third = (
            archive.read(f"xl/worksheets/sheet{n}.xml").decode() for n in (1, 2, 3)
        )
    assert (
        '<dataValidations count="2"><dataValidation type="list" allowBlank="1"'
        ' showErrorMessage="1" sqref="A2:A1000"><formula1>lists!$A$2:$A$2</formula1>'
        '</dataValidation><dataValidation type="list" allowBlank="1" showErrorMessage="1"'
        ' sqref="B2:B1000"><formula1>lists!$B$2:$B$3</formula1></dataValidation>'
        "</dataValidations>"
    ) in first
    assert "<formula1>lists!$C$2:$C$2</formula1>" in second
    assert "<formula1>lists!$D$2:$D$2</formula1>" in third
