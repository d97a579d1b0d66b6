"""The decision cases of tests/cases/*.yaml, loaded once for CPython and Pyodide alike.

Each case gets an ASCII test id (file stem + a short digest of its name): pytest escapes a
Chinese id into a string it cannot select again, which tools that rerun single tests by id
(mutmut) need. The Chinese stays in the case's name, shown when a case fails.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"


@dataclass(frozen=True)
class Case:
    stem: str
    kind: str
    case: dict[str, Any]

    @property
    def id(self) -> str:
        """`<file stem>-<8 hex digits of the name>`: stable while the name stays."""
        digest = hashlib.sha256(self.case["name"].encode()).hexdigest()[:8]
        return f"{self.stem}-{digest}"


def load_cases() -> list[Case]:
    """Every case of every file, in file order; `kind` from the case or else its file."""
    found = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            found.append(Case(path.stem, case.get("kind", doc["kind"]), case))
    return found
