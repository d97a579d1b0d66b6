"""The worked example of an amendment (amendment.yaml) applied to a copy of policy/."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from hgpolicy.policy import Policy, load_policy

ROOT = Path(__file__).resolve().parents[2]

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


def amended_policy(*, substance: bool = False) -> Policy:
    """The project's policy with the example applied, loaded once per process (about a second
    of YAML and validation). A test's fixture takes a copy whose model is built when first
    asked (`dataclasses.replace`): under mutation testing the process mutmut forks from has
    loaded it, and each mutant's model must come from the mutated code, as with the `policy`
    fixture. A module fixture alone was built again each time mutmut's order of the tests
    (fastest first, across files) came back to its module. A mutant of the generator, whose
    loader checks the amendment's dates, loads it again, once in its own process (mutmut
    forks one per mutant): 2.7 s for each test that asked, in a mutant of the page renderer."""
    if os.environ.get("MUTANT_UNDER_TEST", "").startswith("hgpolicy."):
        return _loaded_in_process(os.getpid(), substance)
    return _loaded_once(substance)


def _loaded(substance: bool) -> Policy:
    folder = Path(tempfile.mkdtemp(prefix="hg-amended-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return load_policy(amended_copy(ROOT, folder, substance=substance))


_loaded_once = functools.cache(_loaded)


@functools.cache
def _loaded_in_process(pid: int, substance: bool) -> Policy:
    return _loaded(substance)
