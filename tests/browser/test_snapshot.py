"""Second visits start from a memory snapshot of the runtime, and answer exactly as before.

The first visit to a calculator page starts Python afresh and then saves a snapshot of the
interpreter's memory in the browser's Cache Storage; the next calculator page opened in the same
browser restores it instead of starting Python again. A snapshot that cannot be restored is
dropped and replaced, never trusted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from calculators import api
from tests.browser.conftest import Recorder, new_context, site_url, wait_ready
from tests.browser.test_calculators import (
    LANGS,
    check_eligibility,
    check_equivalence,
    fill,
    representative,
    submit,
)

STATUS = "[data-calc-status]"


@pytest.fixture
def fresh_browser(browser: Browser) -> Iterator[BrowserContext]:
    """A browser context of its own (empty caches, nothing saved by other tests), checked
    afterwards like the shared one: only 127.0.0.1 requested, no script error."""
    recorder = Recorder()
    context = new_context(browser, recorder)
    yield context
    context.close()
    recorder.check_since((0, 0))


def open_calculator(context: BrowserContext, server: str, lang: str, kind: str) -> Page:
    page = context.new_page()
    page.goto(site_url(server, lang, f"calculators/{kind}/"))
    wait_ready(page)
    assert page.get_attribute(STATUS, "data-state") == "ready"
    return page


def wait_saved(page: Page) -> None:
    page.wait_for_selector(f"{STATUS}[data-snapshot]")
    assert page.get_attribute(STATUS, "data-snapshot") == "saved"


def test_the_second_visit_restores_the_snapshot_and_answers_as_python(
    fresh_browser, server: str
) -> None:
    context = fresh_browser
    first = open_calculator(context, server, "zh", "equivalence")
    assert first.get_attribute(STATUS, "data-start") == "fresh"
    wait_saved(first)
    first.close()

    for lang in LANGS:
        page = open_calculator(context, server, lang, "eligibility")
        assert page.get_attribute(STATUS, "data-start") == "snapshot"
        for _name, values, answer in representative("eligibility", per_file=1):
            fill(page, "#el-form", values)
            submit(page, "#el-form", "#el-result")
            check_eligibility(page, answer, lang)
        page.close()

    page = open_calculator(context, server, "en", "equivalence")
    assert page.get_attribute(STATUS, "data-start") == "snapshot"
    assert page.get_attribute(STATUS, "data-snapshot") is None  # nothing new to save
    for _name, values, answer in representative("equivalence", per_file=3):
        fill(page, "#eq-form", values)
        submit(page, "#eq-form", "#eq-result")
        check_equivalence(page, answer, "en")


# Ways a stored snapshot can go bad, applied to its stored bytes (`stored`, gzip) in the page,
# and what the worker then says on the console.
BUILD_ID_CHANGED = """async (stored) => {
    const unzip = new Blob([stored]).stream().pipeThrough(new DecompressionStream("gzip"));
    const memory = new Uint8Array(await new Response(unzip).arrayBuffer());
    memory.fill(0xee, 16, 48);  // the header's build id: as if made by another Pyodide build
    const zip = new Blob([memory]).stream().pipeThrough(new CompressionStream("gzip"));
    return new Uint8Array(await new Response(zip).arrayBuffer());
}"""
TRUNCATED = "async (stored) => stored.slice(0, stored.length >> 1)"
REWRITE = """async (corrupt) => {
    const sizes = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            const stored = new Uint8Array(await (await cache.match(request)).arrayBuffer());
            sizes.push(stored.length);
            await cache.put(request, new Response(await (%s)(stored)));
        }
    }
    return sizes;
}"""
MAX_STORED_BYTES = 16 * 2**20  # gzip keeps the 31 MB of memory to about 7 MB on disk


@pytest.mark.parametrize(
    ("corrupt", "warning"),
    [(BUILD_ID_CHANGED, "did not restore"), (TRUNCATED, "unreadable")],
    ids=["another-pyodide-build", "truncated"],
)
def test_a_snapshot_that_does_not_restore_is_replaced(
    fresh_browser, server: str, corrupt: str, warning: str
) -> None:
    """A snapshot Pyodide refuses (another build's) or that cannot be read is dropped: the page
    starts afresh, answers, and saves a good snapshot that the next visit restores."""
    context = fresh_browser
    first = open_calculator(context, server, "en", "equivalence")
    wait_saved(first)
    sizes = first.evaluate(REWRITE % corrupt)
    assert len(sizes) == 1, "one snapshot stored"
    assert 0 < sizes[0] < MAX_STORED_BYTES
    first.close()

    second = context.new_page()
    messages: list[str] = []
    second.on("console", lambda message: messages.append(message.text))
    second.goto(site_url(server, "en", "calculators/equivalence/?level=technician"))
    wait_ready(second)
    assert second.get_attribute(STATUS, "data-state") == "ready"
    assert second.get_attribute(STATUS, "data-start") == "fresh"
    assert any(warning in text for text in messages), messages
    second.wait_for_selector("#eq-result[data-engine=python]")
    expected = json.loads(api.run("equivalence", json.dumps({"level": "technician"})))
    assert second.get_attribute("#eq-result", "data-equivalent") == expected["equivalent"]["id"]
    wait_saved(second)
    second.close()

    third = open_calculator(context, server, "zh", "equivalence")
    assert third.get_attribute(STATUS, "data-start") == "snapshot"
