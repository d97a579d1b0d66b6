"""Every decision case of tests/cases/*.yaml, answered under Pyodide exactly as under CPython.

The site's own runtime answers: Node loads the Pyodide copied into the built site and the
calculators wheel through the site's lockfile (run_requests.mjs), in one process for all the
cases. Each answer must equal, as JSON, the one `calculators.api.run` gives here, and so also
meet the case's expectations.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from calculators import api
from tests.case_files import load_cases
from tests.pyodide.node import answer_under_pyodide
from tests.support.cases import mismatches

LOADED = load_cases()
CASES = [(c.id, c.kind, c.case) for c in LOADED]


@pytest.fixture(scope="session")
def pyodide_answers(site: Path) -> dict[str, Any]:
    """Every case's request answered by the site's Pyodide, in one Node process."""
    requests = [{"kind": kind, "request": json.dumps(case["facts"])} for _, kind, case in CASES]
    return answer_under_pyodide(site, requests)


def test_pyodide_is_the_pinned_one(pyodide_answers: dict[str, Any], root: Path) -> None:
    pinned = json.loads((root / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert pyodide_answers["pyodide"] == pinned["pyodide"]
    assert pyodide_answers["python"].startswith("3.")


@pytest.mark.parametrize(
    ("index", "kind", "case"),
    [(i, kind, case) for i, (_, kind, case) in enumerate(CASES)],
    ids=[name for name, _, _ in CASES],
)
def test_case_under_pyodide(
    pyodide_answers: dict[str, Any], index: int, kind: str, case: dict[str, Any]
) -> None:
    under_pyodide = json.loads(pyodide_answers["responses"][index])
    under_cpython = json.loads(api.run(kind, json.dumps(case["facts"])))
    assert under_pyodide == under_cpython
    assert not mismatches(case["expect"], under_pyodide)
