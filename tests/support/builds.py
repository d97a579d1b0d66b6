"""Building the site: the one build command, run in the project or in a copy of it, and
whether a built site still matches the inputs it was made from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hgpolicy.inputs import STAMP, fingerprint
from hgpolicy.project import build_env, copy_project

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` in `project`, with its own generator; output captured."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", *extra],
        cwd=project,
        capture_output=True,
        encoding="utf-8",
        env=build_env(project),
        check=False,
    )


def project_copy(dest: Path) -> Path:
    """A copy of the project that builds on its own in `dest`: whatever breaks the data,
    interrupts a build or times it works on a copy, never on the real policy/ or site/."""
    return copy_project(ROOT, dest)


def site_is_current(site_dir: Path) -> bool:
    """Whether `site_dir` was built from the inputs as they are now (its stamp says so)."""
    stamp = site_dir / STAMP
    return stamp.exists() and stamp.read_text(encoding="utf-8").strip() == fingerprint(ROOT)
