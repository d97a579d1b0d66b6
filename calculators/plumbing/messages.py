"""The calculators' sentences by constant name, and the helpers that put words together.

The sentences themselves are entries of the one catalogue of wording (wording.py):
`messages.TYPE_LIST` is its entry "type-list", looked up when first asked for, so the CLI, the
answers and the pages cannot word the same thing twice. What stays here is the small grammar
the templates cannot express: lists, plurals, articles, dates, clause labels.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import TYPE_CHECKING, Any

from calculators.plumbing.texts import Text, join, number
from calculators.plumbing.wording import WORDING

if TYPE_CHECKING:
    from calculators.model.document import Part


def __getattr__(name: str) -> Text:
    """`messages.NAME`: the catalogue entry `name` (TYPE_LIST → "type-list"), kept as this
    module's attribute once found (entries are only ever added: wording.add), so the next
    lookup is an attribute's, not this function's."""
    try:
        found = WORDING[name.lower().replace("_", "-")]
    except KeyError:
        raise AttributeError(f"no wording {name!r} in the catalogue") from None
    globals()[name] = found
    return found


# Names and lists ----------------------------------------------------------------------------


def accepted_list(items: list[Text]) -> Text:
    """ "甲、乙、丙" / "A, B, C"."""
    sep = WORDING["list-sep"]
    return join(items, sep.zh, sep.en)


def or_list(items: list[Text]) -> Text:
    """ "甲或乙" / "A or B"."""
    sep = WORDING["or-sep"]
    return join(items, sep.zh, sep.en)


def more_years(value: float) -> Text:
    """ "N年" / "N more year(s)": how much longer a waiting period runs, rounded up so that
    a shortfall never reads as 0."""
    shown = number(math.ceil(value * 100 - 1e-9) / 100)
    return WORDING["more-year" if shown == "1" else "more-years"].format(n=shown)


def with_article(name: Text) -> Text:
    """The English name with "a" or "an" ("an Intermediate Worker …"); Chinese unchanged."""
    article = "an" if name.en[:1].lower() in "aeiou" else "a"
    return Text(zh=name.zh, en=f"{article} {name.en}")


def clause_label(number_zh: str, part: Part, parent: Part | None) -> Text:
    """How a part of the Huangshi opinion is cited: "黄改委发〔2020〕4号（十四）" / "…, clause (14)".

    The numbers are the parts' own (`Part.number`, the one numbering of the text); a section
    is cited by its position ("part 1"), as the English translation numbers none."""
    if part.kind == "item" and parent is not None:
        return Text(
            zh=f"{number_zh}{parent.number('zh')}{part.number('zh')}",
            en=f"{number_zh}, clause {parent.number('en')} item {part.number('en')}",
        )
    if part.kind == "clause":
        return Text(
            zh=f"{number_zh}{part.number('zh')}", en=f"{number_zh}, clause {part.number('en')}"
        )
    if part.kind == "section":
        position = "".join(re.findall(r"\d+", part.id))
        return Text(zh=f"{number_zh}第{part.number('zh')}部分", en=f"{number_zh}, part {position}")
    # The preamble and the closing have no number: cited by what they are ("附则").
    name = WORDING.get(part.kind, Text.same(part.id))
    return Text(zh=f"{number_zh}{name.zh}", en=f"{number_zh}, {name.en.lower()}")


# Input errors ------------------------------------------------------------------------------

SHOWN_LIMIT = 60


def shown(value: Any, quote: bool = False) -> str:
    """A value as an error message repeats it: at most SHOWN_LIMIT characters, so a request of
    a megabyte is not echoed back whole, and never failing (CPython refuses to write an int of
    more than 4,300 digits as text). `quote`: strings in quotes, as `repr` shows them. A yes/no
    or a null is written as the JSON request wrote it (`true`, not Python's `True`)."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    try:
        text = repr(value) if quote or not isinstance(value, str) else value
    except ValueError:
        text = f"{'-' if value < 0 else ''}≈2**{abs(value).bit_length()}"
    return text if len(text) <= SHOWN_LIMIT else text[: SHOWN_LIMIT - 1] + "…"


# Dates -----------------------------------------------------------------------

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def human_date(day: date) -> Text:
    """A date as people write it: "2027年6月1日" / "1 June 2027"."""
    return WORDING["human-date"].format(
        year=day.year, month=day.month, day=day.day, month_name=MONTHS_EN[day.month - 1]
    )


def human_day(text: str) -> Text:
    """A date the data or an answer holds as ISO text, as people write it, to the precision
    it has: "2020年" / "2020", "2021年3月" / "March 2021", "2027年6月1日" / "1 June 2027"."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return human_date(date(*parts))
    if len(parts) == 2:
        year, month = parts
        return WORDING["human-month"].format(
            year=year, month=month, month_name=MONTHS_EN[month - 1]
        )
    return WORDING["human-year"].format(year=parts[0])
