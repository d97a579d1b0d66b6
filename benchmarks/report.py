"""Medians, ratios to the baseline, budgets, and the printed table.

Every figure in the table is the median of the runs (min–max beside it). Ratios divide by the
baseline measured in the same run of the script: the median cold navigation → answer of the
bare page that starts the site's own Pyodide in a module worker and evaluates 1+1.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass
from typing import Any

BASELINE = "baseline-worker"
CALCULATORS = ("equivalence", "eligibility")
NON_CALCULATOR_PAGES = ("home", "text")
DECISIONS_BUDGET = 10_000
# Who may answer before the runtime: the build-time table (equivalence), the compiled rules
# in the page (eligibility, `data-engine="early"`). Issue 14: within 0.15 × the cold baseline.
EARLY_ENGINES = {"table": "build-time table", "early": "compiled rules"}
FIRST_ANSWER_LIMIT = 0.15
# Issue 14's slow-4G budgets (a first visit, ms after navigation) and the figures the issue
# measured before its work ("before" in the table): the eligibility page on that profile.
SLOW_4G_FIRST_ANSWER_MS = 1_500
SLOW_4G_CONFIRMED_MS = 25_000
SLOW_4G_BEFORE = "eligibility 36.4 s (74.7 s without compression), no early answer"
OFFLINE_LIMIT = 0.50  # offline second visit ≤ 0.5 × the same run's cold baseline
# Bytes of a first visit (issue 14): a calculator page gzip / brotli; the other page kinds
# "unchanged or smaller" than before the work, as the README recorded them then
# (home 150 kB, full text 162 kB, gzip; 30 November 2026).
CALCULATOR_GZIP_BYTES = 4_000_000
CALCULATOR_BROTLI_BYTES = 3_600_000
BYTES_BEFORE = {"home": 150_000, "text": 162_000}


@dataclass(frozen=True)
class Stat:
    median: float
    low: float
    high: float
    n: int


@dataclass(frozen=True)
class Budget:
    name: str
    limit: str
    measured: str
    met: bool | None  # None: could not be measured
    note: str = ""


def stat(values: list[float | None]) -> Stat | None:
    """Median and range of the values that were measured (None where nothing was)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return Stat(statistics.median(present), min(present), max(present), len(present))


def summarize_visits(visits: list[dict[str, Any]]) -> dict[str, Any]:
    """Per numeric key of the visits: its Stat; plus how many visits failed and why."""
    keys = sorted(
        {
            k
            for v in visits
            for k, x in v.items()
            if isinstance(x, int | float) and not isinstance(x, bool)
        }
    )
    summary: dict[str, Any] = {k: _as_dict(stat([v.get(k) for v in visits])) for k in keys}
    errors = [v["error"] for v in visits if "error" in v]
    summary["errors"] = errors
    engines = sorted({v["first_engine"] for v in visits if v.get("first_engine")})
    if engines:
        summary["first_engine"] = engines
    starts = [v["runtime_start"] for v in visits if v.get("runtime_start")]
    if starts:  # how each visit's runtime started: {"fresh": n, "snapshot": m}
        summary["runtime_start"] = {kind: starts.count(kind) for kind in sorted(set(starts))}
    return summary


def summarize_startup(raw: dict[str, dict[str, list[dict]]]) -> dict[str, Any]:
    """{probe: {cold: summary, warm: summary}} from {probe: {cold: [visits], warm: [visits]}}."""
    return {
        probe: {phase: summarize_visits(visits) for phase, visits in phases.items()}
        for probe, phases in raw.items()
    }


def baseline_ms(startup: dict[str, Any], phase: str = "cold") -> float | None:
    entry = startup.get(BASELINE, {}).get(phase, {}).get("answer_ms")
    return entry["median"] if entry else None


