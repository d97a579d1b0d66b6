"""The words of the clauses an answer rests on, quoted under it.

An HR officer files a printed answer with the text it rests on, and a worker who is told
"clause (6)" should not have to look it up: so every answer ends with the clauses of the
Huangshi text it cites, folded on screen and printed open. The Chinese is the text; an
English page shows the unofficial translation, then the Chinese original (hidden on a
Chinese page, where it would repeat the first line).
"""

from __future__ import annotations

from collections.abc import Iterable

from calculators.interfaces.view import Node, el, folded, ref, words
from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text
from calculators.plumbing.wording import WORDING


def quoted_clauses(citations: Iterable[str], index: PolicyIndex) -> Node | None:
    """The cited clauses of the text that have words of their own, each once, in the order
    cited; None when the answer cites none (only external documents)."""
    quoted = [c for c in dict.fromkeys(citations) if c in index.clauses and index.clauses[c].text]
    if not quoted:
        return None
    return folded(
        "calc-quotes",
        len(quoted),
        el("ul", *(_quote(c, index) for c in quoted)),
        el(
            "p",
            el("small", words(Text(zh="", en=WORDING["unofficial"].en))),
            cls="calc-quote-original",
        ),
    )


def _quote(citation: str, index: PolicyIndex) -> Node:
    text = index.clause_text(citation)
    return el(
        "li",
        el("strong", ref(citation, index.citation_label(citation).to_dict())),
        el("p", words(text), cls="calc-quote"),
        el("p", words(_original(text)), cls="calc-quote-original"),
    )


def _original(text: Text) -> Text:
    """ "The text: <the Chinese>" on an English page; nothing on a Chinese one."""
    label, colon = WORDING["clause-text"], WORDING["colon"]
    return Text(zh="", en=f"{label.en}{colon.en}{text.zh}")
