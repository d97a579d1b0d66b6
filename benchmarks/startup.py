"""(a) the baseline and (b) the calculator pages: navigation → answer, cold and warm.

One *visit* = launch Chromium on a profile folder, open one URL, wait for the answer, read the
page's own timings, close Chromium. Cold = the first visit on a new, empty profile; warm = a
second visit after relaunching Chromium on the same profile (HTTP cache and V8/wasm code cache
on disk, nothing in memory): a visitor coming back another day.

Figures are `performance.now()` in the page: milliseconds since the navigation started.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Playwright

from . import browser

# The calculator pages mark their result element (`#eq-result`, `#el-result`) with
# `data-calc-result`, the answer with `data-equivalent` / `data-eligible`, and which engine
# gave it with `data-engine` ("table": the build-time table; "python": the runtime). The
# runtime status element (`[data-calc-status]`) gets `data-state="ready"` once it has loaded.
RESULT_SELECTOR = "#eq-result, #el-result, [data-calc-result], [data-calc-status]"
SETTLE_S = 0.5  # after the answer, let Chromium finish writing its caches before closing
# A first visit saves a memory snapshot of the runtime a moment after answering (worker.js);
# a visitor reading the answer gives it that moment, so the harness waits for it too.
SNAPSHOT_SETTLED_JS = (
    "(() => { const s = document.querySelector('[data-calc-status]');"
    " return !s || Boolean(s.dataset.snapshot) || s.dataset.start === 'snapshot'"
    " || s.dataset.state === 'failed'; })()"
)
SNAPSHOT_WAIT_MS = 20_000


@dataclass(frozen=True)
class Probe:
    """A page to time: the baseline pages expose `window.__bench`; calculators an attribute."""

    name: str
    path: str
    answer_attr: str | None = None  # None: a benchmark page reporting `window.__bench`

    @property
    def ready_js(self) -> str:
        """A JS expression, true once the page has its final answer (or has failed)."""
        if self.answer_attr is None:
            return "window.__bench && window.__bench.done"
        return (
            "(() => {"
            " const failed = document.querySelector('[data-calc-status][data-state=failed]');"
            f" const r = [...document.querySelectorAll('[data-calc-result]')].find(e => e.hasAttribute('{self.answer_attr}'));"
            " return Boolean(failed || (r && r.dataset.engine === 'python'));"
            "})()"
        )


def visit(pw: Playwright, profile: Path, origin: str, probe: Probe) -> dict[str, Any]:
    """Open `probe` once in Chromium on `profile`; return its timings (ms from navigation)."""
    with browser.persistent_context(pw, profile) as context:
        browser.watch_answers(context, RESULT_SELECTOR)
        page, error = browser.open_until(context, origin + probe.path, probe.ready_js)
        if error:
            return {"error": error}
        if probe.answer_attr is None:
            result = _bench_timings(page.evaluate("window.__bench"))
        else:
            with contextlib.suppress(PlaywrightError):  # no snapshot saved: reported as such
                page.wait_for_function(SNAPSHOT_SETTLED_JS, polling=50, timeout=SNAPSHOT_WAIT_MS)
            result = calculator_timings(browser.answer_events(page), probe.answer_attr)
        time.sleep(SETTLE_S)
        return result


def cold_and_warm(pw: Playwright, origin: str, probe: Probe) -> tuple[dict, dict]:
    """The first visit on a new profile, then a second visit after relaunching on it."""
    with browser.profile_dir() as profile:
        cold = visit(pw, profile, origin, probe)
        warm = visit(pw, profile, origin, probe)
    return cold, warm


def _bench_timings(bench: dict[str, Any]) -> dict[str, Any]:
    """Timings a baseline page reported: the answer, how long loadPyodide() itself took, and
    what came after it (1+1; or importing the package's api and answering once).

    `importedMs`/`loadedMs` are in the worker's own clock (from the worker's start) for the
    worker page, and in the page's clock for the main-thread page; their difference is
    comparable either way.
    """
    if bench.get("error") or bench.get("result") != 2:
        return {"error": bench.get("error") or f"1+1 gave {bench.get('result')!r}"}
    inner = bench.get("worker", {})
    timings = {"answer_ms": bench["answerMs"]}
    if "loadedMs" in inner and "importedMs" in inner:
        timings["load_pyodide_ms"] = inner["loadedMs"] - inner["importedMs"]
    if "loadedMs" in inner and "answerMs" in inner:
        timings["after_load_ms"] = inner["answerMs"] - inner["loadedMs"]
    return timings


def calculator_timings(events: list[dict[str, Any]], answer_attr: str) -> dict[str, Any]:
    """From the recorded attribute changes: first answer, runtime ready, runtime answer.

    - `first_answer_ms`: the answer attribute first set, by whichever engine (`first_engine`);
    - `runtime_ready_ms`: the status element switched to `data-state="ready"`;
    - `answer_ms`: the answer attribute set while `data-engine="python"`: the runtime's own
      answer (for a page that has no table this is also the first answer);
    - `runtime_start`: how the runtime started, `fresh` or from a saved `snapshot`;
    - `snapshot_saved_ms`: when this visit had saved its snapshot (a fresh start only).
    """
    answers = [e for e in events if e["name"] == answer_attr and e["value"] is not None]
    if any(e["name"] == "data-state" and e["value"] == "failed" for e in events):
        return {"error": "the page reported the runtime failed"}
    if not answers:
        return {"error": f"no {answer_attr} was set"}
    runtime = [e for e in answers if e["data"].get("engine") == "python"]
    ready = [e["t"] for e in events if e["name"] == "data-state" and e["value"] == "ready"]
    starts = [e["value"] for e in events if e["name"] == "data-start"]
    saved = [e["t"] for e in events if e["name"] == "data-snapshot" and e["value"] == "saved"]
    return {
        "first_answer_ms": answers[0]["t"],
        "first_engine": answers[0]["data"].get("engine", ""),
        "first_value": answers[0]["value"],
        "runtime_ready_ms": ready[0] if ready else None,
        "answer_ms": runtime[0]["t"] if runtime else None,
        "answer_value": runtime[0]["value"] if runtime else None,
        "runtime_agrees": bool(runtime) and runtime[0]["value"] == answers[0]["value"],
        "runtime_start": starts[0] if starts else None,
        "snapshot_saved_ms": saved[0] if saved else None,
    }
