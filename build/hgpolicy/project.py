"""What `mkdocs build` reads from the project, so that a test or a benchmark can build a copy
(and break, interrupt or time it) without touching the real policy/ or site/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

COPIED = ("mkdocs.yml", "docs", "policy", "build", "calculators", "package.json", "pyproject.toml")
LINKED = ("node_modules",)  # large and only read: linked, not copied


def copy_project(root: Path, dest: Path) -> Path:
    """Copy the build's inputs from project `root` into `dest` (created); return `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / name)
    for name in LINKED:
        if (root / name).exists():
            (dest / name).symlink_to(root / name)
    return dest


def build_env(project: Path) -> dict[str, str]:
    """The environment for `mkdocs` in `project`: its own generator and calculators are
    imported (not the editable install's, which a copy's edits would not reach)."""
    path = os.pathsep.join([str(project / "build"), str(project)])
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path}
