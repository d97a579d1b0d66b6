"""A whole roster checked row by row, each row exactly as the single-person calculators
answer it, and every row answered or explained: none is dropped.

A row becomes the same request the eligibility page sends (`api.answer`), and its current
level the same request the equivalence page sends; a cell that cannot be read, or a request
the calculators refuse, makes the row "cannot check" with the spreadsheet's row number, the
column as the file names it and the reason, while the other rows are still answered.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from calculators import api
from calculators.model.index import PolicyIndex
from calculators.plumbing import messages
from calculators.plumbing.errors import InputError
from calculators.plumbing.serial import Serializable
from calculators.plumbing.texts import Text
from calculators.roster import wording
from calculators.roster.cells import CellError, plain, read_date, read_number, read_yes_no
from calculators.roster.columns import COLUMNS, Column, column_for, is_header_row
from calculators.roster.texttable import decode, read_text_table
from calculators.roster.xlsx import (
    MAX_ROWS,
    Cell,
    UnsavedFormula,
    WorkbookError,
    read_first_sheet,
)
from calculators.rules.asof import documents_on
from calculators.rules.dates import add_years
from calculators.rules.results import DocumentInForce

# The statuses a row can end in, in the order the summary lists them.
STATUSES = ("now", "within_year", "later", "not_yet", "cannot_check")
_ZIP = b"PK\x03\x04"
# An OLE compound file: an old binary .xls, or an .xlsx saved with a password (Excel and WPS
# wrap an encrypted workbook in one); neither can be read here, both can be saved as .xlsx.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The largest file the page reads (the page refuses a bigger one before reading it).
MAX_FILE_MB = 20
# How often a long check reports how far it has got (rows), for the page's progress bar.
PROGRESS_EVERY = 200


class RosterError(ValueError):
    """A file the check cannot use at all (no header row, not a table); `message` is
    bilingual for the page."""

    def __init__(self, message: Text) -> None:
        self.message: Text = message
        super().__init__(message.en)


@dataclass(frozen=True)
class Problem(Serializable):
    """Why a row could not be checked: the column as the file names it (in both languages
    alike), or as the template names it in each language where the file has no such column,
    and the reason."""

    column: Text
    message: Text


@dataclass(frozen=True)
class RowAnswer(Serializable):
    """One row's answer (or why there is none).

    `status`: one of STATUSES; `equivalent` the title a hired holder of the current level is
    treated as (None where clause （十四） names none); `headline` the eligibility page's
    first sentence; `missing` what the met or closest route still needs.
    """

    row: int
    status: str
    name: str
    cells: list[str]
    target: Text | None = None
    equivalent: Text | None = None
    headline: Text | None = None
    eligible_from: date | None = None
    route: str | None = None
    missing: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Roster(Serializable):
    """The checked roster: the file's headers, which of them were understood, each row's
    answer, the count per status, and the date and data version of the check; `documents`:
    the dated documents in force on that day, whose rules every row was checked under."""

    headers: list[str]
    understood: list[str | None]
    rows: list[RowAnswer]
    summary: dict[str, int]
    as_of: date
    data_version: dict[str, str]
    documents: list[DocumentInForce] = field(default_factory=list)


def read_table(data: bytes) -> list[list[Cell]]:
    """The cells of an .xlsx file's first sheet, or of a CSV/TSV in any encoding."""
    if not data.strip():
        raise RosterError(wording.EMPTY)
    if data.startswith(_OLE):
        raise RosterError(wording.OLD_OR_LOCKED)
    if len(data) > MAX_FILE_MB * 1024 * 1024:
        raise RosterError(wording.TOO_BIG.format(mb=MAX_FILE_MB))
    if data.startswith(_ZIP):
        return read_first_sheet(data).rows
    text, _encoding = decode(data)
    try:
        rows = read_text_table(text)
    except csv.Error:  # a cell of over 131,072 characters: no table a person typed
        raise RosterError(wording.WORKBOOK_REASONS["not_a_workbook"]) from None
    if len(rows) > MAX_ROWS + 1:  # the header, then at most MAX_ROWS rows, as in a workbook
        raise RosterError(wording.WORKBOOK_REASONS["too_many_rows"])
    return [list(row) for row in rows]


