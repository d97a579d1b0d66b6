"""One pytest session for a whole mutation run: collected once, each mutant's tests run from it.

pytest.main collects every module it is given before it runs a test, and formats a failure's
traceback (the source of every frame) before it reports it: in a process per mutant, that cost
most killed mutants more than their tests did. `Session` opens a session as pytest.main does
(configure, start, collect) and leaves it open; a process forked from it runs a mutant's tests'
items through pytest's own protocol (fixtures, markers, warning filters), stops at the first
failure, and exits: nothing is reported, so nothing is written out. The tests' parameters were
computed when they were collected, before any mutant was chosen, from the code as written, as a
test's expected values should be.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import redirect_stdout
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported as the session opens: a run's parent needs it only from then on
    import pytest


class _Failures:
    """The first test of this process that failed, as pytest reports it (setup, call or
    teardown; an expected failure or a skip is not one)."""

    failed: str | None = None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed and self.failed is None:
            self.failed = report.nodeid


class Session:
    """The tests `args` select (pytest's command line, run in the current folder), collected.

    Its terminal writes nowhere: a run reports through `run`'s result alone. The traceback of
    a failure is pytest's "native" one, which reads no source but the failing lines'.
    """

    def __init__(self, args: Sequence[str]) -> None:
        import pytest
        from _pytest.config import _prepareconfig  # pytest.main's own first step

        self._failures = _failures = _Failures()
        self._nowhere = open(os.devnull, "w")  # noqa: SIM115 (the terminal's, for the session's life)
        with redirect_stdout(self._nowhere):
            config = _prepareconfig([*args, "--tb=native"], plugins=[_failures])
            config._do_configure()
            session = pytest.Session.from_config(config)
            config.hook.pytest_sessionstart(session=session)
            config.hook.pytest_collection(session=session)
        self.items: dict[str, pytest.Item] = {item.nodeid: item for item in session.items}

    @property
    def failed(self) -> str | None:
        """The test that failed in this process, if one did."""
        return self._failures.failed

    def run(self, nodeids: Sequence[str]) -> int:
        """Run the tests `nodeids`, in order, until one fails: 1 if one did, else 0 (pytest's
        exit codes with `-x`). Once per process: a fixture a test left set up stays so."""
        items = [self.items[nodeid] for nodeid in nodeids]
        for item, nextitem in zip(items, [*items[1:], None], strict=True):
            item.ihook.pytest_runtest_protocol(item=item, nextitem=nextitem)
            if self._failures.failed is not None:
                return 1
        return 0
