"""A command's answer printed for a reader who may leave early (`python -m calculators … |
head`): the answer is printed; a broken pipe ends the output quietly."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from calculators.interfaces.stdout import say


def test_the_answer_is_printed_on_its_own_line(capsys: pytest.CaptureFixture[str]) -> None:
    say("可以申报技师（二级）")
    assert capsys.readouterr().out == "可以申报技师（二级）\n"


def test_a_reader_that_has_left_ends_the_output_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipe breaks when the answer is flushed; no exception leaves, and standard output's
    descriptor is the null device afterwards, so Python's own flush at exit meets no pipe."""
    with (tmp_path / "pipe").open("w", encoding="utf-8") as end:

        class Left(io.StringIO):
            def fileno(self) -> int:
                return end.fileno()

            def flush(self) -> None:
                raise BrokenPipeError

        monkeypatch.setattr(sys, "stdout", Left())
        say("answer")
        assert os.path.samestat(os.fstat(end.fileno()), os.stat(os.devnull))
