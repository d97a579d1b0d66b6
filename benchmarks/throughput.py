"""(e) batch throughput of the calculators: decisions per second in CPython and in Pyodide.

The same cases (cases.py: 10,000 by default, half equivalence, half eligibility, both
editions) go through `calculators.api.run_batch(kind, json_text)`, one call per kind; a
*round* answers all of them. The compiled policy is loaded before timing (its first use is
start-up, not a decision).

- CPython: this interpreter, importing `calculators` from the very wheel the site ships (a
  wheel of pure Python is a zip Python can import), timed with perf_counter.
- Pyodide: Chromium, the site's runtime and wheel in a module worker (pages/throughput-*),
  timed two ways: `from_js` (JS calls run_batch and gets the answers back as JS strings, as a
  page would) and `inside` (timed in Python, answers left in Python: like for like with
  CPython). Both sides hash their answers; equal hashes mean identical answers.

Each is also timed with `run_batch(kind, json_text, detail="summary")`, the compact batch form
(the decision only, for checking a whole team): `summary_seconds` / `from_js_summary_seconds`.
The browser budget is checked on the summary form; the full form is reported beside it.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Playwright

from . import browser

CASES_PATH = "/__bench__/cases.json"


def cases_json(cases: dict[str, list[dict[str, Any]]]) -> bytes:
    return json.dumps(cases, ensure_ascii=False).encode("utf-8")


def use_wheel(wheel: Path) -> None:
    """Import `calculators` from the site's wheel (zip import), the code Pyodide runs; the
    wheel's compiled policy.json then takes the place of the YAML, so both sides decide from
    the same bytes.

    The copy imported from the sources (the cases are made with the generator, which uses
    it) is forgotten first, so the next import reads the wheel (`calculators_from` says where
    the timed code came from).
    """
    for name in [m for m in sys.modules if m.partition(".")[0] == "calculators"]:
        del sys.modules[name]
    sys.path.insert(0, str(wheel))


def measure_cpython(cases: dict[str, list[dict[str, Any]]], rounds: int) -> dict[str, Any]:
    """Time `rounds` rounds of run_batch over every case in this process."""
    from calculators import api

    api.run("equivalence", "{}")  # loads the compiled policy
    batches = [(kind, json.dumps(items, ensure_ascii=False)) for kind, items in cases.items()]
    seconds: list[float] = []
    summary_seconds: list[float] = []
    digest = ""
    for _ in range(rounds):
        start = time.perf_counter()
        outs = [api.run_batch(kind, text) for kind, text in batches]
        seconds.append(time.perf_counter() - start)
        digest = _sha(outs)
        start = time.perf_counter()
        for kind, text in batches:
            api.run_batch(kind, text, detail="summary")
        summary_seconds.append(time.perf_counter() - start)
    return {
        "decisions": sum(len(items) for items in cases.values()),
        "seconds": seconds,
        "summary_seconds": summary_seconds,
        "sha": digest,
        "calculators_from": str(Path(api.__file__).parent),
        "outcomes": outcomes(batches, api.run_batch),
    }


def measure_pyodide(pw: Playwright, origin: str, rounds: int) -> dict[str, Any]:
    """Time `rounds` rounds in Chromium through the site's runtime (one page load)."""
    with browser.profile_dir() as profile, browser.persistent_context(pw, profile) as context:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(f"{origin}/__bench__/throughput.html?rounds={rounds}")
        page.wait_for_function("window.__bench && window.__bench.done", polling=200, timeout=0)
        result = page.evaluate("window.__bench")
    if result.get("error"):
        return {"error": result["error"]}
    return {
        "decisions": result["decisions"],
        "from_js_seconds": result["fromJs"],
        "inside_seconds": result["inside"],
        "from_js_summary_seconds": result["fromJsSummary"],
        "sha": result["sha"],
        "runtime_startup_ms": result["startupMs"],
        "pyodide": result["pyodide"],
    }


def profile_cpython(cases: dict[str, list[dict[str, Any]]], top: int = 15) -> list[dict[str, Any]]:
    """Where a CPython round spends its time: the `top` functions by cumulative time.

    Profiling slows everything down, so read the shares, not the seconds.
    """
    import cProfile
    import pstats

    from calculators import api

    batches = [(kind, json.dumps(items, ensure_ascii=False)) for kind, items in cases.items()]
    profiler = cProfile.Profile()
    profiler.enable()
    for kind, text in batches:
        api.run_batch(kind, text)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][3])  # type: ignore[attr-defined]
    total = max(rows[0][1][3], 1e-9)  # the outermost call: the whole round
    return [
        {
            "function": f"{Path(file).name}:{line}({name})",
            "cumulative_share": round(cum / total, 3),
            "own_share": round(own / total, 3),
            "calls": calls,
        }
        for (file, line, name), (_, calls, own, cum, _) in rows[:top]
    ]


def outcomes(batches: list[tuple[str, str]], run_batch: Any) -> dict[str, dict[str, int]]:
    """What the cases decide, so a reader sees they exercise both answers (and no errors)."""
    counts: dict[str, dict[str, int]] = {}
    for kind, text in batches:
        out = run_batch(kind, text)
        responses = json.loads(out)
        tally: dict[str, int] = {"mean_response_bytes": len(out.encode()) // max(1, len(responses))}
        summary = run_batch(kind, text, detail="summary")
        tally["mean_summary_bytes"] = len(summary.encode()) // max(1, len(responses))
        for response in responses:
            if "error" in response:
                key = "error"
            elif kind == "eligibility":
                key = "eligible" if response.get("eligible") else "not eligible"
            else:
                key = "equivalent" if response.get("equivalent") else "no equivalent"
            tally[key] = tally.get(key, 0) + 1
        counts[kind] = tally
    return counts


def _sha(outs: list[str]) -> str:
    digest = hashlib.sha256()
    for out in outs:
        digest.update(out.encode())
    return digest.hexdigest()
