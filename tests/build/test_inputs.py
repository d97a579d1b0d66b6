"""The site is rebuilt when its inputs change: the fingerprint sees every input, and only them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hgpolicy.inputs import INPUTS, fingerprint


def _project(tmp_path: Path) -> Path:
    """A tiny project with one file under each input and some that are not inputs."""
    for name in INPUTS:
        path = tmp_path / name
        if name.endswith(".yml"):
            path.write_text("site_name: x\n", encoding="utf-8")
        else:
            path.mkdir(parents=True)
            (path / "a.txt").write_text("a\n", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "t.py").write_text("x = 1\n", encoding="utf-8")
    return tmp_path


def _touch(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize("name", INPUTS)
def test_saving_any_input_changes_the_fingerprint(tmp_path: Path, name: str) -> None:
    project = _project(tmp_path)
    before = fingerprint(project)
    path = project / name
    _touch(path if path.is_file() else path / "a.txt")
    assert fingerprint(project) != before


def test_a_new_file_changes_the_fingerprint_and_a_bytecode_cache_does_not(tmp_path: Path) -> None:
    project = _project(tmp_path)
    before = fingerprint(project)
    cache = project / "calculators" / "__pycache__"
    cache.mkdir()
    (cache / "a.cpython-313.pyc").write_bytes(b"\0")
    (project / "tests" / "t.py").write_text("x = 2\n", encoding="utf-8")
    assert fingerprint(project) == before
    (project / "docs" / "b.md").write_text("b\n", encoding="utf-8")
    assert fingerprint(project) != before


def test_the_fingerprint_of_some_inputs_ignores_the_others(tmp_path: Path) -> None:
    project = _project(tmp_path)
    before = fingerprint(project, ["policy"])
    _touch(project / "docs" / "a.txt")
    assert fingerprint(project, ["policy"]) == before
    _touch(project / "policy" / "a.txt")
    assert fingerprint(project, ["policy"]) != before
