"""The equivalence calculator, declared: a level's equal-treatment title, or a title's level.

The rule is equivalence.py; the request and its fields, facts.py (`EquivalenceQuery`). This
declaration is all the API, the CLI and the page need to offer it (see registry.py).
"""

from __future__ import annotations

from typing import Any

from .equivalence import lookup
from .facts import EquivalenceQuery
from .registry import Calculator
from .render import equivalence_text
from .results import Equivalence
from .tables import tables


def _summary(found: Equivalence) -> dict[str, Any]:
    """The equivalent's id (or null) and the basis: what a check of many levels needs."""
    return {"equivalent": found.equivalent.id if found.equivalent else None, "basis": found.basis}


CALCULATOR = Calculator(
    kind="equivalence",
    request=EquivalenceQuery,
    result=Equivalence,
    decide=lookup,
    summary=_summary,
    table=tables,
    text=equivalence_text,
    help="calculator-equivalence",
    submit="calc-submit-equivalence",
    html_id="eq",
    live=True,
    provisional=("level", "hired"),
)
