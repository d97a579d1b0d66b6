"""Time on the pages, in process: a changed clause's versions and their differences, the
banner on the pages whose content changes, the dates of a versioned rule, the feed's link to
the difference. The worked example (amendment.yaml) rewrites 高级工程师 as 正高级工程师 in clause
（十四） from 2027-03-01; the real policy has no change, so no page carries a banner.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from calculators.model.versions import DATED_RULES
from calculators.plumbing.texts import Text
from calculators.registry import calculators
from hgpolicy.feed import atom_feed, feed_words
from hgpolicy.pages import PAGES, Renderer
from hgpolicy.policy import Policy
from hgpolicy.sitepages import BY_URI, SITE_PAGES, Kind
from hgpolicy.timepages import Change, _diff, changes, clause_history, diff_anchors
from tests.versions.amended import AMENDS_FROM, amended_policy

ROOT = Path(__file__).resolve().parents[2]
PENDING = date.today() < AMENDS_FROM  # the example's change is still to come
DAY = AMENDS_FROM.isoformat()
# The same day as the pages write it for people (typed, not computed by the code under test).
SAID = {"zh": "2027年3月1日", "en": "1 March 2027"}


def _renderer(policy: Policy) -> Renderer:
    """A renderer of every page: the About page's list of third-party software is the
    plugin's (it needs the runtime), and empty here."""
    renderer = Renderer(policy)
    renderer.env.globals["third_party"] = []
    return renderer


@pytest.fixture(scope="module")
def amended() -> Renderer:
    return _renderer(dataclasses.replace(amended_policy()))


def test_a_rewritten_clause_lists_its_versions_and_what_changed(amended: Renderer) -> None:
    first, second = clause_history(amended.model, "c14", date.today())
    assert (first.version.document, second.version.document) == ("hgf-2020-4", "test-2027-1")
    assert first.version.validity.valid_from.text == "2020"
    assert first.version.validity.valid_until.text == DAY
    assert second.version.validity.valid_from.text == DAY
    assert (first.pending, second.pending) == (False, PENDING)
    assert first.diff_zh is None and first.diff_en is None  # nothing before the first
    # A version is pending until its first day, and in force on it.
    eve = date.fromordinal(AMENDS_FROM.toordinal() - 1)
    assert clause_history(amended.model, "c14", eve)[1].pending is True
    assert clause_history(amended.model, "c14", AMENDS_FROM)[1].pending is False
    # One character inserted in Chinese; the English compared word by word.
    assert "、工程师、<ins>正</ins>高级工程师享受" in second.diff_zh
    assert "<del>" not in second.diff_zh
    assert "Engineers and<ins> Professor-level</ins> Senior Engineers" in second.diff_en
    assert clause_history(amended.model, "c13", date.today()) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_full_text_shows_the_versions_beside_the_text_as_issued(
    amended: Renderer, lang: str
) -> None:
    page = amended.page_source(BY_URI["text.md"], lang)
    versions = page.index('id="c14-versions"')
    assert page.index("{ #c14 }") < versions < page.index("{ #closing }")
    block = page[versions : page.index("{ #closing }")]
    assert '<span id="c14-v1"></span>黄改委发〔2020〕4号' in block
    assert '<span id="c14-v2"></span>' in block
    assert ("<ins>正</ins>" in block) and ("<ins> Professor-level</ins>" in block)
    assert 'lang="zh"' in block and 'lang="en"' in block


@pytest.mark.parametrize(
    ("uri", "target"),
    [("text.md", "text.md#c14-versions"), ("reference/levels.md", "levels.md#equivalence-c14")],
    ids=["text", "levels"],
)
def test_a_page_whose_content_changes_carries_the_banner(
    amended: Renderer, labels: dict[str, dict[str, str]], uri: str, target: str
) -> None:
    page = amended.page_source(BY_URI[uri], "en")
    banner = page.split("\n\n")[1]
    title = f'!!! warning "{labels["banner-title"]["en"]}"'
    assert banner.startswith(title)
    said = labels["banner-pending" if PENDING else "banner-later"]["en"].replace("DAY", SAID["en"])
    assert said in banner and target in banner
    others = [p for p in SITE_PAGES if p.uri not in (uri, "text.md", "reference/levels.md")]
    for other in others:
        if other.kind is Kind.CALCULATOR:
            continue  # made with the runtime: the worked example builds them, banner and all
        assert title not in amended.page_source(other, "en"), other.uri


