"""What the roster page asks of Python: one call with the file's bytes, one answer with
everything the page shows and both files it offers to download.

The page's worker (docs/assets/calculators/worker.js) hands over the bytes of a chosen,
dropped or pasted roster and gets back, in the page's language, the summary, each row's
answer laid out for the table, the rows that could not be checked with their row number,
column and reason, and the checked roster as .xlsx and .csv bytes. Nothing here reaches the
network: the bytes come from the visitor's browser and go back to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from calculators.plumbing.texts import Text
from calculators.roster import wording
from calculators.roster.check import STATUSES, Roster, RosterError, RowAnswer, check_file
from calculators.roster.export import results_csv, results_xlsx, rules_applied


def check_for_page(
    data: bytes | bytearray | memoryview,
    lang: str,
    as_of: str,
    progress: Callable[[int, int], object] | None = None,
) -> tuple[str, bytes, bytes]:
    """The page's answer as JSON, then the results as .xlsx and .csv (both empty when the
    file cannot be used at all: the JSON then holds `{"error": {"message"}}`).

    `as_of` is the visitor's own date (YYYY-MM-DD), so "now" is the day on their calendar.
    """
    try:
        roster = check_file(bytes(data), date.fromisoformat(as_of), progress=progress)
    except RosterError as err:
        return _dump({"error": {"message": err.message.get(lang)}}), b"", b""
    return _dump(layout(roster, lang)), results_xlsx(roster, lang), results_csv(roster, lang)


def layout(roster: Roster, lang: str) -> dict[str, Any]:
    """The checked roster as the page shows it, every text in `lang`."""
    day = roster.as_of.isoformat()
    stem = wording.RESULTS_SHEET.get(lang)
    return {
        "as_of": day,
        "rules": rules_applied(roster).get(lang),
        "data_version": roster.data_version,
        "statuses": [{"id": s, "label": wording.STATUS[s].get(lang)} for s in STATUSES],
        "summary": roster.summary,
        "rows": [_row(answer, lang) for answer in roster.rows],
        "files": {"xlsx": f"{stem}-{day}.xlsx", "csv": f"{stem}-{day}.csv"},
    }


def _row(answer: RowAnswer, lang: str) -> dict[str, Any]:
    def text(value: Text | None) -> str:
        return value.get(lang) if value else ""

    return {
        "row": answer.row,
        "name": answer.name,
        "status": answer.status,
        "target": text(answer.target),
        "equivalent": text(answer.equivalent),
        "eligible_from": answer.eligible_from.isoformat() if answer.eligible_from else "",
        "route": answer.route or "",
        "missing": [text(item) for item in answer.missing],
        "headline": text(answer.headline),
        "notes": [text(note) for note in answer.notes],
        "problems": [
            {"column": p.column.get(lang), "message": p.message.get(lang)} for p in answer.problems
        ],
    }


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
