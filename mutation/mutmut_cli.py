"""mutmut's command line, with some of its steps made cheaper for a whole run.

mutation/run.py runs mutmut through this module. mutmut decides everything else (the
mutants, which tests call which function, the verdicts); these are replaced:

- **The tests a mutant runs** (`reaching` and `tests_for` in selection.py): of the tests
  that call its function, those of its own package (a test of the site generator builds
  pages through most of the calculators: TESTS_ELSEWHERE) that ran a line it changes
  (recorded with mutmut's record of which tests call what: tested_lines.py); first those
  that killed other mutants of the function, then the fastest. Its time limit is set by
  those tests (pyproject.toml: timeout_multiplier). `mutation/run.py --budget S` keeps, for
  a quick run, only the first tests that fit in S seconds of their recorded time. A mutant
  listed in equivalent.yaml is not run: it counts as skipped.
- **How a mutant's tests run** (session.py): mutmut starts a pytest session in each mutant's
  process, which collects every module it is given and formats each failure's traceback:
  that cost most killed mutants more than their tests. Here the tests are collected once,
  in mutmut's process, and each mutant's process runs their items up to the first failure.
- **How long a test takes** (`run_stats`): mutmut records the time of a test's call alone,
  so a test whose fixture takes a second counted as instant and ran first. Here it is the
  test's setup, call and teardown.
- **How often the progress line is counted** (`print_stats`): mutmut counts every mutant of
  every file (18 ms here) before it hands out each mutant, in the one process that hands them
  all out (four minutes of a whole run): here at most every half second.
- **How often a file's results are written** (`save`): mutmut writes a file's whole record of
  results (up to 230 kB of JSON) after each of its mutants, 16 ms each in mutmut's one
  process, which hands every mutant to a worker: here at most every few seconds per file, and
  every record at the end of the run.
- **Which mutant a type error belongs to** (`filter_mutants_with_type_checker`). mutmut 3.8
  parses every mutated file that has an error with libcst, positions and all: 14 MB of mutated
  source here, about four minutes, while `ty` itself takes eight seconds. `ast` gives the same
  functions' line spans in seconds; the checker, its report and what mutmut does with the
  mutants it names are mutmut's own.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable
from importlib.metadata import version
from math import ceil
from pathlib import Path
from typing import TYPE_CHECKING

import mutmut.__main__ as mutmut_main
from mutmut.configuration import config
from mutmut.mutation.data import MutantLineSpans, SourceFileMutationData
from mutmut.mutation.diff_apply import generated_function_names
from mutmut.mutation.file_mutation import (
    FailedTypeCheckMutant,
    MutatedMethodLocation,
    group_by_path,
)
from mutmut.runners.harness import PytestRunner, TestRunner
from mutmut.state import state
from mutmut.type_checking import run_type_checker
from mutmut.utils.file_utils import change_cwd
from mutmut.utils.format_utils import (
    get_mutant_name,
    is_mutated_method_name,
    mangled_name_from_mutant_name,
)
from mutmut.workers.isolation import ForkRunner, MutantResult

# Run as a script: its own folder is on the path (not the project's, whose `calculators` would
# hide the mutants' copy).
from selection import (
    LISTED_RUN,
    Change,
    change,
    equivalent,
    function_spans,
    in_order,
    lines_to_reach,
    tests_for,
)
from session import Session
from tested_lines import LineMap, LineRecorder

if TYPE_CHECKING:  # mutmut's parent process imports pytest only as it runs the tests
    import pytest

# The version whose steps these reproduce: another keeps its own.
REPLACES_IN = "3.8.1"
# `mutation/run.py --budget S`: each mutant runs at most S seconds of its tests' recorded time.
BUDGET_S = float(os.environ["MUTATION_BUDGET_S"]) if os.environ.get("MUTATION_BUDGET_S") else None
# The mutants reviewed as equivalent (mutation/equivalent.yaml), not run but counted as skipped;
# with `mutation/run.py --with-equivalent` they run, named in LISTED_RUN as they start.
EQUIVALENT = equivalent()
WITH_EQUIVALENT = bool(os.environ.get("MUTATION_WITH_EQUIVALENT"))
# mutmut's exit code for a mutant it skipped: not counted in a score.
SKIPPED = 34

_submit = ForkRunner.submit
_run_clean_tests = ForkRunner.run_clean_tests
_run_tests = PytestRunner.run_tests


# The tests, collected once in mutmut's process (session.py), before its clean run.
_session: Session | None = None


def opened(runner: TestRunner) -> Session:
    """The session of mutmut's configured tests, opened on first use: mutmut's process then
    holds every test module and fixture definition, and each process forked from it inherits
    them."""
    global _session
    if _session is None:
        assert isinstance(runner, PytestRunner)
        with change_cwd("mutants"):
            _session = Session(
                [
                    "--rootdir=.",
                    *runner._pytest_add_cli_args_test_selection,
                    *runner._pytest_add_cli_args,
                ]
            )
        gc.freeze()  # as mutmut's runner does before it forks: the children leave these be
    return _session


def run_forked(session: Session, parts: list[list[str]]) -> int:
    """Run each part of the tests in a process forked from here, at once (0 if all pass, 1 if
    any fails, and the test that failed is named): mutmut's clean run and forced failure,
    run as each mutant's tests will be."""
    pids = []
    for part in parts:
        pid = os.fork()
        if pid == 0:  # a forked process never returns into mutmut's loop
            code = 1
            try:
                with change_cwd("mutants"):
                    code = session.run(part)
                if code:
                    os.write(2, f"failed: {session.failed}\n".encode())
            finally:
                os._exit(code)
        pids.append(pid)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    return 0 if not any(codes) else 1


