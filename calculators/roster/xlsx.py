"""Reading and writing .xlsx workbooks with the standard library alone.

An .xlsx file is a zip of XML parts (ECMA-376, SpreadsheetML). The roster check needs only
the first sheet's cell values, with date cells told apart from numbers, and it must run in
the browser, where every added package is bytes on a phone's connection: so no openpyxl,
just `zipfile` and `xml.etree`. Files from Excel, WPS and LibreOffice differ in exactly the
places handled here: shared or inline strings, rich-text runs, phonetic guides, the 1904
date system, built-in and custom date formats, and the strict-OOXML namespace. A formula cell
is read as the result saved with it; one saved without a result is an `UnsavedFormula`.

Reading refuses what is not a workbook, and what would unpack to more than `MAX_BYTES` or
hold more than `MAX_ROWS` rows, with a `WorkbookError` the page shows in its language.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import zip_longest
from posixpath import join, normpath
from typing import IO
from xml.etree import ElementTree

# A roster of a few thousand people unpacks to a few megabytes; a zip bomb to gigabytes.
MAX_BYTES = 64 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200


class UnsavedFormula(str):
    """A formula cell saved without its result (the `<v>` Excel, WPS and LibreOffice write
    beside every `<f>`; some generating programs leave it out): the formula as typed, "=…",
    which the check cannot evaluate and says so instead of reading the cell as blank."""


Cell = str | float | bool | date | None


class WorkbookError(ValueError):
    """A file that cannot be read as a workbook; `reason` is one of the keys in
    `REASONS` (the caller words it in the page's language)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason: str = reason
        self.detail: str = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


REASONS = ("not_a_workbook", "too_big", "too_many_rows", "no_sheet", "damaged")


@dataclass(frozen=True)
class Sheet:
    """A sheet's cells as rows (the first row is row 1), merged ranges filled in."""

    name: str
    rows: list[list[Cell]] = field(default_factory=list)


# Reading -------------------------------------------------------------------------------------


def read_first_sheet(data: bytes) -> Sheet:
    """The first sheet of the workbook in `data`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as err:
        raise WorkbookError("not_a_workbook") from err
    with archive:
        for info in archive.infolist():
            if info.file_size > MAX_BYTES:
                raise WorkbookError("too_big", info.filename)
        try:
            name, path = _first_sheet(archive)
            strings = _shared_strings(archive)
            dates, epoch = _date_styles(archive), _epoch(archive)
            with _open(archive, path) as part:
                rows = _sheet_rows(part, strings, dates, epoch)
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, EOFError) as err:
            raise WorkbookError("damaged", str(err)) from err
    return Sheet(name=name, rows=rows)


def _local(tag: str) -> str:
    """`{namespace}name` as `name`: Excel writes the transitional namespace, strict-OOXML
    writers another one; the names inside are the same."""
    return tag.rpartition("}")[2]


def _children(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    return (child for child in element if _local(child.tag) == name)


def _open(archive: zipfile.ZipFile, path: str) -> IO[bytes]:
    """A part opened for parsing, refused if it starts with a document type declaration (whose
    entities could expand a few bytes into gigabytes): the sheet, the largest part, too."""
    part = archive.open(path)
    head = part.peek(2048) if isinstance(part, zipfile.ZipExtFile) else b""
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        part.close()
        raise WorkbookError("damaged", f"{path}: a document type declaration")
    return part


def _parse(archive: zipfile.ZipFile, path: str) -> ElementTree.Element:
    with _open(archive, path) as part:
        return ElementTree.parse(part).getroot()


def _first_sheet(archive: zipfile.ZipFile) -> tuple[str, str]:
    """The first sheet's name and its part's path inside the zip."""
    if "xl/workbook.xml" not in archive.namelist():
        raise WorkbookError("not_a_workbook")
    workbook = _parse(archive, "xl/workbook.xml")
    sheets = [s for el in _children(workbook, "sheets") for s in _children(el, "sheet")]
    if not sheets:
        raise WorkbookError("no_sheet")
    first = sheets[0]
    rel_id = next((v for k, v in first.attrib.items() if _local(k) == "id"), None)
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in _parse(archive, "xl/_rels/workbook.xml.rels")
    }
    target = targets.get(rel_id)
    if not target:
        raise WorkbookError("no_sheet")
    path = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
    return first.get("name", ""), path


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    """The shared string table: each item's text runs joined, phonetic guides left out."""
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    return [_string_item(item) for item in _parse(archive, "xl/sharedStrings.xml")]


def _string_item(item: ElementTree.Element) -> str:
    """The text of an `si` or `is` element: its `t`, or its rich-text runs' `t`s."""
    parts: list[str] = []
    for child in item:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in _children(child, "t"))
    return "".join(parts)


