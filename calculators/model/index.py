"""The policy model: the compiled data read once into typed records, with lookups by id.

The compiled data is plain JSON (file stem → data), the same in a checkout, in the site build
and in the browser. It is turned into the records of `model.py` and `document.py` here, once;
the calculators and the generator then look levels, routes and sources up by id, rank levels
by `order` and label citations through this one object, and never read the data's keys.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, Protocol

from calculators.model.document import Document, Part
from calculators.model.records import (
    ConfidenceMark,
    Edition,
    Education,
    EquivalenceRules,
    Level,
    Route,
    Source,
    SpecialRoutes,
    Tier,
    Title,
)
from calculators.model.versions import Timeline
from calculators.plumbing import messages
from calculators.plumbing.texts import Text


class HasId(Protocol):
    """A record with an id."""

    @property
    def id(self) -> str: ...


class PolicyIndex:
    """The compiled policy with lookups by id; built once per process and shared.

    `data` is the compiled data it was built from (its digest is the data version); nothing
    reads its keys after the constructor. The policy is never changed after this is built,
    so whatever is derived from it alone (alias tables, route lists, citation labels, route
    texts) is worked out once and kept (`memo`), not on every request.
    """

    def __init__(self, data: dict[str, Any], data_version: dict[str, str] | None = None) -> None:
        self.data: dict[str, Any] = data
        if data_version is not None:
            # The rules of one day (rules_on): a part of the data, answering as its version.
            self.__dict__["data_version"] = data_version
        self._memo: dict[Any, Any] = {}
        self.levels: dict[str, Level] = _by_id(
            sorted((Level.of(r) for r in data["levels"]["levels"]), key=lambda lv: lv.order)
        )
        titles = data["titles"]
        self.tiers: dict[str, Tier] = _by_id(
            sorted((Tier.of(r) for r in titles["tiers"]), key=lambda tier: tier.order)
        )
        self.titles: dict[str, Title] = _by_id(Title.of(r) for r in titles["titles"])
        self.education: dict[str, Education] = _by_id(
            Education.of(r) for r in data["education"]["education"]
        )
        self.sources: dict[str, Source] = _by_id(Source.of(r) for r in data["sources"]["sources"])
        self.document: Document = Document.of(data["document"])
        # Every citable part of the text by id (preamble, sections, clauses, sub-items, closing).
        self.clauses: dict[str, Part] = _by_id(self.document.parts)
        # The documents with dates, each clause's versions and each rule's dates (versions.py).
        self.timeline: Timeline = Timeline(data, self.document)
        routes = data["application-routes"]
        self.default_edition: str = routes["default_edition"]
        self.editions: dict[str, Edition] = _by_id(Edition.of(e) for e in routes["editions"])
        self.routes: list[Route] = [Route.of(r, extension=False) for r in routes["routes"]]
        self.extensions: list[Route] = [Route.of(r, extension=True) for r in routes["extensions"]]
        self.equivalence: EquivalenceRules = EquivalenceRules.of(data["equivalence"])
        self.special: SpecialRoutes = SpecialRoutes.of(data["special-routes"])
        self.confidence_marks: dict[str, ConfidenceMark] = _by_id(
            ConfidenceMark.of(r) for r in data["confidence"]["marks"]
        )
        self._newest_change: str = max(c["date"] for c in data["changelog"]["changes"])

    def memo[V](self, key: Any, build: Callable[[], V]) -> V:
        """`build()`, computed once per index for `key`: for values derived from the policy
        alone, never from a request."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    # Levels ------------------------------------------------------------------------------
    def national_levels(self) -> list[Level]:
        """The national levels, lowest first."""
        return [lv for lv in self.levels.values() if lv.kind == "national"]

    def next_national_level(self, current: str | None) -> Level | None:
        """The national level just above `current` (the lowest one when `current` is None)."""
        floor = self.levels[current].order if current else 0
        above = [lv for lv in self.national_levels() if lv.order > floor]
        return above[0] if above else None

    # Routes ------------------------------------------------------------------------------
    def routes_for(
        self, edition: str, target: str | None = None, extensions: bool = False
    ) -> list[Route]:
        """The routes of `edition` (and its extensions when asked), for `target` if given."""
        found = self.memo(
            ("routes_for", edition, target, extensions),
            lambda: self._routes_for(edition, target, extensions),
        )
        return list(found)

    def _routes_for(self, edition: str, target: str | None, extensions: bool) -> tuple[Route, ...]:
        pool = self.routes + (self.extensions if extensions else [])
        return tuple(
            r for r in pool if r.edition == edition and (target is None or r.target == target)
        )

    def targets(self, edition: str, extensions: bool = False) -> list[Level]:
        """Levels that have at least one route in `edition`, lowest first."""

        def build() -> tuple[Level, ...]:
            ids = {r.target for r in self._routes_for(edition, None, extensions)}
            return tuple(lv for lv in self.levels.values() if lv.id in ids)

        return list(self.memo(("targets", edition, extensions), build))

    # Citations ---------------------------------------------------------------------------
    def cites(self, citation: str) -> bool:
        """Whether `citation` is a clause id of the text or the id of an external source."""
        return citation in self.clauses or citation in self.sources

    def citation_label(self, citation: str) -> Text:
        """How a citation reads to people: the clause of the opinion, or the document number."""
        return self.memo(("citation_label", citation), lambda: self._citation_label(citation))

    def _citation_label(self, citation: str) -> Text:
        if citation in self.sources:
            source = self.sources[citation]
            number = messages.SOURCE_NUMBER.format(
                number=Text.same(source.number), english=Text.same(source.number_en)
            )
            if source.scope is not None:
                return messages.SOURCE_WITH_SCOPE.format(number=number, scope=source.scope)
            return number
        part = self.clauses[citation]
        parent = self.clauses[part.clause] if part.clause else None
        return messages.clause_label(self.document.number.zh, part, parent)

    def clause_text(self, citation: str) -> Text:
        """The words of a clause of the opinion, so rules quote it without copying it."""
        text = self.clauses[citation].text
        assert text is not None, f"{citation} is a part of the text with no words of its own"
        return text

    def confidence_label(self, mark: str) -> Text:
        """How a confidence mark reads ("见于报道" / "reported"): confidence.yaml's one wording."""
        return self.confidence_marks[mark].label

    @cached_property
    def data_version(self) -> dict[str, str]:
        """Which rules an answer comes from: the newest changelog date and a digest of the
        compiled data, so a printed or shared answer can be traced to its rules."""
        return {"date": self._newest_change, "digest": policy_digest(self.data)}


def _by_id[R: HasId](records: Iterable[R]) -> dict[str, R]:
    """Records by their id, in the order given."""
    return {r.id: r for r in records}


def canonical_json(data: Any) -> str:
    """The compiled policy as stable text (sorted keys, UTF-8): what policy.json holds and
    what the digest is taken of, the same in CPython and in Pyodide."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def policy_digest(data: Any) -> str:
    """A short digest of the compiled policy: 12 hex digits of its SHA-256."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()[:12]
