"""What a build is made from, as one short digest: a site is reusable only while it matches.

`mkdocs serve` reloads the policy when the digest of policy/ changes; a finished build writes
the digest of all its inputs into the site (`STAMP`), so the tests rebuild a site made from
older inputs instead of silently testing it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

# Everything a built site depends on that lives in this repository (relative to its root).
INPUTS = ("policy", "build/hgpolicy", "docs", "calculators", "mkdocs.yml")
STAMP = ".build-inputs"


def fingerprint(root: Path, inputs: Iterable[str] = INPUTS) -> str:
    """A digest of the paths, sizes and mtimes of every file under `inputs`.

    A saved file changes its mtime, so this is cheap and never misses an edit; bytecode caches
    are left out because importing the code (as the tests do) rewrites them.
    """
    digest = hashlib.sha256()
    for name in inputs:
        top = root / name
        files = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                entry = f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n"
                digest.update(entry.encode())
    return digest.hexdigest()[:16]