# Built-in number formats that show a date (ECMA-376 18.8.30; 27–36 and 50–58 are the ones
# Chinese, Japanese and Korean Excel uses for 年月日).
_BUILTIN_DATES = {*range(14, 18), 22, *range(27, 37), *range(50, 59)}
# Quoted text, escaped characters and [colour]/[$-locale] sections say nothing about dates.
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _is_date_format(code: str) -> bool:
    """Whether a custom format code shows a date: it has a year or a day in it (`m` alone
    could be minutes)."""
    plain = _FORMAT_NOISE.sub("", code).lower()
    return "y" in plain or "d" in plain


def _date_styles(archive: zipfile.ZipFile) -> set[int]:
    """The indexes of the cell styles whose number format shows a date."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    styles = _parse(archive, "xl/styles.xml")
    custom = {
        int(fmt.get("numFmtId", "-1")): fmt.get("formatCode", "")
        for el in _children(styles, "numFmts")
        for fmt in _children(el, "numFmt")
    }
    found: set[int] = set()
    for el in _children(styles, "cellXfs"):
        for index, xf in enumerate(_children(el, "xf")):
            fmt = int(xf.get("numFmtId", "0"))
            if (
                fmt in custom
                and _is_date_format(custom[fmt])
                or fmt not in custom
                and fmt in _BUILTIN_DATES
            ):
                found.add(index)
    return found


def _epoch(archive: zipfile.ZipFile) -> date:
    """Day 0 of the workbook's serial dates: 1899-12-30, or 1904-01-01 in the 1904 system
    (old Mac workbooks). The 1900 system's day 60 is Excel's 29 February 1900, which never
    was; from day 61 (1 March 1900) on, counting from 1899-12-30 gives the right day."""
    workbook = _parse(archive, "xl/workbook.xml")
    for pr in _children(workbook, "workbookPr"):
        if pr.get("date1904", "").lower() in ("1", "true"):
            return date(1904, 1, 1)
    return date(1899, 12, 30)


def serial_date(serial: float, epoch: date = date(1899, 12, 30)) -> date:
    """The day an Excel serial number stands for (its time of day dropped)."""
    return epoch + timedelta(days=int(serial))


_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def column_index(letters: str) -> int:
    """`A` → 0, `Z` → 25, `AA` → 26."""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - ord("A") + 1
    return number - 1


def column_letters(index: int) -> str:
    """0 → `A`, 26 → `AA` (the inverse of `column_index`)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheet_rows(
    part: IO[bytes], strings: list[str], dates: set[int], epoch: date
) -> list[list[Cell]]:
    """The sheet's values, row by row, merged ranges filled with their top-left value."""
    cells: dict[tuple[int, int], Cell] = {}
    merged: list[str] = []
    next_row = 0
    for _event, element in ElementTree.iterparse(part, events=("end",)):
        name = _local(element.tag)
        if name == "row":
            number = element.get("r")
            row = int(number) - 1 if number else next_row
            next_row = row + 1
            if next_row > MAX_ROWS:
                raise WorkbookError("too_many_rows", str(MAX_ROWS))
            for col, cell in enumerate(_children(element, "c")):
                ref = _CELL_REF.match(cell.get("r", ""))
                column = column_index(ref.group(1)) if ref else col
                if column >= MAX_COLUMNS:
                    continue
                value = _cell_value(cell, strings, dates, epoch)
                if value is not None:
                    cells[(row, column)] = value
            element.clear()
        elif name == "mergeCell":
            merged.append(element.get("ref", ""))
    for ref in merged:
        _fill_merged(cells, ref)
    return _as_rows(cells)


