"""Load the policy directory into one validated, read-only model."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from calculators.model.index import PolicyIndex

from .certainty import confidence_problems
from .errors import PolicyError, Problem
from .validate import validate
from .validity import validity_problems
from .yamlfile import YamlFile, read_yaml


@dataclass(frozen=True)
class Policy:
    """Every policy file's data, keyed by file stem (`document`, `levels`, …)."""

    root: Path
    data: dict[str, Any]

    def __getitem__(self, stem: str) -> Any:
        return self.data[stem]

    @cached_property
    def model(self) -> PolicyIndex:
        """The typed model of this data, the one the calculators answer from: built once, so
        pages, ladder and build-time answers read the same records."""
        return PolicyIndex(self.data)


def load_policy(root: Path) -> Policy:
    """Read and validate `root/*.yaml`; raise PolicyError listing every problem found."""
    files: list[YamlFile] = []
    problems: list[Problem] = []
    base = root.parent
    for path in sorted(root.glob("*.yaml")):
        try:
            files.append(read_yaml(path, display=_display(path, base)))
        except PolicyError as err:
            problems.extend(err.problems)
    problems.extend(validate(files, root / "schema", check_refs=not problems))
    problems.extend(confidence_problems(files))
    if not problems:  # the dates are read from data that has its shape
        problems.extend(validity_problems(files))
    if problems:
        raise PolicyError(problems)
    return Policy(root=root, data={f.path.stem: f.data for f in files})


def _display(path: Path, base: Path) -> Path:
    """The path as a maintainer would type it: relative to the project when possible."""
    try:
        return path.resolve().relative_to(base.resolve())
    except ValueError:
        return path
