"""The Huangshi text's own routes beside the national conditions (clauses （六） and （九）4).

They are reported apart from `eligible`: the text sets no years for them, and where it sets a
number (the top 3 of a registered competition) the level recognised is set by each
competition's notice. So the answer is "this route exists / is possible", never a level.
"""

from __future__ import annotations

from typing import Any

from . import messages
from .facts import EligibilityFacts
from .index import PolicyIndex
from .results import NoteResult, SpecialRouteResult
from .texts import Text


def special_routes(facts: EligibilityFacts, index: PolicyIndex) -> list[SpecialRouteResult]:
    """Every special route with its status for these facts and the outside notes about it."""
    return [_route(raw, facts, index) for raw in index.special["routes"]]


def route_notes(route_id: str, index: PolicyIndex, target: str | None = None) -> list[NoteResult]:
    """Statements from outside the text about one special route, with their confidence; for
    a `target` level, only those that apply to it (a note's `min_level` and above)."""

    def applies(note: dict[str, Any]) -> bool:
        if target is None or "min_level" not in note:
            return True
        return index.levels[target].order >= index.levels[note["min_level"]].order

    notes = index.memo(
        ("special_notes", route_id, target),
        lambda: tuple(
            note_result(n, index)
            for n in index.special["notes"]
            if route_id in n["about"] and applies(n)
        ),
    )
    return list(notes)


def note_result(raw: dict[str, Any], index: PolicyIndex) -> NoteResult:
    """A policy-data note (`id`, `source`, `confidence`, `text`) as a result record."""
    source = raw.get("source")
    return NoteResult(
        id=raw["id"],
        text=Text.of(raw["text"]),
        source=source,
        source_label=index.citation_label(source) if source else None,
        confidence=raw["confidence"],
        source_note=Text.of(raw["source_note"]) if "source_note" in raw else None,
    )


def _route(raw: dict[str, Any], facts: EligibilityFacts, index: PolicyIndex) -> SpecialRouteResult:
    status, explanation = _status(raw, facts, index)
    return SpecialRouteResult(
        id=raw["id"],
        kind=raw["kind"],
        status=status,
        source=raw["source"],
        source_label=index.citation_label(raw["source"]),
        name=_texts(raw, index)["name"],
        explanation=explanation,
        decided_by=_texts(raw, index)["decided_by"],
        notes=route_notes(raw["id"], index, facts.target),
    )


def _texts(raw: dict[str, Any], index: PolicyIndex) -> dict[str, Any]:
    """The route's own texts, from the policy alone: worked out once per index."""

    def build() -> dict[str, Any]:
        texts: dict[str, Any] = {
            "name": Text.of(raw["name"]),
            "decided_by": Text.of(raw["decided_by"]),
            "source": index.citation_label(raw["source"]),
        }
        common = {"name": texts["name"], "source": texts["source"]}
        if raw["kind"] == "open":
            texts["open"] = messages.SPECIAL_OPEN.format(decided_by=texts["decided_by"], **common)
        if raw["kind"] == "competition":
            details = texts["details"] = {
                "max": raw["max_rank"],
                "registered_with": Text.of(raw["registered_with"]),
                "level_note": Text.of(raw["level_note"]),
                **common,
            }
            texts["not_stated"] = messages.SPECIAL_COMPETITION_NOT_STATED.format(**details)
        return texts

    return index.memo(("special_texts", raw["id"]), build)


def _status(raw: dict[str, Any], facts: EligibilityFacts, index: PolicyIndex) -> tuple[str, Text]:
    """open: no condition stated; competition: the place against `max_rank`."""
    texts = _texts(raw, index)
    if raw["kind"] == "open":
        return "open", texts["open"]
    if raw["kind"] == "competition":
        details = texts["details"]
        rank = facts.competition_rank
        if rank is None:
            return "not_stated", texts["not_stated"]
        if rank <= raw["max_rank"]:
            return "possible", messages.SPECIAL_COMPETITION_POSSIBLE.format(rank=rank, **details)
        return "not_met", messages.SPECIAL_COMPETITION_NOT_MET.format(rank=rank, **details)
    raise KeyError(f"no meaning defined for special route kind {raw['kind']!r}")
