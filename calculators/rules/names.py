"""Turn what people type into policy ids: "高级技师", "Senior Technician (Level 1)", "一级".

People name a level by its Chinese name, its English name, its grade ("一级", "Level 1"), or
both together as the standards write them ("一级/高级技师", "技师（二级）"). Every accepted
spelling is derived from the policy data, so a renamed level needs no code change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text

_SEPARATORS = re.compile(r"[()/、,;]+")


def normalise(value: str) -> str:
    """Fold width (full-width brackets, digits), case and spacing, so spellings compare."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return " ".join(folded.split())


def _lookup(query: str, aliases: dict[str, str]) -> str | None:
    """The id whose aliases match `query` whole, or part by part ("X (Y)", "Y/X")."""
    key = normalise(query)
    if key in aliases:
        return aliases[key]
    parts = [p.strip() for p in _SEPARATORS.split(key) if p.strip()]
    found = {aliases.get(p) for p in parts}
    if parts and len(found) == 1 and None not in found:
        return found.pop()
    return None


def _aliases(entries: Iterable[tuple[str, Iterable[str | Text | None]]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for ident, names in entries:
        for name in [ident, *names]:
            if name is None:
                continue
            spellings = [name.zh, name.en] if isinstance(name, Text) else [name]
            for spelling in spellings:
                table.setdefault(normalise(spelling), ident)
    return table


def level_id(query: str, index: PolicyIndex) -> str | None:
    """The level named by `query` (id, name or grade in either language, or name + grade)."""
    return _lookup(query, index.memo(("aliases", "level"), lambda: _level_table(index)))


def title_id(query: str, index: PolicyIndex) -> str | None:
    """The engineering title named by `query` (id or name in either language)."""
    return _lookup(query, index.memo(("aliases", "title"), lambda: _title_table(index)))


def tier_id(query: str, index: PolicyIndex) -> str | None:
    """The title tier named by `query`: a tier's id or name, or a title's (which has a tier)."""
    return _lookup(query, index.memo(("aliases", "tier"), lambda: _tier_table(index)))


def education_id(query: str, index: PolicyIndex) -> str | None:
    """The education id named by `query` (id, name in either language, or one of the
    aliases education.yaml gives it, such as 大专 or 中专)."""
    return _lookup(query, index.memo(("aliases", "education"), lambda: _education_table(index)))


# The alias tables, built once per policy index (see PolicyIndex.memo).


def _level_table(index: PolicyIndex) -> dict[str, str]:
    table = _aliases((lv.id, (lv.name, lv.grade)) for lv in index.levels.values())
    for lv in index.levels.values():
        if lv.grade is not None:
            for lang in ("zh", "en"):
                name, grade = normalise(lv.name.get(lang)), normalise(lv.grade.get(lang))
                for combined in (f"{grade} {name}", f"{name} {grade}", grade + name, name + grade):
                    table.setdefault(combined, lv.id)
    return table


def _title_table(index: PolicyIndex) -> dict[str, str]:
    return _aliases((t.id, (t.name,)) for t in index.titles.values())


def _tier_table(index: PolicyIndex) -> dict[str, str]:
    table = _aliases((t.id, (t.name,)) for t in index.tiers.values())
    for title in index.titles.values():
        for spelling in (title.id, title.name.zh, title.name.en):
            table.setdefault(normalise(spelling), title.tier)
    return table


def _education_table(index: PolicyIndex) -> dict[str, str]:
    return _aliases((e.id, (e.name, *e.aliases)) for e in index.education.values())
