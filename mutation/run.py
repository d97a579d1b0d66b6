"""`make mutate`: mutmut over calculators/ and build/hgpolicy/, scored per package.

mutmut names a mutant after its file's path (`src.` stripped) and finds it again through the
module's import name, so the two packages must sit where their paths are their names. They do
not in this repository (`build/hgpolicy` is imported as `hgpolicy`), so mutmut runs in a
scratch folder, .mutate/, that links `src/calculators` and `src/hgpolicy` to them and links
everything else the tests read. The mutants, and the tests that run against them, are copied
from there into .mutate/mutants/ by mutmut itself; pyproject.toml's [tool.mutmut] says which
tests (the fast ones), and mutmut_cli.py, through which mutmut is run, which of them each
mutant runs (its own package's that call the function it changes, within a time budget).

Prints a score per package, and as its last line `mutation score: K/N killed (P%)`.
Arguments are passed to `mutmut run` as mutant names or globs, to try a few
(`mutation/run.py 'calculators.rules.dates.*'`).

Each mutant runs its first tests (those that killed its function's other mutants, then the
fastest) up to BUDGET_S seconds of their recorded time, so that a whole run fits in 20 minutes
on the 2-core machine: a mutant whose only killing test lies past that counts as a survivor,
so the score is a lower bound. `--budget S` sets another budget; `--whole` gives every mutant
every test that reaches it (about three times as long, the score without that bound).

`--again` keeps the scratch folder of the previous run: mutmut then reuses its mutants and its
record of which tests call which function (only new tests are recorded) and reruns the names
given: for trying new tests against the survivors of a part. A run without it starts afresh,
as a whole run must.

The mutants not killed (survived, no tests, suspicious) are written to .mutate/survivors.txt,
one per line with their status; `mutmut show <name>` in .mutate/ shows one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from selection import LISTED_RUN

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / ".mutate"
PACKAGES = {"calculators": "calculators", "hgpolicy": "build/hgpolicy"}
LINKED = [
    "tests",
    "policy",
    "docs",
    "build",
    "mkdocs.yml",
    "package.json",
    "package-lock.json",
    "pyproject.toml",
]
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
# Mutants run at once: one more than the cores. mutmut's one process forks each mutant and
# records each result (tens of milliseconds); with a worker per core, a core waited for it
# after every mutant (about two minutes of a run). A mutant's limits (its CPU time, and ten
# times its tests' recorded time plus 10 s of wall time) leave room for a worker that waits.
WORKERS = (os.cpu_count() or 1) + 1
# Seconds of recorded test time each mutant runs at most, unless `--whole`.
BUDGET_S = 1.0


def prepare(again: bool) -> None:
    """A fresh scratch folder: a previous run's mutants could hide a change of the code.
    `again` keeps it (mutmut regenerates the mutants of a changed file and records new tests)."""
    if again and (SCRATCH / "mutants").is_dir():
        (SCRATCH / "tmp").mkdir(exist_ok=True)
        return
    shutil.rmtree(SCRATCH, ignore_errors=True)
    (SCRATCH / "src").mkdir(parents=True)
    for name, path in PACKAGES.items():
        (SCRATCH / "src" / name).symlink_to(ROOT / path)
    # The calculators read policy/ beside their package (calculators/data.py).
    (SCRATCH / "src" / "policy").symlink_to(ROOT / "policy")
    for name in LINKED:
        (SCRATCH / name).symlink_to(ROOT / name)
    # Each mutant's process exits without running its exit handlers (mutmut's `os._exit`), so
    # what it leaves in the temporary folder stays: here, with the run, not in /tmp.
    (SCRATCH / "tmp").mkdir()
    # The tests run inside mutants/ and find the Pyodide runtime there; linked, not copied.
    (SCRATCH / "mutants").mkdir()
    (SCRATCH / "mutants" / "node_modules").symlink_to(ROOT / "node_modules")


def mutmut(
    *args: str, capture: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the mutmut installed beside this Python, in the scratch folder (through
    mutmut_cli.py: its type-check filter parses with `ast`)."""
    command = [sys.executable, str(ROOT / "mutation" / "mutmut_cli.py"), *args]
    tools = Path(sys.executable).parent
    env = {
        **os.environ,
        # The type checker mutmut runs (pyproject.toml: type_check_command), and the packages it
        # reads the libraries' types from.
        "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}",
        "VIRTUAL_ENV": str(tools.parent),
        "TESTS_UNDER_MUTATION": "1",  # the tests' Hypothesis profile and fresh caches
        "TMPDIR": str(SCRATCH / "tmp"),
        # mutmut's own pytest sessions (its record of the tests, a mutant whose tests the kept
        # session does not hold) and the kept one: without scanning every installed package
        # for plugins (none of the fast tests needs one; Hypothesis runs without its plugin).
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        **(env or {}),
    }
    return subprocess.run(
        command, cwd=SCRATCH, env=env, capture_output=capture, encoding="utf-8", check=True
    )


