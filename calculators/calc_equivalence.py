"""The equivalence calculator, declared: a level's equal-treatment title, or a title's level.

The rule is equivalence.py; the request and its fields, facts.py (`EquivalenceQuery`). This
declaration is all the API, the CLI and the page need to offer it (see registry.py).
"""

from __future__ import annotations

import functools
from typing import Any

from calculators.interfaces.quotes import quoted_clauses
from calculators.interfaces.timeview import in_force_view
from calculators.interfaces.view import (
    Node,
    confidence,
    el,
    folded,
    joined,
    key,
    labelled,
    ref,
    verdict,
    version,
    view_of,
    words,
)
from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text
from calculators.registry import Calculator
from calculators.rules.equivalence import lookup, no_equivalent
from calculators.rules.facts import EquivalenceQuery
from calculators.rules.results import Equivalence
from calculators.rules.tables import tables


def _summary(found: Equivalence) -> dict[str, Any]:
    """The equivalent's id (or null) and the basis: what a check of many levels needs."""
    return {"equivalent": found.equivalent.id if found.equivalent else None, "basis": found.basis}


def _view(answer: dict[str, Any], index: PolicyIndex) -> dict[str, Any]:
    """The equivalent title as the verdict; the explanation, the clause's scope, the title one
    may apply for, what other sources say (folded), the sources and the data version."""
    title, apply, notes = answer["equivalent"], answer["may_apply_for"], answer["notes"]
    said = labelled("calc-equivalent")["text"]
    shown = Text(zh=said["zh"] + title["zh"], en=said["en"] + title["en"]) if title else None
    return view_of(
        {"equivalent": title["id"] if title else "none"},
        verdict(shown or key(no_equivalent(answer["direction"]))["text"], title is not None),
        el("p", words(answer["explanation"])),
        el("p", el("small", labelled("scope-of-answer"), words(answer["scope"]))),
        _may_apply_for(apply, index) if apply else None,
        folded("calc-notes", len(notes), notes_list(notes, index)) if notes else None,
        *in_force_view(answer.get("in_force")),
        _sources(answer["sources"], index),
        quoted_clauses(answer["sources"], index),
        version(answer["data_version"]),
    )


def _may_apply_for(apply: dict[str, Any], index: PolicyIndex) -> Node:
    cited = [apply["source"], *apply["also"]]
    refs = [ref(c, label) for c, label in zip(cited, apply["source_labels"], strict=True)]
    mark = confidence(apply["confidence"], index.confidence_label(apply["confidence"]))
    return el(
        "p",
        el("strong", labelled("may-apply-for")),
        words(apply["description"]),
        key("cite-sep"),
        *joined(refs),
        key("cite-sep"),
        mark,
    )


def notes_list(notes: list[dict[str, Any]], index: PolicyIndex) -> Node:
    """Notes: statements from outside the rule applied, each with its source and confidence
    mark where it has them (a decision's own notes have neither). A note resting on no
    document the project holds says where it was seen instead (`source_note`, in brackets):
    without it, its mark would not say what it rests on."""
    items = []
    for note in notes:
        cited, mark, seen_in = note.get("source"), note.get("confidence"), note.get("source_note")
        source = ref(cited, note["source_label"]) if cited else None
        where = (
            el(
                "span",
                key("open-bracket"),
                words(seen_in),
                key("close-bracket"),
            )
            if seen_in and not cited
            else None
        )
        mark = confidence(mark, index.confidence_label(mark)) if mark else None
        items.append(
            el(
                "li",
                words(note["text"]),
                key("cite-sep") if source else None,
                source,
                where,
                key("cite-sep") if mark else None,
                mark,
            )
        )
    return el("ul", *items, cls="calc-notes")


def _sources(ids: list[str], index: PolicyIndex) -> Node | None:
    """Every document the answer rests on, each by its citation (the terminal shows the
    label; the page links it)."""
    unique = list(dict.fromkeys(i for i in ids if i))
    if not unique:
        return None
    cited = (ref(i, index.citation_label(i).to_dict()) for i in unique)
    return el("p", labelled("calc-sources"), *joined(cited), cls="calc-sources")


CALCULATOR = Calculator(
    kind="equivalence",
    request=EquivalenceQuery,
    result=Equivalence,
    decide=lookup,
    decide_alone=functools.partial(lookup, alone=True),
    summary=_summary,
    table=tables,
    view=_view,
    help="calculator-equivalence",
    submit="calc-submit-equivalence",
    html_id="eq",
    live=True,
    provisional=("level", "hired"),
    # Clause （十四）'s treatment and the national rule on applying for a title (rules/equivalence.py).
    applies=(("equivalence", "treatment"), ("equivalence", "title_application")),
)
