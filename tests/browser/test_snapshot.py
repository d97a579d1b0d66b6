"""Second visits start from a memory snapshot of the runtime, and answer exactly as before.

The first visit to a calculator page starts Python afresh and then saves a snapshot of the
interpreter's memory in the browser's Cache Storage; the next calculator page opened in the same
browser restores it instead of starting Python again. A snapshot that cannot be restored is
dropped and replaced, never trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.conftest import Recorder, new_context, site_url, wait_ready
from tests.browser.test_calculators import (
    LANGS,
    check_eligibility,
    check_equivalence,
    check_expected,
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
        for _name, values, answer, expect in representative("eligibility", per_file=1):
            fill(page, "#el-form", values)
            submit(page, "#el-form", "#el-result")
            check_expected(page, "eligibility", expect)  # the rule, typed in the case
            check_eligibility(page, answer, lang)
        page.close()

    page = open_calculator(context, server, "en", "equivalence")
    assert page.get_attribute(STATUS, "data-start") == "snapshot"
    assert page.get_attribute(STATUS, "data-snapshot") is None  # nothing new to save
    for _name, values, answer, expect in representative("equivalence", per_file=3):
        fill(page, "#eq-form", values)
        submit(page, "#eq-form", "#eq-result")
        check_expected(page, "equivalence", expect)  # the rule, typed in the case
        check_equivalence(page, answer, "en")


# Ways a stored snapshot can go bad: a change to the memory it holds (applied between gunzip
# and gzip, in the page) or to its stored bytes. `redigest`: the digest stored with it is made
# to match again, as if the snapshot had been saved that way; else the old one stays.
BUILD_ID_CHANGED = "(memory) => memory.fill(0xee, 16, 48)"  # the header's build id: another build
# Bytes flipped throughout, one in 4 kB: Pyodide refuses the memory, or restores it and Python
# fails when it first runs ("memory access out of bounds", a Pyodide fatal error).
FLIPPED = "(memory) => { for (let i = 1000; i < memory.length; i += 4099) memory[i] ^= 0xff; }"
TRUNCATED = "(stored) => stored.slice(0, stored.length >> 1)"
ROOT = Path(__file__).resolve().parents[2]
# The worker's own cache of snapshots (worker.js `SNAPSHOTS`): the service worker's caches of
# the site's files (sw.js) sit beside it and are not snapshots.
SNAPSHOTS = re.search(
    r'const SNAPSHOTS = "([^"]+)";',
    (ROOT / "docs" / "assets" / "calculators" / "worker.js").read_text(encoding="utf-8"),
)[1]
REWRITE = """async ([memoryChange, storedChange, redigest, snapshots]) => {
    const through = async (bytes, stream) =>
        new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
    const hex = async (bytes) => Array.from(
        new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)),
        (byte) => byte.toString(16).padStart(2, "0")).join("");
    const sizes = [];
    {
        const cache = await caches.open(snapshots);
        for (const request of await cache.keys()) {
            const old = await cache.match(request);
            let stored = new Uint8Array(await old.arrayBuffer());
            sizes.push(stored.length);
            if (memoryChange) {
                const memory = await through(stored, new DecompressionStream("gzip"));
                eval(memoryChange)(memory);
                stored = await through(memory, new CompressionStream("gzip"));
            }
            if (storedChange) stored = eval(storedChange)(stored);
            const headers = new Headers(old.headers);
            const digests = [...headers.keys()].filter((key) => key.includes("sha256"));
            if (redigest) for (const key of digests) headers.set(key, await hex(stored));
            await cache.put(request, new Response(stored, { headers }));
        }
    }
    return sizes;
}"""
MAX_STORED_BYTES = 16 * 2**20  # gzip keeps the 31 MB of memory to about 7 MB on disk


@pytest.mark.parametrize(
    ("memory_change", "stored_change", "redigest", "warning"),
    [
        (BUILD_ID_CHANGED, None, True, "did not restore"),
        (None, TRUNCATED, False, "unreadable"),
        (FLIPPED, None, False, "unreadable"),
        (FLIPPED, None, True, "starting afresh"),  # when restoring or at the first answer
    ],
    ids=["another-pyodide-build", "truncated", "flipped-bytes", "flipped-bytes-when-saved"],
)
def test_a_snapshot_that_does_not_restore_is_replaced(
    fresh_browser,
    server: str,
    memory_change: str | None,
    stored_change: str | None,
    redigest: bool,
    warning: str,
) -> None:
    """A snapshot Pyodide refuses (another build's), that cannot be read, that no longer
    matches the digest stored with it, or that restores but cannot answer, is dropped: the
    page starts afresh in the same visit, answers, and saves a good snapshot that the next
    visit restores. The status never says ready while the answers fail."""
    context = fresh_browser
    first = open_calculator(context, server, "en", "equivalence")
    wait_saved(first)
    sizes = first.evaluate(REWRITE, [memory_change, stored_change, redigest, SNAPSHOTS])
    assert len(sizes) == 1, "one snapshot stored"
    assert 0 < sizes[0] < MAX_STORED_BYTES
    first.close()

    second = context.new_page()
    messages: list[str] = []
    second.on("console", lambda message: messages.append(message.text))
    second.goto(site_url(server, "en", "calculators/equivalence/?level=technician"))
    second.wait_for_selector("#eq-result[data-engine=python]")
    assert second.get_attribute(STATUS, "data-state") == "ready"
    assert second.get_attribute(STATUS, "data-start") == "fresh"
    assert any(warning in text for text in messages), messages
    # Clause （十四）: a hired 技师 is treated as an 工程师.
    assert second.get_attribute("#eq-result", "data-equivalent") == "engineer"
    wait_saved(second)
    second.close()

    third = open_calculator(context, server, "zh", "equivalence")
    assert third.get_attribute(STATUS, "data-start") == "snapshot"
