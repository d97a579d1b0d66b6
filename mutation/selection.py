"""Which tests a mutant runs, and where a mutated file's functions are: mutmut_cli.py's choices,
apart from mutmut so that the tests can check them without it (see mutmut_cli.py for why)."""

from __future__ import annotations

import ast
import difflib
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

# The tests a package's mutants do not run: the generator's tests build pages through most of
# the calculators (seconds each, for what the calculators' own tests check); the calculators'
# tests check nothing the generator writes. Every function keeps tests of its own package.
TESTS_ELSEWHERE = {
    "calculators": ("tests/generator/", "tests/build/"),
    "hgpolicy": ("tests/calculators/",),
}


def tests_for(
    mutant: str,
    tests: list[str],
    seconds: dict[str, float],
    budget_s: float | None = None,
    killers: Mapping[str, int] | None = None,
) -> list[str]:
    """The tests `mutant` runs: of those mutmut gives it (every test that calls its function),
    its own package's; first those that killed other mutants of its function (`killers`, by
    how many), then the fastest: a fault in a validator is often caught by one case of the
    broken corpus, which fastest first would reach after a minute of others. With a
    `budget_s`, only as many as fit in that many seconds of their recorded time (the first
    always)."""
    elsewhere = TESTS_ELSEWHERE.get(mutant.split(".", 1)[0], ())
    own = in_order([t for t in tests if not t.startswith(elsewhere)], seconds, killers)
    if budget_s is None:
        return own
    chosen: list[str] = []
    spent = 0.0
    for test in own:
        spent += seconds[test]
        if chosen and spent > budget_s:
            break
        chosen.append(test)
    return chosen


def in_order(
    tests: list[str], seconds: dict[str, float], killers: Mapping[str, int] | None = None
) -> list[str]:
    """`tests` in the order a mutant runs them: the most kills first, then the fastest."""
    killed = killers or {}
    return sorted(tests, key=lambda t: (-killed.get(t, 0), seconds[t]))


def function_spans(source: str, is_mutant: Callable[[str], bool]) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of each function of `source` whose name `is_mutant`, in
    the file's order, outside other functions (mutmut nests none), lines counted from `def`
    (decorators aside) as libcst's positions count them, which mutmut's own look-up uses."""
    found: list[tuple[str, int, int]] = []
    pending: list[ast.AST] = [ast.parse(source)]
    while pending:
        for node in ast.iter_child_nodes(pending.pop()):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                if is_mutant(node.name):
                    found.append((node.name, node.lineno, node.end_lineno or node.lineno))
            else:
                pending.append(node)
    return sorted(found, key=lambda span: span[1])


# The nodes that run as a whole, each from its own lines: a statement, or a handler's `except`.
_RUNS = (ast.stmt, ast.ExceptHandler)


def _span(node: ast.stmt | ast.ExceptHandler) -> range:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return range(first, (node.end_lineno or node.lineno) + 1)


@dataclass(frozen=True)
class Change:
    """What a mutant changes in its function: the lines of the function's source it replaces
    (counted from 1; for lines only added, the two around them), and the text of the lines
    removed and added, indentation stripped: how a mutant reviewed as equivalent is known
    again in a later run, whatever number mutmut gives it then."""

    lines: frozenset[int]
    removed: tuple[str, ...]
    added: tuple[str, ...]


def change(orig: str, mutant: str, orig_name: str, mutant_name: str) -> Change:
    """The change from `orig` (a function's source) to `mutant` (its copy named `mutant_name`)."""
    renamed = re.sub(rf"\b{re.escape(mutant_name)}\b", orig_name, mutant).splitlines()
    written = orig.splitlines()
    lines: set[int] = set()
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(None, written, renamed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # Lines only added sit between two lines of `orig`: either may be the statement's.
        lines.update(range(i1 + 1, i2 + 1) if i2 > i1 else (i1, i1 + 1))
        removed += (line.strip() for line in written[i1:i2])
        added += (line.strip() for line in renamed[j1:j2])
    return Change(frozenset(lines), tuple(removed), tuple(added))


def lines_to_reach(orig: str, changed: Iterable[int]) -> frozenset[int] | None:
    """The lines of `orig` (a function's source, lines counted from 1) of which a test must run
    one for a mutant that changes the lines `changed` to change what it sees: the lines of the
    innermost statement each changed line is in, those of the statements nested in it left out
    (an `if`'s test is its own, not its branches'), its first line kept (`if x: return y` on
    one line). None when a change is in no statement of the body (a default value, the
    signature: run as the module is imported, by no test in particular) or there is none:
    every test of the function then counts."""
    function = next(
        node
        for node in ast.parse(textwrap.dedent(orig)).body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    )
    runs = [node for node in ast.walk(function) if isinstance(node, _RUNS) and node is not function]
    reach: set[int] = set()
    for line in changed:
        holding = [node for node in runs if line in _span(node)]
        if not holding:
            return None
        innermost = min(holding, key=lambda node: len(_span(node)))
        nested = [
            _span(child) for child in ast.iter_child_nodes(innermost) if isinstance(child, _RUNS)
        ]
        own = {n for n in _span(innermost) if not any(n in span for span in nested)}
        reach |= own | {innermost.lineno}
    return frozenset(reach) or None


# Mutants reviewed as equivalent, with the reason for each (the file says how they are known).
EQUIVALENT = Path(__file__).with_name("equivalent.yaml")
# Where a run that runs them too (`run.py --with-equivalent`) names those it ran, in .mutate/.
LISTED_RUN = "equivalent-run.txt"


def equivalent(path: Path = EQUIVALENT) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """The listed mutants, as (function, lines removed, lines added): `mangled name`, `Change`."""
    listed = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {(m["function"], tuple(m["removed"]), tuple(m["added"])) for m in listed}
