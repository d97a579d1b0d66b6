"""The policy through time: the documents that carry dates, what each amends or replaces, the
versions of every clause, and the dates every rule record applies between.

A change of policy is data, never an overwrite (as in OpenFisca's dated parameters and
Akoma Ntoso's expressions of a work): the Huangshi text keeps its words in document.yaml; a
later document (an entry of sources.yaml) carries the new words of the clauses it `amends`
and names what it `replaces`, from its `valid_from`. A clause's versions follow from those
relations; a rule record applies between its own `valid_from`/`valid_until`, each end
falling back on its document's (the source it cites), so most records carry no dates at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.model.document import Document
from calculators.model.validity import ALWAYS, Day, Validity
from calculators.plumbing.texts import Text

Raw = Mapping[str, Any]

# Where the rule records that may carry dates are: (file stem, key of the list). The
# calculators apply the ones in force on a request's date; the validation checks each
# list's versions for gaps and overlaps.
DATED_RULES: tuple[tuple[str, str], ...] = (
    ("application-routes", "editions"),
    ("application-routes", "routes"),
    ("application-routes", "extensions"),
    ("equivalence", "treatment"),
    ("equivalence", "title_application"),
    ("special-routes", "routes"),
)


@dataclass(frozen=True, slots=True)
class Amendment:
    """New words for `clause`, given by document `by`, from `valid_from`."""

    clause: str
    by: str
    text: Text
    summary: Text | None
    valid_from: Day | None


@dataclass(frozen=True, slots=True)
class Replacement:
    """Document `by` replaces `document` as a whole, or one `clause` (which then has no
    words of its own any more), from `valid_from`."""

    by: str
    document: str | None
    clause: str | None
    valid_from: Day | None


@dataclass(frozen=True, slots=True)
class DatedDocument:
    """A document with dates: the Huangshi text itself, or a source that carries any.

    `validity`: its own dates, ended by a document that replaces it where it sets no end;
    `note`: what the data says about the dates (where the text states no day).
    """

    id: str
    number: Text
    title: Text
    issuer: Text | None
    validity: Validity
    note: Text | None
    amends: tuple[Amendment, ...] = ()
    replaces: tuple[Replacement, ...] = ()


@dataclass(frozen=True, slots=True)
class ClauseVersion:
    """The words of a clause between two dates, and the document that gave them.

    `text` None: from `validity.valid_from` the clause has no words (it was replaced).
    """

    clause: str
    document: str
    text: Text | None
    summary: Text | None
    validity: Validity


def _day(raw: Raw, key: str) -> Day | None:
    value = raw.get(key)
    return Day.parse(value) if value else None


def _own(raw: Raw) -> Validity:
    return Validity(_day(raw, "valid_from"), _day(raw, "valid_until"))


def _text(raw: Raw, key: str) -> Text | None:
    return Text.of(raw[key]) if raw.get(key) is not None else None


class Timeline:
    """Every dated document, every clause's versions, and each rule record's dates."""

    def __init__(self, data: Mapping[str, Any], document: Document) -> None:
        meta = data["document"]["meta"]
        self.base: str = meta["id"]
        found: dict[str, DatedDocument] = {
            self.base: DatedDocument(
                id=self.base,
                number=document.number,
                title=document.title,
                issuer=document.meta.issuer,
                validity=_own(meta),
                note=_text(meta, "validity_note"),
            )
        }
        for raw in data["sources"]["sources"]:
            if not any(k in raw for k in ("valid_from", "valid_until", "amends", "replaces")):
                continue
            found[raw["id"]] = _dated_source(raw)
        self.documents: dict[str, DatedDocument] = _ended_by_replacement(found)
        self.versions: dict[str, list[ClauseVersion]] = _clause_versions(
            document, self.base, self.documents
        )

    # Documents ---------------------------------------------------------------------------
    def document_validity(self, citation: str | None) -> Validity:
        """The dates of what a record cites: its document's (a clause: the Huangshi text's);
        a source without dates: no limit."""
        if citation is None:
            return ALWAYS
        if citation in self.documents:
            return self.documents[citation].validity
        if citation in self.versions:
            return self.documents[self.base].validity
        return ALWAYS

    def rule_validity(self, raw: Raw) -> Validity:
        """When a rule record applies: its own dates, else its document's."""
        return Validity.of(raw, inherited=self.document_validity(raw.get("source")))

    def earliest(self) -> date | None:
        """The first day any dated document may apply: no rules are encoded before it."""
        starts = [
            d.validity.valid_from.first for d in self.documents.values() if d.validity.valid_from
        ]
        return min(starts) if starts else None

    # Clauses -----------------------------------------------------------------------------
    def clause_versions(self, clause: str) -> list[ClauseVersion]:
        """The versions of `clause`, oldest first (one where nothing changed it)."""
        return self.versions.get(clause, [])

    def changed_clauses(self) -> list[str]:
        """The clauses with more than one version, in the text's order."""
        return [c for c, found in self.versions.items() if len(found) > 1]


