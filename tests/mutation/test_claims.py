"""`make mutate`'s record of which tests call what is made by a process per core, which share
out the test modules (mutation/session.py: `claims`). Each test must run exactly once, a
module's tests in one process, and a process must tear down what it set up before it moves to
a module in another folder, whichever modules the other process took.

Driven in processes of their own, on a small project written here."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

MUTATION = Path(__file__).resolve().parents[2] / "mutation"

# Two folders, so that a process that skips a module may next run one in the other folder; a
# module fixture in each module, so that its teardown is seen.
MODULE = """
    import os

    import pytest

    def ran(what):
        with open({log!r}, "a") as f:
            f.write(f"{{os.getpid()}} {{what}}\\n")

    @pytest.fixture(scope="module")
    def held():
        ran("set up {name}")
        yield
        ran("tear down {name}")

    def test_one(held):
        ran("{name}::one")

    def test_two(held):
        ran("{name}::two")
"""
MODULES = ["a/test_p.py", "a/test_q.py", "b/test_r.py", "b/test_s.py", "test_t.py"]

DRIVER = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import pytest
from session import claims

pids = []
for _ in range(int(sys.argv[3])):
    pid = os.fork()
    if pid == 0:
        code = pytest.main(["-q", "-p", "no:cacheprovider", "."], plugins=[claims(Path(sys.argv[2]))])
        os._exit(int(code))
    pids.append(pid)
sys.exit(max(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids))
"""


def _run(tmp_path: Path, processes: int, claimed: list[str]) -> list[tuple[int, str]]:
    """Run the project in `processes` processes sharing a claims folder in which `claimed`
    modules are already claimed; each line the tests wrote, as (process, what)."""
    project, folder, log = tmp_path / "project", tmp_path / "claims", tmp_path / "ran.txt"
    folder.mkdir()
    for module in MODULES:
        path = project / module
        path.parent.mkdir(parents=True, exist_ok=True)
        name = module.removesuffix(".py")
        path.write_text(textwrap.dedent(MODULE.format(log=str(log), name=name)), encoding="utf-8")
    for module in claimed:
        (folder / module.replace("/", "__")).touch()
    subprocess.run(
        [sys.executable, "-c", DRIVER, str(MUTATION), str(folder), str(processes)],
        cwd=project,
        check=True,  # a module another process took must not break this one's teardown
        capture_output=True,
        timeout=120,
    )
    lines = log.read_text(encoding="utf-8").splitlines()
    return [(int(pid), what) for pid, what in (line.split(" ", 1) for line in lines)]


def test_a_process_skips_the_modules_another_claimed_and_tears_down_before_it_moves_on(
    tmp_path: Path,
) -> None:
    ran = [what for _, what in _run(tmp_path, 1, claimed=["a/test_q.py", "b/test_s.py"])]
    assert ran == [
        "set up a/test_p",
        "a/test_p::one",
        "a/test_p::two",
        "tear down a/test_p",
        "set up b/test_r",
        "b/test_r::one",
        "b/test_r::two",
        "tear down b/test_r",
        "set up test_t",
        "test_t::one",
        "test_t::two",
        "tear down test_t",
    ]


def test_processes_share_out_the_modules_and_every_test_runs_once(tmp_path: Path) -> None:
    ran = _run(tmp_path, 2, claimed=[])
    tests = [what for _, what in ran if "::" in what]
    assert sorted(tests) == sorted(
        f"{module.removesuffix('.py')}::{test}" for module in MODULES for test in ("one", "two")
    )
    by_module: dict[str, set[int]] = defaultdict(set)
    for pid, what in ran:
        by_module[what.rpartition(" ")[2].partition("::")[0]].add(pid)
    assert all(len(pids) == 1 for pids in by_module.values()), by_module
