"""The built site in headless Chromium: Debian's own (Playwright cannot download one here).

One context for this folder, in the session's browser (one HTTP cache, as a visitor moving
between pages). Every request the context makes is recorded, its pages' module workers included, and
each test checks that the requests made while it ran all went to the test server on
127.0.0.1, and that no page script failed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.conftest import PATIENCE_S

CALCULATORS = {"equivalence": "eq", "eligibility": "el"}


def site_url(server: str, lang: str, path: str) -> str:
    """The address of site `path` ("calculators/equivalence/") in `lang`."""
    return f"{server}{'' if lang == 'zh' else lang + '/'}{path}"


@dataclass
class Recorder:
    """What one browser context did: every URL requested, every script error."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> BrowserContext:
        """Record `context`'s requests and errors; its waits get the suite's one hang guard
        (Playwright's own 30 s default failed a cold start on a loaded machine)."""
        context.set_default_timeout(PATIENCE_S * 1000)
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("page", self.watch)
        return context

    def watch(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))

    def mark(self) -> tuple[int, int]:
        return len(self.requests), len(self.errors)

    def check_since(self, mark: tuple[int, int]) -> None:
        requests, errors = self.requests[mark[0] :], self.errors[mark[1] :]
        foreign = [url for url in requests if not _local(url)]
        assert not foreign, f"requests left 127.0.0.1: {foreign}"
        assert not errors, f"script errors: {errors}"


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


def new_context(browser: Browser, recorder: Recorder) -> BrowserContext:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    return recorder.attach(context)


@pytest.fixture(scope="package")
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture(scope="package")
def context(browser: Browser, recorder: Recorder) -> Iterator[BrowserContext]:
    context = new_context(browser, recorder)
    yield context
    context.close()


@pytest.fixture(scope="package")
def plain_context(browser: Browser, recorder: Recorder) -> Iterator[BrowserContext]:
    """A context with the browser's own defaults (no zh-CN locale), shared by the tests of
    layout and printing: what they check is a page at a size, not a first visit, so after
    the first page the runtime starts from this context's caches. Each test opens its own
    page at its own size (`sized_page`)."""
    context = recorder.attach(browser.new_context())
    yield context
    context.close()


@pytest.fixture
def sized_page(plain_context: BrowserContext) -> Iterator[Callable[..., Page]]:
    """`sized_page(width, height)`: a new page of `plain_context` with that viewport (or the
    context's default, 1280 × 720, without sizes), closed after the test."""
    pages: list[Page] = []

    def open_(width: int | None = None, height: int | None = None) -> Page:
        page = plain_context.new_page()
        pages.append(page)
        if width is not None and height is not None:
            page.set_viewport_size({"width": width, "height": height})
        return page

    yield open_
    for page in pages:
        page.close()


@pytest.fixture(autouse=True)
def _local_and_clean(recorder: Recorder) -> Iterator[None]:
    """Each test: nothing requested from another host, no script error."""
    mark = recorder.mark()
    yield
    recorder.check_since(mark)


@pytest.fixture
def open_page(context: BrowserContext, server: str) -> Iterator[Callable[[str, str], Page]]:
    """`open_page(lang, "text/")`: a new page at that site path, closed after the test."""
    pages: list[Page] = []

    def open_(lang: str, path: str) -> Page:
        page = context.new_page()
        pages.append(page)
        page.goto(site_url(server, lang, path))
        return page

    yield open_
    for page in pages:
        page.close()


def wait_ready(page: Page) -> None:
    """Until the page's Python runtime has loaded (or failed to)."""
    page.wait_for_selector(
        "[data-calc-status][data-state=ready], [data-calc-status][data-state=failed]"
    )


@pytest.fixture(scope="package")
def calculator(context: BrowserContext, server: str) -> Iterator[Callable[[str, str], Page]]:
    """`calculator("eligibility", "en")`: that calculator page with its runtime loaded, opened
    once per session and shared by the tests that drive it."""
    opened: dict[tuple[str, str], Page] = {}

    def get(kind: str, lang: str) -> Page:
        if (kind, lang) not in opened:
            page = context.new_page()
            page.goto(site_url(server, lang, f"calculators/{kind}/"))
            wait_ready(page)
            opened[kind, lang] = page
        return opened[kind, lang]

    yield get
    for page in opened.values():
        page.close()