def run_clean_tests(self: ForkRunner, tests: Iterable[str]) -> int:
    """mutmut's clean run (the tests of the names given, or all of them, no mutant) through the
    session, split in order between the workers: a test that failed there without a mutant
    would count every mutant as killed. The halves keep each module's tests together, so
    that a module's fixtures are built once in each process that needs them."""
    session = opened(self.test_runner)
    given = set(tests)
    if not given <= session.items.keys():
        return _run_clean_tests(self, tests=given)
    chosen = [test for test in session.items if not given or test in given]
    size = ceil(len(chosen) / self.max_workers)
    return run_forked(session, [chosen[i : i + size] for i in range(0, len(chosen), size)])


def run_forced_fail(self: ForkRunner) -> int:
    """mutmut's check that a mutant can fail a test (its mutant "fail" raises in every
    mutated function), as a mutant's tests run: in a process forked from the session."""
    session = opened(self.test_runner)
    _deferring.append(True)
    return run_forked(session, [list(session.items)])


# The record of lines (tested_lines.py), read once in mutmut's process, and the mutated
# files' lines and function spans, read once per file.
_lines: list[LineMap | None] = []
_files: dict[str, tuple[list[str], MutantLineSpans | None]] = {}


def _mutated_file(module: str) -> str:
    """The mutated file of `module`, relative to mutants/ (`src/calculators/rules/dates.py`)."""
    path = "src/" + module.replace(".", "/")
    return f"{path}.py" if Path("mutants", f"{path}.py").is_file() else f"{path}/__init__.py"


def _mutant(mutant_name: str) -> tuple[str, int, str, Change] | None:
    """The mutated file of `mutant_name`, the first line of its function's unmutated copy there,
    that copy's source and what the mutant changes in it; None without the file's index."""
    module = mangled_name_from_mutant_name(mutant_name).rpartition(".")[0]
    file = _mutated_file(module)
    if file not in _files:
        text = Path("mutants", file).read_text(encoding="utf-8").splitlines()
        _files[file] = (text, MutantLineSpans.load(file))
    text, spans = _files[file]
    orig_name, generated = generated_function_names(mutant_name)
    if spans is None or not {orig_name, generated} <= spans.span_by_function_name.keys():
        return None
    orig_span, mutant_span = (spans.span_by_function_name[n] for n in (orig_name, generated))
    orig = "\n".join(text[orig_span.start - 1 : orig_span.end])
    mutant = "\n".join(text[mutant_span.start - 1 : mutant_span.end])
    return file, orig_span.start, orig, change(orig, mutant, orig_name, generated)


