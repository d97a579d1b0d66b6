"""The eligibility page answers before its runtime has loaded, and Python confirms (issue 14);
while the runtime loads, the page says how much has arrived, then that Python is starting.

The runtime's WebAssembly is held back (requested, not answered) while the page is checked:
the answer from the compiled rules must already be there, marked provisional, with the
runtime still loading. Released, the runtime answers and its answer replaces the early one.
Expected values are typed from the policy: 2018 edition, 技师 route A1 is a 高级工 (三级)
certificate then 4 years of work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
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


def open_held(context: BrowserContext, url: str, shown: str) -> Page:
    """The page at `url` once `shown` is on it and the runtime's WebAssembly has been asked
    for (and is held: the runtime cannot be ready)."""
    page = context.new_page()
    with context.expect_event("request", predicate=lambda r: r.url.endswith(".wasm")):
        page.goto(url)
        page.wait_for_selector(shown)
    return page


def open_early(context: BrowserContext, server: str, lang: str, facts: dict[str, str]) -> Page:
    """The eligibility page for `facts`, its early answer shown, its runtime held back."""
    url = site_url(server, lang, f"calculators/eligibility/?{urlencode(facts)}")
    return open_held(context, url, "#el-result[data-engine=early] .calc-verdict")


def assert_provisional(page: Page, labels: dict, lang: str) -> None:
    """Shown before the runtime: it is still loading; marked so."""
    assert page.get_attribute("[data-calc-status]", "data-state") == "loading"
    note = page.inner_text("#el-result .calc-provisional")
    assert note.strip() == labels["calc-early-provisional"][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_an_eligible_answer_shows_before_the_runtime_and_python_confirms_it(
    held: tuple[BrowserContext, list[Route]], server: str, labels: dict, lang: str
) -> None:
    context, routes = held
    page = open_early(context, server, lang, {**TECHNICIAN, "years_since_certificate": "4"})
    assert_provisional(page, labels, lang)
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
    assert_provisional(page, labels, lang)
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
    facts = {"edition": "2018", "target": "technician", "years_since_certificate": "4"}
    url = site_url(server, "zh", f"calculators/eligibility/?{urlencode(facts)}")
    page = open_held(context, url, "#el-result .calc-note")
    assert labels["calc-waiting-loading"]["zh"] in page.inner_text("#el-result")
    assert page.get_attribute("#el-result", "data-engine") is None
    release(context, routes)
    page.wait_for_selector("#el-result[data-engine=python][data-error]")
    assert page.get_attribute("#el-result", "data-error") == "years_since_certificate"


@pytest.mark.parametrize("lang", LANGS)
def test_when_the_runtime_cannot_start_the_early_answer_says_python_could_not_check_it(
    browser: Browser, server: str, labels: dict, lang: str
) -> None:
    """The runtime's WebAssembly cannot be fetched: the early answer stays, but no longer
    says Python will confirm it; it says Python could not check it, in the page's language."""
    recorder = Recorder()
    context = new_context(browser, recorder)
    context.route(WASM, lambda route: route.abort())
    page = context.new_page()
    facts = {**TECHNICIAN, "years_since_certificate": "4"}
    page.goto(site_url(server, lang, f"calculators/eligibility/?{urlencode(facts)}"))
    page.wait_for_selector("[data-calc-status][data-state=failed]")
    line = page.wait_for_selector("#el-result .calc-provisional[data-unconfirmed]")
    assert line.inner_text().strip() == labels["calc-early-unconfirmed"][lang]
    assert labels["calc-early-provisional"][lang] not in page.inner_text("#el-result")
    assert page.get_attribute("#el-result", "data-engine") == "early"
    assert page.get_attribute("#el-result", "data-eligible") == "true"
    assert "A1" in page.inner_text("#el-result .calc-verdict")
    # Asked again after the failure: the rules answer, said to be unchecked from the start.
    page.fill("#el-years-since-certificate", "1")
    page.click("#el-form [type=submit]")
    page.wait_for_selector("#el-result[data-eligible=false] .calc-provisional[data-unconfirmed]")
    assert (
        page.inner_text("#el-result .calc-provisional").strip()
        == (labels["calc-early-unconfirmed"][lang])
    )
    context.close()
    recorder.check_since((0, 0))


# While the runtime loads: what has arrived of how much, then "starting Python", then ready.

# Every change of the runtime's status line, in order, and whether the early answer was on
# the page at that moment.
LOG_STATUS = """
window.statusLog = [];
new MutationObserver(() => {
  const status = document.querySelector("[data-calc-status]");
  if (!status || !status.textContent) return;
  const last = window.statusLog[window.statusLog.length - 1];
  const early = Boolean(document.querySelector("#el-result[data-engine=early] .calc-verdict"));
  const python = Boolean(document.querySelector("#el-result[data-engine=python] .calc-verdict"));
  const entry = { state: status.dataset.state, text: status.textContent, early, python };
  if (!last || last.text !== entry.text || last.early !== early || last.python !== python) {
    window.statusLog.push(entry);
  }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"""


def _megabytes(template: str) -> re.Pattern[str]:
    """The catalogue's progress sentence with its two figures as groups."""
    parts = re.split(r"\{(loaded|total)\}", template)
    return re.compile(
        "".join(r"([0-9.,]+)" if i % 2 else re.escape(p) for i, p in enumerate(parts))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_progress_says_what_has_arrived_then_starting_then_ready(
    held: tuple[BrowserContext, list[Route]], server: str, site: Path, labels: dict, lang: str
) -> None:
    context, routes = held
    release(context, routes)  # nothing held here: the whole start, in order
    page = context.new_page()
    page.add_init_script(LOG_STATUS)
    page.goto(
        site_url(
            server,
            lang,
            f"calculators/eligibility/?{urlencode({**TECHNICIAN, 'years_since_certificate': '4'})}",
        )
    )
    page.wait_for_selector("#el-result[data-engine=python] .calc-verdict")
    log = page.evaluate("window.statusLog")
    texts = [entry["text"] for entry in log]
    arriving = _megabytes(labels["calc-runtime-arriving"][lang])
    progress = [i for i, text in enumerate(texts) if arriving.fullmatch(text)]
    starting = texts.index(labels["calc-runtime-starting"][lang])
    ready = texts.index(labels["calc-runtime-ready"][lang])
    assert texts[0] == labels["calc-runtime-loading"][lang]
    assert progress and progress[-1] < starting < ready, texts
    # The figures: rising, of one total, which is the runtime's two big files as the site
    # holds them (the browser has undone the compression by the time it counts).
    figures = [arriving.fullmatch(texts[i]).groups() for i in progress]
    loaded = [float(a.replace(",", "")) for a, _ in figures]
    assert loaded == sorted(loaded)
    assert {total for _, total in figures} == {f"{_runtime_bytes(site) / 1e6:.1f}"}
    # The early answer is there before Python starts, and stays until Python's replaces it.
    shown = [i for i, entry in enumerate(log) if entry["early"]]
    assert shown and shown[0] < starting
    assert all(entry["early"] or entry["python"] for entry in log[shown[0] :])


def _runtime_bytes(site: Path) -> int:
    (folder,) = (site / "assets" / "pyodide").iterdir()
    (stdlib,) = folder.glob("python_stdlib-*.zip")
    return (folder / "pyodide.asm.wasm").stat().st_size + stdlib.stat().st_size
