"""`make mutate`'s choice of tests for a mutant, and its reading of a mutated file's functions
(mutation/selection.py): what keeps a whole run within its time and its verdicts true."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from mutation import selection  # its `tests_for` is not a test: not imported by name

ROOT = Path(__file__).resolve().parents[2]

# Recorded seconds of five tests that call one function.
SECONDS = {
    "tests/calculators/test_a.py::slow": 1.5,
    "tests/calculators/test_a.py::fast": 0.1,
    "tests/generator/test_pages.py::page": 0.05,
    "tests/calculators/test_b.py::middling": 0.4,
    "tests/policy/test_c.py::quick": 0.2,
}


def test_a_calculators_mutant_runs_all_its_own_tests_fastest_first() -> None:
    """The generator's test is another package's."""
    mutant = "calculators.rules.dates.x_add_years__mutmut_3"
    assert selection.tests_for(mutant, list(SECONDS), SECONDS) == [
        "tests/calculators/test_a.py::fast",
        "tests/policy/test_c.py::quick",
        "tests/calculators/test_b.py::middling",
        "tests/calculators/test_a.py::slow",
    ]


def test_a_budget_keeps_the_fastest_tests_that_fit_in_it() -> None:
    """0.1 + 0.2 + 0.4 = 0.7 s fit in 2 s, and the 1.5 s test would take it to 2.2 s."""
    mutant = "calculators.rules.dates.x_add_years__mutmut_3"
    assert selection.tests_for(mutant, list(SECONDS), SECONDS, budget_s=2.0) == [
        "tests/calculators/test_a.py::fast",
        "tests/policy/test_c.py::quick",
        "tests/calculators/test_b.py::middling",
    ]


def test_the_tests_that_killed_the_function_s_other_mutants_run_first() -> None:
    """By how many they killed, then fastest first; within a budget, they count first."""
    mutant = "calculators.rules.dates.x_add_years__mutmut_7"
    killers = {"tests/calculators/test_a.py::slow": 1, "tests/calculators/test_b.py::middling": 3}
    assert selection.tests_for(mutant, list(SECONDS), SECONDS, killers=killers) == [
        "tests/calculators/test_b.py::middling",
        "tests/calculators/test_a.py::slow",
        "tests/calculators/test_a.py::fast",
        "tests/policy/test_c.py::quick",
    ]
    # 0.4 + 1.5 + 0.1 = 2.0 s fit in 2 s; the 0.2 s test would take it to 2.2 s.
    assert selection.tests_for(mutant, list(SECONDS), SECONDS, 2.0, killers) == [
        "tests/calculators/test_b.py::middling",
        "tests/calculators/test_a.py::slow",
        "tests/calculators/test_a.py::fast",
    ]


def test_a_generator_mutant_runs_no_calculators_test() -> None:
    chosen = selection.tests_for("hgpolicy.pages.x_render__mutmut_1", list(SECONDS), SECONDS)
    assert chosen == ["tests/generator/test_pages.py::page", "tests/policy/test_c.py::quick"]


def test_the_fastest_test_runs_even_beyond_the_budget() -> None:
    seconds = {"tests/calculators/test_a.py::slow": 5.0, "tests/policy/test_c.py::slower": 9.0}
    mutant = "calculators.api.x_run__mutmut_2"
    assert selection.tests_for(mutant, list(seconds), seconds, budget_s=2.0) == [
        "tests/calculators/test_a.py::slow"
    ]


def test_a_mutant_only_another_packages_tests_call_runs_none() -> None:
    seconds = {"tests/calculators/test_a.py::fast": 0.1}
    assert (
        selection.tests_for("hgpolicy.calcdata.x_answers__mutmut_1", list(seconds), seconds) == []
    )


MUTATED = textwrap.dedent(
    """
    def x_add__mutmut_orig(a, b):
        return a + b

    def x_add__mutmut_1(a, b):
        def inner__mutmut_9():  # nested: not a mutant of its own
            return 0
        return a - b

    class Text:
        @classmethod
        def xǁTextǁsame__mutmut_1(cls, value):
            return cls(value,
                       value)

        def helper(self):
            pass

    if True:
        async def x_fetch__mutmut_2():
            return None
    """
)


def test_the_mutants_functions_are_found_with_their_lines_from_def_to_end() -> None:
    """Lines from `def`, not from the decorator (so libcst's positions count them); a function
    inside another is part of it; a method's span ends at its last line."""
    spans = selection.function_spans(MUTATED, lambda name: "__mutmut" in name)
    assert spans == [
        ("x_add__mutmut_orig", 2, 3),
        ("x_add__mutmut_1", 5, 8),
        ("xǁTextǁsame__mutmut_1", 12, 14),
        ("x_fetch__mutmut_2", 20, 21),
    ]


# A function as mutmut copies it (`orig`), lines counted from 1, for the lines a mutant must reach.
ORIG = textwrap.dedent(
    '''\
    def x_f__mutmut_orig(a, b=1):
        """A docstring."""
        if a > 0 and (
            b < 2
        ):
            return a
        for x in range(b):
            try:
                a += x
            except ValueError:
                pass
        if a: return b
        return None
    '''
)


def _reach(old: str, new: str) -> frozenset[int] | None:
    mutant = ORIG.replace(old, new, 1).replace("x_f__mutmut_orig", "x_f__mutmut_12")
    change = selection.change(ORIG, mutant, "x_f__mutmut_orig", "x_f__mutmut_12")
    return selection.lines_to_reach(ORIG, change.lines)


@pytest.mark.parametrize(
    ("old", "new", "lines"),
    [
        # A change in a condition's second line: the whole `if` header, not its branch.
        ("b < 2", "b <= 2", {3, 4, 5}),
        ("a > 0", "a >= 0", {3, 4, 5}),
        ("return a\n", "return None\n", {6}),
        ("range(b)", "range(None)", {7}),
        # Inside a loop and a `try`: the statement, not the loop or the `try` around it.
        ("a += x", "a -= x", {9}),
        ("except ValueError", "except TypeError", {10}),
        # A branch on its `if`'s line: that line, which the test runs.
        ("if a: return b", "if a: return None", {12}),
        # A line dropped: the statement it was.
        ("        return a\n", "", {6}),
    ],
    ids=["second-line", "first-line", "return", "loop", "loop-body", "handler", "one-line", "gone"],
)
def test_a_mutant_must_reach_the_statement_it_changes(old: str, new: str, lines: set[int]) -> None:
    assert _reach(old, new) == lines


def test_a_change_outside_the_body_needs_every_test_of_the_function() -> None:
    """A default value runs as the module is imported, in no test in particular."""
    assert _reach("b=1", "b=2") is None


def test_a_change_is_known_by_the_text_it_removes_and_adds_not_by_its_place() -> None:
    """Indentation aside, so that a reviewed mutant is known again after the code around it
    moved; the function's name is not part of it."""
    mutant = ORIG.replace("a += x", "a -= x").replace("x_f__mutmut_orig", "x_f__mutmut_3")
    change = selection.change(ORIG, mutant, "x_f__mutmut_orig", "x_f__mutmut_3")
    assert change == selection.Change(frozenset({9}), ("a += x",), ("a -= x",))
    gone = ORIG.replace("        return a\n", "").replace("x_f__mutmut_orig", "x_f__mutmut_4")
    assert selection.change(ORIG, gone, "x_f__mutmut_orig", "x_f__mutmut_4") == selection.Change(
        frozenset({6}), ("return a",), ()
    )


def test_every_listed_equivalent_mutant_has_a_reason_and_is_of_code_as_it_stands() -> None:
    """An entry whose removed lines are no longer in its module would match no mutant: the
    code changed, so its mutants run again and are reviewed again, and the entry goes."""
    listed = yaml.safe_load(selection.EQUIVALENT.read_text(encoding="utf-8"))
    assert len(listed) == len(selection.equivalent())  # no entry twice
    for entry in listed:
        assert set(entry) == {"function", "removed", "added", "why"}
        assert entry["why"].strip(), entry
        module, _, mangled = entry["function"].rpartition(".")
        package, _, rest = module.partition(".")
        folder = ROOT / {"calculators": "calculators", "hgpolicy": "build/hgpolicy"}[package]
        path = folder.joinpath(*rest.split(".")).with_suffix(".py")
        if not path.exists():
            path = folder.joinpath(*rest.split("."), "__init__.py")
        source = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
        name = mangled.rpartition("ǁ")[2] if "ǁ" in mangled else mangled.removeprefix("x_")
        assert f"def {name}(" in path.read_text(encoding="utf-8"), entry["function"]
        for line in entry["removed"]:
            # the unmutated copy's `def` line carries mutmut's name for it
            assert line.startswith("def ") or line in source, (entry["function"], line)
