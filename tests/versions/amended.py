"""The worked example of an amendment (amendment.yaml) applied to a copy of policy/."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import yaml

FIXTURE = Path(__file__).with_name("amendment.yaml")


def example() -> dict[str, Any]:
    """The fixture as data: its edits and the day the amendment applies from."""
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


AMENDS_FROM = date.fromisoformat(example()["amends_from"])


def amend(policy_dir: Path, *, substance: bool = False) -> Path:
    """Apply the example's edits to the policy files in `policy_dir` (a copy); return it.
    `substance`: its further edits too, those that change an answer besides its headline."""
    fixture = example()
    for edit in fixture["edits"] + (fixture["substance_edits"] if substance else []):
        path = policy_dir / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert text.count(edit["old"]) == 1, f"the example no longer applies to {edit['file']}"
        path.write_text(text.replace(edit["old"], edit["new"]), encoding="utf-8")
    return policy_dir


def amended_copy(root: Path, dest: Path, *, substance: bool = False) -> Path:
    """A copy of `root`/policy with the example applied, in `dest`/policy."""
    return amend(Path(shutil.copytree(root / "policy", dest / "policy")), substance=substance)
