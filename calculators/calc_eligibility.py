"""The eligibility calculator, declared: may this person apply for a skill level, route by route.

The rule is eligibility.py; the request and its fields, facts.py (`EligibilityFacts`). This
declaration is all the API, the CLI and the page need to offer it (see registry.py).
"""

from __future__ import annotations

import functools
from typing import Any

from calculators.calc_equivalence import notes_list
from calculators.interfaces.quotes import quoted_clauses
from calculators.interfaces.timeview import in_force_view
from calculators.interfaces.view import (
    Node,
    confidence,
    el,
    folded,
    key,
    labelled,
    ref,
    space,
    verdict,
    version,
    view_of,
    words,
)
from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text, join
from calculators.plumbing.wording import WORDING
from calculators.registry import Calculator
from calculators.rules.editions import decide
from calculators.rules.facts import EligibilityFacts
from calculators.rules.results import Decision
from calculators.rules.tables import tables


def _summary(decision: Decision) -> dict[str, Any]:
    """The decision in ids (the date ISO or null): what a check of a whole team needs."""
    return {
        "eligible": decision.eligible,
        "target": decision.target.id,
        "edition": decision.edition.id,
        "met_routes": list(decision.met_routes),
        "eligible_from": decision.eligible_from.isoformat() if decision.eligible_from else None,
    }


def _view(answer: dict[str, Any], index: PolicyIndex) -> dict[str, Any]:
    """The headline as the verdict, the edition applied; folded under them every route (what
    each still needs), the special routes and the notes; the data version."""
    edition, routes = answer["edition"], answer["routes"]
    special, notes = answer["special_routes"], answer["notes"]
    mark = confidence(edition["confidence"], index.confidence_label(edition["confidence"]))
    return view_of(
        {"eligible": "true" if answer["eligible"] else "false"},
        verdict(answer["headline"], answer["eligible"]),
        el(
            "p",
            labelled("calc-edition-applied"),
            ref(edition["source"], edition["name"]),
            key("cite-sep"),
            mark,
            cls="calc-edition",
        ),
        _other_editions(answer),
        folded(
            "calc-all-routes",
            len(routes),
            el("p", el("strong", key("calc-routes")), cls="calc-subhead"),
            el("ul", *(_route(r, edition["source"], index) for r in routes), cls="calc-routes"),
        ),
        folded(
            "calc-special-routes",
            len(special),
            el("ul", *(_special(r, index) for r in special), cls="calc-special"),
        )
        if special
        else None,
        folded("calc-notes", len(notes), notes_list([{"text": n} for n in notes], index))
        if notes
        else None,
        *in_force_view(answer.get("in_force")),
        quoted_clauses(answer["sources"], index),
        version(answer["data_version"]),
    )


def _other_editions(answer: dict[str, Any]) -> Node | None:
    """Where no edition was named: whether the others agree, and each one's verdict."""
    others = answer["other_editions"]
    if not others:
        return None
    agree = all(
        o["eligible"] == answer["eligible"] and o["eligible_from"] == answer["eligible_from"]
        for o in others
    )
    under = WORDING["calc-under-edition"]
    return el(
        "div",
        el("p", key("calc-editions-agree" if agree else "calc-editions-differ")),
        el(
            "ul",
            *(
                el(
                    "li",
                    words(
                        under.format(
                            edition=Text.of(o["edition"]["name"]), headline=Text.of(o["headline"])
                        )
                    ),
                )
                for o in others
            ),
        ),
        cls="calc-other-editions",
    )


def _route(route: dict[str, Any], edition_source: str, index: PolicyIndex) -> Node:
    """One national route: met or not, its summary, its source where it is not the edition's,
    what it still needs, its note."""
    met = route["met"]
    cited: list[Node | None] = []
    if route["source"] != edition_source:  # the edition's document is named once, above
        mark = confidence(route["confidence"], index.confidence_label(route["confidence"]))
        cited = [
            key("cite-sep"),
            ref(route["source"], route["source_label"]),
            key("cite-sep"),
            mark,
        ]
    missing = None
    if not met and route["missing"]:
        sep = WORDING["clause-sep"]
        needs = join([Text.of(m) for m in route["missing"]], sep.zh, sep.en)
        missing = el("p", el("strong", labelled("calc-missing")), words(needs), cls="calc-missing")
    note = (
        el("p", el("small", words(route["note"])), cls="calc-route-note") if route["note"] else None
    )
    return el(
        "li",
        el("span", key("mark-met" if met else "mark-missed"), cls="calc-mark", aria_hidden="true"),
        space(),
        el("strong", words({"zh": route["label"], "en": route["label"]})),
        space(),
        el("span", key("calc-met" if met else "calc-missed"), cls="calc-state"),
        el("small", key("calc-extension"), cls="calc-tag") if route["extension"] else None,
        key("dash"),
        el("small", labelled("summary")),
        words(route["description"]),
        *cited,
        missing,
        note,
        cls="calc-met" if met else "calc-missed",
        data_route=route["id"],
    )


def _special(route: dict[str, Any], index: PolicyIndex) -> Node:
    """A special route of the Huangshi text and how it stands for these facts."""
    status = route["status"]
    return el(
        "li",
        el(
            "span",
            key(f"calc-special-{status.replace('_', '-')}"),
            cls="calc-tag",
        ),
        space(),
        words(route["explanation"]),
        key("cite-sep"),
        ref(route["source"], route["source_label"]),
        notes_list(route["notes"], index) if route["notes"] else None,
        data_route=route["id"],
    )


CALCULATOR = Calculator(
    kind="eligibility",
    request=EligibilityFacts,
    result=Decision,
    decide=decide,
    decide_alone=functools.partial(decide, alone=True),
    summary=_summary,
    table=tables,
    view=_view,
    help="calculator-eligibility",
    submit="calc-submit-eligibility",
    html_id="el",
    # The editions, their routes and extensions (rules/eligibility.py), the special routes
    # (rules/special.py).
    applies=(
        ("application-routes", "editions"),
        ("application-routes", "routes"),
        ("application-routes", "extensions"),
        ("special-routes", "routes"),
    ),
)
