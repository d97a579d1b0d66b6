"""The finishing steps of a build, in this process, on small folders of their own.

tests/build/test_atomic_build.py and the site tests check these steps through whole
`mkdocs build` runs in other processes; those are the real thing but slow, and a mutation tool
cannot see into them. Here, in seconds, each step is pinned to what the README promises:

- the Content-Security-Policy (`_headers`): nothing from other hosts, Pyodide's
  'wasm-unsafe-eval', workers from the site, and exactly one sha256 per distinct inline script
  a browser would run (CSP Level 3: the base64 SHA-256 of the script's text as written), none
  for a script with a `src` or a JSON data island;
- the swap: a finished build replaces the site in one step, an abandoned one leaves the old
  site, what killed builds left is cleared, and a second build waits for the first;
- the copy of the project a test builds: the build's inputs, no bytecode caches, node_modules
  linked;
- the licence texts shipped beside the files they cover, whole.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from pathlib import Path

import pytest

from hgpolicy import csp, swap
from hgpolicy.project import copy_project
from hgpolicy.thirdparty import licence_text
from tests.conftest import PATIENCE_S

# The directives other than script-src, as README "Headers a deployment should send" and the
# module's policy state them: the site's own origin only, data: images for Material's icons.
OTHER_DIRECTIVES = [
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]


def _sha256(script: str) -> str:
    """The CSP source expression of an inline script: 'sha256-<base64 of its SHA-256>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _page(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head></head><body>{body}</body></html>", "utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Two pages: scripts a browser runs, one twice and one only in the deeper page, and
    scripts it does not run inline (a `src`, JSON data)."""
    site = tmp_path / "site"
    _page(
        site / "index.html",
        '<script>var a = 1 && 2;</script><script src="x.js"></script>'
        '<script type="application/json">{"b": 2}</script>'
        '<script type="module">import("./m.js")</script>',
    )
    _page(
        site / "en" / "text" / "index.html",
        "<script>var a = 1 && 2;</script>"
        '<script type="text/javascript">var depth = "../..";</script>'
        '<script id="calc-runtime" type="application/json">{"c": 3}</script>',
    )
    (site / "notes.txt").write_text("<script>not a page</script>", encoding="utf-8")
    return site


def test_each_distinct_executed_inline_script_is_hashed_once(site: Path) -> None:
    expected = sorted(
        {_sha256("var a = 1 && 2;"), _sha256('import("./m.js")'), _sha256('var depth = "../..";')}
    )
    assert csp.script_hashes(site) == expected


def test_the_policy_allows_the_site_s_own_origin_its_scripts_and_wasm(site: Path) -> None:
    directives = csp.content_security_policy(site).split("; ")
    script_src = directives.pop(1)
    assert directives == OTHER_DIRECTIVES
    assert script_src.split(" ") == [
        "script-src",
        "'self'",
        "'wasm-unsafe-eval'",
        *csp.script_hashes(site),
    ]


def test_headers_file_holds_the_policy_and_the_other_headers(site: Path) -> None:
    path = csp.write_headers(site)
    assert path == site / "_headers"
    assert path.read_text(encoding="utf-8").split("\n") == [
        "/*",
        f"  Content-Security-Policy: {csp.content_security_policy(site)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: same-origin",
        "",
    ]


def test_a_page_without_inline_scripts_needs_no_hash(tmp_path: Path) -> None:
    _page(tmp_path / "index.html", '<script src="a.js"></script><p>&lt;script&gt;</p>')
    assert csp.script_hashes(tmp_path) == []
    assert "script-src 'self' 'wasm-unsafe-eval'; " in csp.content_security_policy(tmp_path)


# The swap ------------------------------------------------------------------------------------


def _never_waits() -> None:
    raise AssertionError("no other build holds the lock")


def _site_with(path: Path, text: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "index.html").write_text(text, encoding="utf-8")
    return path


def test_a_finished_build_replaces_the_site_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    site = _site_with(tmp_path / "site", "old")
    (tmp_path / ".site.build-99999").mkdir()  # left by a killed build
    build = swap.SiteSwap.begin(site, _never_waits)
    assert not (tmp_path / ".site.build-99999").exists()
    assert build.building.parent == tmp_path and build.building.name.startswith(".site.build-")
    _site_with(build.building, "new")
    build.commit()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_a_file_named_like_a_build_folder_does_not_stop_a_build(tmp_path: Path) -> None:
    """Whatever sits beside the site under a build folder's name (here a file, which no build
    leaves), a build still begins and finishes."""
    site = _site_with(tmp_path / "site", "old")
    (tmp_path / ".site.build-99999").write_text("not a folder", encoding="utf-8")
    build = swap.SiteSwap.begin(site, _never_waits)
    _site_with(build.building, "new")
    build.commit()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"


def test_a_first_build_puts_its_folder_in_place(tmp_path: Path) -> None:
    """No site yet, not even the folders above it: they are made, the build renamed in."""
    site = tmp_path / "out" / "deeper" / "site"
    build = swap.SiteSwap.begin(site, _never_waits)
    _site_with(build.building, "first")
    build.commit()
    assert (site / "index.html").read_text(encoding="utf-8") == "first"


def test_on_linux_the_site_is_exchanged_in_one_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """renameat2(RENAME_EXCHANGE) swaps the folders at once: no rename, which would leave a
    moment without a site for a server reading it (the README's promise on Linux)."""
    site = _site_with(tmp_path / "site", "old")
    build = swap.SiteSwap.begin(site, _never_waits)
    _site_with(build.building, "new")

    def no_rename(self: Path, target: Path) -> None:
        raise AssertionError(f"{self} renamed: the site would be missing for a moment")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "rename", no_rename)
        build.commit()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_an_abandoned_build_leaves_the_old_site(tmp_path: Path) -> None:
    site = _site_with(tmp_path / "site", "old")
    build = swap.SiteSwap.begin(site, _never_waits)
    _site_with(build.building, "half")
    build.abandon()
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert not build.building.exists()