def _cell_value(
    cell: ElementTree.Element, strings: list[str], dates: set[int], epoch: date
) -> Cell:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return next((_string_item(item) for item in _children(cell, "is")), "")
    raw = next((v.text for v in _children(cell, "v")), None)
    if raw is None:
        formula = next(_children(cell, "f"), None)
        return None if formula is None else UnsavedFormula(f"={formula.text or ''}")
    if kind == "s":
        index = int(raw)
        return strings[index] if 0 <= index < len(strings) else None
    if kind in ("str", "e"):
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "d":  # an ISO 8601 date (strict writers)
        return datetime.fromisoformat(raw.strip()).date()
    number = float(raw)
    if int(cell.get("s", "0")) in dates:
        return serial_date(number, epoch)
    return number


def _fill_merged(cells: dict[tuple[int, int], Cell], ref: str) -> None:
    """Every cell of a merged range gets its top-left value, as the eye reads a merged
    header ("取证日期" over two columns means both)."""
    parts = ref.split(":")
    corners = [m for part in parts if (m := _CELL_REF.match(part))]
    if len(parts) != 2 or len(corners) != 2:
        return
    (c1, r1), (c2, r2) = ((column_index(m.group(1)), int(m.group(2)) - 1) for m in corners)
    value = cells.get((r1, c1))
    if value is None:
        return
    for row in range(r1, min(r2, MAX_ROWS - 1) + 1):
        for column in range(c1, min(c2, MAX_COLUMNS - 1) + 1):
            cells.setdefault((row, column), value)


def _as_rows(cells: dict[tuple[int, int], Cell]) -> list[list[Cell]]:
    if not cells:
        return []
    height = max(row for row, _ in cells) + 1
    width = max(column for _, column in cells) + 1
    return [[cells.get((row, column)) for column in range(width)] for row in range(height)]


# Writing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListChoice:
    """A drop-down list on a column: rows 2 to `last_row` accept only `values`."""

    column: int
    values: Sequence[str]
    last_row: int = 1000


@dataclass(frozen=True)
class OutSheet:
    """A sheet to write: a header row (bold, frozen), then the rows."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[Cell]] = ()
    choices: Sequence[ListChoice] = ()
    widths: Sequence[float] = ()


# The hidden sheet holding the drop-down lists' values.
LISTS_SHEET = "lists"
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_EPOCH = date(1899, 12, 30)
# Style 0 plain, 1 bold (the header), 2 a date shown as yyyy-mm-dd.
_STYLES = (
    f'<styleSheet xmlns="{_NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def write_workbook(sheets: Sequence[OutSheet]) -> bytes:
    """An .xlsx file holding `sheets`, in order; the same input gives the same bytes.

    The drop-down lists' values go on a hidden last sheet, one column per list, and the
    validations refer to its ranges: a list written inline is cut at 255 characters and
    split at every comma in a value, and Excel calls such a file damaged.
    """
    lists = [choice.values for sheet in sheets for choice in sheet.choices]
    all_sheets = [*sheets, OutSheet(LISTS_SHEET, [], zip_longest(*lists))] if lists else sheets
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:

        def put(path: str, xml: str) -> None:
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(
                info, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml
            )

        put("[Content_Types].xml", _content_types(len(all_sheets)))
        put(
            "_rels/.rels",
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument"'
            ' Target="xl/workbook.xml"/></Relationships>',
        )
        put("xl/workbook.xml", _workbook(all_sheets))
        put("xl/_rels/workbook.xml.rels", _workbook_rels(len(all_sheets)))
        put("xl/styles.xml", _STYLES)
        first_list = 0
        for number, sheet in enumerate(all_sheets, start=1):
            put(f"xl/worksheets/sheet{number}.xml", _worksheet(sheet, first_list))
            first_list += len(sheet.choices)
    return out.getvalue()


def _content_types(count: int) -> str:
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{ct}.worksheet+xml"/>'
        for n in range(1, count + 1)
    )
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>{sheets}</Types>'
    )


def _workbook(sheets: Sequence[OutSheet]) -> str:
    entries = "".join(
        f'<sheet name="{escape(_sheet_name(s.name), quote=True)}" sheetId="{n}"'
        + (' state="hidden"' if s.name == LISTS_SHEET else "")
        + f' r:id="rId{n}"/>'
        for n, s in enumerate(sheets, start=1)
    )
    return f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>{entries}</sheets></workbook>'


def _sheet_name(name: str) -> str:
    """Excel's rule: at most 31 characters, none of : \\ / ? * [ ]."""
    return re.sub(r"[:\\/?*\[\]]", " ", name)[:31] or "Sheet"


