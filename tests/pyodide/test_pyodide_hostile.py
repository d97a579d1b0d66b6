"""Requests that once escaped the API as exceptions, answered under Pyodide as data.

Under Pyodide a failure can be worse than an exception: JSON nested deeply enough exhausted the
WebAssembly stack, a fatal error that ends the whole runtime. The site's own Pyodide (through
run_requests.mjs) must give the same error object as CPython for each.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from calculators import api
from tests.calculators.test_calculator_hostile_input import ESCAPED

HERE = Path(__file__).resolve().parent


def test_escaped_inputs_are_errors_as_data_under_pyodide(site: Path) -> None:
    node = shutil.which("node")
    assert node, "node is missing: it runs the Pyodide of the built site (see README)"
    requests = [{"kind": "eligibility", "request": text} for text, _ in ESCAPED.values()]
    result = subprocess.run(
        [node, str(HERE / "run_requests.mjs"), str(site)],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    responses = json.loads(result.stdout)["responses"]
    for (name, (text, field)), response in zip(ESCAPED.items(), responses, strict=True):
        under_pyodide = json.loads(response)
        assert under_pyodide["error"]["field"] == field, name
        assert under_pyodide == json.loads(api.run("eligibility", text)), name
