"""Where the calculators get the policy: the compiled `policy.json` beside this package.

The calculators never read the YAML themselves: validating it takes the generator (`hgpolicy`,
with PyYAML and jsonschema), and the calculators must run on the standard library alone, in
Pyodide too. So they read the compiled policy, the one file the generator writes from the
validated YAML (`hgpolicy.compile`):

- in the browser wheel it is package data, read with importlib.resources;
- in a source checkout `make setup` writes it to the same place (`calculators/policy.json`,
  ignored by git), and writes it again whenever a file under `policy/` has changed.

A checkout's file older than a file under `policy/` is refused rather than used: an answer
from rules that are no longer in the YAML would look right and be wrong.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

PACKAGE_DATA = "policy.json"
# The YAML the compiled file comes from, in a checkout (a wheel has no such folder).
POLICY_DIR = Path(__file__).resolve().parent.parent / "policy"


class PolicyNotCompiled(RuntimeError):
    """policy.json is missing, or older than the YAML it was compiled from."""


def load_policy_data() -> dict[str, Any]:
    """The compiled policy: a dict from file stem (`levels`, `application-routes`, …) to data."""
    compiled = resources.files("calculators").joinpath(PACKAGE_DATA)
    if not compiled.is_file():
        raise PolicyNotCompiled(
            f"no compiled policy at calculators/{PACKAGE_DATA}: run `make setup`, which "
            "compiles policy/*.yaml into it"
        )
    if isinstance(compiled, Path):
        changed = changed_since(compiled, POLICY_DIR)
        if changed:
            raise PolicyNotCompiled(
                f"{changed[0]} changed after calculators/{PACKAGE_DATA} was compiled: run "
                "`make setup` to compile the policy again"
            )
    return json.loads(compiled.read_bytes())  # JSON is UTF-8 (RFC 8259)


def changed_since(compiled: Path, policy_dir: Path) -> list[Path]:
    """The files under `policy_dir` saved after `compiled` was written (none without it)."""
    if not compiled.is_file():
        return sorted(p for p in policy_dir.rglob("*") if p.is_file())
    written = compiled.stat().st_mtime_ns
    return sorted(
        p for p in policy_dir.rglob("*") if p.is_file() and p.stat().st_mtime_ns > written
    )
