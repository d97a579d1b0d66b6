"""The site ships the licences of the software it ships, and the About page lists it all.

Pyodide (MPL-2.0) and CPython's standard library (PSF licence) travel with the runtime files;
every component of build/hgpolicy/third-party.yaml is on the About page in both languages,
with the version installed here and a link to its licence's full text in the site.
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

import pytest
import yaml

from tests.site.conftest import LANGS, SitePage, resolve, site_path

# A line each licence's own text begins or is known by.
LICENCE_WORDS = {
    "MPL-2.0": "Mozilla Public License Version 2.0",
    "Python-2.0": "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2",
    "MIT": "Permission is hereby granted, free of charge",
    "Apache-2.0": "Apache License",
    "BSD-2-Clause": "Redistribution and use in source and binary forms",
    "BSD-3-Clause": "Neither the name of",
}


@pytest.fixture(scope="module")
def listed(root: Path) -> list[dict]:
    path = root / "build" / "hgpolicy" / "third-party.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["components"]


def _installed(root: Path, source: dict) -> str:
    if "npm" in source:
        return json.loads((root / "node_modules" / source["npm"] / "package.json").read_text())[
            "version"
        ]
    if "python" in source:
        return importlib.metadata.version(source["python"])
    lock = json.loads((root / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    return lock["info"]["python"]


def test_runtime_folder_holds_pyodide_and_python_licences(root: Path, site: Path) -> None:
    version = json.loads((root / "node_modules" / "pyodide" / "package.json").read_text())[
        "version"
    ]
    runtime = site / "assets" / "pyodide" / version
    texts = [p.read_text(encoding="utf-8") for p in sorted(runtime.glob("LICENSE*.txt"))]
    assert any(LICENCE_WORDS["MPL-2.0"] in t for t in texts)
    assert any(LICENCE_WORDS["Python-2.0"] in t for t in texts)


@pytest.mark.parametrize("lang", LANGS)
def test_about_lists_each_component_with_version_and_licence(
    site_pages: dict[str, SitePage], site: Path, root: Path, listed: list[dict], lang: str
) -> None:
    path = site_path("about.md", lang)
    page = site_pages[path]
    text = page.section_text("third-party")
    links = {
        r.url: resolve(path, r.url)[0]
        for r in page.refs
        if r.section == "third-party" and r.tag == "a" and "headerlink" not in r.attrs.get("class", "")
    }
    for component in listed:
        row = f"{component['name']} {_installed(root, component['version'])}"
        assert row in text, row
        assert component["role"][lang] in text
    assert len(links) == len({(c["licence"], c.get("shipped") == "runtime") for c in listed})
    for target in links.values():  # named by SPDX id: assets/licenses/MIT.txt, …/LICENSE-MPL-2.0.txt
        spdx = Path(target).stem.removeprefix("LICENSE-")
        assert LICENCE_WORDS[spdx] in (site / target).read_text(encoding="utf-8"), target
    for component in listed:
        if component.get("shipped") == "runtime":
            assert any(
                t.startswith("assets/pyodide/") and component["licence"] in t
                for t in links.values()
            ), component["name"]