def ratios(startup: dict[str, Any], raw: dict[str, dict[str, list[dict]]]) -> dict[str, Any]:
    """Each page's median timings divided by the cold (and the warm) baseline.

    `paired_to_cold_baseline` is the median over runs of (this run's figure ÷ the same run's
    cold baseline): less moved by a slow stretch of the machine than the ratio of medians.
    """
    cold_base, warm_base = baseline_ms(startup, "cold"), baseline_ms(startup, "warm")
    base_runs = [v.get("answer_ms") for v in raw.get(BASELINE, {}).get("cold", [])]
    out: dict[str, Any] = {}
    for probe, phases in startup.items():
        for phase, summary in phases.items():
            for key in ("first_answer_ms", "runtime_ready_ms", "answer_ms"):
                entry = summary.get(key)
                if not entry or not cold_base:
                    continue
                name = f"{probe}.{phase}.{key}"
                out[name] = {"to_cold_baseline": entry["median"] / cold_base}
                base = warm_base if phase == "warm" else cold_base
                if base:
                    out[name]["to_same_phase_baseline"] = entry["median"] / base
                pairs = [
                    v[key] / b
                    for v, b in zip(raw[probe][phase], base_runs, strict=False)
                    if v.get(key) is not None and b
                ]
                if pairs:
                    out[name]["paired_to_cold_baseline"] = statistics.median(pairs)
    return out


def check_budgets(results: dict[str, Any]) -> list[Budget]:
    """The budgets, met or missed, from the summarized results."""
    startup = results.get("startup", {})
    budgets = [
        *_startup_budgets(startup, results.get("ratios", {})),
        *_transfer_budgets(results.get("transfer", {})),
        *(_before_runtime_budget(results.get("startup_raw", {}), calc) for calc in CALCULATORS),
        *_bytes_budgets(results.get("transfer", {})),
        *_slow_4g_budgets(results.get("slow4g", {})),
        *_offline_budgets(results.get("offline", {})),
        _throughput_budget(results.get("throughput", {})),
    ]
    return budgets


def _median(startup: dict[str, Any], probe: str, phase: str, key: str) -> float | None:
    entry = startup.get(probe, {}).get(phase, {}).get(key)
    return entry["median"] if entry else None


def _startup_budgets(startup: dict[str, Any], paired: dict[str, Any]) -> list[Budget]:
    """Cold ≤ 1.10 × and warm ≤ 0.50 × the cold baseline, for each calculator's answers.

    The runtime-confirmed answer is always checked; the first answer too where it came before
    the runtime (the build-time table, or the compiled rules: `EARLY_ENGINES`).
    """
    base = baseline_ms(startup)
    budgets: list[Budget] = []
    limits = (("cold", 1.10), ("warm", 0.50))
    for calc in CALCULATORS:
        engines = startup.get(calc, {}).get("cold", {}).get("first_engine", [])
        keys = [("answer_ms", "runtime-confirmed answer")]
        for engine in engines:
            if engine in EARLY_ENGINES:
                keys.insert(0, ("first_answer_ms", f"first answer ({EARLY_ENGINES[engine]})"))
        for phase, factor in limits:
            for key, label in keys:
                name = f"{phase} {calc}: {label}"
                limit = f"≤ {factor:.2f} × cold baseline"
                value = _median(startup, calc, phase, key)
                if value is None or base is None:
                    budgets.append(Budget(name, limit, "not measured", None))
                    continue
                pair = paired.get(f"{calc}.{phase}.{key}", {}).get("paired_to_cold_baseline")
                notes = [f"paired per run: {pair:.2f}×"] if pair is not None else []
                starts = startup.get(calc, {}).get(phase, {}).get("runtime_start")
                if starts:
                    notes.append(f"runtime started {_starts(starts)}")
                budgets.append(
                    Budget(
                        name,
                        f"{limit} = {factor * base:.0f} ms",
                        f"{value:.0f} ms = {value / base:.2f}×",
                        value <= factor * base,
                        "; ".join(notes),
                    )
                )
    return budgets


