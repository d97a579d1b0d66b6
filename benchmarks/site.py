"""The built site: build it when missing or stale, and find the runtime files the build put in it.

Nothing here hard-codes where the build puts Pyodide: it looks for `pyodide.mjs` in site/, for
the Pyodide lockfile that lists a wheel present in site/, and for that wheel, so the benchmark
follows the build if the layout changes.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from tests.support.builds import ROOT, build_site, site_is_current


@dataclass(frozen=True)
class SiteLayout:
    """URL paths (from the site root, starting with `/`) of the runtime files in the site."""

    site_dir: Path
    pyodide_index: str  # folder holding pyodide.mjs, ends with "/"
    lockfile: str  # pyodide-lock.json listing the calculators wheel
    wheel: str  # the calculators wheel
    package: str  # its distribution name, as `loadPyodide({packages})` wants it

    def substitutions(self, bench_prefix: str) -> dict[str, str]:
        """Placeholders of benchmarks/pages/ and their values."""
        return {
            "__BENCH__": bench_prefix,
            "__PYODIDE_INDEX__": self.pyodide_index,
            "__LOCKFILE__": self.lockfile,
            "__PACKAGE__": self.package,
        }


def ensure_site(root: Path = ROOT, *, rebuild: bool = False) -> Path:
    """site/ as the inputs are now, with a runtime in it: built first if it is missing, older
    than its inputs (as the tests decide it), or if asked to."""
    site = root / "site"
    if rebuild or not site_is_current(site) or not _find(site, "pyodide.mjs"):
        print("building the site (mkdocs build --strict) …", flush=True)
        built = build_site(root)
        if built.returncode != 0:
            raise RuntimeError(f"mkdocs build failed:\n{built.stderr[-2000:]}")
    return site


@contextlib.contextmanager
def snapshot(site_dir: Path) -> Iterator[Path]:
    """A private copy of `site_dir` for the length of the run, removed afterwards.

    `mkdocs build` empties site/ before writing it again, so a build started elsewhere during
    the run would otherwise pull files from under the server.
    """
    tmp = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        copy = tmp / "site"
        shutil.copytree(site_dir, copy)
        # The baseline is a stock Pyodide: `loadPyodide()` fetching the whole standard library
        # under its default name, which the site itself no longer ships (it passes stdLibURL).
        mjs = _find(copy, "pyodide.mjs")
        if mjs is not None:
            stock = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
            shutil.copyfile(stock, mjs.parent / "python_stdlib.zip")
        yield copy
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def find_layout(site_dir: Path) -> SiteLayout:
    """Locate pyodide.mjs, the lockfile that lists a wheel shipped in the site, and the wheel."""
    mjs = _find(site_dir, "pyodide.mjs")
    if mjs is None:
        raise FileNotFoundError(f"no pyodide.mjs under {site_dir}: is the runtime built?")
    for lock in sorted(site_dir.rglob("pyodide-lock.json")):
        wheel = _shipped_wheel(site_dir, lock)
        if wheel is not None:
            name, path = wheel
            return SiteLayout(
                site_dir=site_dir,
                pyodide_index=_url_path(site_dir, mjs.parent) + "/",
                lockfile=_url_path(site_dir, lock),
                wheel=_url_path(site_dir, path),
                package=name,
            )
    raise FileNotFoundError(f"no pyodide-lock.json under {site_dir} lists a wheel in the site")


def _find(site_dir: Path, name: str) -> Path | None:
    return next(iter(sorted(site_dir.rglob(name))), None)


def _shipped_wheel(site_dir: Path, lock: Path) -> tuple[str, Path] | None:
    """(package name, path) of the first .whl the lockfile lists that exists in the site.

    File names resolve against the lockfile's own folder, as Pyodide resolves them by default.
    """
    packages = json.loads(lock.read_text("utf-8")).get("packages", {})
    base = _url_path(site_dir, lock)
    for name, spec in sorted(packages.items()):
        file_name = spec.get("file_name", "")
        if not file_name.endswith(".whl") or "://" in file_name:
            continue
        url = urljoin(base, file_name)
        path = site_dir / url.lstrip("/")
        if path.is_file():
            return spec.get("name", name), path
    return None


def _url_path(site_dir: Path, path: Path) -> str:
    return "/" + path.relative_to(site_dir).as_posix()
