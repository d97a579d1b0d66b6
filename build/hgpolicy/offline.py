"""Offline after the first visit: the service worker the build writes at the site's root.

A worker on a factory floor often has no signal. The service worker (templates/sw.js, with
this build's `BUILD` settings put before it) keeps, per build:
- at install, the pages a person needs with no network (home, the full text, every
  calculator page, in each language) and the files those pages load;
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
# The pages kept at install: what must open with no network.
KEPT_KINDS = frozenset({Kind.HOME, Kind.TEXT, Kind.CALCULATOR})
COPIES = (".br", ".gz")
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


def page_urls(languages: list[str]) -> list[str]:
    """The kept pages' addresses from the site's root, each language's (`""` is the home)."""
    urls = []
    for lang in languages:
        prefix = "" if lang == languages[0] else f"{lang}/"
        for page in SITE_PAGES:
            if page.kind in KEPT_KINDS:
                stem = page.uri.removesuffix(".md")
                urls.append(prefix + ("" if stem == "index" else f"{stem}/"))
    return urls


def precache(site: Path, languages: list[str]) -> list[str]:
    """The kept pages, the files they load and each language's search index, from the root."""
    kept: list[str] = []
    for url in page_urls(languages):
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
    # Search: each language's index and Material's worker, which its script starts.
    kept += [
        found.relative_to(site).as_posix()
        for found in [*site.glob("**/search/search_index.json"), *site.glob(SEARCH_WORKER)]
    ]
    return list(dict.fromkeys(kept))  # each once, in the order found


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
