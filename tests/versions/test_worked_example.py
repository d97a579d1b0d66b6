"""The worked example, end to end: a copy of the project with an amending document (the test
fixture amendment.yaml, never published) is built with the one build command, and the site it
makes shows the change: clause （十四）'s versions and their difference, the banner, the feed
entry linking the difference, and, from the calculators' wheel the site ships, the answers on
either side of the day the amendment applies.

Expected values are typed from the fixture: from 2027-03-01 a hired Senior Technician is
treated like a Professor-level Senior Engineer (正高级工程师), before it like a Senior Engineer.
"""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from calculators import api
from calculators.model.index import PolicyIndex
from tests.support.builds import build_site, project_copy
from tests.versions.amended import AMENDS_FROM, amend

NS = {"a": "http://www.w3.org/2005/Atom"}
CHANGE = "2026-12-01-test-amendment"  # the fixture's changelog entry
PENDING = date.today() < AMENDS_FROM


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the project with the amendment."""
    project = project_copy(tmp_path_factory.mktemp("worked-example") / "project")
    amend(project / "policy")
    built = build_site(project)
    assert built.returncode == 0, built.stderr[-3000:]
    return project / "site"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    """The page's words without its tags."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_clause_lists_its_versions_and_the_difference(site: Path, lang: str) -> None:
    html = _html(site, "text" if lang == "zh" else "en/text")
    start = html.index('id="c14-versions"')
    block = html[start : html.index('id="closing"')]
    words = _text(block)
    if lang == "zh":
        assert "黄改委发〔2020〕4号 · 自2020年起至2027年3月1日" in words
        assert "测试文件〔2027〕1号 · 自2027年3月1日起" in words
    else:
        assert "黄改委发〔2020〕4号 · from 2020 until 1 March 2027" in words
        assert "Test Document [2027] No. 1 · from 1 March 2027" in words
    assert ("not yet in force" in words or "尚未施行" in words) is PENDING
    # Chinese at the character level, the English beside it word by word.
    assert "工程师、<ins>正</ins>高级工程师享受同等待遇" in block
    assert "Engineers and<ins> Professor-level</ins> Senior Engineers" in block
    assert block.count("<del>") == 0 and block.count("<ins>") == 2


@pytest.mark.parametrize(
    ("path", "link"),
    [("text", "#c14-versions"), ("reference/levels", "#equivalence-c14-senior-technician-2027")],
    ids=["text", "levels"],
)
def test_a_page_whose_content_changes_has_the_banner(site: Path, path: str, link: str) -> None:
    for prefix, said in (("", "自2027年3月1日起"), ("en/", "from 1 March 2027")):
        html = _html(site, prefix + path)
        banner = html[html.index('class="admonition warning"') :].split("</div>")[0]
        assert ("本页内容有新版本" if not prefix else "Parts of this page change") in banner
        assert said in _text(banner) and link in banner
    untouched = _html(site, "faq")
    assert "本页内容有新版本" not in untouched


@pytest.mark.parametrize("path", ["calculators/equivalence", "calculators/roster"])
def test_a_calculator_page_whose_rules_change_has_the_banner(site: Path, path: str) -> None:
    """The equivalence calculator, and the roster that answers with it, apply the rule the
    example changes: the banner names the rule and its day, and links its versions."""
    for prefix, title, rule, said in (
        ("", "本页内容有新版本", "高级技师", "自2027年3月1日起"),
        ("en/", "Parts of this page change", "Senior Technician", "from 1 March 2027"),
    ):
        html = _html(site, prefix + path)
        banner = html[html.index('class="admonition warning"') :].split("</div>")[0]
        words = _text(banner)
        assert title in words and rule in words and said in words
        assert ("not yet in force" in words or "尚未施行" in words) is PENDING
        assert "reference/levels/#equivalence-c14-senior-technician-2027" in banner
        if "equivalence" in path:  # the day field says the answer follows the day chosen
            hint = _text(html[html.index('id="eq-as-of-hint"') :].split("</p>")[0])
            assert (
                "按这一天施行的规则" if not prefix else "the rules in force on this day"
            ) in hint


def test_a_calculator_page_whose_rules_do_not_change_has_no_banner(site: Path) -> None:
    for prefix in ("", "en/"):
        html = _html(site, prefix + "calculators/eligibility")
        assert "本页内容有新版本" not in html and "Parts of this page change" not in html


def test_the_feed_entry_links_the_difference(site: Path) -> None:
    for lang, text_page in (("zh", "/text/"), ("en", "/en/text/")):
        feed = ElementTree.parse(site / "changes" / f"feed.{lang}.xml").getroot()
        entries = {
            e.findtext("a:id", namespaces=NS).rsplit("#", 1)[1]: e
            for e in feed.findall("a:entry", NS)
        }
        entry = entries[CHANGE]
        related = [
            link.get("href") for link in entry.findall("a:link", NS) if link.get("rel") == "related"
        ]
        assert len(related) == 1 and related[0].endswith(f"{text_page}#c14-versions")
        assert (
            sum(
                1
                for e in entries.values()
                for link in e.findall("a:link", NS)
                if link.get("rel") == "related"
            )
            == 1
        )


@pytest.fixture(scope="module")
def shipped(site: Path) -> PolicyIndex:
    """The policy the site's calculators answer from: policy.json inside the wheel it ships."""
    (wheel,) = (site / "assets" / "calculators").glob("calculators-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return PolicyIndex(json.loads(archive.read("calculators/policy.json")))


@pytest.mark.parametrize(
    ("day", "title", "other"),
    [
        ("2027-02-28", "senior-engineer", "from"),
        ("2027-03-01", "professor-senior-engineer", "before"),
    ],
    ids=["eve", "from-the-day"],
)
def test_the_calculators_answer_either_side_of_the_day(
    shipped: PolicyIndex, day: str, title: str, other: str
) -> None:
    answer: dict[str, Any] = api.respond(
        "equivalence", {"level": "高级技师", "as_of": day}, shipped
    )
    assert answer["equivalent"]["id"] == title
    (elsewhen,) = answer["in_force"]["elsewhen"]
    assert (elsewhen["when"], elsewhen["day"]) == (other, "2027-03-01")
    # The eligibility calculator is untouched by the example: no other day is told.
    eligibility = api.respond("eligibility", {"target": "技师", "as_of": day}, shipped)
    assert eligibility["in_force"]["elsewhen"] == []
