"""The compiled policy: one JSON document the calculators and the downloads page share."""

from __future__ import annotations

import json
from typing import Any

from .policy import Policy


def policy_data(policy: Policy) -> dict[str, Any]:
    """Every policy file's data keyed by file stem, exactly as validated."""
    return dict(policy.data)


def policy_json(policy: Policy) -> str:
    """`policy_data` as compact, stable UTF-8 JSON (sorted keys, so rebuilds are byte-identical)."""
    return json.dumps(
        policy_data(policy), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