def statuses() -> dict[str, Counter[str]]:
    """Per package, how many mutants ended in each status (`mutmut results --all true`); those
    not killed listed in .mutate/survivors.txt."""
    out = mutmut("results", "--all", "true", capture=True).stdout
    found: dict[str, Counter[str]] = {name: Counter() for name in PACKAGES}
    survivors = []
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        package = name.split(".", 1)[0]
        if package in found:
            found[package][status] += 1
            if status not in KILLED and status not in ("skipped", "not checked"):
                survivors.append(f"{name}: {status}")
    (SCRATCH / "survivors.txt").write_text("".join(f"{n}\n" for n in survivors))
    return found


def listed_but_killed() -> list[str]:
    """The mutants of mutation/equivalent.yaml that a `--with-equivalent` run killed."""
    path = SCRATCH / LISTED_RUN
    listed = set(path.read_text(encoding="utf-8").split()) if path.exists() else set()
    out = mutmut("results", "--all", "true", capture=True).stdout
    found = (line.strip().rpartition(": ") for line in out.splitlines())
    return sorted(name for name, _, status in found if name in listed and status in KILLED)


def score_line(label: str, counts: Counter[str]) -> str:
    """`label: K/N killed (P%)`; skipped mutants are not counted (mutmut's own rule), nor
    those a run limited to some names did not check."""
    total = sum(n for status, n in counts.items() if status not in ("skipped", "not checked"))
    killed = sum(n for status, n in counts.items() if status in KILLED)
    percent = 100 * killed / total if total else 0.0
    return f"{label}: {killed}/{total} killed ({percent:.1f}%)"


def main(args: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="mutant names or globs (default: all)")
    parser.add_argument("--again", action="store_true", help="keep the previous scratch folder")
    limits = parser.add_mutually_exclusive_group()
    limits.add_argument(
        "--budget",
        type=float,
        default=BUDGET_S,
        metavar="S",
        help=f"each mutant's tests: at most S seconds' worth (default {BUDGET_S:g})",
    )
    limits.add_argument(
        "--whole", action="store_true", help="each mutant runs every test that reaches it"
    )
    parser.add_argument(
        "--with-equivalent",
        action="store_true",
        help="run the mutants listed in mutation/equivalent.yaml too, to check the list",
    )
    given = parser.parse_args(args)
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    prepare(given.again)
    env = {} if given.whole else {"MUTATION_BUDGET_S": str(given.budget)}
    if given.with_equivalent:
        env["MUTATION_WITH_EQUIVALENT"] = "1"
    (SCRATCH / LISTED_RUN).unlink(missing_ok=True)
    mutmut("run", "--max-children", str(WORKERS), *given.names, env=env)
    counts = statuses()
    minutes = (time.monotonic() - started) / 60
    # The machine is shared: the load average says how much of the time was other work.
    tests = "every test reaching it" if given.whole else f"at most {given.budget:g} s of tests"
    print(
        f"mutmut ran {minutes:.1f} min on {os.cpu_count()} cores ({WORKERS} workers), "
        f"{tests} per mutant "
        f"(load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)"
    )
    for name, path in PACKAGES.items():
        others = {s: n for s, n in counts[name].items() if s not in KILLED and s != "skipped"}
        equivalent = (
            f", {counts[name]['skipped']} equivalent (not run)" if counts[name]["skipped"] else ""
        )
        print(score_line(f"{path}/", counts[name]) + equivalent, others or "")
    if given.with_equivalent:
        wrongly = listed_but_killed()
        print(f"listed as equivalent but killed: {len(wrongly)}", *wrongly, sep="\n  ")
    print(score_line("mutation score", sum(counts.values(), Counter())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
