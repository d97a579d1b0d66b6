"""A person's facts as every condition reads them: the years worked out once per request.

Years may be given as figures or counted from dates; working them out here, once, keeps every
route and every condition kind counting them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculators.model.index import PolicyIndex
from calculators.rules.facts import EligibilityFacts, dated_years


@dataclass(frozen=True, slots=True)
class Situation:
    """Resolved facts with the years worked out once (from figures or dates) for every route."""

    facts: EligibilityFacts
    index: PolicyIndex
    years_since_certificate: float | None
    total_years: float | None
    years_since_title: float | None
    work_since: date | None

    @classmethod
    def of(cls, facts: EligibilityFacts, index: PolicyIndex) -> Situation:
        """Years as given or counted from dates; total years are at least those since the
        certificate, because both count work in this or a related occupation."""
        as_of = facts.as_of or date.today()
        since_cert = dated_years(facts.years_since_certificate, facts.certificate_date, as_of)
        total = dated_years(facts.total_years, facts.work_start_date, as_of)
        if since_cert is not None:
            total = since_cert if total is None else max(total, since_cert)
        since_title = dated_years(facts.years_since_title, facts.title_date, as_of)
        # Work counted from the certificate date also counts towards total years, so the
        # earlier of the two dates is where total years start.
        starts = [d for d in (facts.work_start_date, facts.certificate_date) if d is not None]
        return cls(facts, index, since_cert, total, since_title, min(starts, default=None))
