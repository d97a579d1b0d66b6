"""The calculators' browser runtime, self-hosted: Pyodide from node_modules, our wheel, a lockfile.

Everything the calculator pages load comes from the site's own origin:

    assets/pyodide/<version>/   pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm (copied
                                unchanged from the pinned npm package; never changes under the
                                same path, so it can be cached for good), and
                                python_stdlib-<digest>.zip: the package's standard library cut
                                down to the modules the calculators import (stdlib.py), named
                                by its content for the same reason
    assets/calculators/         calculators-<version>+<digest>-py3-none-any.whl and
                                pyodide-lock.json listing it with its sha256, which Pyodide
                                checks (subresource integrity) when it loads the wheel

The lockfile is Pyodide's own with our wheel added by `pyodide lockfile add-wheels` (called as
the library function behind that command, to save a process start), then cut down to the
packages the site actually ships: the other 350-odd entries would name wheels that are not
there.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pyodide_lock.spec import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

from .stdlib import listed_modules, trimmed_stdlib
from .wheels import build_wheel, content_digest, package_files

PACKAGE = "calculators"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB = "python_stdlib.zip"
LOCKFILE = "pyodide-lock.json"


@dataclass(frozen=True)
class Runtime:
    """Where the runtime lives: in the project (sources) and in the site (URLs from its root)."""

    root: Path
    version: str
    stdlib: bytes = b""  # the cut-down python_stdlib.zip

    @property
    def npm_dir(self) -> Path:
        return self.root / "node_modules" / "pyodide"

    @property
    def stdlib_name(self) -> str:
        """The cut-down library's file name, with a digest of its content."""
        return f"python_stdlib-{content_digest({STDLIB: self.stdlib})}.zip"

    @property
    def stdlib_url(self) -> str:
        return self.index_url + self.stdlib_name

    @property
    def index_url(self) -> str:
        """The folder holding pyodide.mjs and its files, relative to the site root."""
        return f"assets/pyodide/{self.version}/"

    @property
    def package_url(self) -> str:
        """The folder holding our wheel and the lockfile, relative to the site root."""
        return "assets/calculators/"

    @property
    def lock_url(self) -> str:
        return self.package_url + LOCKFILE


def find_runtime(root: Path) -> Runtime:
    """The Pyodide pinned in package.json and installed by `npm ci` under `root`."""
    manifest = root / "node_modules" / "pyodide" / "package.json"
    if not manifest.exists():
        raise FileNotFoundError(
            f"{manifest} not found: run `npm ci` (or `make setup`) to install the Pyodide runtime"
        )
    full = (manifest.parent / STDLIB).read_bytes()
    return Runtime(
        root=root,
        version=json.loads(manifest.read_text("utf-8"))["version"],
        stdlib=trimmed_stdlib(full, listed_modules(), cache=root / ".cache" / "stdlib"),
    )


def install_runtime(runtime: Runtime, site_dir: Path) -> None:
    """Copy the Pyodide files the calculators need into the site (nothing else of the package)."""
    dest = site_dir / runtime.index_url
    dest.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(runtime.npm_dir / name, dest / name)
    (dest / runtime.stdlib_name).write_bytes(runtime.stdlib)


def calculators_files(runtime: Runtime, policy_json: str) -> dict[str, bytes]:
    """What the calculators wheel holds: the package's sources and the compiled policy."""
    files = package_files(runtime.root / PACKAGE)
    files[f"{PACKAGE}/policy.json"] = policy_json.encode("utf-8")
    return files


def snapshot_key(runtime: Runtime, files: dict[str, bytes]) -> str:
    """Names the memory snapshot a browser may keep of this runtime with this wheel loaded
    (see worker.js): a new Pyodide, library or wheel gives a new name, so an old one is unused."""
    return f"{runtime.version}-{content_digest({**files, STDLIB: runtime.stdlib})}"


def install_calculators(runtime: Runtime, site_dir: Path, files: dict[str, bytes]) -> Path:
    """Build the calculators wheel from `files` (`calculators_files`); list it in a lockfile.

    Returns the wheel's path in the site.
    """
    dest = site_dir / runtime.package_url
    for old in dest.glob(f"{PACKAGE}-*.whl"):
        old.unlink()
    wheel = build_wheel(
        files,
        dest,
        name=PACKAGE,
        version=_project_version(runtime.root),
        summary="Huangshi skilled-worker evaluation policy: calculators and compiled rules",
    )
    lock = add_wheels_to_spec(PyodideLockSpec.from_json(runtime.npm_dir / LOCKFILE), [wheel])
    keep = _closure(lock, PACKAGE)
    lock.packages = {name: spec for name, spec in lock.packages.items() if name in keep}
    lock.to_json(dest / LOCKFILE)
    return wheel


def _closure(lock: PyodideLockSpec, name: str) -> set[str]:
    """`name` and every package it depends on, directly or not."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(lock.packages[current].depends)
    return seen


def _project_version(root: Path) -> str:
    pyproject = root / "pyproject.toml"
    if pyproject.exists():
        return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]
    return "0"
