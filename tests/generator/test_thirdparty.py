"""The third-party list on the About page (hgpolicy/thirdparty.py, third-party.yaml): each
version as installed (package-lock.json pins Pyodide; Pyodide's own lockfile names the CPython
it is built from; a Python distribution's metadata), and each licence text where the site
ships it: beside the runtime files it covers for Pyodide and CPython, in assets/licenses/ for
the others."""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

from hgpolicy.runtime import find_runtime
from hgpolicy.thirdparty import components

ROOT = Path(__file__).resolve().parents[2]


def test_each_component_has_its_installed_version_and_its_licence_where_it_is_shipped() -> None:
    pinned = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pyodide = pinned["packages"]["node_modules/pyodide"]["version"]
    lock = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"
    cpython = json.loads(lock.read_text(encoding="utf-8"))["info"]["python"]
    found = {c.name: c for c in components(find_runtime(ROOT))}
    runtime = f"assets/pyodide/{pyodide}/"
    assert [
        (c.version, c.licence, c.shipped, c.licence_uri)
        for c in (found["Pyodide"], found["CPython standard library"])
    ] == [
        (pyodide, "MPL-2.0", "runtime", f"{runtime}LICENSE-MPL-2.0.txt"),
        (cpython, "Python-2.0", "runtime", f"{runtime}LICENSE-Python-2.0.txt"),
    ]
    material = importlib.metadata.version("mkdocs-material")
    assert (found["Material for MkDocs"].version, found["Material for MkDocs"].shipped) == (
        material,
        "assets",
    )
    assert found["Lunr.js"].licence_uri == "assets/licenses/MIT.txt"
    mkdocs = found["MkDocs"]
    assert (mkdocs.version, mkdocs.shipped, mkdocs.licence_uri) == (
        importlib.metadata.version("mkdocs"),
        None,  # used to build the site, not shipped in it
        "assets/licenses/BSD-2-Clause.txt",
    )
