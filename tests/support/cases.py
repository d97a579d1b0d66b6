"""Decision cases as data: does a response match what a case expects?

A case is `{name, facts, expect}` (plus the calculator `kind`, usually given once per file):
`facts` is the request sent to `api.run`, `expect` a part of the response that must be there.
The same case files run under CPython (pytest) and in the browser (Pyodide), so the matching
rule lives here, in the package, with no test framework:

- an expected object matches when each of its keys is in the response and matches there;
- an expected list matches when each of its items matches some item of the response list
  (order and extra items do not matter: `routes: [{id: X, met: false}]` checks route X only);
- anything else must be equal (true is not 1; 4 equals 4.0).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def mismatches(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Every place where `actual` fails to contain `expected`, as readable lines; [] if none."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where or '.'}: expected an object, got {_show(actual)}"]
        found: list[str] = []
        for key, value in expected.items():
            path = f"{where}.{key}" if where else str(key)
            if key not in actual:
                found.append(f"{path}: missing from the response")
            else:
                found.extend(mismatches(value, actual[key], path))
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{where or '.'}: expected a list, got {_show(actual)}"]
        found = []
        for i, item in enumerate(expected):
            if not any(not mismatches(item, candidate) for candidate in actual):
                found.append(f"{where}[{i}]: no item matches {_show(item)}")
        return found
    if _same(expected, actual):
        return []
    return [f"{where or '.'}: expected {_show(expected)}, got {_show(actual)}"]


def check_case(case: dict[str, Any], run: Callable[[str, str], str], kind: str = "") -> list[str]:
    """Run one case through `run(kind, request_json)` (e.g. `api.run`) and list mismatches."""
    response = json.loads(run(case.get("kind", kind), json.dumps(case.get("facts", {}))))
    return mismatches(case["expect"], response)


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    return expected == actual


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 120 else text[:117] + "..."
