"""Which tests a mutant runs, and where a mutated file's functions are: mutmut_cli.py's choices,
apart from mutmut so that the tests can check them without it (see mutmut_cli.py for why)."""

from __future__ import annotations

import ast
from collections.abc import Callable

# The tests a package's mutants do not run: the generator's tests build pages through most of
# the calculators (seconds each, for what the calculators' own tests check); the calculators'
# tests check nothing the generator writes. Every function keeps tests of its own package.
TESTS_ELSEWHERE = {
    "calculators": ("tests/generator/", "tests/build/"),
    "hgpolicy": ("tests/calculators/",),
}


def tests_for(
    mutant: str, tests: list[str], seconds: dict[str, float], budget_s: float | None = None
) -> list[str]:
    """The tests `mutant` runs: of those mutmut gives it (every test that calls its function),
    its own package's, fastest first; with a `budget_s`, only as many as fit in that many
    seconds of their recorded time (the fastest always)."""
    elsewhere = TESTS_ELSEWHERE.get(mutant.split(".", 1)[0], ())
    own = sorted((t for t in tests if not t.startswith(elsewhere)), key=lambda t: seconds[t])
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
