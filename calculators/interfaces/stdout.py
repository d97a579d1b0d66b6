"""Printing a command's answer where the reader may leave early (`python -m calculators … | head`)."""

from __future__ import annotations

import os
import sys


def say(text: str) -> None:
    """Print `text`; if the reader has gone, stop quietly. The flush is inside the `try` so
    the broken pipe is met here, and standard output is then pointed at the null device so
    that Python's own flush at exit meets nothing and prints no traceback."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
