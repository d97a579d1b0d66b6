"""Offline after the first visit: the service worker the build writes at the site's root.

A worker on a factory floor often has no signal. The service worker (templates/sw.js, with
this build's `BUILD` settings put before it) keeps, per build:
- when a page of a language is first opened, the pages a person needs with no network in that
  language (home, the full text, every calculator page), the files they load and the
  language's search index: a reader of Chinese does not pay for the English pages on a first
  visit over mobile data (75 kB brotli), and gets them kept once they read one;
- when a calculator page is first opened, the Python runtime and the calculators' wheel
  (the page asks for it: offline.js), so pages without a calculator still load no WebAssembly;
- everything else as it is read.
Its cache is named after the build's inputs fingerprint; a new build's worker deletes the
older caches (and only its own: the runtime snapshot has a cache of its own, worker.js).
"""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .calcdata import SCRIPTS
from .runtime import Runtime
from .sitepages import SITE_PAGES, Kind

SERVICE_WORKER = "sw.js"
SOURCE = Path(__file__).parent / "templates" / SERVICE_WORKER
# The pages kept, per language, when a page of it is first opened: what must open with no network.
KEPT_KINDS = frozenset({Kind.HOME, Kind.TEXT, Kind.CALCULATOR})
SEARCH_WORKER = "assets/javascripts/workers/search.*.min.js"
# What the calculators' Python loads from Pyodide's folder (not its licence texts).
RUNTIME_SUFFIXES = frozenset({".mjs", ".wasm", ".zip", ".json"})


LOADED = ("stylesheet", "icon")  # the link elements whose file a page needs to show


class _Loads(HTMLParser):
    """The style sheets, scripts and icons a page loads (not the pages it links)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and (src := values.get("src")):
            self.found.append(src)
        elif tag == "link" and (href := values.get("href")) and values.get("rel") in LOADED:
            self.found.append(href)


def _root(languages: list[str], lang: str) -> str:
    """Where `lang`'s pages start, from the site's root (the first language's: the root)."""
    return "" if lang == languages[0] else f"{lang}/"


def page_urls(languages: list[str], lang: str) -> list[str]:
    """`lang`'s kept pages' addresses from the site's root (`""` is the first language's home)."""
    return [
        _root(languages, lang)
        + ("" if page.uri == "index.md" else f"{page.uri.removesuffix('.md')}/")
        for page in SITE_PAGES
        if page.kind in KEPT_KINDS
    ]


def precache(site: Path, languages: list[str]) -> dict[str, list[str]]:
    """Per language, what a first visit keeps: the kept pages, the files they load, the
    language's search index and Material's search worker, from the root; each once."""
    workers = [found.relative_to(site).as_posix() for found in site.glob(SEARCH_WORKER)]
    kept = {}
    for lang in languages:
        index = f"{_root(languages, lang)}search/search_index.json"
        found = _pages_and_loads(site, page_urls(languages, lang))
        found += [index] if (site / index).is_file() else []
        kept[lang] = list(dict.fromkeys(found + workers))  # in the order found
    return kept


def _pages_and_loads(site: Path, urls: list[str]) -> list[str]:
    """Each of `urls` the build wrote, followed by the files it loads."""
    kept: list[str] = []
    for url in urls:
        page = site / url / "index.html"
        if not page.is_file():  # a build of some pages only (the plugin's own tests)
            continue
        kept.append(url or "./")
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        for found in parser.found:
            address = urljoin(f"/{url}", found)
            if urlsplit(found).scheme or found.startswith("//"):
                continue  # nothing is loaded from elsewhere (tests/site checks), but never keep it
            kept.append(address.lstrip("/"))
    return kept


def runtime_files(site: Path, runtime: Runtime, scripts: dict[str, str]) -> list[str]:
    """The files a calculator page's Python needs: the page's scripts (`scripts`: name →
    the `?v=` digest the pages ask for them by), Pyodide's files, the standard library, the
    lockfile and the wheel (not the compressed copies: a browser asks for the name)."""
    files = [f"{SCRIPTS}/{name}?v={digest}" for name, digest in sorted(scripts.items())]
    files.append(runtime.lock_url)
    files += [
        posixpath.join(runtime.index_url, path.name)
        for path in sorted((site / runtime.index_url).iterdir())
        if path.suffix in RUNTIME_SUFFIXES
    ]
    files += [
        posixpath.join(runtime.package_url, path.name)
        for path in sorted((site / runtime.package_url).glob("*.whl"))
    ]
    return files


def write_service_worker(
    site: Path, version: str, languages: list[str], runtime: Runtime, scripts: dict[str, str]
) -> Path:
    """`sw.js` at the site's root: this build's settings, then the worker's code."""
    settings = {
        "version": version,
        "precache": precache(site, languages),
        "runtime": runtime_files(site, runtime, scripts),
    }
    code = SOURCE.read_text(encoding="utf-8")
    path = site / SERVICE_WORKER
    path.write_text(
        f"const BUILD = {json.dumps(settings, indent=1)};\n\n{code}",
        encoding="utf-8",
    )
    return path
