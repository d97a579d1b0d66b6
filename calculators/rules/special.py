"""The Huangshi text's own routes beside the national conditions (clauses （六） and （九）4).

They are reported apart from `eligible`: the text sets no years for them, and where it sets a
number (the top 3 of a registered competition) the level recognised is set by each
competition's notice. So the answer is "this route exists / is possible", never a level.
"""

from __future__ import annotations

from calculators.model.index import PolicyIndex
from calculators.model.records import Note, SpecialRoute
from calculators.plumbing import messages
from calculators.plumbing.texts import Text
from calculators.rules.facts import EligibilityFacts
from calculators.rules.results import NoteResult, SpecialRouteResult


def special_routes(facts: EligibilityFacts, index: PolicyIndex) -> list[SpecialRouteResult]:
    """Every special route with its status for these facts and the outside notes about it."""
    return [_route(route, facts, index) for route in index.special.routes]


def route_notes(route_id: str, index: PolicyIndex, target: str | None = None) -> list[NoteResult]:
    """Statements from outside the text about one special route, with their confidence; for
    a `target` level, only those that apply to it (a note's `min_level` and above)."""

    def applies(note: Note) -> bool:
        if target is None or note.min_level is None:
            return True
        return index.levels[target].order >= index.levels[note.min_level].order

    notes = index.memo(
        ("special_notes", route_id, target),
        lambda: tuple(
            note_result(n, index) for n in index.special.notes if route_id in n.about and applies(n)
        ),
    )
    return list(notes)


def note_result(note: Note, index: PolicyIndex) -> NoteResult:
    """A policy-data note as a result record, its source labelled."""
    return NoteResult(
        id=note.id,
        text=note.text,
        source=note.source,
        source_label=index.citation_label(note.source) if note.source else None,
        confidence=note.confidence,
        source_note=note.source_note,
    )


def _route(route: SpecialRoute, facts: EligibilityFacts, index: PolicyIndex) -> SpecialRouteResult:
    status, explanation = _status(route, facts, index)
    return SpecialRouteResult(
        id=route.id,
        kind=route.kind,
        status=status,
        source=route.source,
        source_label=index.citation_label(route.source),
        name=route.name,
        explanation=explanation,
        decided_by=route.decided_by,
        notes=route_notes(route.id, index, facts.target),
    )


def _status(route: SpecialRoute, facts: EligibilityFacts, index: PolicyIndex) -> tuple[str, Text]:
    """open: no condition stated; competition: the place against `max_rank`."""
    if route.kind == "open":
        return "open", _unconditional(route, index)
    if route.kind == "competition":
        rank = facts.competition_rank
        if rank is None or route.max_rank is None:
            return "not_stated", _unconditional(route, index)
        details = _details(route, index)
        if rank <= route.max_rank:
            return "possible", messages.SPECIAL_COMPETITION_POSSIBLE.format(rank=rank, **details)
        return "not_met", messages.SPECIAL_COMPETITION_NOT_MET.format(rank=rank, **details)
    raise KeyError(f"no meaning defined for special route kind {route.kind!r}")


def _unconditional(route: SpecialRoute, index: PolicyIndex) -> Text:
    """What the route says without a fact to test: an open route exists; a competition route
    needs the place. From the policy alone, so worked out once per index."""

    def build() -> Text:
        if route.kind == "open":
            return messages.SPECIAL_OPEN.format(
                decided_by=route.decided_by, **_details(route, index)
            )
        return messages.SPECIAL_COMPETITION_NOT_STATED.format(**_details(route, index))

    return index.memo(("special_text", route.id), build)


def _details(route: SpecialRoute, index: PolicyIndex) -> dict[str, object]:
    """The values the route's sentences are filled with."""
    return {
        "name": route.name,
        "source": index.citation_label(route.source),
        "max": route.max_rank,
        "registered_with": route.registered_with,
        "level_note": route.level_note,
    }
