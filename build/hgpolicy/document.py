"""Walk the document in reading order; rebuild the source text from its parts.

The numbering punctuation (“一、”, “（四）”, “1.”) is the document's layout, not its wording,
so it lives here once instead of in every YAML record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Part:
    """One addressable part of the text: preamble, section, clause, sub-item or closing."""

    id: str
    kind: str  # preamble | section | clause | item | closing
    record: dict[str, Any]
    section: str | None = None
    clause: str | None = None

    @property
    def anchor(self) -> str:
        """HTML id of the part: `c9.4` becomes `c9-4` (a dot would break CSS selectors)."""
        return self.id.replace(".", "-")

    def label(self, lang: str) -> str:
        """The part's number as printed, with its heading: “（四）健全层级设置”."""
        heading = self.record.get("heading", {}).get(lang, "")
        numeral = self.record.get("numeral", "")
        if self.kind == "section":
            return f"{numeral}、{heading}" if lang == "zh" else f"{_roman(numeral)}. {heading}"
        if self.kind == "clause":
            return f"（{numeral}）{heading}" if lang == "zh" else f"({_arabic(numeral)}) {heading}"
        if self.kind == "item":
            return f"{numeral}.{heading}" if lang == "zh" else f"{numeral}. {heading}"
        return heading

    def source_text(self) -> str:
        """The Chinese exactly as the source prints this part, heading included."""
        text = self.record.get("text", {}).get("zh", "")
        if self.kind in ("clause", "item"):
            return f"{self.label('zh')}。{text}"
        if self.kind == "section":
            return self.label("zh") + text
        return text


_NUMERALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
]


def _arabic(numeral: str) -> int:
    return _NUMERALS.index(numeral) + 1


def _roman(numeral: str) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][_arabic(numeral) - 1]


def parts(document: dict[str, Any]) -> Iterator[Part]:
    """Every part of the document in reading order."""
    yield Part(document["preamble"]["id"], "preamble", document["preamble"])
    for section in document["sections"]:
        yield Part(section["id"], "section", section)
        for clause in section.get("clauses", []):
            yield Part(clause["id"], "clause", clause, section=section["id"])
            for item in clause.get("items", []):
                yield Part(item["id"], "item", item, section=section["id"], clause=clause["id"])
    yield Part(document["closing"]["id"], "closing", document["closing"])


def source_text(document: dict[str, Any]) -> str:
    """The whole document as the source prints it (headers, then every part in order)."""
    head = [document[key]["zh"] for key in ("letterhead", "number", "title")]
    return "".join(head) + "".join(part.source_text() for part in parts(document))
