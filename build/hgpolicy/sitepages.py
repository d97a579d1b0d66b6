"""The pages the generator makes: where each one is served, what it is, and what renders it.

Every page of the site is made from the policy, so none of them is written in docs/ (which
keeps what a person writes: styles, scripts, theme overrides). A page is named as a file in
docs/ would be (`reference/levels.md`), so links between pages, `nav:` in mkdocs.yml and
mkdocs-static-i18n treat it like one; its kind says what the build does with it (a calculator
page, and only such a page, gets the Python runtime), known from here rather than from its HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What a page is for, as the navigation groups them."""

    HOME = "home"
    TEXT = "text"  # the policy's own words, clause by clause
    REFERENCE = "reference"  # rules derived from the text, from the data
    CALCULATOR = "calculator"  # a form answered by the calculators (loads the runtime)
    FINDING = "finding"  # ways into the text: questions, topics, terms
    RECORD = "record"  # about the data: its sources, changes, files and this site


@dataclass(frozen=True)
class SitePage:
    """One generated page: its path as a docs/ file, its template and its kind."""

    uri: str  # "reference/levels.md"; the English page is "reference/levels.en.md"
    template: str  # templates/<template>.md.j2, rendered in the page's language
    kind: Kind
    meta: dict[str, Any] = field(default_factory=dict)  # front matter, e.g. a search boost
    # A calculator page's style sheets and module scripts (docs/assets/calculators/), when not
    # the form calculators' own (calcdata.PAGE_ASSETS): the roster page has its own script.
    assets: tuple[str, ...] | None = None
    # The calculators (calculators/registry.py kinds) whose answers a calculator page gives:
    # a later version of a rule one of them applies puts the banner on the page.
    calculators: tuple[str, ...] = ()

    @property
    def title_label(self) -> str:
        """The key of the page's title (its first heading) in the catalogue of wording
        (calculators/plumbing/wording.py)."""
        return f"page-title-{self.template}"

    def source_uri(self, lang: str, default: str) -> str:
        """The file name the page has in `lang`: `faq.md` in the default language, `faq.en.md`
        in another (mkdocs-static-i18n's suffix structure)."""
        if lang == default:
            return self.uri
        return f"{self.uri.removesuffix('.md')}.{lang}.md"


# The site's pages, in the order of the navigation (mkdocs.yml `nav:` places them; `--strict`
# fails a build where the two disagree).
SITE_PAGES: tuple[SitePage, ...] = (
    SitePage("index.md", "home", Kind.HOME),
    SitePage("text.md", "fulltext", Kind.TEXT),
    SitePage("faq.md", "faq", Kind.FINDING, meta={"search": {"boost": 3}}),
    SitePage("reference/levels.md", "levels", Kind.REFERENCE),
    SitePage("reference/application-routes.md", "application-routes", Kind.REFERENCE),
    SitePage("reference/special-routes.md", "special-routes", Kind.REFERENCE),
    SitePage("reference/evaluation.md", "evaluation", Kind.REFERENCE),
    SitePage("reference/evaluators.md", "evaluators", Kind.REFERENCE),
    SitePage("reference/targets.md", "targets", Kind.REFERENCE),
    SitePage(
        "calculators/equivalence.md",
        "calc-equivalence",
        Kind.CALCULATOR,
        calculators=("equivalence",),
    ),
    SitePage(
        "calculators/eligibility.md",
        "calc-eligibility",
        Kind.CALCULATOR,
        calculators=("eligibility",),
    ),
    SitePage(
        "calculators/roster.md",
        "calc-roster",
        Kind.CALCULATOR,
        assets=("calculators.css", "roster.css", "roster.js"),
        # Each row is answered by both (calculators/roster/check.py).
        calculators=("eligibility", "equivalence"),
    ),
    SitePage("topics.md", "topics", Kind.FINDING),
    SitePage("glossary.md", "glossary", Kind.FINDING),
    SitePage("downloads.md", "downloads", Kind.RECORD),
    SitePage("sources.md", "sources", Kind.RECORD),
    SitePage("changes.md", "changes", Kind.RECORD),
    SitePage("maintaining.md", "maintaining", Kind.RECORD),
    SitePage("about.md", "about", Kind.RECORD),
)

BY_URI: dict[str, SitePage] = {page.uri: page for page in SITE_PAGES}
