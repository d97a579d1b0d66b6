"""A folder of files made once per machine, named by what they were made from.

Some build steps are slow and depend only on their input (brotli 11 on Pyodide's WebAssembly,
rewriting the standard library's sources); the build keeps their results under `.cache/`,
named by a digest of the input and the settings, so a rebuild pays nothing for them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def cached(folder: Path | None, name: str, make: Callable[[], bytes]) -> bytes:
    """The bytes kept in `folder/name`, else `make()`'s, kept there; no folder: `make()`.

    Written to a temporary name and renamed, so a build running beside this one never reads
    half a file.
    """
    if folder is None:
        return make()
    entry = folder / name
    if entry.is_file():
        return entry.read_bytes()
    out = make()
    folder.mkdir(parents=True, exist_ok=True)
    partial = entry.with_name(f"{name}.{os.getpid()}.part")
    partial.write_bytes(out)
    partial.replace(entry)
    return out
