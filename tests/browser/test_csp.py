"""The site works under the Content-Security-Policy it ships, with not one violation, and no
request of any page fails (Material used to fetch `sitemap.xml` beside every page: two 404s).

The site is served with the exact headers of the `_headers` file the build writes, and every
kind of page is opened in both languages: home (with the search used), the full text, the
glossary, a reference page and both calculators (which must still answer from Python, in
their worker). Each page records the `securitypolicyviolation` events it sees and the console
messages that report a refused script, style, worker or connection, and every response with
an error status, until the network is idle.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

from hgpolicy.csp import HEADERS_FILE
from tests.browser.conftest import Recorder, new_context, site_url
from tests.support.serving import QuietHandler, serving

LANGS = ("zh", "en")
PAGES = ["", "text/", "glossary/", "reference/levels/"]
CALCULATORS = {
    "calculators/equivalence/?level=technician": "#eq-result",
    "calculators/eligibility/?target=technician&certificate=senior-worker"
    "&years_since_certificate=6": "#el-result",
}
QUERY = {"zh": "技师", "en": "technician"}

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample || ''}`));
"""


def shipped_headers(site: Path) -> dict[str, str]:
    """The headers `_headers` sets for every path (`/*`), as a server would send them."""
    lines = (site / HEADERS_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:] if line.strip())


@pytest.fixture(scope="module")
def csp_server(site: Path) -> Iterator[str]:
    headers = shipped_headers(site)
    assert "'wasm-unsafe-eval'" in headers["Content-Security-Policy"]

    class WithHeaders(QuietHandler):
        def end_headers(self) -> None:
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

    with serving(functools.partial(WithHeaders, directory=str(site))) as origin:
        yield f"{origin}/"


@pytest.fixture(scope="module")
def csp_context(browser: Browser, recorder: Recorder) -> Iterator[BrowserContext]:
    context = new_context(browser, recorder)
    context.add_init_script(RECORD_VIOLATIONS)
    yield context
    context.close()


def _open(context: BrowserContext, url: str) -> tuple[Page, list[str]]:
    page = context.new_page()
    refused: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", note)
    page.on("worker", lambda worker: worker.on("console", note))
    page.on(
        "response",
        lambda r: refused.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.goto(url, wait_until="load")
    return page, refused


def _violations(page: Page, refused: list[str]) -> list[str]:
    """What the page refused or failed to get, once it has stopped requesting anything."""
    page.wait_for_load_state("networkidle")
    return [*page.evaluate("window.__violations"), *refused]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_violation(csp_context: BrowserContext, csp_server: str, lang, path) -> None:
    page, refused = _open(csp_context, site_url(csp_server, lang, path))
    page.wait_for_selector("[data-md-component=search]")
    if path == "":  # Material's search: its worker, its index, its results
        page.fill("input.md-search__input", QUERY[lang])  # in the header at this width
        page.keyboard.press("End")  # CJK input sends no keyup, and Material waits for one
        page.wait_for_selector(".md-search-result__item")
    assert _violations(page, refused) == []
    page.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", CALCULATORS)
def test_calculator_answers_with_no_violation(
    csp_context: BrowserContext, csp_server: str, lang, path
) -> None:
    page, refused = _open(csp_context, site_url(csp_server, lang, path))
    page.wait_for_selector(f"{CALCULATORS[path]}[data-engine=python]")
    assert page.get_attribute("[data-calc-status]", "data-state") != "failed"
    assert _violations(page, refused) == []
    page.close()


def test_the_policy_is_enforced(csp_context: BrowserContext, csp_server: str) -> None:
    """An inline script the build did not hash is refused and reported, so the tests above
    would see a violation if there were one."""
    page, refused = _open(csp_context, csp_server)
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__ran === undefined")
    assert any("script-src" in v for v in _violations(page, refused))
    page.close()
