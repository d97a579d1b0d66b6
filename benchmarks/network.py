"""(f) a phone on a slow 4G connection, and (g) a second visit with no connection at all.

Slow 4G: a first visit (new, empty profile) to each calculator page in Chinese through
Chromium's own network emulation (the DevTools protocol's `Network.emulateNetworkConditions`,
as DevTools' throttling presets apply it): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
Measured on this machine: the emulation also holds back the module worker's requests (the
runtime's 3.5 MB of WebAssembly takes its ~17 s), so the figures are the whole page's.

Offline: one online visit to a calculator page (the service worker installs, and keeps the
runtime once it has started: `<html data-offline="ready">`), Chromium closed; then Chromium
relaunched on the same profile with the network cut (`BrowserContext.set_offline`) and the
same page opened. A relaunch, not a reload: a worker with no signal opens the site later from a
closed browser, with nothing in memory; only what the service worker, the HTTP cache and the
code cache kept on disk can answer. Each run pairs it with a cold baseline visit made just
before, so the ratio is to that run's own baseline.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Playwright

from . import browser
from .startup import RESULT_SELECTOR, SNAPSHOT_SETTLED_JS, Probe, calculator_timings, visit

# DevTools' "Slow 4G" as the issue gives it; throughput in bytes per second.
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 // 8,
    "uploadThroughput": 750_000 // 8,
}
SLOW_TIMEOUT_MS = 180_000  # a first visit at 1.6 Mbit/s: the runtime alone takes ~20 s
OFFLINE_READY_JS = "document.documentElement.dataset.offline === 'ready'"
OFFLINE_READY_WAIT_MS = 60_000


def slow_4g_visit(pw: Playwright, origin: str, probe: Probe) -> dict[str, Any]:
    """A first visit to `probe` through the slow-4G emulation: its timings (ms from the
    navigation) and the bytes received until the runtime-confirmed answer."""
    with browser.profile_dir() as profile, browser.persistent_context(pw, profile) as context:
        context.set_default_timeout(SLOW_TIMEOUT_MS)
        browser.watch_answers(context, RESULT_SELECTOR)
        log = browser.RequestLog().attach(context)
        page = context.pages[0] if context.pages else context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        try:
            page.goto(origin + probe.path, wait_until="commit")
            page.wait_for_function(probe.ready_js, polling=100)
        except PlaywrightError as error:
            return {"error": str(error).splitlines()[0]}
        fetched = log.fetched()  # until the runtime's answer (the service worker's copy after)
        assert probe.answer_attr is not None
        result = calculator_timings(browser.answer_events(page), probe.answer_attr)
        result["bytes_until_answer"] = sum(f.wire_bytes for f in fetched)
        result["requests_until_answer"] = len(fetched)
        return result


def measure_slow_4g(
    pw: Playwright, origin: str, probes: list[Probe], label: str = ""
) -> dict[str, Any]:
    """One slow-4G first visit per calculator page: the link, not the processor, sets these
    figures (seconds of transfer against tens of milliseconds of machine noise)."""
    results = {}
    for probe in probes:
        results[probe.name] = visit = slow_4g_visit(pw, origin, probe)
        brief = visit.get("error") or (
            f"first {visit['first_answer_ms']:.0f} ms, confirmed {visit.get('answer_ms') or 0:.0f} ms,"
            f" {visit['bytes_until_answer'] / 1e6:.2f} MB"
        )
        print(f"  slow 4G {label:6} {probe.name:12} {brief}", flush=True)
    return results


def offline_second_visit(pw: Playwright, origin: str, probe: Probe) -> dict[str, Any]:
    """The online first visit, then a relaunch with no network: the second visit's timings."""
    with browser.profile_dir() as profile:
        with browser.persistent_context(pw, profile) as context:
            page = context.pages[0] if context.pages else context.new_page()
            try:
                page.goto(origin + probe.path)
                page.wait_for_function(probe.ready_js, polling=50)
                page.wait_for_function(OFFLINE_READY_JS, polling=50, timeout=OFFLINE_READY_WAIT_MS)
            except PlaywrightError as error:
                return {"error": f"online visit: {str(error).splitlines()[0]}"}
            with contextlib.suppress(PlaywrightError):  # as a reader gives it, see startup.py
                page.wait_for_function(SNAPSHOT_SETTLED_JS, polling=50, timeout=20_000)
        with browser.persistent_context(pw, profile) as context:
            context.set_offline(True)
            browser.watch_answers(context, RESULT_SELECTOR)
            page, error = browser.open_until(context, origin + probe.path, probe.ready_js)
            if error:
                return {"error": f"offline visit: {error}"}
            assert probe.answer_attr is not None
            return calculator_timings(browser.answer_events(page), probe.answer_attr)


def measure_offline(
    pw: Playwright, origin: str, baseline: Probe, probes: list[Probe], runs: int
) -> dict[str, Any]:
    """`runs` times: a cold baseline visit, then each calculator's offline second visit."""
    raw: dict[str, list[dict[str, Any]]] = {baseline.name: [], **{p.name: [] for p in probes}}
    for run in range(runs):
        with browser.profile_dir() as profile:
            raw[baseline.name].append(visit(pw, profile, origin, baseline))
        for probe in probes:
            started = time.perf_counter()
            result = offline_second_visit(pw, origin, probe)
            raw[probe.name].append(result)
            brief = result.get("error") or f"{result.get('answer_ms') or 0:.0f} ms"
            print(
                f"  run {run + 1}/{runs} {probe.name:12} offline second visit {brief}"
                f"  (baseline {raw[baseline.name][-1].get('answer_ms') or 0:.0f} ms;"
                f" {time.perf_counter() - started:.0f} s)",
                flush=True,
            )
    return raw
