"""The tables as text, for `python -m calculators tables` (a calculator's answer reads as its
view: view.py)."""

from __future__ import annotations

from typing import Any

from calculators.plumbing import messages


def _level(ref: dict[str, Any], lang: str) -> str:
    """ "技师（二级）" / "Technician (Level 2)", the same shape as `Level.label`."""
    grade = ref.get("grade")
    if not grade:
        return ref[lang]
    return messages.NAME_WITH_GRADE.format(name=ref[lang], grade=grade[lang]).get(lang)


def tables_text(t: dict[str, Any], lang: str) -> str:
    """The routes of every edition, one line each, and the equivalence table."""
    lines = []
    for row in t["equivalence"]:
        eq = row["equivalent"]
        lines.append(f"{_level(row['level'], lang)} → {eq[lang] if eq else '—'}")
    for edition in t["editions"]:
        lines += ["", edition["name"][lang]]
        for route in t["routes"][edition["id"]] + t["extensions"][edition["id"]]:
            target = _level(route["target"], lang)
            lines.append(f"  {route['id']}  {target}  {route['description'][lang]}")
    return "\n".join(lines)
