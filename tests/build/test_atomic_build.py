"""An interrupted, killed or failing build leaves site/ whole: the old site or the new one.

A copy of the project is built once (the old site), its data edited, and the build run again
and stopped at each stage the build log announces, by SIGINT or SIGKILL as the line appears
(no timers). After every stop site/ must be byte for byte the old site, and after the build
that got to its end, the new one. Two builds started together must both finish, one after
the other, leaving the new site whole.
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hgpolicy.project import build_env
from tests.support.builds import MKDOCS, build_site, project_copy

# Where to stop the rebuild: a line of its log, and the signal sent when it appears.
STAGES = [
    ("Building 'zh' documentation", signal.SIGKILL),  # configured, nothing locked yet
    ("Building into", signal.SIGINT),  # locked, build folder made
    ("Cleaning site directory", signal.SIGKILL),  # Chinese pages about to be written
    ("written in", signal.SIGINT),  # every page and the runtime written, not yet swapped in
    ("Building 'en' documentation", signal.SIGKILL),  # English pages being written
]
END = "Documentation built in"  # logged once the plugin has swapped the new site in


def _snapshot(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _start(project: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*MKDOCS, "build", "--strict"],
        cwd=project,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        encoding="utf-8",
        env=build_env(project),
    )


def _lines(build: subprocess.Popen[str]) -> Iterator[str]:
    """The build's log lines as they come (the pipe stays open for `communicate`)."""
    assert build.stderr is not None
    return iter(build.stderr.readline, "")


def _run_until(project: Path, marker: str, sig: signal.Signals) -> list[str]:
    """Build, send `sig` when a log line contains `marker`; return the log up to there."""
    build = _start(project)
    seen = []
    for line in _lines(build):
        seen.append(line)
        if marker in line:
            build.send_signal(sig)
            break
    build.communicate()
    assert any(marker in line for line in seen), "".join(seen)
    return seen


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.glob(".site.build-*"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with a built site, and its data edited since."""
    project = project_copy(tmp_path_factory.mktemp("atomic") / "project")
    first = build_site(project)
    assert first.returncode == 0, first.stderr
    glossary = project / "policy" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("    en: skilled worker\n", "    en: skilled hand\n", 1))
    return project


@pytest.fixture()
def project(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of `built` for one test (builds change it)."""
    return Path(shutil.copytree(built, tmp_path / "project", symlinks=True))


def test_site_is_the_old_or_the_new_one_at_every_stop(project: Path) -> None:
    site = project / "site"
    old = _snapshot(site)
    assert "en/index.html" in old
    for marker, sig in STAGES:
        _run_until(project, marker, sig)
        assert _snapshot(site) == old, f"stopped at {marker!r} by {sig.name}"
    _run_until(project, END, signal.SIGKILL)
    new = _snapshot(site)
    assert new != old and len(new) == len(old)  # the same files (the wheel renamed)
    assert "skilled hand" in (site / "en" / "glossary" / "index.html").read_text("utf-8")
    assert _leftovers(project) == []  # what the killed builds left was cleared


def test_a_failing_build_keeps_the_old_site_and_leaves_nothing(project: Path) -> None:
    """A fault in the last language pass (the About page's template fails in English)."""
    site = project / "site"
    old = _snapshot(site)
    about = project / "build" / "hgpolicy" / "templates" / "about.md.j2"
    fault = '{% if lang == "en" %}{{ no_such_value }}{% endif %}\n'
    about.write_text(about.read_text("utf-8") + fault, "utf-8")
    result = build_site(project)
    assert result.returncode != 0
    assert "about.en.md: 'no_such_value' is undefined" in result.stderr
    assert _snapshot(site) == old
    assert _leftovers(project) == []


def test_a_second_build_waits_for_the_first(project: Path) -> None:
    first = _start(project)
    first_log = _lines(first)
    assert any("Building into" in line for line in first_log)  # the first holds the lock
    # Paused while it holds the lock, so the second meets it however slow the machine is
    # (on a loaded one the first could otherwise finish before the second reached the lock).
    first.send_signal(signal.SIGSTOP)
    second = _start(project)
    second_log = _lines(second)
    assert any("Another build is writing" in line for line in second_log)
    first.send_signal(signal.SIGCONT)
    first.communicate()
    second.communicate()
    assert (first.returncode, second.returncode) == (0, 0)
    site = project / "site"
    assert "skilled hand" in (site / "en" / "glossary" / "index.html").read_text("utf-8")
    assert (site / "assets" / "calculators" / "pyodide-lock.json").exists()
    assert _leftovers(project) == []