def test_without_an_exchange_call_two_renames_swap_the_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the C library has no renameat2 (not Linux), the swap renames twice."""

    class NoExchange:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(swap.ctypes, "CDLL", NoExchange)
    site = _site_with(tmp_path / "site", "old")
    build = swap.SiteSwap.begin(site, _never_waits)
    _site_with(build.building, "new")
    build.commit()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    """The second build is told it waits, then gets the lock only once the first is done:
    its folder is made after the first build's site is in place."""
    site = tmp_path / "site"
    first = swap.SiteSwap.begin(site, _never_waits)
    waiting = threading.Event()
    second: list[swap.SiteSwap] = []
    thread = threading.Thread(
        target=lambda: second.append(swap.SiteSwap.begin(site, waiting.set)), daemon=True
    )
    thread.start()
    assert waiting.wait(PATIENCE_S), "the second build was never told to wait"
    assert not second  # still waiting for the lock
    _site_with(first.building, "first")
    first.commit()
    thread.join(PATIENCE_S)
    assert second, "the second build never got the lock"
    assert (site / "index.html").read_text(encoding="utf-8") == "first"
    second[0].abandon()


# The project copy ----------------------------------------------------------------------------


def test_a_project_copy_holds_the_build_s_inputs_and_links_node_modules(tmp_path: Path) -> None:
    root = tmp_path / "root"
    for folder in ("docs", "policy", "build/hgpolicy/__pycache__", "calculators", "node_modules"):
        (root / folder).mkdir(parents=True)
    for name in ("mkdocs.yml", "package.json", "pyproject.toml", "README.md"):
        (root / name).write_text(name, encoding="utf-8")
    (root / "policy" / "levels.yaml").write_text("levels: []\n", encoding="utf-8")
    (root / "build" / "hgpolicy" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (root / "site").mkdir()  # a built site is no input

    dest = copy_project(root, tmp_path / "copy")
    assert dest == tmp_path / "copy"
    assert sorted(p.name for p in dest.iterdir()) == [
        "build",
        "calculators",
        "docs",
        "mkdocs.yml",
        "node_modules",
        "package.json",
        "policy",
        "pyproject.toml",
    ]
    assert (dest / "policy" / "levels.yaml").read_text(encoding="utf-8") == "levels: []\n"
    assert not (dest / "build" / "hgpolicy" / "__pycache__").exists()
    assert (dest / "node_modules").is_symlink()
    assert (dest / "node_modules").resolve() == (root / "node_modules").resolve()
    assert not (dest / "docs").is_symlink()
    # Into folders not made yet, or into an empty folder a test made for it.
    assert (copy_project(root, tmp_path / "a" / "b") / "policy" / "levels.yaml").is_file()
    (tmp_path / "empty").mkdir()
    assert (copy_project(root, tmp_path / "empty") / "mkdocs.yml").is_file()


# The licences shipped ----------------------------------------------------------------------


def test_a_licence_text_is_the_spdx_list_s_full_text(root: Path) -> None:
    """The licences travel with the files they cover, whole, as the SPDX list has them."""
    mpl = licence_text(root, "MPL-2.0")
    assert mpl.startswith("Mozilla Public License Version 2.0\n")
    assert 'Exhibit B - "Incompatible With Secondary Licenses" Notice' in mpl
    mit = licence_text(root, "MIT")
    assert mit.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in mit
