"""The part of Python's standard library the calculators' browser runtime ships.

Pyodide's `python_stdlib.zip` holds the whole library, 2.5 MB that does not compress any
further, downloaded on every first visit; the calculators and Pyodide's own start-up import
about a third of it. `runtime-modules.txt` (beside this file) lists the modules they do
import, traced in Node while every decision case, every hostile input and an error traceback
run (tests/pyodide/test_runtime_modules.py checks the list and rewrites it when asked). The
build ships a zip holding only those modules, with their packages' `__init__` files.

The modules' sources lose their docstrings and comments (docstrings.py): 595 kB → 323 kB
brotli. That rewrite takes seconds, so the zip is kept in the build's cache, named by the
full library, the list, the rewrite's code and the Python that ran it.

The members are stored, not deflated: the server's brotli or gzip then compresses the zip as
one stream, across files, which beats compressing each file alone.
"""

from __future__ import annotations

import hashlib
import io
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

from . import docstrings
from .cache import cached

MODULES_FILE = Path(__file__).with_name("runtime-modules.txt")
EPOCH = (1980, 1, 1, 0, 0, 0)


def listed_modules(path: Path = MODULES_FILE) -> list[str]:
    """The module names in a list file: one per line; `#` starts a comment."""
    lines = (line.partition("#")[0].strip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line]


def members_for(modules: Iterable[str], available: Iterable[str]) -> list[str]:
    """The zip members that hold `modules` (a module's file or its package's `__init__.py`,
    and every enclosing package's `__init__.py`), sorted; names not in the zip (built-in
    modules, the calculators) are skipped."""
    present = set(available)
    wanted: set[str] = set()
    for module in modules:
        parts = module.split(".")
        for depth in range(1, len(parts) + 1):
            path = "/".join(parts[:depth])
            for member in (f"{path}.py", f"{path}/__init__.py"):
                if member in present:
                    wanted.add(member)
    return sorted(wanted)


def trimmed_stdlib(source: bytes, modules: Iterable[str], cache: Path | None = None) -> bytes:
    """A `python_stdlib.zip` holding only `modules`, without docstrings or comments, stored,
    the same bytes for the same input; kept in `cache` when one is given."""
    wanted = sorted(set(modules))
    digest = hashlib.sha256(source)
    digest.update("\n".join(wanted).encode())
    digest.update(Path(docstrings.__file__).read_bytes())  # a changed rewrite is a new zip
    python = "{}.{}".format(*sys.version_info[:2])  # ast.unparse's output is this Python's
    name = f"{digest.hexdigest()[:32]}.py{python}.zip"
    return cached(cache, name, lambda: _trimmed(source, wanted))


def _trimmed(source: bytes, modules: list[str]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as full,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as trimmed,
    ):
        for name in members_for(modules, full.namelist()):
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.external_attr = 0o644 << 16
            trimmed.writestr(info, docstrings.without_docstrings(full.read(name)))
    return out.getvalue()
