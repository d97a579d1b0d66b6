"""Chromium through Playwright: launching it, timing answers in a page, counting bytes.

Timing: every figure is the page's own `performance.now()`, i.e. milliseconds since the start
of the navigation (the document's time origin), read inside the page, so the harness's own
overhead (polling, IPC) never enters a figure.

Bytes: Playwright's `Request.sizes()` (`responseHeadersSize + responseBodySize`, which
Playwright takes from the DevTools protocol's `encodedDataLength`): the bytes received for each
response, body as sent, i.e. gzip-compressed where the server compressed it. A CDP session on
the page would miss the requests of its module worker (measured: it does); Playwright attaches
to workers and sees them. `transfer.py` cross-checks the total against the server's own log of
the bytes it wrote.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Request as PwRequest

from tests.support.chromium import launch_with_profile

TIMEOUT_MS = 60_000

# Installed before any page script: records, with performance.now(), every attribute set on
# the elements matching a selector, with a copy of the element's data-* attributes at that
# moment, so the first answer and the runtime-confirmed one can be told apart afterwards.
WATCH_SCRIPT = """
(() => {
  const selector = %s;
  const events = [];
  window.__benchEvents = events;
  const log = (target, name) => {
    if (!(target instanceof Element) || !target.matches(selector)) return;
    events.push({
      t: performance.now(),
      id: target.id,
      name,
      value: target.getAttribute(name),
      data: { ...target.dataset },
    });
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") log(r.target, r.attributeName);
      for (const node of r.addedNodes || []) {
        if (node instanceof Element && node.matches(selector)) {
          for (const a of node.attributes) log(node, a.name);
        }
      }
    }
  }).observe(document, { subtree: true, attributes: true, childList: true });
})();
"""


@contextlib.contextmanager
def profile_dir() -> Iterator[Path]:
    """A new, empty Chromium profile folder, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def persistent_context(pw: Playwright, user_data_dir: Path) -> Iterator[BrowserContext]:
    """Chromium with a profile on disk (its HTTP and code caches survive a relaunch)."""
    context = launch_with_profile(pw, user_data_dir)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


def open_until(context: BrowserContext, url: str, ready_js: str) -> tuple[Page, str | None]:
    """The context's page, sent to `url` and left until `ready_js` holds; with the first line
    of Playwright's error instead when it never does (the run reports it, and goes on)."""
    page = context.pages[0] if context.pages else context.new_page()
    try:
        page.goto(url)
        page.wait_for_function(ready_js, polling=50)
    except PlaywrightError as error:
        return page, str(error).splitlines()[0]
    return page, None


def watch_answers(context: BrowserContext, selector: str) -> None:
    """Record attribute changes on `selector`'s elements in every page of `context`."""
    context.add_init_script(WATCH_SCRIPT % json.dumps(selector))


def answer_events(page: Page) -> list[dict[str, Any]]:
    """What WATCH_SCRIPT recorded on this page: [{t, id, name, value, data}, …]."""
    return page.evaluate("window.__benchEvents || []")


@dataclass(frozen=True)
class Fetched:
    """One finished request, with the sizes Playwright reports for it (`Request.sizes()`)."""

    url: str
    resource_type: str
    status: int
    header_bytes: int  # responseHeadersSize
    body_bytes: int  # responseBodySize: the body as received, i.e. still gzip-compressed
    from_service_worker: bool = False  # answered by the site's service worker: no network
    by_service_worker: bool = False  # asked for by the service worker (keeping files offline)

    @property
    def from_cache(self) -> bool:
        """Served from the HTTP cache (Playwright then reports body = −headers, 0 in total) or
        from the service worker's cache."""
        return self.body_bytes < 0 or self.from_service_worker

    @property
    def wire_bytes(self) -> int:
        return 0 if self.from_cache else self.header_bytes + self.body_bytes


@dataclass
class RequestLog:
    """Every request the pages of one context made, their dedicated workers' included.

    Playwright attaches to workers itself, so `BrowserContext.on("requestfinished")` sees the
    Pyodide files a module worker fetches, which a CDP session on the page does not.
    """

    requests: list[PwRequest] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> RequestLog:
        context.on("requestfinished", self._add)
        return self

    def _add(self, request: PwRequest) -> None:
        self.requests.append(request)

    def fetched(self) -> list[Fetched]:
        """The finished requests with their sizes (asked of the browser now, after the fact)."""
        result = []
        for request in self.requests:
            response = request.response()
            if response is not None and response.from_service_worker:
                # Nothing crossed the network; and Playwright's `sizes()` never returns for
                # such a response (measured: the warm transfer visit hung on it).
                result.append(
                    Fetched(request.url, request.resource_type, response.status, 0, 0, True)
                )
                continue
            sizes = request.sizes()
            result.append(
                Fetched(
                    url=request.url,
                    resource_type=request.resource_type,
                    status=response.status if response else 0,
                    header_bytes=sizes["responseHeadersSize"],
                    body_bytes=sizes["responseBodySize"],
                    by_service_worker=request.service_worker is not None,
                )
            )
        return result