def test_the_calculator_pages_applying_a_changed_rule_carry_its_banner(amended: Renderer) -> None:
    """The changed rule is one of clause （十四）'s treatments: the equivalence calculator and
    the roster (which answers every row with it too) apply it; the eligibility one does not."""
    (change,) = [c for c in amended.changes if c.record == "c14-senior-technician"]
    assert change.page == "reference/levels.md"
    assert set(change.applied_on) == {"calculators/equivalence.md", "calculators/roster.md"}
    assert change.on("calculators/roster.md") and not change.on("calculators/eligibility.md")


def test_every_dated_rule_list_is_applied_by_a_calculator_that_declares_it() -> None:
    """A calculator page's banner follows the lists its calculators declare (`applies`): a
    name that is no dated list would never match, a dated list no calculator declares would
    change answers without a banner."""
    declared = [rule for calc in calculators().values() for rule in calc.applies]
    assert set(declared) <= set(DATED_RULES)
    assert set(DATED_RULES) <= set(declared)


def test_the_versions_of_a_rule_show_their_dates(amended: Renderer) -> None:
    page = amended.page_source(BY_URI["reference/levels.md"], "zh")
    assert f"| 高级工程师（自2020年起至{SAID['zh']}） |" in page
    assert f"| 正高级工程师（自{SAID['zh']}起） |" in page
    assert "| 工程师 |" in page  # a rule with one version carries no dates


def test_the_real_policy_has_no_banner_and_says_when_the_text_applies(
    policy: Policy, labels: dict[str, dict[str, str]]
) -> None:
    renderer = _renderer(policy)
    for page in SITE_PAGES:
        if page.kind is Kind.CALCULATOR:
            continue  # made with the runtime, by the plugin; no part of them has versions
        assert labels["banner-title"]["zh"] not in renderer.page_source(page, "zh"), page.uri
    home = renderer.page_source(BY_URI["index.md"], "zh")
    note = policy["document"]["meta"]["validity_note"]["zh"]
    assert f"- **施行日期**：{note}" in home


def test_every_amendment_that_names_a_versioned_clause_gets_its_difference(
    amended: Renderer,
) -> None:
    """Newest first, as the changelog lists them: an amendment after a correction keeps its
    link; one that names no clause with versions (a source, a rule) gets none, nor does a
    correction of the encoding, whatever it names."""
    changelog = [
        {"id": "fix", "kind": "correction", "records": ["c14"]},
        {"id": "no-clause", "kind": "amendment", "records": ["standard-2018"]},
        {"id": "rewrite", "kind": "amendment", "records": ["c2", "c14"]},
    ]
    assert diff_anchors(amended.model, changelog) == {"rewrite": "c14-versions"}


def test_the_feed_entry_of_an_amendment_links_its_difference(amended: Renderer) -> None:
    changes = amended.policy["changelog"]["changes"]
    anchors = diff_anchors(amended.model, changes)
    change = "2026-12-01-test-amendment"  # the example's changelog entry
    assert anchors == {change: "c14-versions"}
    feed = atom_feed(
        changes,
        "en",
        feed_words("en"),
        page_url="https://example.org/en/changes/",
        feed_url="https://example.org/changes/feed.en.xml",
        diffs={change: "https://example.org/en/text/#c14-versions"},
    )
    entry = feed[feed.index(f"#{change}</id>") :].split("</entry>")[0]
    assert (
        '<link rel="related" type="text/html" href="https://example.org/en/text/#c14-versions"/>'
        in entry
    )
    assert feed.count('rel="related"') == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_guide_explains_each_kind_of_change_in_each_language(
    policy: Policy, labels: dict[str, dict[str, str]], lang: str
) -> None:
    page = _renderer(policy).page_source(BY_URI["maintaining.md"], lang)
    kinds = ("guide-correction-heading", "guide-edition-heading", "guide-amendment-heading")
    headings = [page.index(f"## {labels[k][lang]} {{ #") for k in kinds]
    assert headings == sorted(headings)
    assert f"`document: {policy['document']['meta']['id']}`" in page  # the id from the data
    for command in ("make build", "make test", "--as-of", "git diff policy/"):
        assert command in page


