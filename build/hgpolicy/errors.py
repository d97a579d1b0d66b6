"""The one error type a maintainer sees when the policy data is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in one policy file."""

    file: Path
    line: int
    message: str
    schema_path: str = ""

    def __str__(self) -> str:
        where = f" ({self.schema_path})" if self.schema_path else ""
        return f"{self.file}:{self.line}: {self.message}{where}"


class PolicyError(Exception):
    """Raised with every problem found, so one build run reports them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems: list[Problem] = sorted(
            problems, key=lambda p: (str(p.file), p.line, p.message)
        )
        super().__init__("\n".join(str(p) for p in self.problems))
