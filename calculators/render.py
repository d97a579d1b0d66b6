"""Readable text for the CLI: a decision or an equivalence explained in Chinese or English.

Works on the response dicts (the JSON the site also gets), so the terminal and the page say
the same thing.
"""

from __future__ import annotations

from typing import Any

from . import messages
from .api import policy_index
from .wording import WORDING

# The labels the page shows for the same parts of an answer (wording.py).
HEAD_TARGET = WORDING["calc-field-target"]
HEAD_CERTIFICATE = WORDING["calc-field-certificate"]
HEAD_NONE = WORDING["calc-none"]
HEAD_EDITION = WORDING["calc-edition-applied"]
HEAD_RESULT = WORDING["head-result"]
HEAD_ROUTES = WORDING["calc-routes"]
HEAD_SPECIAL = WORDING["calc-special-routes"]
HEAD_NOTES = WORDING["calc-notes"]
HEAD_SOURCES = WORDING["calc-sources"]
HEAD_SOURCE = WORDING["source"]
MET = WORDING["calc-met"]
UNMET = WORDING["calc-missed"]
MISSING = WORDING["calc-missing"]
EXTENSION = WORDING["calc-extension"]
HEAD_LEVEL = WORDING["level"]
HEAD_TITLE = WORDING["title"]
HEAD_EQUIVALENT = WORDING["calc-equivalent"]
HEAD_APPLY = WORDING["may-apply-for"]
HEAD_OUTSIDE = WORDING["head-outside"]
HEAD_SCOPE = WORDING["scope-of-answer"]
HEAD_DATA_VERSION = WORDING["data-version-of"]
STATUS = {
    status: WORDING[f"calc-special-{status.replace('_', '-')}"]
    for status in ("open", "possible", "not_met", "not_stated")
}


def _t(value: dict[str, str] | None, lang: str) -> str:
    return "" if value is None else value[lang]


def _confidence(value: str | None, lang: str) -> str:
    """The mark's label from confidence.yaml, as the pages' badges show it."""
    return policy_index().confidence_label(value).get(lang) if value else ""


def _level(ref: dict[str, Any] | None, lang: str) -> str:
    """ "技师（二级）" / "Technician (Level 2)", the same shape as `Level.label`."""
    if ref is None:
        return HEAD_NONE.get(lang)
    grade = ref.get("grade")
    if not grade:
        return ref[lang]
    return messages.NAME_WITH_GRADE.format(name=ref[lang], grade=grade[lang]).get(lang)


def decision_text(d: dict[str, Any], lang: str) -> str:
    """An eligibility decision as a few readable paragraphs, the answer in one sentence first."""
    colon = "：" if lang == "zh" else ": "
    edition = d["edition"]
    lines = [
        f"{HEAD_RESULT.get(lang)}{colon}{d['headline'][lang]}",
        "",
        f"{HEAD_TARGET.get(lang)}{colon}{_level(d['target'], lang)}",
        f"{HEAD_CERTIFICATE.get(lang)}{colon}{_level(d['certificate'], lang)}",
        f"{HEAD_EDITION.get(lang)}{colon}{edition['name'][lang]}"
        + _bracket(_confidence(edition["confidence"], lang), lang),
        "",
        f"{HEAD_ROUTES.get(lang)}{colon.rstrip()}",
    ]
    for route in d["routes"]:
        mark = WORDING["mark-met" if route["met"] else "mark-missed"].get(lang)
        state = (MET if route["met"] else UNMET).get(lang)
        ext = f" [{EXTENSION.get(lang)}]" if route["extension"] else ""
        dash = WORDING["dash"].get(lang)
        lines.append(f"  {mark} {route['label']}{ext} {state}{dash}{route['description'][lang]}")
        source = _cited(route["source_label"][lang], route["confidence"], lang)
        lines.append(f"      {HEAD_SOURCE.get(lang)}{colon}{source}")
        for missing in route["missing"]:
            lines.append(f"      {MISSING.get(lang)}{colon}{missing[lang]}")
    lines += ["", f"{HEAD_SPECIAL.get(lang)}{colon.rstrip()}"]
    for special in d["special_routes"]:
        lines.append(f"  - [{STATUS[special['status']].get(lang)}] {special['explanation'][lang]}")
        for note in special["notes"]:
            lines.append(f"      · {_note(note, lang)}")
    lines += ["", f"{HEAD_NOTES.get(lang)}{colon.rstrip()}"]
    lines += [f"  - {note[lang]}" for note in d["notes"]]
    lines.append(f"{HEAD_SOURCES.get(lang)}{colon}{', '.join(d['sources'])}")
    lines.append(data_version_text(d, lang))
    return "\n".join(lines)


def equivalence_text(e: dict[str, Any], lang: str) -> str:
    """An equivalence answer as a few readable lines."""
    colon = "：" if lang == "zh" else ": "
    lines = []
    if e["direction"] == "level-to-title":
        lines.append(f"{HEAD_LEVEL.get(lang)}{colon}{_level(e['level'], lang)}")
    else:
        lines.append(f"{HEAD_TITLE.get(lang)}{colon}{_t(e['title'], lang)}")
    equivalent = e["equivalent"]
    shown = equivalent[lang] if equivalent else HEAD_NONE.get(lang)
    lines.append(f"{HEAD_EQUIVALENT.get(lang)}{colon}{shown}")
    lines.append(e["explanation"][lang])
    lines.append(f"{HEAD_SCOPE.get(lang)}{colon}{e['scope'][lang]}")
    apply = e.get("may_apply_for")
    if apply:
        where = ("、" if lang == "zh" else ", ").join(t[lang] for t in apply["source_labels"])
        lines.append(
            f"{HEAD_APPLY.get(lang)}{colon}{apply['description'][lang]}"
            + _cited(where, apply["confidence"], lang, bracket=True)
        )
    if e["notes"]:
        lines.append(f"{HEAD_OUTSIDE.get(lang)}{colon.rstrip()}")
        lines += [f"  - {_note(n, lang)}" for n in e["notes"]]
    lines.append(f"{HEAD_SOURCES.get(lang)}{colon}{', '.join(e['sources'])}")
    lines.append(data_version_text(e, lang))
    return "\n".join(lines)


def data_version_text(answer: dict[str, Any], lang: str) -> str:
    """ "数据版本：2026-11-30（a1b2c3d4e5f6）": which rules produced the answer."""
    version = answer["data_version"]
    return HEAD_DATA_VERSION.format(date=version["date"], digest=version["digest"]).get(lang)


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


def _note(note: dict[str, Any], lang: str) -> str:
    if note.get("source_label"):
        where = note["source_label"][lang]
    else:
        where = _t(note.get("source_note"), lang).rstrip("。.")
    return note["text"][lang] + _cited(where, note["confidence"], lang, bracket=True)


def _cited(where: str, confidence: str | None, lang: str, bracket: bool = False) -> str:
    """ "来源；可信度" on its own or as a trailing bracket: "（…；见于报道）" / " (…; reported)"."""
    shown = _confidence(confidence, lang)
    separator = "；" if lang == "zh" else "; "
    inner = f"{where}{separator}{shown}" if shown else where
    return _bracket(inner, lang) if bracket else inner


def _bracket(inner: str, lang: str) -> str:
    """A trailing aside: "（…）" after Chinese, " (…)" after English."""
    return f"（{inner}）" if lang == "zh" else f" ({inner})"
