"""The eligibility calculator, declared: may this person apply for a skill level, route by route.

The rule is eligibility.py; the request and its fields, facts.py (`EligibilityFacts`). This
declaration is all the API, the CLI and the page need to offer it (see registry.py).
"""

from __future__ import annotations

from typing import Any

from .eligibility import assess
from .facts import EligibilityFacts
from .registry import Calculator
from .render import decision_text
from .results import Decision
from .tables import tables


def _summary(decision: Decision) -> dict[str, Any]:
    """The decision in ids (the date ISO or null): what a check of a whole team needs."""
    return {
        "eligible": decision.eligible,
        "target": decision.target.id,
        "edition": decision.edition.id,
        "met_routes": list(decision.met_routes),
        "eligible_from": decision.eligible_from.isoformat() if decision.eligible_from else None,
    }


CALCULATOR = Calculator(
    kind="eligibility",
    request=EligibilityFacts,
    result=Decision,
    decide=assess,
    summary=_summary,
    table=tables,
    text=decision_text,
    help="calculator-eligibility",
    submit="calc-submit-eligibility",
    html_id="el",
)
