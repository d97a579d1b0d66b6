"""Calendar years, as the conditions count them ("取得证书后满4年").

A year is a calendar year, not 365 days: the period of N years from a date ends on the same
month and day N years later. A period that starts on 29 February ends on 28 February in a
common year: where the end month has no corresponding day, its last day ends the period (the
rule Chinese law uses for periods counted in years, 《民法典》第二百零二条).
"""

from __future__ import annotations

from datetime import date

# The days a request may name. Generous for anyone's working life, and far enough from the
# calendar's end (9999-12-31) that adding the longest waiting period cannot leave it.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


def add_years(start: date, count: int) -> date:
    """The date on which `count` calendar years from `start` are complete."""
    year = start.year + count
    try:
        return start.replace(year=year)
    except ValueError:  # 29 February, and `year` is a common year
        return date(year, 2, 28)


def years_between(start: date, end: date) -> float:
    """Calendar years from `start` to `end`: whole years plus the fraction of the current one.

    Built so that `years_between(s, e) >= n` exactly when `e >= add_years(s, n)` for whole n,
    which keeps a decision made from dates and one made from years in agreement.
    """
    if end < start:
        return -years_between(end, start)
    whole = end.year - start.year
    if add_years(start, whole) > end:
        whole -= 1
    low, high = add_years(start, whole), add_years(start, whole + 1)
    return whole + (end - low).days / (high - low).days
