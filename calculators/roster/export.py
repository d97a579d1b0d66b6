"""The roster's files: the template to fill in, and the checked roster to keep.

Both come as .xlsx (drop-down lists where a column has fixed values; the results with a
summary sheet) and as .csv in UTF-8 with a byte-order mark, the one encoding every Excel
opens correctly, Chinese or not. The results repeat the input columns as they were, then
the answers, so the file an HR officer keeps shows what was asked beside what was answered,
with the date of the check and the data version it was made with.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from calculators.interfaces.timeview import in_force_text
from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text, join
from calculators.roster import wording
from calculators.roster.check import STATUSES, Roster, RowAnswer
from calculators.roster.columns import COLUMNS, Column
from calculators.roster.xlsx import Cell, ListChoice, OutSheet, write_workbook

BOM = "\ufeff"


def _choices(column: Column, lang: str, index: PolicyIndex) -> list[str]:
    """The values a template's drop-down offers for `column` (empty: free entry)."""
    if column.choices == "levels":
        return [level.name.get(lang) for level in index.national_levels()]
    if column.choices == "tiers":
        return [tier.name.get(lang) for tier in index.tiers.values()]
    if column.choices == "education":
        return [kind.name.get(lang) for kind in index.education.values()]
    if column.choices == "editions":
        return list(index.editions)
    if column.choices == "yes_no":
        return [wording.YES.get(lang), wording.NO.get(lang)]
    return []


def _examples(lang: str, index: PolicyIndex) -> list[list[Cell]]:
    """Two filled-in rows showing both ways of giving a date, taken from the policy's own
    levels so the template never names a level the calculators do not know."""
    levels = index.national_levels()
    by_field = [
        {
            "name": wording.EXAMPLE_NAME.format(n=1).get(lang),
            "certificate": levels[2].name.get(lang),
            "certificate_date": "2021-06-01",
            "work_start_date": "2015-09-01",
            "hired": wording.YES.get(lang),
        },
        {
            "name": wording.EXAMPLE_NAME.format(n=2).get(lang),
            "certificate": levels[1].name.get(lang),
            "certificate_date": wording.EXAMPLE_MONTH.get(lang),
            "total_years": 6,
            "hired": wording.NO.get(lang),
        },
    ]
    return [[row.get(column.field) for column in COLUMNS] for row in by_field]


def template_xlsx(lang: str, index: PolicyIndex) -> bytes:
    """The template workbook: headers in `lang`, drop-downs, two example rows."""
    choices = [
        ListChoice(position, values)
        for position, column in enumerate(COLUMNS)
        if (values := _choices(column, lang, index))
    ]
    sheet = OutSheet(
        name=wording.ROSTER_SHEET.get(lang),
        header=[column.header.get(lang) for column in COLUMNS],
        rows=_examples(lang, index),
        choices=choices,
        widths=[16] * len(COLUMNS),
    )
    return write_workbook([sheet])


def template_csv(lang: str, index: PolicyIndex) -> bytes:
    """The template as CSV (UTF-8 with BOM): headers in `lang` and two example rows."""
    return _csv([[c.header.get(lang) for c in COLUMNS], *_examples(lang, index)])


def _answer_header(lang: str) -> list[str]:
    return [text.get(lang) for text in wording.ANSWER_COLUMNS]


def _answer_cells(answer: RowAnswer, lang: str) -> list[Cell]:
    def text(value: Text | None) -> str:
        return value.get(lang) if value else ""

    problems = join(
        wording.PROBLEM.format(column=p.column, message=p.message) for p in answer.problems
    )
    return [
        wording.STATUS[answer.status].get(lang),
        text(answer.target),
        answer.eligible_from,
        answer.route or "",
        text(join(answer.missing)) if answer.missing else "",
        text(answer.equivalent),
        text(answer.headline) + "".join(f" {note.get(lang)}" for note in answer.notes),
        text(problems) if answer.problems else "",
    ]


def _result_rows(roster: Roster, lang: str) -> list[list[Cell]]:
    width = len(roster.headers)
    return [[*row.cells[:width], *_answer_cells(row, lang)] for row in roster.rows]


def _summary_rows(roster: Roster, lang: str) -> list[list[Cell]]:
    version = roster.data_version
    rows: list[list[Cell]] = [[wording.STATUS[s].get(lang), roster.summary[s]] for s in STATUSES]
    return rows + [
        [],
        [wording.CHECKED_ON.get(lang), roster.as_of],
        [wording.RULES_APPLIED.get(lang), rules_applied(roster).get(lang)],
        [wording.DATA_VERSION.get(lang), f"{version['date']} · {version['digest']}"],
        [wording.DISCLAIMER.get(lang)],
    ]


def rules_applied(roster: Roster) -> Text:
    """The day whose rules every row was checked under, and the documents in force then."""
    return in_force_text(roster.as_of.isoformat(), [d.to_dict() for d in roster.documents])


def results_xlsx(roster: Roster, lang: str) -> bytes:
    """The checked roster: the input columns then the answers; a summary sheet after it."""
    results = OutSheet(
        name=wording.RESULTS_SHEET.get(lang),
        header=[*roster.headers, *_answer_header(lang)],
        rows=_result_rows(roster, lang),
        widths=[14] * len(roster.headers) + [14, 16, 14, 10, 36, 16, 48, 40],
    )
    summary = OutSheet(
        name=wording.SUMMARY_SHEET.get(lang),
        header=[wording.SUMMARY_HEADER[0].get(lang), wording.SUMMARY_HEADER[1].get(lang)],
        rows=_summary_rows(roster, lang),
        widths=[24, 40],
    )
    return write_workbook([results, summary])


def results_csv(roster: Roster, lang: str) -> bytes:
    """The checked roster as CSV (UTF-8 with BOM), with the check's date and data version
    in two last columns, so the one table carries them wherever it is copied."""
    version = roster.data_version
    stamp = [roster.as_of, f"{version['date']} · {version['digest']}"]
    header = [
        *roster.headers,
        *_answer_header(lang),
        wording.CHECKED_ON.get(lang),
        wording.DATA_VERSION.get(lang),
    ]
    return _csv([header, *([*row, *stamp] for row in _result_rows(roster, lang))])


def _csv(rows: Sequence[Sequence[Cell]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_text(cell) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return _inert(str(cell))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(text: str) -> str:
    """A text Excel will not run: a cell starting like a formula (`=HYPERLINK(…)` typed as a
    name) gets a leading apostrophe, the CSV-injection guard OWASP describes; numbers such as
    -1 stay numbers."""
    if text.startswith(_FORMULA_START):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text
