"""Which lines of the mutated packages each test runs, recorded while mutmut records which tests
call which function (its "stats" run): a mutant then runs only the tests that reach the lines it
changes (`selection.lines_to_reach`), not every test of its function. A mutant whose lines a
test never runs cannot change what that test sees, so the verdicts stay those of a whole run;
the time a survivor costs falls with the tests it no longer runs.

Recorded with `sys.monitoring` (Python 3.12+): each line of the mutated files reports once per
test and is then switched off until the next test starts, so the record costs little more
than the run.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Generator, Iterable
from contextlib import contextmanager
from pathlib import Path
from types import CodeType

# Where the mutated packages' files sit, relative to mutmut's folder (.mutate/mutants/): a code
# object's file name is cut to start here, whatever the folder it was imported from.
PACKAGES = ("src/calculators/", "src/hgpolicy/")
# The record, beside mutmut's own (mutmut-stats.json), relative to the folder mutmut runs in.
STORE = Path("mutants/mutation-lines.json")

_monitoring = sys.monitoring
_LINE = _monitoring.events.LINE
_START = _monitoring.events.PY_START


def file_key(filename: str) -> str | None:
    """`filename` from its package folder on (`src/calculators/rules/dates.py`), or None for a
    file of neither package."""
    for package in PACKAGES:
        at = filename.find(package)
        if at >= 0:
            return filename[at:]
    return None


class LineRecorder:
    """A pytest plugin that keeps, per test, the lines of the packages it ran (its setup and
    teardown included, as mutmut counts a function a fixture calls for the test that set it up).
    Active only inside `recording()`."""

    def __init__(self) -> None:
        self.by_test: dict[str, set[tuple[str, int]]] = {}
        self._now: set[tuple[str, int]] = set()
        self._keys: dict[str, str | None] = {}

    def pytest_runtest_logstart(self, nodeid: str, location: object) -> None:
        self._now = self.by_test.setdefault(nodeid, set())
        _monitoring.restart_events()  # every line reports again, once, for this test

    def pytest_runtest_logfinish(self, nodeid: str, location: object) -> None:
        self._now = set()

    def _started(self, code: CodeType, offset: int) -> object:
        """A function's first run: its lines report if it is the packages'; never asked again."""
        if code.co_filename not in self._keys:
            self._keys[code.co_filename] = file_key(code.co_filename)
        if self._keys[code.co_filename] is not None:
            _monitoring.set_local_events(self._tool, code, _LINE)
        return _monitoring.DISABLE

    def _line(self, code: CodeType, line: int) -> object:
        self._now.add((self._keys[code.co_filename] or "", line))  # a package's file: a key
        return _monitoring.DISABLE

    @contextmanager
    def recording(self) -> Generator[LineRecorder]:
        """Lines are recorded inside this block, under a free monitoring tool id."""
        self._tool = next(i for i in range(6) if _monitoring.get_tool(i) is None)
        _monitoring.use_tool_id(self._tool, "mutation lines")
        _monitoring.register_callback(self._tool, _START, self._started)
        _monitoring.register_callback(self._tool, _LINE, self._line)
        _monitoring.set_events(self._tool, _START)
        try:
            yield self
        finally:
            _monitoring.set_events(self._tool, 0)
            _monitoring.free_tool_id(self._tool)


class LineMap:
    """Which tests ran each line: per file, per line, a bit per test (in `tests`' order)."""

    def __init__(self, tests: list[str], lines: dict[str, dict[int, int]]) -> None:
        self.tests = tests
        self.lines = lines
        self._index = {test: i for i, test in enumerate(tests)}

    @classmethod
    def load(cls, path: Path = STORE) -> LineMap | None:
        """The record at `path`, or None if there is none (a run from before lines were kept)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        lines = {
            file: {int(line): int(mask, 16) for line, mask in by_line.items()}
            for file, by_line in data["lines"].items()
        }
        return cls(data["tests"], lines)

    def save(self, path: Path = STORE) -> None:
        data = {
            "tests": self.tests,
            "lines": {
                file: {str(line): f"{mask:x}" for line, mask in by_line.items()}
                for file, by_line in self.lines.items()
            },
        }
        path.write_text(json.dumps(data), encoding="utf-8")

    def add(self, by_test: dict[str, set[tuple[str, int]]]) -> None:
        """Record these tests' lines; a test recorded before keeps its bit, its lines replaced."""
        for test, ran in by_test.items():
            if test not in self._index:
                self._index[test] = len(self.tests)
                self.tests.append(test)
            else:  # recorded again (a rerun of new tests): its old lines go
                for by_line in self.lines.values():
                    for line in by_line:
                        by_line[line] &= ~(1 << self._index[test])
            bit = 1 << self._index[test]
            grouped: dict[str, set[int]] = defaultdict(set)
            for file, line in ran:
                grouped[file].add(line)
            for file, numbers in grouped.items():
                by_line = self.lines.setdefault(file, {})
                for line in numbers:
                    by_line[line] = by_line.get(line, 0) | bit

    def recorded(self, test: str) -> bool:
        return test in self._index

    def reaching(self, file: str, lines: Iterable[int]) -> set[str]:
        """The tests that ran at least one of `lines` of `file`."""
        by_line = self.lines.get(file, {})
        mask = 0
        for line in lines:
            mask |= by_line.get(line, 0)
        return {test for test, i in self._index.items() if mask >> i & 1}
