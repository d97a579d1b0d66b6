"""The Huangshi text as typed records: its head, and its parts walked in reading order; how
each part is numbered.

The numbering punctuation (“一、”, “（四）”, “1.”) is the document's layout, not its wording,
so it lives here once instead of in every YAML record. The calculators cite parts by id and
the site prints them from the same walk, so a part is numbered the same wherever it appears.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from calculators.plumbing.texts import Text


@dataclass(frozen=True, slots=True)
class Part:
    """One addressable part of the text: preamble, section, clause, sub-item or closing.

    `section` and `clause` are the ids of the section and clause it stands in (a sub-item's
    clause is cited with it: （九）4).
    """

    id: str
    kind: str  # preamble | section | clause | item | closing
    numeral: str | None
    heading: Text | None
    text: Text | None
    summary: Text | None
    tags: tuple[str, ...]
    section: str | None = None
    clause: str | None = None

    @classmethod
    def of(cls, raw: Mapping[str, Any], kind: str, **within: str) -> Part:
        def text(key: str) -> Text | None:
            return Text.of(raw[key]) if key in raw else None

        return cls(
            id=raw["id"],
            kind=kind,
            numeral=raw.get("numeral"),
            heading=text("heading"),
            text=text("text"),
            summary=text("summary"),
            tags=tuple(raw.get("tags", ())),
            **within,
        )

    @property
    def anchor(self) -> str:
        """HTML id of the part: `c9.4` becomes `c9-4` (a dot would break CSS selectors)."""
        return self.id.replace(".", "-")

    def number(self, lang: str) -> str:
        """The part's own number as printed: 一, （四）, 4 in Chinese; I, (4), 4 in English;
        "" for the preamble and the closing, which have none."""
        numeral = self.numeral or ""
        if self.kind == "section":
            return numeral if lang == "zh" else _roman(numeral)
        if self.kind == "clause":
            return f"（{numeral}）" if lang == "zh" else f"({_arabic(numeral)})"
        return numeral

    def label(self, lang: str) -> str:
        """The part's number as printed, with its heading: “（四）健全层级设置”."""
        heading = self.heading.get(lang) if self.heading else ""
        number = self.number(lang)
        if self.kind == "section":
            return f"{number}、{heading}" if lang == "zh" else f"{number}. {heading}"
        if self.kind == "clause":
            return f"{number}{heading}" if lang == "zh" else f"{number} {heading}"
        if self.kind == "item":
            return f"{number}.{heading}" if lang == "zh" else f"{number}. {heading}"
        return heading

    def source_text(self) -> str:
        """The Chinese exactly as the source prints this part, heading included."""
        text = self.text.zh if self.text else ""
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


@dataclass(frozen=True, slots=True)
class Status:
    """Whether the policy is in force as far as the project knows (`in_force` None: not
    verified), and the day the project last reviewed that."""

    in_force: bool | None
    reviewed: str
    note: Text


@dataclass(frozen=True, slots=True)
class Particulars:
    """Who issued the text, when, who interprets it, and the part that says so (`source`).

    `date_issued` None: the text states no date (`date_issued_note` says so); never invented.
    """

    issuer: Text
    interpreting_authority: Text
    effective: Text
    date_issued: str | None
    date_issued_note: Text
    source: str
    status: Status

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Particulars:
        status = raw["status"]
        return cls(
            issuer=Text.of(raw["issuer"]),
            interpreting_authority=Text.of(raw["interpreting_authority"]),
            effective=Text.of(raw["effective"]),
            date_issued=raw["date_issued"],
            date_issued_note=Text.of(raw["date_issued_note"]),
            source=raw["source"],
            status=Status(status["in_force"], status["reviewed"], Text.of(status["note"])),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """The whole text: its head (letterhead, number, title), its particulars and its parts."""

    letterhead: Text
    number: Text
    title: Text
    meta: Particulars
    parts: tuple[Part, ...]

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Document:
        """document.yaml's data as a Document."""
        return cls(
            letterhead=Text.of(raw["letterhead"]),
            number=Text.of(raw["number"]),
            title=Text.of(raw["title"]),
            meta=Particulars.of(raw["meta"]),
            parts=tuple(parts(raw)),
        )

    def source_text(self) -> str:
        """The whole document as the source prints it (headers, then every part in order)."""
        head = [self.letterhead.zh, self.number.zh, self.title.zh]
        return "".join(head) + "".join(part.source_text() for part in self.parts)


def parts(document: Mapping[str, Any]) -> Iterator[Part]:
    """Every part of the document (document.yaml's data) in reading order."""
    yield Part.of(document["preamble"], "preamble")
    for section in document["sections"]:
        yield Part.of(section, "section")
        for clause in section.get("clauses", []):
            yield Part.of(clause, "clause", section=section["id"])
            for item in clause.get("items", []):
                yield Part.of(item, "item", section=section["id"], clause=clause["id"])
    yield Part.of(document["closing"], "closing")


def source_text(document: Mapping[str, Any]) -> str:
    """The whole document (document.yaml's data) as the source prints it."""
    return Document.of(document).source_text()