def _workbook_rels(count: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    styles = f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
    return f'<Relationships xmlns="{_PKG}">{rels}{styles}</Relationships>'


def _worksheet(sheet: OutSheet, first_list: int) -> str:
    views = (
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2"'
        ' activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    )
    cols = "".join(
        f'<col min="{n}" max="{n}" width="{w:g}" customWidth="1"/>'
        for n, w in enumerate(sheet.widths, start=1)
    )
    rows = [_row(1, sheet.header, header=True)]
    rows += [_row(n, row) for n, row in enumerate(sheet.rows, start=2)]
    return (
        f'<worksheet xmlns="{_NS}" xmlns:r="{_REL}">{views}'
        + (f"<cols>{cols}</cols>" if cols else "")
        + f"<sheetData>{''.join(rows)}</sheetData>"
        + _validations(sheet.choices, first_list)
        + "</worksheet>"
    )


def _row(number: int, values: Sequence[Cell], header: bool = False) -> str:
    cells = "".join(
        _cell(f"{column_letters(col)}{number}", value, header)
        for col, value in enumerate(values)
        if value is not None and value != ""
    )
    return f'<row r="{number}">{cells}</row>'


def _cell(ref: str, value: Cell, header: bool) -> str:
    style = ' s="1"' if header else ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{style}><v>{int(value)}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="2"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{style}><v>{value!r}</v></c>'
    text = escape(_xml_safe(str(value)))
    return f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">{text}</t></is></c>'


def escape(text: str, quote: bool = False) -> str:
    """Text made safe inside an XML element (or, with `quote`, a double-quoted attribute).
    Not xml.sax.saxutils.escape: that module imports urllib.request, and with it http.client
    and email, about 40 modules more for every visitor's phone to download."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters: a pasted one would break the file."""
    return _NOT_XML.sub("", text)


def _validations(choices: Sequence[ListChoice], first_list: int) -> str:
    """List validations on rows 2 to `last_row`, the values in the lists sheet's columns
    from `first_list` on (from its row 2: row 1 is every sheet's header row)."""
    if not choices:
        return ""
    items = "".join(
        '<dataValidation type="list" allowBlank="1" showErrorMessage="1"'
        f' sqref="{column_letters(c.column)}2:{column_letters(c.column)}{c.last_row}">'
        f"<formula1>{LISTS_SHEET}!${column_letters(first_list + n)}$2:"
        f"${column_letters(first_list + n)}${len(c.values) + 1}</formula1></dataValidation>"
        for n, c in enumerate(choices)
    )
    return f'<dataValidations count="{len(choices)}">{items}</dataValidations>'