def _starts(starts: dict[str, int]) -> str:
    """{"fresh": 1, "snapshot": 4} → "fresh 1/5, from snapshot 4/5"."""
    total = sum(starts.values())
    return ", ".join(
        f"{'from ' if kind == 'snapshot' else ''}{kind} {n}/{total}" for kind, n in starts.items()
    )


def _transfer_budgets(transfer: dict[str, Any]) -> list[Budget]:
    budgets = []
    for kind in NON_CALCULATOR_PAGES:
        cold = transfer.get(kind, {}).get("cold")
        name = f"{kind} page fetches no wasm / Pyodide script"
        if not cold or "error" in cold:
            budgets.append(Budget(name, "none", "not measured", None))
            continue
        files = cold["runtime_files"]
        bad = cold["wasm_fetched"] or cold["pyodide_script_fetched"] or bool(files)
        budgets.append(Budget(name, "none", ", ".join(files) or "none", not bad))
    return budgets


def _before_runtime_budget(raw: dict[str, Any], calc: str) -> Budget:
    """The first answer is in the DOM before the runtime reports ready, from the build-time
    table or the compiled rules, within `FIRST_ANSWER_LIMIT` of the same run's cold baseline:
    in every cold run (issue 14)."""
    bases = [v.get("answer_ms") for v in raw.get(BASELINE, {}).get("cold", [])]
    runs = zip(raw.get(calc, {}).get("cold", []), bases, strict=False)  # run by run
    measured = [(v, b) for v, b in runs if "error" not in v]
    visits = [v for v, _ in measured]
    name = f"{calc} answer before the runtime has loaded (cold)"
    limit = f"every cold run, ≤ {FIRST_ANSWER_LIMIT:.2f} × that run's baseline"
    if not visits:
        return Budget(name, limit, "not measured", None)
    paired = [v["first_answer_ms"] / b if b else None for v, b in measured]
    early = [
        v
        for v, ratio in zip(visits, paired, strict=False)
        if v.get("runtime_ready_ms") is not None
        and v["first_answer_ms"] < v["runtime_ready_ms"]
        and v.get("first_engine") in EARLY_ENGINES
        and ratio is not None
        and ratio <= FIRST_ANSWER_LIMIT
    ]
    first = statistics.median(v["first_answer_ms"] for v in visits)
    worst = max((r for r in paired if r is not None), default=None)
    worst_text = f", worst {worst:.3f}×" if worst is not None else ""
    ready = [v["runtime_ready_ms"] for v in visits if v.get("runtime_ready_ms") is not None]
    ready_text = f"{statistics.median(ready):.0f} ms" if ready else "never"
    agree = sum(1 for v in visits if v.get("runtime_agrees"))
    return Budget(
        name,
        limit,
        f"{len(early)}/{len(visits)} runs; first answer {first:.0f} ms{worst_text}, "
        f"runtime ready {ready_text}",
        len(early) == len(visits),
        f"the runtime confirmed the early answer in {agree}/{len(visits)} runs",
    )


