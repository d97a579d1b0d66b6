"""The built site says no more than its sources, with one vocabulary of certainty.

Expected words are typed from confidence.yaml's meaning and the audit of 2026-11-30: the marks
read 已见原文 / 见于报道 / 未经核实 on every page, no page repeats the corrected errors, every
source has its entry, and the changes page lists the changelog newest first.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from tests.site.conftest import LANGS, SitePage, resolve, site_path

from hgpolicy.policy import Policy

LABELS = {
    "zh": {"seen": "已见原文", "reported": "见于报道", "unconfirmed": "未经核实"},
    "en": {"seen": "seen", "reported": "reported", "unconfirmed": "unconfirmed"},
}
# Corrected on 2026-11-30: a document number written from memory, and a kind of treatment
# (pay and benefits) that no source names.
NEVER_SAID = ("82号", "工资福利")


def _lang(path: str) -> str:
    return "en" if path.startswith("en/") else "zh"


def _badges(site: Path, path: str) -> list[tuple[str, str]]:
    """(mark, text) of every confidence badge on a page."""
    from html.parser import HTMLParser

    found: list[tuple[str, str]] = []

    class Badges(HTMLParser):
        mark: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            classes = (dict(attrs).get("class") or "").split()
            if tag == "a" and "confidence" in classes:
                marks = [c.removeprefix("confidence-") for c in classes if c.startswith("confidence-")]
                self.mark = marks[0] if marks else ""

        def handle_data(self, data: str) -> None:
            if self.mark is not None:
                found.append((self.mark, data.strip()))
                self.mark = None

    Badges().feed((site / path).read_text(encoding="utf-8"))
    return found


def test_every_confidence_badge_uses_the_one_vocabulary(
    site: Path, site_pages: dict[str, SitePage]
) -> None:
    counted = 0
    for path in site_pages:
        for mark, text in _badges(site, path):
            assert text == LABELS[_lang(path)][mark], (path, mark, text)
            counted += 1
    assert counted > 50


def test_no_page_repeats_a_corrected_error(site: Path) -> None:
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".json", ".yaml") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for words in NEVER_SAID:
            assert words not in text, (path.relative_to(site).as_posix(), words)


@pytest.mark.parametrize("lang", LANGS)
def test_sources_page_lists_each_source_with_date_and_uses(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    path = site_path("sources.md", lang)
    page = site_pages[path]
    for source in policy["sources"]["sources"]:
        section = page.section_text(f"src-{source['id']}")
        assert source["title"][lang] in section
        assert (source["issued"] or ("不详" if lang == "zh" else "not known")) in section
        assert LABELS[lang][source["confidence"]] in section
    shandong = page.section_text("src-lurs-2020-16")
    assert ("不适用于湖北" if lang == "zh" else "not applicable in Hubei") in shandong
    # What the site takes from each source: links to the records that cite it, which exist.
    uses = [r for r in page.refs if r.tag == "a" and r.section.startswith("src-")]
    linked = {r.section for r in uses}
    assert {"src-rsbf-2018-74", "src-rsbf-2020-96", "src-rsbf-2022-14"} <= linked
    for ref in uses:
        target, fragment = resolve(path, ref.url)
        if fragment and not target.startswith(("http", "#")) and target in site_pages:
            assert fragment in site_pages[target].ids, (ref.url, target)


@pytest.mark.parametrize("lang", LANGS)
def test_changes_page_lists_the_changelog_newest_first(
    site_pages: dict[str, SitePage], root: Path, lang: str
) -> None:
    changes = yaml.safe_load((root / "policy" / "changelog.yaml").read_text(encoding="utf-8"))
    path = site_path("changes.md", lang)
    page = site_pages[path]
    text = page.plain_text()
    positions = [text.index(change["what"][lang][:30]) for change in changes["changes"]]
    dates = [change["date"] for change in changes["changes"]]
    order = sorted(range(len(dates)), key=lambda i: (dates[i], -i), reverse=True)
    assert [positions[i] for i in order] == sorted(positions)
    for change in changes["changes"]:
        assert change["id"] in page.ids
        section = [r for r in page.refs if r.section == change["id"] and r.tag == "a"]
        targets = {resolve(path, r.url)[0] for r in section}
        assert {site_path(p, lang) for p in change["pages"]} <= targets


def test_changes_page_shows_the_version_answers_carry(
    site: Path, site_pages: dict[str, SitePage]
) -> None:
    policy_json = (site / "downloads" / "policy.json").read_bytes()
    digest = hashlib.sha256(policy_json).hexdigest()[:12]
    for lang in LANGS:
        assert digest in site_pages[site_path("changes.md", lang)].plain_text()
    answers = json.loads(_script(site, "calculators/equivalence/index.html", "data-calc-answers"))
    assert {a["data_version"]["digest"] for a in answers.values()} == {digest}


def _script(site: Path, path: str, marker: str) -> str:
    html = (site / path).read_text(encoding="utf-8")
    start = html.index(">", html.index(marker)) + 1
    return html[start : html.index("</script>", start)]


@pytest.mark.parametrize("lang", LANGS)
def test_route_texts_are_labelled_summaries_unless_they_are_the_standards_words(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    text = site_pages[site_path("reference/application-routes.md", lang)].plain_text()
    label = r"要点\s*：\s*" if lang == "zh" else r"Summary\s*:\s*"
    routes = policy["application-routes"]["routes"] + policy["application-routes"]["extensions"]
    assert len(re.findall(label, text)) == len(routes)
    for route in routes:
        assert re.search(label + re.escape(route["description"][lang]), text), route["id"]
        if "wording" in route:
            assert route["wording"]["zh"] in text


def test_english_pages_gloss_every_document_number(site: Path, policy: Policy) -> None:
    """A reader of English gets the document number or standard name in English: the link text
    of every citation of an outside document carries its `number_en`."""
    from html.parser import HTMLParser

    english = {s["id"]: s["number_en"] for s in policy["sources"]["sources"]}
    checked = 0

    class Citations(HTMLParser):
        source: str | None = None
        words: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            href = values.get("href") or ""
            if tag == "a" and "cite" in (values.get("class") or "").split() and "#src-" in href:
                self.source, self.words = href.split("#src-")[1], []

        def handle_data(self, data: str) -> None:
            if self.source:
                self.words.append(data)

        def handle_endtag(self, tag: str) -> None:
            nonlocal checked
            if tag == "a" and self.source:
                assert english[self.source] in "".join(self.words), (self.source, self.words)
                checked += 1
                self.source = None

    for path in sorted((site / "en").rglob("*.html")):
        Citations().feed(path.read_text(encoding="utf-8"))
    assert checked > 30


@pytest.mark.parametrize("lang", LANGS)
def test_the_edition_choice_is_explained_where_it_is_made(
    site_pages: dict[str, SitePage], lang: str
) -> None:
    """The 2018 / 2023 choice says in plain words which one applies and links the answer."""
    path = site_path("calculators/eligibility.md", lang)
    page = site_pages[path]
    described = [v for tag, name, v in page.attrs if tag == "select" and name == "aria-describedby"]
    assert described == ["el-edition-hint"] and "el-edition-hint" in page.ids
    hint = [r for r in page.refs if r.tag == "a" and "faq-which-edition" in r.url]
    assert len(hint) == 1
    target, fragment = resolve(path, hint[0].url)
    assert target == site_path("faq.md", lang) and fragment in site_pages[target].ids
