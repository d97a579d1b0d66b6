"""The compiled policy: one JSON document the calculators and the downloads page share."""

from __future__ import annotations

from typing import Any

from calculators.index import canonical_json

from .policy import Policy


def policy_data(policy: Policy) -> dict[str, Any]:
    """Every policy file's data keyed by file stem, exactly as validated."""
    return dict(policy.data)


def policy_json(policy: Policy) -> str:
    """`policy_data` as compact, stable UTF-8 JSON (sorted keys, so rebuilds are byte-identical)."""
    return canonical_json(policy_data(policy))
