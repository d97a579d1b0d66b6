"""Bilingual text: every human-readable string the calculators produce is a `Text`.

One record with both languages side by side (not two parallel code paths) keeps the Chinese
and English answers from drifting apart; templates are filled per language from the same
arguments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

LANGS = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """A string in Chinese (`zh`) and English (`en`)."""

    zh: str
    en: str

    @classmethod
    def of(cls, data: Mapping[str, str]) -> Text:
        """A policy-data text mapping (`{zh, en}`) as a Text."""
        return cls(zh=data["zh"], en=data["en"])

    @classmethod
    def same(cls, value: str) -> Text:
        """A string that reads the same in both languages (a document number, a date)."""
        return cls(zh=value, en=value)

    def get(self, lang: str) -> str:
        """The string in `lang` (zh or en)."""
        return self.zh if lang == "zh" else self.en

    def format(self, **args: Any) -> Text:
        """Fill this template; Text arguments contribute the matching language's string.
        (One pass over the arguments for both languages: a batch of 10,000 answers fills
        about 100,000 templates.)"""
        zh_args, en_args = {}, {}
        for key, value in args.items():
            if isinstance(value, Text):
                zh_args[key], en_args[key] = value.zh, value.en
            else:
                zh_args[key] = en_args[key] = value
        return Text(zh=self.zh.format_map(zh_args), en=self.en.format_map(en_args))

    def to_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


def join(parts: Iterable[Text], zh_sep: str = "；", en_sep: str = "; ") -> Text:
    """Join texts with each language's own separator."""
    items = list(parts)
    return Text(
        zh=zh_sep.join(p.zh for p in items),
        en=en_sep.join(p.en for p in items),
    )


def number(value: float) -> str:
    """A count of years as people write it: 4, not 4.0; at most two decimals."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def years(value: float) -> Text:
    """ "N年" / "N year(s)" with English singular and plural."""
    shown = number(value)
    return Text(zh=f"{shown}年", en=f"{shown} year" if shown == "1" else f"{shown} years")
