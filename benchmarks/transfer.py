"""(c) bytes transferred per page kind, as the benchmark's gzip + cache-header server sends them.

Each page kind is opened on a new profile (cold: everything comes over the network) and then
again after relaunching Chromium on that profile (warm: only what the cache headers make the
browser fetch or revalidate). The page is left until the network is idle, and a calculator
page until its runtime has answered, so lazy requests (the search index, the worker's Pyodide
files) are counted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Playwright

from . import browser
from .server import Sent, SiteServer
from .site import SiteLayout
from .startup import Probe

IDLE_S = 1.0  # quiet time after the load (and the answer) before the count is taken


@dataclass(frozen=True)
class PageKind:
    name: str
    probe: Probe  # a calculator probe waits for the runtime's answer; others for the load


def is_runtime_file(url_path: str, layout: SiteLayout) -> bool:
    """A Pyodide file, the lockfile or the wheel: what a non-calculator page must not fetch."""
    return (
        url_path.startswith(layout.pyodide_index)
        or url_path in (layout.lockfile, layout.wheel)
        or url_path.endswith((".wasm", ".whl"))
        or "pyodide" in url_path.rsplit("/", 1)[-1]
    )


def load(
    pw: Playwright, profile: Path, server: SiteServer, layout: SiteLayout, kind: PageKind
) -> dict[str, Any]:
    """Open one page on `profile`; what the browser fetched and what the server sent."""
    with browser.persistent_context(pw, profile) as context:
        log = browser.RequestLog().attach(context)
        page = context.pages[0] if context.pages else context.new_page()
        first = len(server.log)
        try:
            page.goto(server.origin + kind.probe.path, wait_until="load")
            if kind.probe.answer_attr:
                page.wait_for_function(kind.probe.ready_js, polling=50)
            page.wait_for_load_state("networkidle")
        except PlaywrightError as error:
            return {"error": str(error).splitlines()[0]}
        time.sleep(IDLE_S)
        fetched = log.fetched()
        sent = server.log[first:]
    return summarize(fetched, sent, layout)


def summarize(fetched: list[browser.Fetched], sent: list[Sent], layout: SiteLayout) -> dict:
    """Totals for one page load; `runtime_files` lists any Pyodide file, lockfile or wheel."""
    network = [s for s in sent if s.status != 304]
    return {
        "requests": len(fetched),
        "browser_bytes": sum(f.wire_bytes for f in fetched),
        "browser_body_bytes": sum(f.body_bytes for f in fetched if not f.from_cache),
        # What the service worker fetched to keep for offline use (issue 14: the home page
        # keeps the home and full-text pages of both languages; a calculator its runtime).
        "service_worker_bytes": sum(f.wire_bytes for f in fetched if f.by_service_worker),
        "from_cache": sum(1 for f in fetched if f.from_cache),
        "server_bytes": sum(s.header_bytes + s.body_bytes for s in sent),
        "server_body_bytes": sum(s.body_bytes for s in sent),
        "server_brotli_bytes": sum(s.header_bytes + s.brotli_bytes for s in sent),
        "uncompressed_body_bytes": sum(s.raw_bytes for s in network),
        "revalidated_304": sum(1 for s in sent if s.status == 304),
        "not_found": sorted(s.path for s in sent if s.status == 404),
        "runtime_files": sorted({s.path for s in sent if is_runtime_file(s.path, layout)}),
        "wasm_fetched": any(s.path.endswith(".wasm") for s in sent),
        "pyodide_script_fetched": any(
            s.path.endswith((".mjs", ".js")) and "pyodide" in s.path for s in sent
        ),
    }


def measure(
    pw: Playwright, server: SiteServer, layout: SiteLayout, kinds: list[PageKind]
) -> dict[str, Any]:
    """Cold and warm transfer for each page kind (bytes do not vary: one load each)."""
    results: dict[str, Any] = {}
    for kind in kinds:
        with browser.profile_dir() as profile:
            cold = load(pw, profile, server, layout, kind)
            warm = load(pw, profile, server, layout, kind)
        results[kind.name] = {"path": kind.probe.path, "cold": cold, "warm": warm}
    return results
