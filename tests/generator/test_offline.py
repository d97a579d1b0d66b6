"""What the service worker keeps (offline.py), on a small site written as the build writes it."""

from __future__ import annotations

import json
from pathlib import Path

from hgpolicy.offline import page_urls, precache, runtime_files, write_service_worker
from hgpolicy.runtime import Runtime

PAGE = """<html><head>
<link rel="stylesheet" href="{up}assets/site.css"><link rel="icon" href="{up}assets/icon.png">
<link rel="alternate" href="{up}en/"><link rel="canonical" href="https://example.org/">
<link rel="prev" href="{up}glossary/"><link rel="stylesheet">
</head><body><a href="{up}faq/">FAQ</a>
<script src="https://cdn.example.org/x.js"></script><script src="//cdn.example.org/y.js"></script>
<script src="{up}assets/bundle.js"></script><script>inline()</script></body></html>"""


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for url in page_urls(["zh", "en"]):
        page = site / url / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PAGE.format(up="../" * url.count("/")), encoding="utf-8")
    for name in ("search/search_index.json", "en/search/search_index.json"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("{}", encoding="utf-8")
    workers = site / "assets/javascripts/workers"
    workers.mkdir(parents=True)
    for name in (
        "search.0123abcd.min.js",
        "search.0123abcd.min.js.map",
        "search.0123abcd.min.js.br",
    ):
        (workers / name).write_text("", encoding="utf-8")
    return site


def test_the_pages_kept_are_home_text_and_calculators_in_each_language() -> None:
    urls = page_urls(["zh", "en"])
    assert urls[:2] == ["", "text/"]
    assert {"calculators/eligibility/", "calculators/equivalence/"} <= set(urls)
    assert {"en/", "en/text/", "en/calculators/eligibility/"} <= set(urls)
    assert not [u for u in urls if "faq" in u or "reference" in u]
    assert len(urls) == 2 * len([u for u in urls if not u.startswith("en/")])


def test_precache_holds_the_pages_what_they_load_and_search(tmp_path: Path) -> None:
    kept = precache(_site(tmp_path), ["zh", "en"])
    assert kept[0] == "./"
    assert len(kept) == len(set(kept))
    assert {"assets/site.css", "assets/icon.png", "assets/bundle.js"} <= set(kept)
    assert {"search/search_index.json", "en/search/search_index.json"} <= set(kept)
    assert "assets/javascripts/workers/search.0123abcd.min.js" in kept
    # not the pages a page links (a link element of another kind than style sheet or icon is
    # one), nor a file it does not name
    linked = ("faq", "glossary")
    assert not [k for k in kept if k.endswith((".map", ".br")) or "//" in k]
    assert not [k for k in kept if any(page in k for page in linked)]
    assert not [k for k in kept if "cdn.example.org" in k]  # nothing from another host
    assert not [k for k in kept if ".." in k]  # each resolved against its page's address


def test_a_page_the_build_did_not_write_is_left_out_and_the_others_kept(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "index.html").unlink()
    kept = precache(site, ["zh", "en"])
    assert kept[:2] == ["text/", "assets/site.css"]
    assert "./" not in kept and "en/" in kept


def test_runtime_files_are_the_scripts_pyodide_the_lockfile_and_the_wheel(tmp_path: Path) -> None:
    site = tmp_path / "site"
    runtime = Runtime(tmp_path, "1.2.3")
    pyodide = site / runtime.index_url
    pyodide.mkdir(parents=True)
    for name in (
        "pyodide.mjs",
        "pyodide.asm.wasm",
        "pyodide.asm.wasm.br",
        "LICENSE.txt",
        "std.zip",
    ):
        (pyodide / name).write_text("", encoding="utf-8")
    package = site / runtime.package_url
    package.mkdir(parents=True)
    for name in ("calc-1.whl", "calc-1.whl.gz", "pyodide-lock.json", "other.js"):
        (package / name).write_text("", encoding="utf-8")
    assert runtime_files(site, runtime, {"worker.js": "abc", "calculators.js": "def"}) == [
        "assets/calculators/calculators.js?v=def",
        "assets/calculators/worker.js?v=abc",
        "assets/calculators/pyodide-lock.json",
        "assets/pyodide/1.2.3/pyodide.asm.wasm",
        "assets/pyodide/1.2.3/pyodide.mjs",
        "assets/pyodide/1.2.3/std.zip",
        "assets/calculators/calc-1.whl",
    ]


def test_the_worker_starts_with_the_builds_settings(tmp_path: Path) -> None:
    site = _site(tmp_path)
    runtime = Runtime(tmp_path, "1.2.3")
    (site / runtime.index_url).mkdir(parents=True)
    (site / runtime.package_url).mkdir(parents=True, exist_ok=True)
    path = write_service_worker(site, "f00d", ["zh", "en"], runtime, {})
    assert path == site / "sw.js"
    head, _, code = path.read_text(encoding="utf-8").partition(";\n\n")
    settings = json.loads(head.removeprefix("const BUILD = "))
    assert settings["version"] == "f00d"
    assert settings["runtime"] == ["assets/calculators/pyodide-lock.json"]
    assert settings["precache"] == precache(site, ["zh", "en"])
    assert 'self.addEventListener("fetch"' in code
