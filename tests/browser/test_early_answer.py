"""The eligibility page answers before its runtime has loaded, and Python confirms (issue 14).

The runtime's WebAssembly is held back (requested, not answered) while the page is checked:
the answer from the compiled rules must already be there, marked provisional, with the
runtime still loading. Released, the runtime answers and its answer replaces the early one.
Expected values are typed from the policy: 2018 edition, 技师 route A1 is a 高级工 (三级)
certificate then 4 years of work.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from tests.browser.conftest import Recorder, new_context, site_url

LANGS = ("zh", "en")
WASM = "**/*.wasm"
TECHNICIAN = {"edition": "2018", "target": "technician", "certificate": "senior-worker"}
A1_YEARS = 4  # 2018 技师 A1: 高级工 certificate, then 4 years (policy/application-routes.yaml)


@pytest.fixture
def held(browser: Browser) -> Iterator[tuple[BrowserContext, list[Route]]]:
    """A context whose pages' runtime WebAssembly is asked for but held back, with the held
    requests; nothing leaves the test server and no script fails."""
    recorder = Recorder()
    context = new_context(browser, recorder)
    routes: list[Route] = []
    context.route(WASM, lambda route: routes.append(route))
    yield context, routes
    context.close()
    recorder.check_since((0, 0))


def release(context: BrowserContext, routes: list[Route]) -> None:
    """Let the runtime arrive: the held requests go on, later ones are not held."""
    for route in routes:
        route.continue_()
    context.unroute(WASM)


def open_early(context: BrowserContext, server: str, lang: str, facts: dict[str, str]) -> Page:
    """The eligibility page for `facts`, once its early answer is shown."""
    page = context.new_page()
    page.goto(site_url(server, lang, f"calculators/eligibility/?{urlencode(facts)}"))
    page.wait_for_selector("#el-result[data-engine=early] .calc-verdict")
    return page


def assert_provisional(page: Page, routes: list[Route], labels: dict, lang: str) -> None:
    """Shown before the runtime: it is still loading, its WebAssembly held; marked so."""
    assert page.get_attribute("[data-calc-status]", "data-state") == "loading"
    assert routes, "the runtime's WebAssembly was never requested"
    note = page.inner_text("#el-result .calc-provisional")
    assert note.strip() == labels["calc-early-provisional"][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_an_eligible_answer_shows_before_the_runtime_and_python_confirms_it(
    held: tuple[BrowserContext, list[Route]], server: str, labels: dict, lang: str
) -> None:
    context, routes = held
    page = open_early(context, server, lang, {**TECHNICIAN, "years_since_certificate": "4"})
    assert_provisional(page, routes, labels, lang)
    assert page.get_attribute("#el-result", "data-eligible") == "true"
    early = page.inner_text("#el-result .calc-verdict")
    assert "A1" in early

    release(context, routes)
    page.wait_for_selector("#el-result[data-engine=python] .calc-verdict")
    assert page.get_attribute("#el-result", "data-eligible") == "true"
    assert page.locator("#el-result .calc-provisional").count() == 0
    assert page.locator("#el-result [data-route='2018-technician-a1'].calc-met").count() == 1
    assert page.inner_text("#el-result .calc-verdict") == early  # Python's headline, same words


@pytest.mark.parametrize("lang", LANGS)
def test_the_opening_date_shows_before_the_runtime_as_python_gives_it(
    held: tuple[BrowserContext, list[Route]], server: str, labels: dict, lang: str
) -> None:
    """A 高级工 certificate of about a year ago: A1 opens 4 years after its date."""
    context, routes = held
    day = date.today() - timedelta(days=400)
    if (day.month, day.day) == (2, 29):
        day -= timedelta(days=1)
    opens = day.replace(year=day.year + A1_YEARS)
    page = open_early(context, server, lang, {**TECHNICIAN, "certificate_date": day.isoformat()})
    assert_provisional(page, routes, labels, lang)
    assert page.get_attribute("#el-result", "data-eligible") == "false"
    early = page.inner_text("#el-result .calc-verdict")
    assert str(opens.year) in early and str(opens.day) in early and "A1" in early

    release(context, routes)
    page.wait_for_selector("#el-result[data-engine=python] .calc-verdict")
    assert page.get_attribute("#el-result", "data-eligible") == "false"
    assert page.inner_text("#el-result .calc-verdict") == early


def test_what_the_rules_cannot_read_waits_for_python(
    held: tuple[BrowserContext, list[Route]], server: str, labels: dict
) -> None:
    """Years since a certificate that is not named: Python says what is wrong, not the page."""
    context, routes = held
    page = context.new_page()
    facts = {"edition": "2018", "target": "technician", "years_since_certificate": "4"}
    page.goto(site_url(server, "zh", f"calculators/eligibility/?{urlencode(facts)}"))
    page.wait_for_selector("#el-result .calc-note")
    assert labels["calc-waiting-loading"]["zh"] in page.inner_text("#el-result")
    assert page.get_attribute("#el-result", "data-engine") is None
    release(context, routes)
    page.wait_for_selector("#el-result[data-engine=python][data-error]")
    assert page.get_attribute("#el-result", "data-error") == "years_since_certificate"
