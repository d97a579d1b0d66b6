"""Requests that once escaped the API as exceptions, answered under Pyodide as data.

Under Pyodide a failure can be worse than an exception: JSON nested deeply enough exhausted the
WebAssembly stack, a fatal error that ends the whole runtime. The site's own Pyodide (through
run_requests.mjs) must give the same error object as CPython for each.
"""

from __future__ import annotations

import json
from pathlib import Path

from calculators import api
from tests.calculators.test_calculator_hostile_input import ESCAPED
from tests.pyodide.node import answer_under_pyodide


def test_escaped_inputs_are_errors_as_data_under_pyodide(site: Path) -> None:
    requests = [{"kind": "eligibility", "request": text} for text, _ in ESCAPED.values()]
    responses = answer_under_pyodide(site, requests)["responses"]
    for (name, (text, field)), response in zip(ESCAPED.items(), responses, strict=True):
        under_pyodide = json.loads(response)
        assert under_pyodide["error"]["field"] == field, name
        assert under_pyodide == json.loads(api.run("eligibility", text)), name
