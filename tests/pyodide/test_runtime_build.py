"""The runtime the build puts into the site: self-hosted, checksummed, reproducible, and loaded
by the calculator pages only."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from wheel.wheelfile import WheelFile

from hgpolicy.compile import policy_json
from hgpolicy.policy import Policy
from hgpolicy.runtime import LOCKFILE, PACKAGE, RUNTIME_FILES, find_runtime
from hgpolicy.wheels import build_wheel, package_files

CALCULATOR_PAGES = {
    "calculators/equivalence/index.html",
    "calculators/eligibility/index.html",
    "calculators/roster/index.html",
}
# What loads the runtime: a script, stylesheet or setting naming its files.
# A reference that loads the runtime (a link to its licence text, on the About page, does not).
RUNTIME_REFERENCE = re.compile(
    r'(?:src|href)="(?![^"]*\.txt")[^"]*(?:pyodide|\.wasm|\.whl|assets/calculators/)'
    r'|id="calc-runtime"'
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_pinned_runtime_is_copied_once_and_unchanged(site: Path, root: Path) -> None:
    runtime = find_runtime(root)
    copied = site / runtime.index_url
    licences = ["LICENSE-MPL-2.0.txt", "LICENSE-Python-2.0.txt"]  # Pyodide's and CPython's
    shipped = [p.name for p in copied.iterdir() if p.suffix not in (".br", ".gz")]
    assert sorted(shipped) == sorted([*RUNTIME_FILES, runtime.stdlib_name, *licences])
    assert (copied / runtime.stdlib_name).read_bytes() == runtime.stdlib
    for name in RUNTIME_FILES:
        assert _sha256(copied / name) == _sha256(runtime.npm_dir / name), name
    # one copy for both languages: the English pages use the root's
    assert not (site / "en" / "assets").exists()


def test_the_lockfile_lists_the_wheel_with_its_checksum(site: Path, root: Path) -> None:
    runtime = find_runtime(root)
    lock = json.loads((site / runtime.lock_url).read_text(encoding="utf-8"))
    upstream = json.loads((runtime.npm_dir / LOCKFILE).read_text(encoding="utf-8"))
    assert lock["info"] == upstream["info"]
    assert list(lock["packages"]) == [PACKAGE]  # nothing listed that the site does not ship
    entry = lock["packages"][PACKAGE]
    wheel = site / runtime.package_url / entry["file_name"]
    assert wheel.name.endswith("-py3-none-any.whl")
    assert entry["sha256"] == _sha256(wheel)
    assert entry["imports"] == [PACKAGE] and entry["depends"] == []


def test_the_wheel_holds_the_package_and_the_compiled_policy(
    site: Path, root: Path, policy: Policy
) -> None:
    runtime = find_runtime(root)
    (wheel,) = (site / runtime.package_url).glob(f"{PACKAGE}-*.whl")
    with WheelFile(wheel) as whl:  # reading checks every file against RECORD
        names = set(whl.namelist())
        assert json.loads(whl.read(f"{PACKAGE}/policy.json")) == json.loads(policy_json(policy))
        for name in names - {f"{PACKAGE}/policy.json"}:
            whl.read(name)
    sources = {
        f"{PACKAGE}/{p.relative_to(root / PACKAGE).as_posix()}"
        for p in (root / PACKAGE).rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert sources <= names
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]


def test_the_wheel_is_reproducible(root: Path, tmp_path: Path, policy: Policy) -> None:
    files = package_files(root / PACKAGE)
    files[f"{PACKAGE}/policy.json"] = policy_json(policy).encode()
    first = build_wheel(files, tmp_path / "a", name=PACKAGE, version="1", summary="s")
    second = build_wheel(
        dict(reversed(files.items())), tmp_path / "b", name=PACKAGE, version="1", summary="s"
    )
    assert first.name == second.name
    assert first.read_bytes() == second.read_bytes()
    files[f"{PACKAGE}/policy.json"] += b" "
    changed = build_wheel(files, tmp_path / "c", name=PACKAGE, version="1", summary="s")
    assert changed.name != first.name  # new contents, new file name: caches cannot go stale


def test_only_calculator_pages_load_the_runtime(site: Path) -> None:
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix().removeprefix("en/")
        html = page.read_text(encoding="utf-8")
        if rel in CALCULATOR_PAGES:
            assert RUNTIME_REFERENCE.search(html), rel
        else:
            assert not RUNTIME_REFERENCE.search(html), rel
