"""Dates as people write them: with a day, or with a month only.

People remember "2021年6月" better than a day, and the forms, the command line and the roster
all take the same writings: 2021-06-01, 2021/6/1, 2021.6.1, 2021年6月1日; with a month only,
2021-06, 2021/6, 2021.6, 2021年6月. A month alone is read as the LAST day of that month: a
waiting period then ends no earlier than it would on any day of that month (the conservative
reading), and the pages say so. Full-width digits are read as digits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

# The page's early answer reads dates with these same patterns (calculators/rules/compiled.py
# hands them to rules.js), so they keep to what Python's and JavaScript's regular expressions
# read alike: ASCII digits and spaces, after NFKC has made full-width ones ASCII.
DAY = re.compile(r"([0-9]{4}) *[-/.年] *([0-9]{1,2}) *[-/.月] *([0-9]{1,2}) *日?")
MONTH = re.compile(r"([0-9]{4}) *[-/.年] *([0-9]{1,2}) *月?")


@dataclass(frozen=True)
class WrittenDay:
    """The day a writing stands for, and whether it gave a month only."""

    day: date
    month_only: bool = False


def read_written_day(text: str) -> WrittenDay | None:
    """The day `text` writes, or None when it writes none (no such day: 2023-02-30 is None)."""
    text = unicodedata.normalize("NFKC", text).strip(" ")
    try:
        if found := DAY.fullmatch(text):
            return WrittenDay(date(*map(int, found.groups())))
        if found := MONTH.fullmatch(text):
            year, month = map(int, found.groups())
            return WrittenDay(last_day_of_month(year, month), month_only=True)
    except ValueError:
        pass
    return None


def last_day_of_month(year: int, month: int) -> date:
    """The month's last day (ValueError for a month that is not 1–12)."""
    first = date(year, month, 1)
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