def _dated_source(raw: Raw) -> DatedDocument:
    by = raw["id"]
    own = _own(raw)
    return DatedDocument(
        id=by,
        number=Text(zh=raw["number"], en=raw["number_en"]),
        title=Text.of(raw["title"]),
        issuer=_text(raw, "issuer"),
        validity=own,
        note=_text(raw, "validity_note"),
        amends=tuple(
            Amendment(
                clause=a["clause"],
                by=by,
                text=Text.of(a["text"]),
                summary=_text(a, "summary"),
                valid_from=_day(a, "valid_from") or own.valid_from,
            )
            for a in raw.get("amends", ())
        ),
        replaces=tuple(
            Replacement(
                by=by,
                document=r.get("document"),
                clause=r.get("clause"),
                valid_from=_day(r, "valid_from") or own.valid_from,
            )
            for r in raw.get("replaces", ())
        ),
    )


def _ended_by_replacement(found: dict[str, DatedDocument]) -> dict[str, DatedDocument]:
    """Each document that another replaces as a whole ends when its replacement starts
    (where it sets no end of its own)."""
    ends = {
        r.document: r.valid_from
        for doc in found.values()
        for r in doc.replaces
        if r.document is not None
    }
    result: dict[str, DatedDocument] = {}
    for ident, doc in found.items():
        end = ends.get(ident)
        if end is not None and doc.validity.valid_until is None:
            validity = Validity(doc.validity.valid_from, end)
            doc = DatedDocument(
                doc.id,
                doc.number,
                doc.title,
                doc.issuer,
                validity,
                doc.note,
                doc.amends,
                doc.replaces,
            )
        result[ident] = doc
    return result


def _clause_versions(
    document: Document, base: str, documents: Mapping[str, DatedDocument]
) -> dict[str, list[ClauseVersion]]:
    """Each part's versions: its own words from the Huangshi text's start, then each
    amendment's or replacement's from its date; the last ends with the text, if it ends."""
    changes: dict[str, list[tuple[Day | None, str, Text | None, Text | None]]] = {}
    for doc in documents.values():
        for a in doc.amends:
            changes.setdefault(a.clause, []).append((a.valid_from, a.by, a.text, a.summary))
        for r in doc.replaces:
            if r.clause is not None:
                changes.setdefault(r.clause, []).append((r.valid_from, r.by, None, None))
    text_validity = documents[base].validity
    versions: dict[str, list[ClauseVersion]] = {}
    for part in document.parts:
        if part.text is None:
            continue
        steps = sorted(changes.get(part.id, []), key=lambda c: c[0] or Day.parse("0001"))
        found: list[ClauseVersion] = []
        start, by, text, summary = text_validity.valid_from, base, part.text, part.summary
        for when, next_by, next_text, next_summary in steps:
            found.append(ClauseVersion(part.id, by, text, summary, Validity(start, when)))
            start, by, text, summary = when, next_by, next_text, next_summary
        end = text_validity.valid_until if by == base else documents[by].validity.valid_until
        found.append(ClauseVersion(part.id, by, text, summary, Validity(start, end)))
        versions[part.id] = found
    return versions