def summarize_offline(raw: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Per calculator: its offline second visits summarized, and the runtime-confirmed answer
    paired with the cold baseline visited just before it in the same run."""
    bases = [v.get("answer_ms") for v in raw.get(BASELINE, [])]
    out: dict[str, Any] = {BASELINE: summarize_visits(raw.get(BASELINE, []))}
    for calc, visits in raw.items():
        if calc == BASELINE:
            continue
        pairs = [
            v["answer_ms"] / b
            for v, b in zip(visits, bases, strict=False)
            if v.get("answer_ms") is not None and b
        ]
        out[calc] = {
            **summarize_visits(visits),
            "paired_to_cold_baseline": _as_dict(stat(pairs)),
        }
    return out


def _bytes_budgets(transfer: dict[str, Any]) -> list[Budget]:
    """A first visit's bytes: each calculator page gzip and brotli; home and full text no more
    than before the issue's work."""
    budgets = []
    for calc in CALCULATORS:
        cold = transfer.get(calc, {}).get("cold")
        for key, label, limit in (
            ("server_bytes", "gzip", CALCULATOR_GZIP_BYTES),
            ("server_brotli_bytes", "brotli", CALCULATOR_BROTLI_BYTES),
        ):
            name = f"{calc} page, first visit, {label}"
            if not cold or "error" in cold or key not in cold:
                budgets.append(Budget(name, f"≤ {limit / 1e6:.1f} MB", "not measured", None))
                continue
            budgets.append(
                Budget(
                    name,
                    f"≤ {limit / 1e6:.1f} MB",
                    f"{cold[key] / 1e6:.2f} MB, {cold['requests']} requests",
                    cold[key] <= limit,
                )
            )
    for kind, before in BYTES_BEFORE.items():
        cold = transfer.get(kind, {}).get("cold")
        name = f"{kind} page, first visit, gzip"
        limit = f"≤ {before / 1e3:.0f} kB (before)"
        if not cold or "error" in cold:
            budgets.append(Budget(name, limit, "not measured", None))
            continue
        # The page's own bytes: the service worker's keeping of other pages for offline use
        # (issue 14, point 4) is new work the page did not do before, reported beside it.
        kept = cold.get("service_worker_bytes", 0)
        own = cold["server_bytes"] - kept
        brotli = cold.get("server_brotli_bytes")
        notes = [f"+ {kept / 1e3:.0f} kB kept for offline by the service worker"]
        if brotli:
            notes.append(f"brotli {brotli / 1e3:.0f} kB in all")
        budgets.append(
            Budget(
                name, limit, f"{own / 1e3:.0f} kB the page's own", own <= before, "; ".join(notes)
            )
        )
    return budgets


def _slow_4g_budgets(slow: dict[str, Any]) -> list[Budget]:
    """Slow 4G, first visit: the first answer and the runtime's, ms after navigation, for each
    encoding measured (`{"brotli": {calculator: visit}, "gzip": {…}}`)."""
    budgets = []
    for encoding, visits in slow.items():
        if not isinstance(visits, dict) or "error" in visits:
            continue
        for calc in CALCULATORS:
            if calc not in visits:
                continue
            visit = visits[calc]
            for key, label, limit in (
                ("first_answer_ms", "first answer", SLOW_4G_FIRST_ANSWER_MS),
                ("answer_ms", "runtime-confirmed answer", SLOW_4G_CONFIRMED_MS),
            ):
                name = f"slow 4G {calc} ({encoding}): {label}"
                bound = f"≤ {limit / 1000:.1f} s"
                if visit.get(key) is None:
                    budgets.append(
                        Budget(name, bound, "not measured", None, visit.get("error", ""))
                    )
                    continue
                note = f"before: {SLOW_4G_BEFORE}"
                if key == "answer_ms":
                    note = f"{visit['bytes_until_answer'] / 1e6:.2f} MB received; {note}"
                budgets.append(
                    Budget(name, bound, f"{visit[key] / 1000:.2f} s", visit[key] <= limit, note)
                )
    return budgets


def _offline_budgets(offline: dict[str, Any]) -> list[Budget]:
    """The offline second visit's runtime-confirmed answer, paired with the run's baseline."""
    budgets = []
    for calc in CALCULATORS:
        entry = offline.get(calc, {})
        pair = entry.get("paired_to_cold_baseline")
        name = f"offline second visit {calc}: runtime-confirmed answer"
        limit = f"≤ {OFFLINE_LIMIT:.2f} × that run's cold baseline"
        if not pair:
            errors = "; ".join(entry.get("errors", []))[:200]
            budgets.append(Budget(name, limit, "not measured", None, errors))
            continue
        answer = entry["answer_ms"]
        starts = entry.get("runtime_start")
        budgets.append(
            Budget(
                name,
                limit,
                f"{answer['median']:.0f} ms, paired {pair['median']:.2f}× "
                f"[{pair['low']:.2f}–{pair['high']:.2f}]",
                pair["high"] <= OFFLINE_LIMIT,
                f"runtime started {_starts(starts)}" if starts else "",
            )
        )
    return budgets


def _throughput_budget(throughput: dict[str, Any]) -> Budget:
    """Checked on the compact batch form (`detail="summary"`), the one meant for many
    decisions at once; the full form (every explanation) is reported beside it."""
    name = f"{DECISIONS_BUDGET:,} decisions in the browser, runtime up"
    pyodide = throughput.get("pyodide", {})
    seconds = pyodide.get("from_js_summary_seconds")
    if not seconds:
        return Budget(name, "< 1 s", "not measured", None, pyodide.get("error", ""))
    scale = DECISIONS_BUDGET / pyodide["decisions"]
    per = statistics.median(seconds) * scale
    full = statistics.median(pyodide["from_js_seconds"]) * scale
    inside = statistics.median(pyodide["inside_seconds"]) * scale
    return Budget(
        name,
        "< 1 s",
        f"{per:.2f} s summary batch (full answers: {full:.2f} s JS ⇄ Python, "
        f"{inside:.2f} s inside Python)",
        per < 1.0,
    )


# Printing


def _fmt_ms(entry: dict[str, Any] | None, base: float | None) -> str:
    if not entry:
        return "—"
    text = f"{entry['median']:7.0f} ms  [{entry['low']:.0f}–{entry['high']:.0f}]"
    if base:
        text += f"  {entry['median'] / base:5.2f}×"
    return text


def format_table(results: dict[str, Any]) -> str:
    """The whole report as plain text."""
    lines = _startup_lines(results.get("startup", {}), results["meta"]["runs"])
    lines += _transfer_lines(results.get("transfer", {}))
    lines += _network_lines(results.get("slow4g", {}), results.get("offline", {}))
    lines += _build_lines(results.get("build", {}))
    lines += _throughput_lines(results.get("throughput", {}))
    lines += ["Budgets"]
    for budget in results.get("budgets", []):
        mark = {True: "met   ", False: "MISSED", None: "n/a   "}[budget["met"]]
        note = f"  ({budget['note']})" if budget["note"] else ""
        lines.append(f"  {mark}  {budget['name']}: {budget['measured']}  [{budget['limit']}]{note}")
    return "\n".join(lines)


STARTUP_ROWS = [
    ("baseline-worker", "answer_ms", "loadPyodide + 1+1, module worker  = BASELINE"),
    ("baseline-worker", "load_pyodide_ms", "  of which loadPyodide() itself"),
    ("baseline-main", "answer_ms", "loadPyodide + 1+1, main thread"),
    ("runtime+package", "answer_ms", "same + calculators wheel + 1 answer, no page"),
    ("runtime+package", "load_pyodide_ms", "  of which loadPyodide() with the wheel"),
    ("runtime+package", "after_load_ms", "  of which import api + first answer"),
    ("equivalence", "first_answer_ms", "equivalence: first answer"),
    ("equivalence", "runtime_ready_ms", "equivalence: runtime ready"),
    ("equivalence", "answer_ms", "equivalence: runtime-confirmed answer"),
    ("eligibility", "first_answer_ms", "eligibility: first answer"),
    ("eligibility", "answer_ms", "eligibility: runtime-confirmed answer"),
    ("equivalence", "snapshot_saved_ms", "equivalence: runtime snapshot saved"),
    ("eligibility", "snapshot_saved_ms", "eligibility: runtime snapshot saved"),
]


def _startup_lines(startup: dict[str, Any], runs: int) -> list[str]:
    if not startup:
        return []
    base = baseline_ms(startup)
    lines = [
        f"Start-up: navigation → answer (ms), median of {runs} run(s) [min–max], × cold baseline"
    ]
    for phase in ("cold", "warm"):
        for probe, key, label in STARTUP_ROWS:
            if probe not in startup:
                continue
            summary = startup[probe][phase]
            entry = summary.get(key)
            if key == "snapshot_saved_ms" and not entry:
                continue  # a visit that started from a snapshot saves none
            errors = f"  ({len(summary['errors'])} failed)" if summary.get("errors") else ""
            starts = summary.get("runtime_start") if key == "answer_ms" else None
            started = f"  ({_starts(starts)})" if starts else ""
            lines.append(f"  {phase:4}  {label:46} {_fmt_ms(entry, base)}{errors}{started}")
        lines.append("")
    return lines


def _transfer_lines(transfer: dict[str, Any]) -> list[str]:
    if not transfer:
        return []
    if "error" in transfer:
        return [f"Transfer: error: {transfer['error']}", ""]
    lines = [
        "Transfer per page kind, kB (browser: Playwright responseHeadersSize + responseBodySize;",
        "server: bytes written; br: as brotli from the .br copies; sw: of which the service",
        "worker kept for offline; raw: bodies before gzip)",
        f"  {'page':12} {'cold':>8} {'server':>8} {'br':>8} {'sw':>7} {'raw':>8} {'reqs':>5} {'warm':>6} {'304s':>5}  runtime files fetched (cold)",
    ]
    for kind, entry in transfer.items():
        cold, warm = entry["cold"], entry["warm"]
        if "error" in cold:
            lines.append(f"  {kind:12} error: {cold['error']}")
            continue
        files = ", ".join(f.rsplit("/", 1)[-1] for f in cold["runtime_files"]) or "none"
        warm_kb = f"{warm['browser_bytes'] / 1000:6.1f}" if "error" not in warm else " error"
        warm_304 = f"{warm.get('revalidated_304', 0):5}"
        missing = ", ".join(cold.get("not_found", []))
        if missing:
            files += f"; 404: {missing}"
        lines.append(
            f"  {kind:12} {cold['browser_bytes'] / 1000:8.1f} {cold['server_bytes'] / 1000:8.1f}"
            f" {cold.get('server_brotli_bytes', 0) / 1000:8.1f} {cold.get('service_worker_bytes', 0) / 1000:7.1f}"
            f" {cold['uncompressed_body_bytes'] / 1000:8.1f} {cold['requests']:5} {warm_kb} {warm_304}  {files}"
        )
    return [*lines, ""]


def _network_lines(slow: dict[str, Any], offline: dict[str, Any]) -> list[str]:
    lines = []
    if slow:
        lines.append("Slow 4G (150 ms, 1.6 Mbit/s down), first visit, ms after navigation")
        if "error" in slow:
            lines.append(f"  error: {slow['error']}")
        for encoding, visits in slow.items():
            if not isinstance(visits, dict):
                continue
            for calc, visit in visits.items():
                if "error" in visit:
                    lines.append(f"  {encoding:6} {calc:12} error: {visit['error']}")
                    continue
                answer = visit.get("answer_ms")
                lines.append(
                    f"  {encoding:6} {calc:12} first answer {visit['first_answer_ms']:7.0f}"
                    f" ({visit['first_engine']})  runtime-confirmed {answer or 0:7.0f}"
                    f"  {visit['bytes_until_answer'] / 1e6:.2f} MB,"
                    f" {visit['requests_until_answer']} requests"
                )
        lines.append("")
    if offline:
        base = offline.get(BASELINE, {}).get("answer_ms")
        lines.append("Offline second visit (relaunched, no network), runtime-confirmed answer")
        for calc, entry in offline.items():
            if calc == BASELINE:
                continue
            pair = entry.get("paired_to_cold_baseline")
            paired = f"  paired {pair['median']:.2f}×" if pair else ""
            errors = f"  ({len(entry['errors'])} failed)" if entry.get("errors") else ""
            lines.append(f"  {calc:12} {_fmt_ms(entry.get('answer_ms'), None)}{paired}{errors}")
        lines.append(f"  {'baseline':12} {_fmt_ms(base, None)} (cold, same runs)")
        lines.append("")
    return lines


def _build_lines(build: dict[str, Any]) -> list[str]:
    if not build:
        return []
    if "error" in build:
        return [f"Build: error: {build['error']}", ""]
    wall = stat([b["wall_s"] for b in build["builds"]])
    own = stat([b["mkdocs_s"] for b in build["builds"]])
    reload = stat(build["reloads_s"])
    lines = ["Build"]
    if wall and own:
        lines.append(
            f"  mkdocs build --strict (whole site)      {wall.median:6.2f} s  [{wall.low:.2f}–{wall.high:.2f}]"
            f"  (MkDocs' own figure {own.median:.2f} s)"
        )
    amended = stat([b["wall_s"] for b in build.get("builds_amended", [])])
    if wall and amended:
        ratio = amended.median / wall.median
        lines.append(
            f"  … with a second version (amendment)     {amended.median:6.2f} s  [{amended.low:.2f}–{amended.high:.2f}]"
            f"  ({ratio:.2f}×; budget ≤ 1.30×: {'met' if ratio <= 1.3 else 'missed'})"
        )
    if reload:
        lines.append(
            f"  save policy YAML → page under serve    {reload.median:6.2f} s  [{reload.low:.2f}–{reload.high:.2f}]"
            f"  ({build['edit']['file']} → {build['edit']['page']})"
        )
    return [*lines, ""]


def _throughput_lines(throughput: dict[str, Any]) -> list[str]:
    if not throughput:
        return []
    lines = ["Throughput: run_batch over the mixed cases (decisions/s, median of rounds)"]
    cp = throughput.get("cpython", {})
    for key, label in (("seconds", "CPython"), ("summary_seconds", "CPython, summary batch")):
        if cp.get(key):
            s = statistics.median(cp[key])
            lines.append(
                f"  {label:31} {cp['decisions'] / s:8.0f} /s  ({s:.2f} s for {cp['decisions']:,})"
            )
    py = throughput.get("pyodide", {})
    if py.get("error"):
        lines.append(f"  Pyodide: error: {py['error'][:200]}")
    elif py.get("from_js_seconds"):
        for key, label in (
            ("from_js_seconds", "Pyodide, called from JS"),
            ("inside_seconds", "Pyodide, timed inside Python"),
            ("from_js_summary_seconds", "Pyodide, summary batch from JS"),
        ):
            if not py.get(key):
                continue
            s = statistics.median(py[key])
            lines.append(
                f"  {label:31} {py['decisions'] / s:8.0f} /s  ({s:.2f} s for {py['decisions']:,})"
            )
        same = "identical" if py.get("sha") == cp.get("sha") else "DIFFERENT"
        lines.append(f"  answers in CPython and Pyodide: {same}")
    for key, label in (("mean_response_bytes", "full"), ("mean_summary_bytes", "summary")):
        sizes = {k: v.get(key) for k, v in cp.get("outcomes", {}).items()}
        if any(sizes.values()):
            lines.append(
                f"  mean response size ({label}): "
                + ", ".join(f"{k} {v:,} B" for k, v in sizes.items() if v)
            )
    profile = throughput.get("cpython_profile")
    if isinstance(profile, list) and profile:
        lines.append("  CPython round, share of time (cumulative):")
        inner = [row for row in profile if row["cumulative_share"] < 0.95]  # not the wrappers
        for row in inner[:8]:
            lines.append(f"    {row['cumulative_share']:5.0%}  {row['function']}")
    return [*lines, ""]


def _as_dict(value: Stat | None) -> dict[str, Any] | None:
    return asdict(value) if value else None


def budgets_as_dicts(budgets: list[Budget]) -> list[dict[str, Any]]:
    return [asdict(b) for b in budgets]
