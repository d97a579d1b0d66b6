"""Benchmark the site and its calculators on this machine; see benchmarks/README.md.

    .venv/bin/python benchmarks/run.py [--runs 5] [--quick] [--only startup,transfer,...]

Measures, in one run and against the baseline measured in that same run:
  startup     (a) the baseline and (b) the calculator pages, cold and warm
  transfer    (c) bytes per page kind, and whether a page fetched the runtime
  build       (d) `mkdocs build` time and save → page time under `mkdocs serve`
  throughput  (e) decisions per second in CPython and in Pyodide
  slow4g      (f) a first visit to each calculator page over emulated slow 4G
  offline     (g) a calculator's second visit with no network, against a cold baseline
Prints a table and writes benchmarks/results/latest.json. Talks only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Playwright, sync_playwright  # noqa: E402

from benchmarks import (  # noqa: E402
    buildtime,
    cases,
    network,
    report,
    startup,
    throughput,
    transfer,
)
from benchmarks.server import BENCH_PREFIX, SiteServer  # noqa: E402
from benchmarks.site import ROOT, SiteLayout, ensure_site, find_layout, snapshot  # noqa: E402
from tests.support.chromium import CHROMIUM  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
PAGES = Path(__file__).resolve().parent / "pages"
MEASUREMENTS = ("startup", "transfer", "build", "throughput", "slow4g", "offline")
CASES = 10_000
# Each offline run is two visits per calculator page and a baseline (~40 s quiet): at most 3 of
# them keep the default run of everything within 15 minutes.
OFFLINE_RUNS = 3

# Queries that make the calculator pages answer at once (field names of their forms).
EQUIVALENCE_QUERY = "level=technician&hired=1"
# A checkbox missing from the query is read as unticked, so the ticked-by-default ones are given.
ELIGIBILITY_QUERY = (
    "certificate=senior-worker&years_since_certificate=5&total_years=8"
    "&same_or_related=true&working_in_occupation=true"
)

PROBES = [
    startup.Probe("baseline-worker", f"{BENCH_PREFIX}baseline-worker.html"),
    startup.Probe("baseline-main", f"{BENCH_PREFIX}baseline-main.html"),
    # Diagnostic: the baseline plus the calculators wheel and one answer, with no page around.
    startup.Probe("runtime+package", f"{BENCH_PREFIX}baseline-worker.html?package=__PACKAGE__"),
    startup.Probe(
        "equivalence", f"/calculators/equivalence/?{EQUIVALENCE_QUERY}", "data-equivalent"
    ),
    startup.Probe("eligibility", f"/calculators/eligibility/?{ELIGIBILITY_QUERY}", "data-eligible"),
]
PROBE = {probe.name: probe for probe in PROBES}
PAGE_KINDS = [
    transfer.PageKind("home", startup.Probe("home", "/")),
    transfer.PageKind("text", startup.Probe("text", "/text/")),
    transfer.PageKind("home (en)", startup.Probe("home-en", "/en/")),
    transfer.PageKind("equivalence", PROBE["equivalence"]),
    transfer.PageKind("eligibility", PROBE["eligibility"]),
]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median; default 5)")
    parser.add_argument("--quick", action="store_true", help="one run of everything (smoke test)")
    parser.add_argument(
        "--only", default=",".join(MEASUREMENTS), help=f"comma-separated subset of {MEASUREMENTS}"
    )
    parser.add_argument("--cases", type=int, default=CASES, help="throughput cases (default 10000)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild site/ before measuring")
    parser.add_argument(
        "--site", type=Path, default=None, help="measure this built site instead of site/"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
    args.only = [m for m in args.only.split(",") if m]
    unknown = set(args.only) - set(MEASUREMENTS)
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(sorted(unknown))}")
    return args


def make_server(layout: SiteLayout, cases_body: bytes, *, brotli: bool = False) -> SiteServer:
    """The site with gzip (or, asked, the build's brotli copies) and cache headers, plus
    /__bench__/ pages and the cases (not started).

    A year of caching for the Pyodide folder; the server adds any .whl and fingerprinted file.
    """
    return SiteServer(
        brotli=brotli,
        site_dir=layout.site_dir,
        pages_dir=PAGES,
        substitutions=layout.substitutions(BENCH_PREFIX),
        long_cache_prefixes=(layout.pyodide_index,),
        extra_routes={throughput.CASES_PATH: lambda: cases_body},
    )


def available_probes(layout: SiteLayout) -> list[startup.Probe]:
    """The probes whose page exists in the site (a missing calculator page is reported)."""
    found = []
    for probe in PROBES:
        probe = dataclasses.replace(probe, path=probe.path.replace("__PACKAGE__", layout.package))
        path = probe.path.split("?")[0]
        if (
            path.startswith(BENCH_PREFIX)
            or (layout.site_dir / path.lstrip("/") / "index.html").exists()
        ):
            found.append(probe)
        else:
            print(f"  note: {path} is not in the site; {probe.name} is skipped", flush=True)
    return found


def measure_startup(pw: Playwright, origin: str, probes: list[startup.Probe], runs: int) -> dict:
    """(a)+(b): every probe cold and warm, `runs` times, the probes interleaved in each run."""
    raw: dict[str, dict[str, list[dict]]] = {p.name: {"cold": [], "warm": []} for p in probes}
    for run in range(runs):
        for probe in probes:
            cold, warm = startup.cold_and_warm(pw, origin, probe)
            raw[probe.name]["cold"].append(cold)
            raw[probe.name]["warm"].append(warm)
            print(
                f"  run {run + 1}/{runs} {probe.name:16} cold {_brief(cold)}  warm {_brief(warm)}",
                flush=True,
            )
    return raw


def _brief(visit: dict[str, Any]) -> str:
    if "error" in visit:
        return f"error: {visit['error'][:80]}"
    first = visit.get("first_answer_ms")
    answer = visit.get("answer_ms")
    return f"{answer:.0f} ms" + (f" (first {first:.0f} ms)" if first is not None else "")


def measure_slow_4g(
    pw: Playwright, server: SiteServer, layout: SiteLayout, calculators: list[startup.Probe]
) -> dict[str, Any]:
    """(f) each calculator page as a phone over HTTPS gets it (the build's brotli copies), and
    eligibility also with gzip only, the issue's own measure."""
    with make_server(layout, b"[]", brotli=True) as brotli:
        results = {"brotli": network.measure_slow_4g(pw, brotli.origin, calculators, "brotli")}
    eligibility = [probe for probe in calculators if probe.name == "eligibility"]
    results["gzip"] = network.measure_slow_4g(pw, server.origin, eligibility, "gzip")
    return results


def environment(layout: SiteLayout) -> dict[str, Any]:
    """What the figures depend on: machine, interpreters, browser, runtime, commit."""

    def out(*cmd: str) -> str:
        try:
            return subprocess.run(
                cmd, capture_output=True, encoding="utf-8", cwd=ROOT
            ).stdout.strip()
        except OSError:
            return ""

    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "machine": platform.platform(),
        "python": platform.python_version(),
        "chromium": out(CHROMIUM, "--version").splitlines()[-1:] or [""],
        "pyodide_index": layout.pyodide_index,
        "lockfile": layout.lockfile,
        "wheel": layout.wheel,
        "commit": out("git", "rev-parse", "--short", "HEAD"),
        "dirty": bool(out("git", "status", "--porcelain")),
    }


def guarded(name: str, results: dict[str, Any], step: Callable[[], Any]) -> None:
    """Run one measurement; a failure is recorded in the results, not fatal to the others."""
    print(f"[{name}]", flush=True)
    try:
        results[name] = step()
    except Exception as error:  # noqa: BLE001 - report and carry on with the rest
        traceback.print_exc()
        results[name] = {"error": f"{type(error).__name__}: {error}"}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    source = args.site or ensure_site(rebuild=args.rebuild)
    with snapshot(source) as site_dir:
        results = measure_all(args, site_dir)
        results["meta"]["site"] = str(source)
    results["budgets"] = report.budgets_as_dicts(report.check_budgets(results))
    print()
    print(report.format_table(results))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"\nwrote {args.output}")
    return 0


