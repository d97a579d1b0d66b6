"""What changed between two versions of a text, for a reader: marked insertions and deletions.

Chinese has no spaces between words, so a Chinese text is compared character by character
(a changed 3年 → 5年 shows as one struck character and one inserted); English is compared
word by word, keeping the spaces with the words, which reads better than letters changing
inside a word. `difflib`'s junk heuristic is off: in a legal text, frequent characters such
as 的 and ， are content, not noise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from markupsafe import Markup

from .escape import text as escaped

_WORDS = re.compile(r"\s*\S+")


@dataclass(frozen=True)
class Piece:
    """A run of text that is `equal` in both versions, or only in the new (`insert`) or the
    old one (`delete`)."""

    op: str
    text: str


def _tokens(text: str, lang: str) -> list[str]:
    if lang == "zh":
        return list(text)
    words = _WORDS.findall(text)
    rest = text[len("".join(words)) :]
    return [*words, rest] if rest else words


def diff(old: str, new: str, lang: str) -> list[Piece]:
    """The pieces that turn `old` into `new`: equal runs, deletions before insertions."""
    a, b = _tokens(old, lang), _tokens(new, lang)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("insert", "".join(b[j1:j2])))
    return pieces


def as_html(pieces: Sequence[Piece]) -> Markup:
    """The pieces as HTML: deletions in `<del>`, insertions in `<ins>`, every text escaped."""
    tags = {"delete": "del", "insert": "ins"}
    return Markup("").join(
        escaped(p.text)
        if p.op == "equal"
        else Markup(f"<{tags[p.op]}>{escaped(p.text)}</{tags[p.op]}>")
        for p in pieces
    )