def reaching(found: tuple[str, int, str, Change] | None, tests: list[str]) -> list[str]:
    """Of `tests` (every test that calls the function of the mutant `found`), those that ran a
    line the mutant changes (`lines_to_reach`), and any whose lines were not recorded. All of
    them if the record, the file's index of functions or the lines to reach cannot say."""
    if not _lines:
        _lines.append(LineMap.load())
    line_map = _lines[0]
    if line_map is None or found is None:
        return tests
    file, first, orig, changed = found
    reach = lines_to_reach(orig, changed.lines)
    if reach is None:
        return tests
    ran = line_map.reaching(file, (first - 1 + line for line in reach))
    return [test for test in tests if test in ran or not line_map.recorded(test)]


def submit(
    self: ForkRunner, mutant_name: str, tests: list[str], cpu_time_limit: int, estimated_time: float
) -> None:
    """mutmut's start of a mutant's process, given the tests it runs (`tests_for`, of those
    that reach its lines: none makes it a mutant no test reaches) and the time limits those
    tests set: mutmut's are set by all the tests that call the function, and a mutant that
    loops would wait for them. A mutant reviewed as equivalent is skipped, not run."""
    found = _mutant(mutant_name)
    function = mangled_name_from_mutant_name(mutant_name)
    if found and (function, found[3].removed, found[3].added) in EQUIVALENT:
        if WITH_EQUIVALENT:
            with open(LISTED_RUN, "a", encoding="utf-8") as listed:
                listed.write(f"{mutant_name}\n")
        else:
            skipped = MutantResult(mutant_name=mutant_name, exit_code=SKIPPED, duration=0.0)
            self._no_tests_results.append(skipped)
            return
    seconds = state().duration_by_test
    killers = _killers(function)
    chosen = tests_for(mutant_name, reaching(found, tests), seconds, BUDGET_S, killers)
    estimated = sum(seconds[test] for test in chosen)
    cfg = config()
    limit = ceil((estimated + cfg.timeout_constant) * cfg.timeout_multiplier * 2)
    _submit(self, mutant_name, chosen, limit, estimated)


# The tests that killed each function's mutants, one line per kill, in a file per function
# (its mangled name): written by the mutants' processes, read as the next mutant is submitted.
KILLERS = Path("killers")


def _killers(function: str) -> Counter[str]:
    """How many mutants of `function` each test has killed so far in this run."""
    path = KILLERS / function
    return Counter(path.read_text(encoding="utf-8").split()) if path.exists() else Counter()


def run_tests(self: PytestRunner, *, mutant_name: str | None, tests: Iterable[str]) -> int:
    """A mutant's tests, from the session (the test that kills it noted for its function's
    next mutants); a test the session does not hold, as mutmut runs it."""
    tests = list(tests)
    if not mutant_name or _session is None or not all(test in _session.items for test in tests):
        return _run_tests(self, mutant_name=mutant_name, tests=tests)
    function = mangled_name_from_mutant_name(mutant_name)
    # In order again: mutmut's process for the mutant sorts the tests it was given, fastest first.
    tests = in_order(tests, state().duration_by_test, _killers(function))
    with change_cwd("mutants"):
        code = _session.run(tests)
    if code and _session.failed:
        KILLERS.mkdir(exist_ok=True)
        with open(KILLERS / function, "a", encoding="utf-8") as f:
            f.write(f"{_session.failed}\n")  # one short append: whole, whatever runs beside it
    return code


def run_stats(self: PytestRunner, *, tests: Iterable[str]) -> int:
    """mutmut's record of which tests call which function and how long each takes, with a
    test's setup and teardown counted in its time (mutmut counts the call alone); and which
    lines of the packages each test runs (tested_lines.py), added to the record of earlier tests."""

    class Recorder:
        def pytest_runtest_logstart(self, nodeid: str, location: object) -> None:
            state().duration_by_test[nodeid] = 0

        def pytest_runtest_teardown(self, item: pytest.Item, nextitem: object) -> None:
            for function in state()._stats:
                state().tests_by_mangled_function_name[function].add(item.nodeid)
            state()._stats.clear()

        def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
            state().duration_by_test[report.nodeid] += report.duration

    tests = list(tests)  # none: every test, and a record afresh
    lines = LineRecorder()
    with change_cwd("mutants"), lines.recording():
        code = self.execute_pytest(
            self._pytest_args_regular_run(tests), plugins=[Recorder(), lines]
        )
    line_map = (LineMap.load() if tests else None) or LineMap([], {})
    line_map.add(lines.by_test)
    line_map.save()
    return int(code)