def measure_all(args: argparse.Namespace, site_dir: Path) -> dict[str, Any]:
    """Every measurement asked for, against the site in `site_dir`."""
    layout = find_layout(site_dir)
    mix = cases.mixed_cases(args.cases)
    results: dict[str, Any] = {"meta": {"runs": args.runs, **environment(layout)}}
    results["meta"]["load_average_start"] = os.getloadavg()
    with make_server(layout, throughput.cases_json(mix)) as server, sync_playwright() as pw:
        probes = available_probes(layout)
        calculators = [probe for probe in probes if probe.answer_attr]
        if "startup" in args.only:
            guarded(
                "startup_raw",
                results,
                lambda: measure_startup(pw, server.origin, probes, args.runs),
            )
            if "error" not in results["startup_raw"]:
                results["startup"] = report.summarize_startup(results["startup_raw"])
                results["ratios"] = report.ratios(results["startup"], results["startup_raw"])
        if "transfer" in args.only:
            guarded("transfer", results, lambda: transfer.measure(pw, server, layout, PAGE_KINDS))
        if "slow4g" in args.only:
            guarded("slow4g", results, lambda: measure_slow_4g(pw, server, layout, calculators))
        if "offline" in args.only:
            guarded(
                "offline_raw",
                results,
                lambda: network.measure_offline(
                    pw,
                    server.origin,
                    PROBE["baseline-worker"],
                    calculators,
                    min(args.runs, OFFLINE_RUNS),
                ),
            )
            if "error" not in results["offline_raw"]:
                results["offline"] = report.summarize_offline(results["offline_raw"])
        if "throughput" in args.only:
            tp: dict[str, Any] = {"mix": {k: len(v) for k, v in mix.items()}}
            throughput.use_wheel(layout.site_dir / layout.wheel.lstrip("/"))
            guarded("cpython", tp, lambda: throughput.measure_cpython(mix, args.runs))
            guarded("cpython_profile", tp, lambda: throughput.profile_cpython(mix))
            guarded("pyodide", tp, lambda: throughput.measure_pyodide(pw, server.origin, args.runs))
            results["throughput"] = tp
    if "build" in args.only:
        guarded("build", results, lambda: buildtime.measure(args.runs))
    results["meta"]["load_average_end"] = os.getloadavg()
    return results


if __name__ == "__main__":
    sys.exit(main())
