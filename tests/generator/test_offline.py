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
    for url in page_urls(["zh", "en"], "zh") + page_urls(["zh", "en"], "en"):
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


def test_the_pages_kept_are_home_text_and_calculators_of_one_language() -> None:
    zh, en = page_urls(["zh", "en"], "zh"), page_urls(["zh", "en"], "en")
    assert zh[:2] == ["", "text/"]
    assert {"calculators/eligibility/", "calculators/equivalence/"} <= set(zh)
    assert en == [f"en/{url}" for url in zh]  # the other language's, under its folder
    assert not [u for u in zh if "faq" in u or "reference" in u]


def test_precache_holds_each_languages_pages_what_they_load_and_its_search(
    tmp_path: Path,
) -> None:
    kept = precache(_site(tmp_path), ["zh", "en"])
    assert list(kept) == ["zh", "en"]
    zh, en = kept["zh"], kept["en"]
    assert zh[0] == "./" and en[0] == "en/"
    assert len(zh) == len(set(zh))
    assert {"assets/site.css", "assets/icon.png", "assets/bundle.js"} <= set(zh) & set(en)
    assert "search/search_index.json" in zh and "en/search/search_index.json" in en
    assert "assets/javascripts/workers/search.0123abcd.min.js" in zh
    # Only its own language's pages and index: a reader of one does not download the other's.
    assert not [k for k in zh if k.startswith("en/")]
    assert "text/" not in en and "search/search_index.json" not in en
    # not the pages a page links (a link element of another kind than style sheet or icon is
    # one), nor a file it does not name
    linked = ("faq", "glossary")
    assert not [k for k in zh + en if k.endswith((".map", ".br")) or "//" in k]
    assert not [k for k in zh + en if any(page in k for page in linked)]
    assert not [k for k in zh + en if "cdn.example.org" in k]  # nothing from another host
    assert not [k for k in zh + en if ".." in k]  # each resolved against its page's address


def test_a_page_the_build_did_not_write_is_left_out_and_the_others_kept(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "index.html").unlink()
    (site / "en" / "search" / "search_index.json").unlink()
    kept = precache(site, ["zh", "en"])
    assert kept["zh"][:2] == ["text/", "assets/site.css"]
    assert "./" not in kept["zh"] and "en/" in kept["en"]
    assert not [k for k in kept["en"] if k.endswith("search_index.json")]


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