def check_file(
    data: bytes,
    as_of: date,
    index: PolicyIndex | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> Roster:
    """Check the roster in a file's bytes (.xlsx, .csv, or tab-separated text)."""
    try:
        table = read_table(data)
    except WorkbookError as err:
        raise RosterError(wording.WORKBOOK_REASONS[err.reason]) from err
    return check_table(table, as_of, index, progress)


def check_table(
    table: Sequence[Sequence[Cell]],
    as_of: date,
    index: PolicyIndex | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> Roster:
    """Check a table whose header row (any row naming two known columns) comes first.

    `progress(done, total)` is called every PROGRESS_EVERY rows and at the end (counting the
    rows after the header, blank ones included), so a page can show a long check moving."""
    index = index or api.policy_index()
    start = next((n for n, row in enumerate(table) if is_header_row(row)), None)
    if start is None:
        raise RosterError(wording.NO_HEADER)
    headers = [plain(cell) for cell in table[start]]
    columns = [column_for(cell) for cell in headers]
    body = table[start + 1 :]
    answers = []
    titles: dict[str, Text | None] = {}  # level as written -> its title when hired
    for offset, row in enumerate(body, start=1):
        if any(plain(cell) for cell in row):
            number = start + offset + 1
            answers.append(_answer_row(number, headers, columns, row, as_of, index, titles))
        if progress is not None and (offset % PROGRESS_EVERY == 0 or offset == len(body)):
            progress(offset, len(body))
    summary = {status: 0 for status in STATUSES}
    for answer in answers:
        summary[answer.status] += 1
    return Roster(
        headers=headers,
        understood=[column.field if column else None for column in columns],
        rows=answers,
        summary=summary,
        as_of=as_of,
        data_version=dict(index.data_version),
        documents=documents_on(index, as_of),
    )


def _answer_row(
    number: int,
    headers: list[str],
    columns: list[Column | None],
    row: Sequence[Cell],
    as_of: date,
    index: PolicyIndex,
    titles: dict[str, Text | None],
) -> RowAnswer:
    cells = [_shown(row[i]) if i < len(row) else "" for i in range(len(headers))]
    values, notes, problems = _read_cells(headers, columns, row)
    name = str(values.pop("name", "") or "")
    hired = values.pop("hired", None)
    base = RowAnswer(row=number, status="cannot_check", name=name, cells=cells, notes=notes)
    if problems:
        return replace(base, problems=problems)
    request = {key: value for key, value in values.items() if value is not None}
    request["as_of"] = as_of.isoformat()
    # A blank edition is the default one, named: a single person who names none also gets the
    # other edition's verdict (rules/editions.py), which a row of the table has no place for,
    # and which would double the time of a roster.
    request.setdefault("edition", index.default_edition)
    try:
        decision = api.answer("eligibility", request, index, view=False)
    except InputError as err:
        return replace(base, problems=[_problem(err, headers, columns)])
    return replace(
        base,
        status=_status(decision, as_of),
        target=_name(decision["target"]),
        equivalent=_equivalent(values.get("certificate"), hired, index, titles),
        headline=Text.of(decision["headline"]),
        eligible_from=_day(decision["eligible_from"]),
        route=_route(decision),
        missing=_missing(decision),
    )


def _read_cells(
    headers: list[str], columns: list[Column | None], row: Sequence[Cell]
) -> tuple[dict[str, Any], list[Text], list[Problem]]:
    """The request values of a row: each known column's cell read as its column reads; where
    two columns fill one field, the first non-blank cell, unless they disagree."""
    values: dict[str, Any] = {}
    notes: list[Text] = []
    problems: list[Problem] = []
    for position, column in enumerate(columns):
        cell = row[position] if position < len(row) else None
        if column is None or not plain(cell):
            continue
        if isinstance(cell, UnsavedFormula):
            problems.append(
                Problem(Text.same(headers[position]), wording.UNSAVED_FORMULA.format(found=cell))
            )
            continue
        try:
            value = _read(column, cell)
        except CellError as err:
            message = wording.CELL_EXPECTED[err.expected].format(found=err.found)
            problems.append(Problem(Text.same(headers[position]), message))
            continue
        if column.reads == "date":
            if value.month_only:
                notes.append(
                    wording.MONTH_ONLY.format(
                        column=headers[position], day=messages.human_date(value.day)
                    )
                )
            value = value.day.isoformat()
        if column.field in values and values[column.field] != value:
            problems.append(Problem(Text.same(headers[position]), wording.TWO_VALUES))
            continue
        values[column.field] = value
    return values, notes, problems


def _read(column: Column, cell: Cell) -> Any:
    if column.reads == "date":
        return read_date(cell)
    if column.reads == "number":
        number = read_number(cell)
        if column.field == "competition_rank" and number is not None:
            if not number.is_integer():
                raise CellError("whole_number", plain(cell))
            return int(number)
        return number
    if column.reads == "yes_no":
        return read_yes_no(cell)
    return plain(cell)


def _problem(err: InputError, headers: list[str], columns: list[Column | None]) -> Problem:
    """The calculators' refusal, placed in the column that holds the field it names."""
    for header, column in zip(headers, columns, strict=True):
        if column is not None and column.field == err.field:
            return Problem(Text.same(header), err.message)
    known = next((c for c in COLUMNS if c.field == err.field), None)
    if known is not None:
        return Problem(known.header, err.message)
    # The one field the roster gives every row itself: the day the check is made for.
    return Problem(
        wording.CHECKED_ON if err.field == "as_of" else Text.same(err.field), err.message
    )


def _status(decision: dict[str, Any], as_of: date) -> str:
    if decision["eligible"]:
        return "now"
    opens = _day(decision["eligible_from"])
    if opens is None:
        return "not_yet"
    return "within_year" if opens <= add_years(as_of, 1) else "later"


def _equivalent(
    level: Any, hired: bool | None, index: PolicyIndex, titles: dict[str, Text | None]
) -> Text | None:
    """The title a holder of `level` is treated as when hired: the roster's column says so
    whatever this row's hired cell says (a row marked not hired gets it with that mark).
    `titles` keeps each level's answer for the rest of the roster (a team has few levels)."""
    if not level:
        return None
    if level not in titles:
        titles[level] = _hired_title(level, index)
    name = titles[level]
    if name is None:
        return None
    return wording.NOT_HIRED_MARK.format(title=name) if hired is False else name


def _hired_title(level: str, index: PolicyIndex) -> Text | None:
    try:
        found = api.answer("equivalence", {"level": level, "hired": True}, index, view=False)
    except InputError:
        return None
    title = found["equivalent"]
    return None if title is None else _name(title)


def _route(decision: dict[str, Any]) -> str | None:
    met = decision["met_routes"]
    if met:
        return ", ".join(_label(decision, route) for route in met)
    closest = decision.get("closest_route")
    return _label(decision, closest) if closest else None


def _label(decision: dict[str, Any], route_id: str) -> str:
    return next((r["label"] for r in decision["routes"] if r["id"] == route_id), route_id)


def _missing(decision: dict[str, Any]) -> list[Text]:
    if decision["eligible"]:
        return []
    closest = decision.get("closest_route")
    route = next((r for r in decision["routes"] if r["id"] == closest), None)
    return [Text.of(item) for item in route["missing"]] if route else []


def _name(entry: dict[str, Any]) -> Text:
    name = Text(entry["zh"], entry["en"])
    grade = entry.get("grade")
    return messages.NAME_WITH_GRADE.format(name=name, grade=Text.of(grade)) if grade else name


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _shown(cell: Cell) -> str:
    """A cell as the exported table repeats it (a date as YYYY-MM-DD)."""
    if isinstance(cell, date):
        return cell.isoformat()
    return plain(cell)