# The progress line is counted and shown at most this often (`print_stats`).
PROGRESS_EVERY_S = 0.5
_print_stats = mutmut_main.print_stats
_printed_at = [float("-inf")]


def print_stats(data: dict[str, SourceFileMutationData], force_output: bool = False) -> None:
    """mutmut's progress line, counted afresh over every mutant before each mutant is handed
    out: counted and shown if PROGRESS_EVERY_S has passed (always when forced, at the end)."""
    now = time.monotonic()
    if force_output or now - _printed_at[0] >= PROGRESS_EVERY_S:
        _printed_at[0] = now
        _print_stats(data, force_output)


# A file's record of results is written at most this often while mutants run (`save`).
SAVE_EVERY_S = 5.0
_save = SourceFileMutationData.save
_run = mutmut_main._run
_unsaved: dict[Path, SourceFileMutationData] = {}
_saved_at: dict[Path, float] = {}
# Set as the mutants start to run (`run_forced_fail`, mutmut's last step before): records
# written before then are read back from disk, and are written at once.
_deferring: list[bool] = []


def save(self: SourceFileMutationData) -> None:
    """mutmut's write of a file's results, after each mutant: done if the file's record was
    last written SAVE_EVERY_S ago, else left for later (`run`)."""
    now = time.monotonic()
    if _deferring and now - _saved_at.get(self.meta_path, -SAVE_EVERY_S) < SAVE_EVERY_S:
        _unsaved[self.meta_path] = self
        return
    _unsaved.pop(self.meta_path, None)
    _save(self)
    _saved_at[self.meta_path] = now


def run(mutant_names: tuple[str, ...] | list[str], max_children: int | None) -> None:
    """mutmut's run, after which (or after it stops) every record not yet written is."""
    try:
        _run(mutant_names, max_children)
    finally:
        for data in _unsaved.values():
            _save(data)
        _unsaved.clear()


def filter_mutants_with_type_checker() -> dict[str, FailedTypeCheckMutant]:
    """mutmut's filter (same checker, same errors, same mutants named), its parsing by `ast`."""
    with change_cwd(Path("mutants")):
        errors_by_path = group_by_path(run_type_checker(config().type_check_command))
        caught: dict[str, FailedTypeCheckMutant] = {}
        for path, errors in errors_by_path.items():
            source = path.read_text(encoding="utf-8")
            functions = [
                MutatedMethodLocation(path, name, start, end)
                for name, start, end in function_spans(source, is_mutated_method_name)
            ]
            if not functions:
                continue
            for error in errors:
                function = next(
                    (
                        f
                        for f in functions
                        if f.line_number_start <= error.line_number <= f.line_number_end
                    ),
                    None,
                )
                if function is None:  # mutmut's own words for a type error outside any mutant
                    raise Exception(
                        f"Could not find mutant for type error {error.file_path}:"
                        f"{error.line_number} ({error.error_description})."
                    )
                name = get_mutant_name(
                    path.relative_to(Path(".").absolute()), function.function_name
                )
                caught[name] = FailedTypeCheckMutant(
                    method_location=function, name=name, error=error
                )
        return caught


if __name__ == "__main__":
    if version("mutmut") != REPLACES_IN:
        sys.exit(
            f"mutation/mutmut_cli.py reproduces steps of mutmut {REPLACES_IN}, not {version('mutmut')}"
        )
    mutmut_main.filter_mutants_with_type_checker = filter_mutants_with_type_checker
    mutmut_main._run = run
    mutmut_main.print_stats = print_stats
    SourceFileMutationData.save = save
    ForkRunner.submit = submit
    ForkRunner.run_clean_tests = run_clean_tests
    ForkRunner.run_forced_fail = run_forced_fail
    PytestRunner.run_tests = run_tests
    PytestRunner.run_stats = run_stats
    sys.exit(mutmut_main.cli())
