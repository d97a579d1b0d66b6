"""The calculators' runtime as the build writes it, in this process: the pinned Pyodide files,
a reproducible wheel with the compiled policy, a lockfile naming only it, and the settings a
calculator page gets (which pages are calculators: test_plugin.py)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from hgpolicy import runtime as rt
from hgpolicy.calcdata import CalculatorData, with_runtime
from hgpolicy.wheels import build_wheel, content_digest

PYODIDE_FILES = {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"}


def _pinned(root: Path) -> str:
    return json.loads((root / "package.json").read_text(encoding="utf-8"))["dependencies"][
        "pyodide"
    ]


def test_the_runtime_is_the_pinned_pyodide(root: Path, tmp_path: Path) -> None:
    runtime = rt.find_runtime(root)
    version = _pinned(root)
    assert runtime.version == version
    assert runtime.index_url == f"assets/pyodide/{version}/"
    assert runtime.lock_url == "assets/calculators/pyodide-lock.json"
    with pytest.raises(FileNotFoundError, match=r"node_modules/pyodide/package.json.*npm ci"):
        rt.find_runtime(tmp_path)


def test_only_the_needed_pyodide_files_are_copied_unchanged(root: Path, tmp_path: Path) -> None:
    runtime = rt.find_runtime(root)
    rt.install_runtime(runtime, tmp_path)
    rt.install_runtime(runtime, tmp_path)  # a rebuild into the same folder
    copied = tmp_path / "assets" / "pyodide" / runtime.version
    assert {p.name for p in copied.iterdir()} == {*PYODIDE_FILES, runtime.stdlib_name}
    for name in PYODIDE_FILES:
        assert (copied / name).read_bytes() == (runtime.npm_dir / name).read_bytes()


def test_the_standard_library_shipped_holds_the_listed_modules_only(root: Path) -> None:
    runtime = rt.find_runtime(root)
    assert re.fullmatch(r"python_stdlib-[0-9a-f]{12}\.zip", runtime.stdlib_name)
    with zipfile.ZipFile(io.BytesIO(runtime.stdlib)) as cut:
        names = set(cut.namelist())
    with zipfile.ZipFile(runtime.npm_dir / "python_stdlib.zip") as full:
        everything = set(full.namelist())
    # What the calculators use is there (json, the dates, the resources reader); what they
    # never import is not (the e-mail parser, asyncio's subprocesses are Pyodide's; tkinter).
    assert {"json/__init__.py", "datetime.py", "importlib/resources/__init__.py"} <= names
    assert not {"email/parser.py", "tkinter/__init__.py", "sqlite3/__init__.py"} & names
    assert names < everything and len(names) < len(everything) / 2


def _project(root: Path, tmp_path: Path, version: str | None) -> rt.Runtime:
    """A project with a two-module calculators package, the real node_modules and, when
    `version` is given, a pyproject.toml that sets it."""
    package = tmp_path / "calculators"
    (package / "__pycache__").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "rules.py").write_text("YEARS = 4\n", encoding="utf-8")
    (package / "__pycache__" / "rules.cpython-313.pyc").write_bytes(b"\0")
    (tmp_path / "node_modules").symlink_to(root / "node_modules")
    if version:
        (tmp_path / "pyproject.toml").write_text(
            f'[project]\nname = "x"\nversion = "{version}"\n', encoding="utf-8"
        )
    return rt.Runtime(root=tmp_path, version=rt.find_runtime(root).version)


def test_the_wheel_and_its_lockfile(root: Path, tmp_path: Path) -> None:
    runtime = _project(root, tmp_path / "project", "2.3.4")
    files = rt.calculators_files(runtime, '{"levels": []}')
    assert files == {
        "calculators/__init__.py": b"",
        "calculators/rules.py": b"YEARS = 4\n",
        "calculators/policy.json": b'{"levels": []}',
    }
    site = tmp_path / "site"
    dest = site / "assets" / "calculators"
    dest.mkdir(parents=True)
    (dest / "calculators-0.0.1+old-py3-none-any.whl").write_bytes(b"old")
    wheel = rt.install_calculators(runtime, site, files)
    version = f"2.3.4+{content_digest(files)}"
    assert [p.name for p in dest.glob("*.whl")] == [wheel.name]
    assert wheel.name == f"calculators-{version}-py3-none-any.whl"
    lock = json.loads((dest / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert list(lock["packages"]) == ["calculators"]
    entry = lock["packages"]["calculators"]
    assert entry["file_name"] == wheel.name
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    with zipfile.ZipFile(wheel) as zf:
        assert set(files) <= set(zf.namelist())
        metadata = zf.read(f"calculators-{version}.dist-info/METADATA").decode()
        wheel_file = zf.read(f"calculators-{version}.dist-info/WHEEL").decode()
    assert metadata.splitlines() == [
        "Metadata-Version: 2.1",
        "Name: calculators",
        f"Version: {version}",
        "Summary: Huangshi skilled-worker evaluation policy: calculators and compiled rules",
        "Requires-Python: >=3.12",
    ]
    # The wheel format's own fields (PEP 427): a pure-Python wheel for any Python 3.
    assert wheel_file.splitlines() == [
        "Wheel-Version: 1.0",
        "Generator: hgpolicy",
        "Root-Is-Purelib: true",
        "Tag: py3-none-any",
    ]


def test_without_a_pyproject_the_wheel_is_version_0(root: Path, tmp_path: Path) -> None:
    runtime = _project(root, tmp_path / "project", None)
    wheel = rt.install_calculators(runtime, tmp_path / "site", rt.calculators_files(runtime, "{}"))
    assert wheel.name.startswith("calculators-0+")


def test_a_wheel_is_the_same_bytes_for_the_same_files_only(tmp_path: Path) -> None:
    files = {"p/a.py": b"x = 1\n", "p/b.py": b"y = 2\n"}

    def build(into: str, content: dict[str, bytes]) -> Path:
        return build_wheel(content, tmp_path / into, name="p", version="1", summary="s")

    first, second = build("one", files), build("two", dict(reversed(files.items())))
    assert first.name == second.name and first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        infos = zf.infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 & 0o777 for i in infos} == {0o644}
    # Stored: the server's brotli or gzip compresses the wheel as one stream.
    assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
    changed = build("three", {**files, "p/b.py": b"y = 3\n"})
    assert changed.name != first.name
    assert content_digest(files) != content_digest({"p/a.py": b"x = 1\n"})
    assert re.fullmatch(r"[0-9a-f]{12}", content_digest(files))


def test_a_snapshot_is_named_by_runtime_library_and_wheel(root: Path) -> None:
    runtime = rt.find_runtime(root)
    files = {"calculators/a.py": b""}
    everything = {**files, "python_stdlib.zip": runtime.stdlib}
    assert rt.snapshot_key(runtime, files) == f"{runtime.version}-{content_digest(everything)}"
    other = rt.Runtime(runtime.root, runtime.version, runtime.stdlib + b"\0")
    assert rt.snapshot_key(other, files) != rt.snapshot_key(runtime, files)


def test_a_calculator_page_gets_the_runtime_settings_and_its_script(root: Path) -> None:
    runtime = rt.find_runtime(root)
    versions = {
        "calculators.css": "c1",
        "calculators.js": "j1",
        "worker.js": "w1",
        "rules.js": "r1",
        "common.js": "s1",
    }
    html = '<form data-calculator="eligibility"></form>'
    out = with_runtime(html, "en/calculators/eligibility/", runtime, versions, "snap")
    up = "../../../"
    assert out.startswith(
        f'<link rel="stylesheet" href="{up}assets/calculators/calculators.css?v=c1">'
    )
    # The style sheet, then the two modules the page script imports, preloaded, then the form.
    assert out.startswith(
        f'<link rel="stylesheet" href="{up}assets/calculators/calculators.css?v=c1">\n'
        f'<link rel="modulepreload" href="{up}assets/calculators/common.js?v=s1">\n'
        f'<link rel="modulepreload" href="{up}assets/calculators/rules.js?v=r1">\n{html}\n'
    )
    # The page script runs as soon as it arrives (async), and the evaluator it imports for the
    # early answer is fetched beside it (modulepreload), before the form it reads.
    assert out.endswith(
        f'<script type="module" async src="{up}assets/calculators/calculators.js?v=j1"></script>\n'
    )
    for module in ("rules.js?v=r1", "common.js?v=s1"):  # the modules it imports
        preload = f'<link rel="modulepreload" href="{up}assets/calculators/{module}">'
        assert preload in out and out.index(preload) < out.index(html)
    settings = json.loads(re.search(r'id="calc-runtime">(.*?)</script>', out).group(1))
    assert settings == {
        "worker": f"{up}assets/calculators/worker.js?v=w1",
        "indexURL": f"{up}{runtime.index_url}",
        "stdLibURL": f"{up}assets/pyodide/{runtime.version}/{runtime.stdlib_name}",
        "lockFileURL": f"{up}{runtime.lock_url}",
        "package": "calculators",
        "snapshot": "snap",
        "rules": f"{up}assets/calculators/rules.js?v=r1",
        "common": f"{up}assets/calculators/common.js?v=s1",
        "sizes": {
            f"{up}{runtime.index_url}pyodide.asm.wasm": (runtime.npm_dir / "pyodide.asm.wasm")
            .stat()
            .st_size,
            f"{up}{runtime.stdlib_url}": len(runtime.stdlib),
        },
    }


def test_json_in_a_script_element_cannot_close_it() -> None:
    text = CalculatorData.script_json({"b": "</script><b>&", "a": 1})
    assert text == '{"a":1,"b":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