@pytest.fixture(scope="module")
def substantive() -> Renderer:
    """The example with its further edits: route A2 of the 2018 conditions for Technician
    has a second version from 2027-03-01 (amendment.yaml `substance_edits`)."""
    return _renderer(dataclasses.replace(amended_policy(substance=True)))


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("zh", "**A2**（自2018年起至2027年3月1日）", "**A2**（自2027年3月1日起）"),
        ("en", "**A2** (from 2018 until 1 March 2027)", "**A2** (from 1 March 2027)"),
    ],
)
def test_the_route_table_dates_each_version_of_a_route(
    substantive: Renderer, lang: str, old: str, new: str
) -> None:
    page = substantive.page_source(BY_URI["reference/application-routes.md"], lang)
    table = page[page.index("{ #application-routes-2018-technician }") :]
    table = table[: table.index("###")]
    assert f'<span id="application-routes-2018-technician-a2"></span>{old} |' in table
    assert f'<span id="application-routes-2018-technician-a2-2027"></span>{new} |' in table
    # A route with one version carries no dates.
    assert '<span id="application-routes-2018-technician-a1"></span>**A1** |' in table


def test_a_version_without_words_is_all_inserted_or_all_struck() -> None:
    """A clause added by an amendment has no words before it; one a document repeals has none
    after it: the difference is all of the other version."""
    assert str(_diff(None, Text("新增一款。", "A new item."), "en")) == "<ins>A new item.</ins>"
    assert (
        str(_diff(Text("废止的一款。", "A repealed item."), None, "zh"))
        == "<del>废止的一款。</del>"
    )


def test_the_home_page_lists_every_change_with_its_day_and_where_to_see_it(
    amended: Renderer,
) -> None:
    """The home page's status box reads the same changes as the banners: the example's rule
    record (the levels page) and clause （十四） (the full text), each with its day."""
    home = amended.render("home", lang="en", page_uri="index.md")
    (line,) = [line for line in home.splitlines() if line.startswith("- **Changes to the rules**")]
    when = (
        f"changes from {SAID['en']} (not yet in force)"
        if PENDING
        else f"has a later version, in force from {SAID['en']}"
    )
    assert (
        "[Senior Technician → Senior Engineer](reference/levels.md#equivalence-c14-senior" in line
    )
    assert f"{when} [See the versions](text.md#c14-versions)" in line
    assert line.count("[See the versions]") == 2


# Which calculator pages apply which dated rule lists, as a page would declare them (typed).
APPLIED = {
    "calculators/equivalence.md": [("equivalence", "treatment"), ("equivalence", "title_application")],
    "calculators/eligibility.md": [("application-routes", "routes")],
}  # fmt: skip


@pytest.mark.parametrize(
    ("today", "pending"),
    [(date(2027, 2, 28), True), (date(2027, 3, 1), False), (date(2027, 3, 2), False)],
)
def test_the_changes_are_the_clause_and_the_rule_the_example_amends(
    amended: Renderer, today: date, pending: bool
) -> None:
    """The example rewrites clause （十四） (shown on the full text) and its rule for Senior
    Technicians (shown on the levels page, applied by the equivalence calculator) from
    2027-03-01: two changes, that day, pending only before it; sorted by day, then page."""
    assert changes(amended.model, PAGES, today, APPLIED) == [
        Change("reference/levels.md", None, "c14-senior-technician", "2027-03-01", pending,
               "equivalence-c14-senior-technician-2027", ("calculators/equivalence.md",)),
        Change("text.md", "c14", None, "2027-03-01", pending, "c14-versions"),
    ]  # fmt: skip


def test_the_further_edits_add_the_rules_they_change_each_where_it_is_shown() -> None:
    """With the example's further edits, route A2 of the 2018 conditions for Technician (the
    routes page, applied by eligibility) and the rule for applying for Engineer (the levels
    page, applied by equivalence) change from the same day too."""
    policy = dataclasses.replace(amended_policy(substance=True))
    found = changes(policy.model, PAGES, date(2027, 3, 1), APPLIED)
    assert [(c.page, c.part or c.record, c.anchor, c.applied_on) for c in found] == [
        ("reference/application-routes.md", "2018-technician-a2",
         "application-routes-2018-technician-a2-2027", ("calculators/eligibility.md",)),
        ("reference/levels.md", "apply-engineer", "equivalence-apply-engineer-2027",
         ("calculators/equivalence.md",)),
        ("reference/levels.md", "c14-senior-technician",
         "equivalence-c14-senior-technician-2027", ("calculators/equivalence.md",)),
        ("text.md", "c14", "c14-versions", ()),
    ]  # fmt: skip
    assert {(c.day, c.pending) for c in found} == {("2027-03-01", False)}
