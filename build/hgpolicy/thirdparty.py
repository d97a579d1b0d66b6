"""The third-party software the site ships or is built with, and the licence texts it ships.

The list is `third-party.yaml`; each version is read from what is installed, so it never goes
stale. Every licence named there is shipped as a text file (the plugin adds them to the
site): Pyodide's and CPython's beside the runtime files they cover
(`assets/pyodide/<version>/`), the others in `assets/licenses/`.
The texts come from the spdx-license-list npm package (Pyodide's npm package has none).
"""

from __future__ import annotations

import importlib.metadata
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .runtime import LOCKFILE, Runtime

LIST = Path(__file__).parent / "third-party.yaml"
LICENSES = "assets/licenses"


@dataclass(frozen=True)
class Component:
    """One piece of third-party software, with its installed version and its licence file."""

    name: str
    version: str
    licence: str  # SPDX id
    shipped: str | None  # "runtime", "assets", or None (used only to build the site)
    role: dict[str, str]
    licence_uri: str  # the licence text's path in the site


def components(runtime: Runtime) -> list[Component]:
    """Every entry of third-party.yaml, its version resolved against this installation."""
    entries = yaml.safe_load(LIST.read_text(encoding="utf-8"))["components"]
    return [
        Component(
            name=entry["name"],
            version=_version(entry["version"], runtime),
            licence=entry["licence"],
            shipped=entry.get("shipped"),
            role=entry["role"],
            licence_uri=_licence_uri(entry, runtime),
        )
        for entry in entries
    ]


def licence_text(root: Path, spdx: str) -> str:
    """The full text of licence `spdx`, as the SPDX licence list has it."""
    data = root / "node_modules" / "spdx-license-list" / "licenses" / f"{spdx}.json"
    return json.loads(data.read_text(encoding="utf-8"))["licenseText"]


def _licence_uri(entry: dict[str, Any], runtime: Runtime) -> str:
    if entry.get("shipped") == "runtime":  # beside the files it covers
        return f"{runtime.index_url}LICENSE-{entry['licence']}.txt"
    return f"{LICENSES}/{entry['licence']}.txt"


def _version(source: dict[str, Any], runtime: Runtime) -> str:
    if "npm" in source:
        manifest = runtime.root / "node_modules" / source["npm"] / "package.json"
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if "python" in source:
        return importlib.metadata.version(source["python"])
    lock = json.loads((runtime.npm_dir / LOCKFILE).read_text(encoding="utf-8"))
    return lock["info"]["python"]  # the CPython that Pyodide is built from
