"""Time on the pages: each changed clause's versions and what changed between them, and the
banner on every page whose content has a later version or a change still to come.

Like legislation.gov.uk's "changes to legislation" and its timeline of a provision's versions,
both read the data's dates (calculators/model/versions.py): a clause changes when a document
amends or replaces it; a rule record changes when a later version of it (`version_of`) starts.
A change whose first day is after the day of the build is pending; one already in force is a
later version of what the page shows. The full text shows the Huangshi text as issued, each
changed clause followed by its versions, so a reader sees the old words, the new ones and the
difference, character by character in Chinese (textdiff.py) with the English beside it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from calculators.model.index import PolicyIndex
from calculators.model.versions import DATED_RULES, ClauseVersion
from calculators.plumbing.texts import Text

from .textdiff import as_html, diff


@dataclass(frozen=True)
class Version:
    """One version of a clause as the page lists it: the version, the document that gave
    its words, whether it is still to come, and what changed from the version before."""

    version: ClauseVersion
    number: Text
    anchor: str
    pending: bool
    diff_zh: Markup | None
    diff_en: Markup | None


@dataclass(frozen=True)
class Change:
    """A later version of something a page shows: a clause (`part`) or a rule record
    (`record`), from `day` (as the data writes it); `pending`: not yet in force. `page` lists
    the versions (at `anchor`); the calculator pages `applied_on` apply the rule, so their
    answers change with it."""

    page: str
    part: str | None
    record: str | None
    day: str
    pending: bool
    anchor: str
    applied_on: tuple[str, ...] = ()

    def on(self, page: str) -> bool:
        """Whether page `page` carries the banner for this change."""
        return page == self.page or page in self.applied_on


def versions_anchor(part_anchor: str) -> str:
    """Where a clause's versions are listed on the full text: `c14-versions`."""
    return f"{part_anchor}-versions"


def clause_history(model: PolicyIndex, part_id: str, today: date) -> list[Version]:
    """The versions of a changed clause, oldest first, each with its difference from the one
    before; [] for a clause that has one version."""
    found = model.timeline.clause_versions(part_id)
    if len(found) < 2:
        return []
    anchor = model.clauses[part_id].anchor
    shown: list[Version] = []
    for n, version in enumerate(found):
        before = found[n - 1].text if n else None
        now = version.text
        start = version.validity.valid_from
        shown.append(
            Version(
                version=version,
                number=model.timeline.documents[version.document].number,
                anchor=f"{anchor}-v{n + 1}",
                pending=start is not None and start.first > today,
                diff_zh=_diff(before, now, "zh") if n else None,
                diff_en=_diff(before, now, "en") if n else None,
            )
        )
    return shown


def _diff(old: Text | None, new: Text | None, lang: str) -> Markup:
    """The words that turn the old version into the new one (a replaced clause: all struck)."""
    before = old.get(lang) if old else ""
    after = new.get(lang) if new else ""
    return as_html(diff(before, after, lang))


def changes(
    model: PolicyIndex,
    pages: dict[str, str],
    today: date,
    applied: Mapping[str, Collection[tuple[str, str]]] | None = None,
) -> list[Change]:
    """Every later version of a clause or a rule record, with the page that shows it (`pages`:
    pages.PAGES, the page of each policy file and list) and, for a rule record, the calculator
    pages that apply its list (`applied`: page → the DATED_RULES lists its calculators apply)."""
    applied = applied or {}
    found: list[Change] = []
    timeline = model.timeline
    for part_id in timeline.changed_clauses():
        anchor = versions_anchor(model.clauses[part_id].anchor)
        for version in timeline.clause_versions(part_id)[1:]:
            start = version.validity.valid_from
            if start is not None:
                found.append(
                    Change(
                        pages["document"], part_id, None, start.text, start.first > today, anchor
                    )
                )
    for stem, key in DATED_RULES:
        page = pages.get(f"{stem}/{key}") or pages[stem]
        for raw in model.data[stem][key]:
            if not raw.get("version_of"):
                continue
            start = timeline.rule_validity(raw).valid_from
            if start is not None:  # the rule as shown changes; its new version is linked
                anchor = f"{stem}-{raw['id']}".replace(".", "-")
                rule = raw["version_of"]
                on = tuple(p for p, lists in applied.items() if (stem, key) in lists)
                found.append(Change(page, None, rule, start.text, start.first > today, anchor, on))
    return sorted(found, key=lambda c: (c.day, c.page, c.part or c.record or ""))


def diff_anchors(model: PolicyIndex, changelog: list[dict[str, Any]]) -> dict[str, str]:
    """For each amendment of the changelog that names a clause with versions among its
    records, the anchor of that clause's versions on the full text (the first such clause).
    A correction of the encoding changes no version: it gets no such link."""
    changed = set(model.timeline.changed_clauses())
    found: dict[str, str] = {}
    for change in changelog:
        if change["kind"] != "amendment":
            continue
        clause = next((r for r in change["records"] if r in changed), None)
        if clause is not None:
            found[change["id"]] = versions_anchor(model.clauses[clause].anchor)
    return found
