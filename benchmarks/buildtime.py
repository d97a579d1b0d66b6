"""(d) `mkdocs build` of the whole site, and save-to-page time under `mkdocs serve`.

Both run in a temporary copy of the project (mkdocs.yml, docs/, policy/, build/,
calculators/, package.json, pyproject.toml; node_modules/ symlinked), with PYTHONPATH pointing
at the copy so its own `hgpolicy` and `calculators` are imported rather than the editable
install's. The project's own site/ is never touched.

- Build: wall time of `mkdocs build --strict` (a new process each time, so interpreter start-up
  and imports count, as they do for a maintainer), and the time MkDocs itself reports.
- Build with an amendment: the same in a second copy with the test fixture's amending document
  (tests/versions/amendment.yaml: a second version of clause （十四） and of one rule), built
  alternately with the first.
- Serve: `mkdocs serve` on a free 127.0.0.1 port; a policy YAML value that shows on a page is
  changed and saved, and the page is fetched every 20 ms until the new value is in it. The
  figure runs from the moment the file is closed to the first response that has the value; it
  includes MkDocs' file polling (a 0.5 s interval) and the rebuild.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from hgpolicy.project import build_env
from tests.support.builds import MKDOCS, project_copy
from tests.support.serving import free_port
from tests.versions.amended import amend

POLL_S = 0.02
SERVE_START_TIMEOUT_S = 180.0
RELOAD_TIMEOUT_S = 60.0
BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


@dataclass(frozen=True)
class Edit:
    """A value in a policy file, the page that shows it, and how to change it recognisably."""

    file: str  # relative to the project, e.g. policy/document.yaml
    original: str  # the exact text in the file (and, HTML-escaped, in the page)
    page: str  # URL path of a page that shows it

    def changed(self, n: int) -> str:
        return f"{self.original} (benchmark edit {n})"


@contextlib.contextmanager
def throwaway_copy() -> Iterator[Path]:
    """A copy of what `mkdocs build` reads (`project_copy`), removed afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-project-"))
    try:
        yield project_copy(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def time_build(project: Path) -> dict[str, float]:
    """One `mkdocs build --strict` in `project`: wall seconds and MkDocs' own figure."""
    start = time.perf_counter()
    done = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        env=build_env(project),
        capture_output=True,
        encoding="utf-8",
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in the copy:\n{done.stderr[-2000:]}")
    reported = BUILT_IN.search(done.stderr + done.stdout)
    return {"wall_s": wall, "mkdocs_s": float(reported.group(1)) if reported else float("nan")}


def pick_edit(project: Path) -> Edit:
    """The English title of the document: plain text, shown on the English full-text page."""
    data = yaml.safe_load((project / "policy" / "document.yaml").read_text("utf-8"))
    title = data["title"]["en"]
    page = project / "site" / "en" / "text" / "index.html"
    if page.exists() and html.escape(title, quote=False) not in page.read_text("utf-8"):
        raise RuntimeError(f"the edit target {title!r} is not on /en/text/")
    return Edit(file="policy/document.yaml", original=title, page="/en/text/")


@contextlib.contextmanager
def mkdocs_serve(project: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """`mkdocs serve` on 127.0.0.1:`port`, stopped (its process group) afterwards."""
    log = open(project / "serve.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [*MKDOCS, "serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=build_env(project),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
        log.close()


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float) -> float | None:
    """Poll `url` until its body contains `text`; the perf_counter time it did, or None."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter()
        time.sleep(POLL_S)
    return None


def time_reload(project: Path, base: str, edit: Edit, n: int, current: str) -> float:
    """Save the edit's file with value `edit.changed(n)`; seconds until the page shows it."""
    path = project / edit.file
    new = edit.changed(n)
    text = path.read_text("utf-8")
    if current not in text:
        raise RuntimeError(f"{edit.file}: {current!r} not found")
    path.write_text(text.replace(current, new, 1), "utf-8")
    saved = time.perf_counter()
    shown = wait_for(base + edit.page, html.escape(new, quote=False), RELOAD_TIMEOUT_S)
    if shown is None:
        raise RuntimeError(f"{edit.page} did not show the edit within {RELOAD_TIMEOUT_S} s")
    return shown - saved


def measure(runs: int) -> dict[str, object]:
    """Build `runs` times in a project copy, then time `runs` saves under `mkdocs serve`."""
    with throwaway_copy() as project, throwaway_copy() as changed:
        # The same build with a second version of a clause and of a rule (the test fixture's
        # amending document), in its own copy: the budget is 1.3× the plain build. The
        # two alternate, so that a change of the machine's load reaches both alike.
        amend(changed / "policy")
        builds, amended = [], []
        for _ in range(runs):
            builds.append(time_build(project))
            amended.append(time_build(changed))
        edit = pick_edit(project)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with mkdocs_serve(project, port):
            started = time.perf_counter()
            if (
                wait_for(
                    base + edit.page, html.escape(edit.original, quote=False), SERVE_START_TIMEOUT_S
                )
                is None
            ):
                log = (project / "serve.log").read_text("utf-8", "replace")[-2000:]
                raise RuntimeError(f"mkdocs serve did not come up:\n{log}")
            serve_start = time.perf_counter() - started
            reloads, current = [], edit.original
            for n in range(1, runs + 1):
                reloads.append(time_reload(project, base, edit, n, current))
                current = edit.changed(n)
    return {
        "builds": builds,
        "builds_amended": amended,
        "serve_start_s": serve_start,
        "reloads_s": reloads,
        "edit": {"file": edit.file, "page": edit.page, "value": edit.original},
    }
