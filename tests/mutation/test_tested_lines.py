"""`make mutate`'s record of the lines each test runs (mutation/tested_lines.py): a mutant runs
only the tests that ran its lines, so a line missed here is a mutant wrongly left alive, and a
test credited with lines it never ran only costs time."""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path

from mutation.tested_lines import LineMap, LineRecorder, file_key

SOURCE = textwrap.dedent(
    """\
    def sign(n):
        if n > 0:
            return 1
        if n < 0:
            return -1
        return 0
    """
)


def _module(folder: Path, package: str) -> object:
    path = folder / "src" / package / "numbers.py"
    path.parent.mkdir(parents=True)
    path.write_text(SOURCE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"_recorded_{package}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_test_is_credited_with_the_lines_it_ran_in_the_packages_only(tmp_path: Path) -> None:
    """Two tests run the same function: each has its own lines, the second its lines again
    though the first ran them before (the record restarts for each test). A file outside the
    packages is not recorded."""
    mutated = _module(tmp_path, "calculators")
    elsewhere = _module(tmp_path / "other", "tools")
    recorder = LineRecorder()
    with recorder.recording():
        recorder.pytest_runtest_logstart("t::positive", None)
        mutated.sign(5)  # type: ignore[attr-defined]
        elsewhere.sign(5)  # type: ignore[attr-defined]
        recorder.pytest_runtest_logfinish("t::positive", None)
        recorder.pytest_runtest_logstart("t::negative", None)
        mutated.sign(-5)  # type: ignore[attr-defined]
        recorder.pytest_runtest_logfinish("t::negative", None)
        recorder.pytest_runtest_logstart("t::nothing", None)
        recorder.pytest_runtest_logfinish("t::nothing", None)
    mutated.sign(0)  # type: ignore[attr-defined]  # after the record: not counted
    key = "src/calculators/numbers.py"
    assert recorder.by_test == {
        "t::positive": {(key, 2), (key, 3)},
        "t::negative": {(key, 2), (key, 4), (key, 5)},
        "t::nothing": set(),
    }


def test_a_file_is_named_from_its_package_folder_whatever_folder_holds_it() -> None:
    assert file_key("/w/.mutate/mutants/src/hgpolicy/pages.py") == "src/hgpolicy/pages.py"
    assert file_key("src/calculators/api.py") == "src/calculators/api.py"
    assert file_key("/w/build/hgpolicy/pages.py") is None


def test_the_tests_reaching_lines_are_those_that_ran_any_of_them(tmp_path: Path) -> None:
    """Kept across a save and a load; a test recorded again (mutmut records a new test alone)
    loses the lines it no longer runs."""
    lines = LineMap([], {})
    lines.add({"a": {("f.py", 1), ("f.py", 2)}, "b": {("f.py", 2)}, "c": {("g.py", 1)}})
    path = tmp_path / "lines.json"
    lines.save(path)
    loaded = LineMap.load(path)
    assert loaded is not None
    assert loaded.reaching("f.py", [1]) == {"a"}
    assert loaded.reaching("f.py", [2, 3]) == {"a", "b"}
    assert loaded.reaching("f.py", [3]) == set()
    assert loaded.reaching("h.py", [1]) == set()
    loaded.add({"a": {("f.py", 3)}, "d": {("f.py", 1)}})
    assert loaded.reaching("f.py", [1, 2]) == {"b", "d"}
    assert loaded.reaching("f.py", [3]) == {"a"}
    assert loaded.recorded("d") and not loaded.recorded("e")


def test_no_record_is_none(tmp_path: Path) -> None:
    assert LineMap.load(tmp_path / "missing.json") is None
