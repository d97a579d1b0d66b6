"""Python sources without their docstrings and comments, for the browser runtime's library.

A phone downloads the standard library's sources on a first visit, and nobody reads them
there: a third of their bytes are docstrings and comments. Python itself runs the library
without docstrings under `-OO`, and CPython's test suite runs in that mode, so its modules
do not depend on them. Pyodide's own modules read a docstring only to format help text, and
accept a missing one.

A source is rewritten from its syntax tree (`ast.unparse`), and the result is kept only if it
parses back to the same tree as the original's with the docstrings removed: the code that
runs is the code Pyodide shipped. A source this Python cannot parse (syntax newer than the
build's Python) is kept as it is.
"""

from __future__ import annotations

import ast

_HAS_DOCSTRING = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _drop_docstrings(tree: ast.Module) -> ast.Module:
    """`tree` with each module's, class's and function's docstring removed (in place); a body
    left empty gets `pass`, as a body must hold a statement."""
    for node in ast.walk(tree):
        if isinstance(node, _HAS_DOCSTRING) and node.body and _is_docstring(node.body[0]):
            del node.body[0]
            if not node.body and not isinstance(node, ast.Module):
                node.body.append(ast.Pass())
    return tree


def without_docstrings(source: bytes) -> bytes:
    """`source` with no docstrings or comments, as UTF-8; `source` itself when it cannot be
    parsed here or the rewrite would not compile to the same code."""
    try:
        tree = _drop_docstrings(ast.parse(source))
        rewritten = ast.unparse(tree)
        same = ast.dump(ast.parse(rewritten)) == ast.dump(tree)
    except (SyntaxError, ValueError, RecursionError):
        return source
    return rewritten.encode("utf-8") + b"\n" if same else source
