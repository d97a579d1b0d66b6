"""Dates as precise as the sources give them: a year or a month is a span of days, and on a
day inside it the model says it cannot tell, rather than inventing the first day."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.model.validity import Day, Standing, Validity


def test_a_year_is_a_span_of_days() -> None:
    year = Day.parse("2020")
    assert (year.first, year.last) == (date(2020, 1, 1), date(2020, 12, 31))
    month = Day.parse("2024-02")
    assert (month.first, month.last) == (date(2024, 2, 1), date(2024, 2, 29))
    day = Day.parse("2027-03-01")
    assert (day.first, day.last) == (date(2027, 3, 1), date(2027, 3, 1))


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "20230101", "2023-1-01", ""])
def test_a_date_that_is_no_day_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Day.parse(text)


@pytest.mark.parametrize(
    ("day", "standing"),
    [
        (date(2019, 12, 31), Standing.NOT_YET),
        (date(2020, 1, 1), Standing.UNSURE),
        (date(2020, 12, 30), Standing.UNSURE),
        (date(2020, 12, 31), Standing.IN_FORCE),
        (date(2027, 2, 28), Standing.IN_FORCE),
        (date(2027, 3, 1), Standing.ENDED),
    ],
    ids=["before", "year-begins", "year-ends", "last-day-of-year", "eve-of-end", "end"],
)
def test_a_text_known_to_the_year_is_unsure_within_it(day: date, standing: Standing) -> None:
    validity = Validity(Day.parse("2020"), Day.parse("2027-03-01"))
    assert validity.on(day) is standing
    assert validity.applies(day) is (standing in (Standing.IN_FORCE, Standing.UNSURE))


def test_a_record_falls_back_on_its_documents_dates() -> None:
    document = Validity(Day.parse("2020"), None)
    own = Validity.of({"valid_until": "2027-03-01"}, inherited=document)
    assert own == Validity(Day.parse("2020"), Day.parse("2027-03-01"))
    assert Validity.of({}, inherited=None) == Validity()
