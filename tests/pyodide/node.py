"""Requests answered by the built site's own Pyodide, in one Node process (run_requests.mjs)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PATIENCE_S

HERE = Path(__file__).resolve().parent


def answer_under_pyodide(
    site: Path, requests: list[dict[str, str]], runtime: Path | None = None
) -> dict[str, Any]:
    """`{"pyodide", "python", "responses", "modules"}` for `[{"kind", "request"}, ...]` (JSON
    strings); `runtime`: another Pyodide folder than the site's (see run_requests.mjs)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: it runs the Pyodide of the built site (see README)")
    result = subprocess.run(
        [node, str(HERE / "run_requests.mjs"), str(site), *([str(runtime)] if runtime else [])],
        input=json.dumps(requests),
        capture_output=True,
        encoding="utf-8",
        timeout=PATIENCE_S,  # a hang guard (TEST_PATIENCE_S), not a measure of speed
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    answers = json.loads(result.stdout)
    assert len(answers["responses"]) == len(requests)
    return answers
