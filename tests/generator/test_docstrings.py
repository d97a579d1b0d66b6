"""The standard library's sources lose their docstrings and comments, and nothing else."""

from __future__ import annotations

import dis
import types
import zipfile
from pathlib import Path

import pytest

from hgpolicy.docstrings import without_docstrings

ROOT = Path(__file__).resolve().parents[2]
SOURCE = b'''"""The module's docstring."""
from __future__ import annotations
import os  # a comment

class Box:
    """A class's docstring."""

    def empty(self):
        """A function whose body is its docstring."""

    async def wait(self):
        """An async function's docstring."""
        return "not a docstring"

def f(x):
    # a comment alone on its line
    y = x + 1
    "a string that is not the first statement"
    return y
'''


def test_docstrings_and_comments_go_and_the_code_stays() -> None:
    out = without_docstrings(SOURCE).decode()
    for gone in ("module's docstring", "class's docstring", "body is its docstring", "comment"):
        assert gone not in out
    assert "async function's" not in out
    assert "return 'not a docstring'" in out
    assert "'a string that is not the first statement'" in out  # only docstrings go
    namespace: dict = {}
    exec(compile(out, "<stripped>", "exec"), namespace)  # noqa: S102 - the test's own source
    box = namespace["Box"]()
    assert box.empty() is None and namespace["f"](1) == 2
    assert namespace["Box"].__doc__ is None and namespace["f"].__doc__ is None
    assert out.startswith("from __future__ import annotations\n")  # still the first statement


@pytest.mark.parametrize(
    "source",
    [
        b"try:\n    pass\nexcept ValueError, TypeError:\n    pass\n",  # Python 3.14's syntax
        b"x = t'template {y}'\n",  # 3.14's template strings
        b"def broken(:\n",
    ],
)
def test_a_source_this_python_cannot_parse_is_kept_as_it_is(source: bytes) -> None:
    assert without_docstrings(source) is source


# Superinstructions: two steps joined when they sit on one line, so they follow line breaks.
PAIRED = {
    "LOAD_FAST_LOAD_FAST": ("LOAD_FAST", "LOAD_FAST"),
    "STORE_FAST_STORE_FAST": ("STORE_FAST", "STORE_FAST"),
    "STORE_FAST_LOAD_FAST": ("STORE_FAST", "LOAD_FAST"),
}


def _code(code: types.CodeType) -> list[tuple[str, list[tuple[str, object]]]]:
    """What a code object runs, and the code it holds: instructions and their arguments, not
    where its lines are or where a constant sits in its table."""
    steps: list[tuple[str, object]] = []
    for i in dis.get_instructions(code):
        if i.opname in PAIRED:
            steps += [(PAIRED[i.opname][0], i.argval[0]), (PAIRED[i.opname][1], i.argval[1])]
        elif i.jump_target is not None:  # its label ("to L3"), not its offset
            steps.append((i.opname, i.argrepr))
        elif i.opname not in ("NOP", "EXTENDED_ARG"):  # a line's mark; an offset's size
            steps.append((i.opname, getattr(i.argval, "co_qualname", i.argval)))
    # A class records the line it starts on (`__firstlineno__ = <line>`): not what it runs.
    steps = [
        step
        for step, after in zip(steps, [*steps[1:], None], strict=True)
        if after != ("STORE_NAME", "__firstlineno__")
    ]
    found = [(code.co_qualname, steps)]
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found += _code(const)
    return found


@pytest.mark.parametrize(
    "member", ["json/decoder.py", "dataclasses.py", "typing.py", "re/_compiler.py", "ntpath.py"]
)
def test_pyodides_own_modules_compile_to_the_same_bytecode_as_under_minus_OO(member: str) -> None:
    with zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip") as full:
        source = full.read(member)
    stripped = without_docstrings(source)
    assert len(stripped) < len(source)
    # -OO drops the docstrings too: what is left must run the same instructions on the same names.
    assert _code(compile(stripped, member, "exec", optimize=2)) == _code(
        compile(source, member, "exec", optimize=2)
    )
