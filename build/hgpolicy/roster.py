"""What the roster page gets from the build: the blank templates to download, made by the
calculators' own roster code from this build's policy (so their headers and drop-down lists
are the catalogue's and the policy's, never typed a second time), the columns it explains,
and the words its script uses, in the page's language."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from calculators.model.index import PolicyIndex
from calculators.plumbing.wording import in_language
from calculators.roster import wording
from calculators.roster.check import MAX_FILE_MB
from calculators.roster.columns import COLUMNS, Column
from calculators.roster.export import template_csv, template_xlsx

from .calcdata import CalculatorData

# Where the templates are served (at the site's root, one copy for both languages; named
# `-zh`/`-en` rather than `.en.xlsx`, which mkdocs-static-i18n would take for a translation).
FOLDER = "downloads/roster"
FORMATS = ("xlsx", "csv")


@dataclass(frozen=True)
class RosterData:
    """The roster template's `roster`: one per policy."""

    index: PolicyIndex

    @property
    def columns(self) -> tuple[Column, ...]:
        return COLUMNS

    @staticmethod
    def template_name(lang: str, fmt: str) -> str:
        return f"roster-template-{lang}.{fmt}"

    @classmethod
    def template_uri(cls, lang: str, fmt: str) -> str:
        return f"{FOLDER}/{cls.template_name(lang, fmt)}"

    def files(self, languages: list[str]) -> dict[str, bytes]:
        """Every template the page offers: site path -> bytes."""
        make = {"xlsx": template_xlsx, "csv": template_csv}
        return {
            self.template_uri(lang, fmt): make[fmt](lang, self.index)
            for lang in languages
            for fmt in FORMATS
        }

    @staticmethod
    def script_json(lang: str) -> Markup:
        """The settings and words roster.js reads (`#roster-labels`), in `lang`."""
        return CalculatorData.script_json(
            {"maxFileMB": MAX_FILE_MB, "words": in_language(wording.SCRIPT_WORDING, lang)}
        )
