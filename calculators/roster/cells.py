"""What one spreadsheet cell says, as HR files write it.

People type dates the way they remember them ("2021年6月", "2021.6", "2021/6/1"), programs
store them as date cells or as Excel serial numbers, and Chinese input methods give
full-width digits ("２０２１"). Each reader here accepts all of these and answers `None` for
a blank cell, or raises `CellError` naming what it expected, so the row can say exactly why
it could not be checked.

A date with a month but no day is read as the LAST day of that month: the waiting periods
count from these dates, so the latest possible day never opens a route too early.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from calculators.plumbing.written import read_written_day
from calculators.rules.dates import FIRST_DAY, LAST_DAY

# Excel's day 0 in the 1900 date system (see xlsx.serial_date).
_EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers a text cell may hold for a date: 10000 is 1927-05-18, 99999 is 2173-10-14.
_SERIALS = range(10_000, 100_000)


class CellError(ValueError):
    """A cell that does not hold what its column needs; `expected` is the kind of value
    (`date`, `number`, `yes_no`), for a message in the page's language."""

    def __init__(self, expected: str, found: str) -> None:
        self.expected: str = expected
        self.found: str = found
        super().__init__(f"expected {expected}, found {found!r}")


@dataclass(frozen=True)
class CellDate:
    """A date read from a cell; `month_only` when the cell gave no day."""

    day: date
    month_only: bool = False


def plain(value: object) -> str:
    """A cell as text, the way the eye reads it: full-width forms made ASCII (NFKC), spaces
    (also U+3000 and no-break) trimmed; blank for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
# A time of day after the date (pandas and some exports write "2021-06-01 00:00:00").
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def read_date(value: object) -> CellDate | None:
    """The date in a cell: a date cell, an Excel serial number, 20210601, or text as people
    write dates, with a day or with a month only (the last day of that month: written.py,
    as the forms read them)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return _checked(value, str(value))
    text = plain(value)
    if not text:
        return None
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is None and text.isdigit():
        number = int(text)
    if number is not None and int(number) in _SERIALS:  # a time of day after the point
        return _checked(_EXCEL_EPOCH + timedelta(days=int(number)), text)
    text = _TIME.sub("", text)
    if found := _COMPACT.fullmatch(text):
        try:
            return _checked(date(*map(int, found.groups())), text)
        except ValueError:
            raise CellError("date", text) from None
    written = read_written_day(text)
    if written is None:
        raise CellError("date", text)
    return CellDate(_checked(written.day, text).day, written.month_only)


def _checked(day: date, text: str) -> CellDate:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise CellError("date", text)
    return CellDate(day)


_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(?:年|岁|周岁|years?|yrs?)?", re.IGNORECASE)


def read_number(value: object) -> float | None:
    """A number of years (or an age, a rank): `3`, `3.5`, `３年`, `3 years`."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = plain(value)
    if not text:
        return None
    found = _NUMBER.fullmatch(text)
    if not found:
        raise CellError("number", text)
    return float(found.group(1))


_YES = {"是", "有", "已聘", "聘用", "y", "yes", "true", "1", "√", "✓", "✔"}
_NO = {"否", "无", "未聘", "未聘用", "n", "no", "false", "0", "×", "✗", "✘"}


def read_yes_no(value: object) -> bool | None:
    """A yes/no cell: 是/否, yes/no, 1/0, √/×, a checkbox's TRUE/FALSE."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = plain(value).lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError("yes_no", text)
