"""When a document, a clause or a rule applies: dates as precise as the sources make them.

A date in the data may be a day (`2025-07-01`), a month (`2023-06`) or only a year (`2020`,
as a document number such as 黄改委发〔2020〕4号 gives it when the text states no day). A
partial date is a span of days, not its first day: the project does not know which day of
2020 the opinion was issued, so on a day within 2020 it cannot say whether the opinion
applied yet ("unsure"), and says so, rather than inventing 1 January.

`valid_from` is the first day a thing applies; `valid_until` the first day it no longer does
(the day its successor starts), so consecutive versions of one rule share a date, and a chain
of versions with no gap and no overlap is one where each `valid_until` is the next
`valid_from`, written the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class Day:
    """A date as the data writes it: the span of days it may mean, `first` to before `after`."""

    first: date
    after: date
    text: str

    @classmethod
    def parse(cls, text: str) -> Day:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ValueError for anything else or no such day."""
        found = _PATTERN.match(text)
        if found is None:
            raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in found.groups())
        assert year is not None
        if month is None:
            return cls(date(year, 1, 1), date(year + 1, 1, 1), text)
        if day is None:
            first = date(year, month, 1)  # ValueError for a month that does not exist
            after = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
            return cls(first, after, text)
        first = date(year, month, day)
        return cls(first, first + timedelta(days=1), text)

    @property
    def last(self) -> date:
        """The last day it may mean: by then, whatever starts on it has certainly started."""
        return self.after - timedelta(days=1)


class Standing(StrEnum):
    """How something stands on a day: not yet, in force, no longer, or unknown because a
    date it turns on is known only to the month or year."""

    NOT_YET = "not_yet"
    IN_FORCE = "in_force"
    ENDED = "ended"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class Validity:
    """From when until when something applies; None at either end: no such limit is known."""

    valid_from: Day | None = None
    valid_until: Day | None = None

    @classmethod
    def of(cls, raw: Mapping[str, Any], inherited: Validity | None = None) -> Validity:
        """A record's own dates (`valid_from`, `valid_until`), each end falling back on the
        one it inherits (its document's) where the record does not set it."""
        base = inherited or ALWAYS
        start, end = raw.get("valid_from"), raw.get("valid_until")
        return cls(
            Day.parse(start) if start else base.valid_from,
            Day.parse(end) if end else base.valid_until,
        )

    def on(self, day: date) -> Standing:
        """How this stands on `day`."""
        start, end = self.valid_from, self.valid_until
        if start is not None and day < start.first:
            return Standing.NOT_YET
        if end is not None and day >= end.last:
            return Standing.ENDED
        if (start is not None and day < start.last) or (end is not None and day >= end.first):
            return Standing.UNSURE  # within a span known only to the month or year
        return Standing.IN_FORCE

    def applies(self, day: date) -> bool:
        """Whether the rules of `day` include this: in force, or possibly in force (unsure)."""
        return self.on(day) in (Standing.IN_FORCE, Standing.UNSURE)

    def boundaries(self) -> tuple[date, ...]:
        """The days on which how this stands may change."""
        return tuple(
            d for day in (self.valid_from, self.valid_until) if day for d in (day.first, day.last)
        )


ALWAYS = Validity()
