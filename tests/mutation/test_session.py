"""`make mutate`'s pytest session (mutation/session.py): collected once, each mutant's tests run
from it in a forked process. Its verdict is a mutant's: a test that fails must make it 1, a
test that passes (or skips) must not, and the tests after a failure must not run.

Driven in a process of its own, on a small project written here: a session opened inside this
one would share its capture and its plugins."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

MUTATION = Path(__file__).resolve().parents[2] / "mutation"

PROJECT = {
    "pytest.ini": """
        [pytest]
        filterwarnings = error
    """,
    "conftest.py": """
        import os

        import pytest

        def ran(name):
            with open("ran.txt", "a", encoding="utf-8") as f:
                f.write(f"{name}\\n")

        @pytest.fixture
        def broken():
            raise RuntimeError("a fixture that cannot be set up")

        @pytest.fixture
        def torn_down_badly():
            yield
            raise RuntimeError("a fixture that cannot be torn down")
    """,
    "test_things.py": """
        import warnings

        import pytest
        from conftest import ran

        def test_one():
            ran("one")

        def test_two():
            ran("two")

        def test_fails():
            ran("fails")
            assert 1 + 1 == 3

        def test_needs_a_broken_fixture(broken):
            ran("broken")

        def test_tears_down_badly(torn_down_badly):
            ran("teardown")

        def test_warns():
            ran("warns")
            warnings.warn("deprecated", DeprecationWarning)

        def test_skips():
            ran("skips")
            pytest.skip("not here")

        @pytest.mark.parametrize("n", [1, 2])
        def test_numbered(n):
            ran(f"numbered {n}")
    """,
}

DRIVER = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from session import Session

session = Session(["-p", "no:cacheprovider", "test_things.py"])
results = []
for names in json.loads(sys.argv[2]):
    open("ran.txt", "w", encoding="utf-8").close()
    pid = os.fork()
    if pid == 0:
        code = session.run([f"test_things.py::{name}" for name in names])
        with open("failed.txt", "w", encoding="utf-8") as f:
            json.dump(session.failed, f)
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    with open("ran.txt", encoding="utf-8") as f, open("failed.txt", encoding="utf-8") as failed:
        ran = f.read().split("\\n")[:-1]
        results.append([os.waitstatus_to_exitcode(status), ran, json.load(failed)])
print(json.dumps({"results": results, "collected": sorted(session.items)}))
"""


def _run(tmp_path: Path, runs: list[list[str]]) -> dict[str, list]:
    for name, text in PROJECT.items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(MUTATION), json.dumps(runs)],
        cwd=tmp_path,
        capture_output=True,
        encoding="utf-8",
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """Eight mutants' runs, one process each, from one session."""
    runs = [
        ["test_one", "test_two"],
        ["test_one", "test_fails", "test_two"],
        ["test_needs_a_broken_fixture", "test_one"],
        ["test_tears_down_badly", "test_one"],
        ["test_warns", "test_one"],
        ["test_skips", "test_one"],
        ["test_two", "test_one"],
        ["test_numbered[2]"],
    ]
    found = _run(tmp_path_factory.mktemp("project"), runs)
    return {
        "collected": found["collected"],
        **dict(zip(map(tuple, runs), found["results"], strict=True)),
    }


def test_the_session_holds_every_test_by_node_id(outcomes: dict) -> None:
    assert outcomes["collected"] == [
        "test_things.py::test_fails",
        "test_things.py::test_needs_a_broken_fixture",
        "test_things.py::test_numbered[1]",
        "test_things.py::test_numbered[2]",
        "test_things.py::test_one",
        "test_things.py::test_skips",
        "test_things.py::test_tears_down_badly",
        "test_things.py::test_two",
        "test_things.py::test_warns",
    ]


def test_tests_that_pass_leave_the_mutant_alive_and_run_in_the_order_given(
    outcomes: dict,
) -> None:
    assert outcomes["test_one", "test_two"] == [0, ["one", "two"], None]
    assert outcomes["test_two", "test_one"] == [0, ["two", "one"], None]
    assert outcomes[("test_numbered[2]",)] == [0, ["numbered 2"], None]


def test_a_failing_test_kills_the_mutant_and_the_tests_after_it_do_not_run(
    outcomes: dict,
) -> None:
    assert outcomes["test_one", "test_fails", "test_two"] == [
        1,
        ["one", "fails"],
        "test_things.py::test_fails",
    ]


def test_a_fixture_that_fails_to_set_up_or_tear_down_kills_the_mutant(outcomes: dict) -> None:
    assert outcomes["test_needs_a_broken_fixture", "test_one"] == [
        1,
        [],
        "test_things.py::test_needs_a_broken_fixture",
    ]
    assert outcomes["test_tears_down_badly", "test_one"] == [
        1,
        ["teardown"],
        "test_things.py::test_tears_down_badly",
    ]


def test_the_projects_warning_filters_apply(outcomes: dict) -> None:
    """pytest.ini turns warnings into errors, as pytest.main would in the mutant's process."""
    assert outcomes["test_warns", "test_one"] == [1, ["warns"], "test_things.py::test_warns"]


def test_a_skipped_test_is_not_a_failure(outcomes: dict) -> None:
    assert outcomes["test_skips", "test_one"] == [0, ["skips", "one"], None]
