"""The generated pages: both languages, the language switch, the ladder, and facts tied to clauses.

Expected names, ids and clauses come from policy/ (and interface words from the catalogue, calculators/plumbing/wording.py), so
a change to the data is checked against the site built from it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.site.conftest import LANGS, SitePage, resolve, site_path

from hgpolicy.compile import policy_json
from calculators.model.document import parts
from hgpolicy.pages import PAGES, anchor, cited_records, published
from hgpolicy.sitepages import BY_URI
from hgpolicy.policy import Policy


def _clause_target(policy: Policy, ref: str, lang: str) -> tuple[str, str]:
    """Where a citation of `ref` must lead: the clause on the full text, or the source entry."""
    anchors = {part.id: part.anchor for part in parts(policy["document"])}
    if ref in anchors:
        return site_path("text.md", lang), anchors[ref]
    return site_path("sources.md", lang), f"src-{ref}"


# Pages and languages


def test_every_page_exists_in_both_languages(
    site_pages: dict[str, SitePage], docs: list[str], labels: dict[str, dict[str, str]]
) -> None:
    assert "index.md" in docs and "text.md" in docs
    for doc in docs:
        for lang in LANGS:
            path = site_path(doc, lang)
            assert path in site_pages, f"{doc} not built in {lang}"
            title = labels[BY_URI[doc].title_label][lang]
            assert title in site_pages[path].plain_text(), f"{doc} has no {lang} title"


def test_every_page_is_in_its_language(site_pages: dict[str, SitePage], docs: list[str]) -> None:
    for doc in docs:
        for lang in LANGS:
            html = site_pages[site_path(doc, lang)]
            assert ("html", "lang", lang) in html.attrs, f"{doc} ({lang}) lacks <html lang>"


def test_language_switch_stays_on_the_same_page(
    site_pages: dict[str, SitePage], docs: list[str]
) -> None:
    for doc in docs:
        for lang in LANGS:
            path = site_path(doc, lang)
            switch = {
                ref.attrs["hreflang"]: resolve(path, ref.url)[0]
                for ref in site_pages[path].refs
                if "md-select__link" in ref.attrs.get("class", "")
            }
            assert switch == {other: site_path(doc, other) for other in LANGS}, path


# The ladder


@pytest.mark.parametrize("lang", LANGS)
def test_ladder_names_every_level_and_links_to_its_row(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    page = site_pages[site_path(PAGES["levels"], lang)]
    drawn = " ".join(page.svg_text)
    assert drawn, "no ladder figure on the levels page"
    for level in policy["levels"]["levels"]:
        assert level["name"][lang] in drawn, f"ladder lacks {level['name'][lang]}"
        assert anchor("levels", level["id"]) in page.ids
        assert any(ref.url == "#" + anchor("levels", level["id"]) for ref in page.refs)
    for pair in policy["equivalence"]["treatment"]:
        title = next(t for t in policy["titles"]["titles"] if t["id"] == pair["title"])
        assert title["name"][lang] in drawn


def test_the_ladder_is_drawn_at_build_time(site_pages: dict[str, SitePage]) -> None:
    """The picture is in the HTML; the page loads no script that a page without it lacks."""
    levels = site_pages[site_path(PAGES["levels"], "zh")]
    assert ("svg", "role", "img") in levels.attrs
    assert any(tag == "svg" and name == "viewbox" for tag, name, _ in levels.attrs)

    def scripts(page: SitePage) -> set[str]:
        return {resolve(page.path, r.url)[0] for r in page.refs if r.tag == "script"}

    assert scripts(levels) == scripts(site_pages[site_path("about.md", "zh")])
    assert not any("mermaid" in text.lower() for text in levels.inline)


# Facts and the clauses they rest on


@pytest.mark.parametrize("lang", LANGS)
def test_every_derived_fact_links_to_its_clause(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    checked = 0
    for ref, records in cited_records(policy).items():
        for record in records:
            if record.data.get("source") != ref:
                continue  # a further source (`also`): cited beside the first one
            path = site_path(record.page, lang)
            page = site_pages[path]
            assert record.anchor in page.ids, f"{record.anchor} not shown on {path}"
            links = page.cites().get(record.anchor, [])
            assert links, f"{record.anchor} on {path} cites nothing"
            target = _clause_target(policy, ref, lang)
            assert [resolve(path, url) for url in links] == [target], record.anchor
            file, fragment = target
            assert fragment in site_pages[file].ids
            checked += 1
    assert checked >= len(policy["levels"]["levels"]) + len(policy["evaluation"]["types"])


@pytest.mark.parametrize("lang", LANGS)
def test_each_clause_lists_the_rules_derived_from_it(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    path = site_path("text.md", lang)
    text = site_pages[path]
    clause_anchors = {part.id: part.anchor for part in parts(policy["document"])}
    for ref, records in cited_records(policy).items():
        if ref not in clause_anchors:
            continue
        listed = {resolve(path, r.url) for r in text.refs if r.section == clause_anchors[ref]}
        for record in records:
            assert (site_path(record.page, lang), record.anchor) in listed, (ref, record.anchor)


@pytest.mark.parametrize("lang", LANGS)
def test_what_the_text_leaves_open_is_said(
    site_pages: dict[str, SitePage], policy: Policy, labels: dict, lang: str
) -> None:
    for key in ("types", "criteria", "methods", "evaluators", "certificates", "supervision"):
        page_key = f"evaluation/{key}"
        page = site_pages[site_path(PAGES.get(page_key, PAGES["evaluation"]), lang)]
        for record in policy["evaluation"][key]:
            if "unstated" in record:
                assert " ".join(record["unstated"][lang].split()) in page.plain_text()
    targets = site_pages[site_path(PAGES["targets"], lang)].plain_text()
    assert any(t["value"] is None for t in policy["targets"]["targets"])
    assert labels["no-number"][lang] in targets
    special = site_pages[site_path(PAGES["special-routes"], lang)].plain_text()
    for route in policy["special-routes"]["routes"]:
        # An open route sets no number (its note says so); a listed one no level (level_note).
        unstated = route["note"] if route["kind"] == "open" else route["level_note"]
        assert " ".join(unstated[lang].split()) in special, route["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_provision_shows_the_words_of_its_clause(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    """A provision of evaluation.yaml holds no copy of its clause: its block on the page shows
    the clause as document.yaml has it (both languages), its name (or the heading of the part
    it is) and, where it takes only part of the clause, its own summary."""
    part_of = {p.id: p for p in parts(policy["document"])}

    def plain(text: str) -> str:
        return " ".join(text.split())

    for key in ("types", "criteria", "methods", "evaluators", "certificates", "supervision"):
        page = site_pages[site_path(PAGES.get(f"evaluation/{key}", PAGES["evaluation"]), lang)]
        for record in policy["evaluation"][key]:
            block = page.section_text(anchor("evaluation", record["id"]))
            clause = part_of[record["source"]]
            name = record.get("name", clause.heading)
            assert plain(name.get(lang)) in block, record["id"]
            for side in ("zh", "en"):
                assert plain(clause.text.get(side)) in block, (record["id"], side)
            if "summary" in record:
                assert plain(record["summary"][lang]) in block, record["id"]
    targets = site_pages[site_path(PAGES["targets"], lang)].plain_text()
    period = part_of[policy["targets"]["period"]["source"]].text
    assert plain(period.zh) in targets and plain(period.en) in targets


# The reference pages built from the other data files


@pytest.mark.parametrize("lang", LANGS)
def test_sources_have_anchors_numbers_and_confidence(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    page = site_pages[site_path("sources.md", lang)]
    marks = {r.attrs.get("class", "") for r in page.refs if r.tag == "a"}
    for source in policy["sources"]["sources"]:
        assert f"src-{source['id']}" in page.ids
        assert source["number"] in page.plain_text()
        assert any(f"confidence-{source['confidence']}" in m for m in marks)
    about = site_pages[site_path("about.md", lang)]
    for mark in ("seen", "reported", "unconfirmed"):
        assert f"confidence-{mark}" in about.ids


@pytest.mark.parametrize("lang", LANGS)
def test_application_routes_show_every_route_with_its_confidence(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    data = policy["application-routes"]
    page = site_pages[site_path(PAGES["application-routes"], lang)]
    for route in data["routes"] + data["extensions"]:
        assert anchor("application-routes", route["id"]) in page.ids
    rows = {r.attrs.get("data-of") for r in page.refs if "cite" in r.attrs.get("class", "")}
    assert {anchor("application-routes", r["id"]) for r in data["routes"]} <= rows
    marks = [r for r in page.refs if "confidence" in r.attrs.get("class", "").split()]
    assert len(marks) >= len(data["routes"]) + len(data["extensions"])
    for edition in data["editions"]:
        assert anchor("application-routes", edition["id"]) in page.ids


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_has_every_term_level_and_title(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    page = site_pages[site_path(PAGES["glossary"], lang)]
    text = page.plain_text()
    for term in policy["glossary"]["terms"]:
        assert anchor("glossary", term["id"]) in page.ids
        assert term["zh"] in text and term["en"] in text
    for stem, key in (("levels", "levels"), ("titles", "titles")):
        for record in policy[stem][key]:
            assert anchor(stem, record["id"]) in page.ids
            assert record["name"]["zh"] in text and record["name"]["en"] in text


@pytest.mark.parametrize("lang", LANGS)
def test_topics_group_the_tagged_parts(
    site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    path = site_path(PAGES["tags"], lang)
    page = site_pages[path]
    for tag in policy["tags"]["tags"]:
        section = anchor("tags", tag["id"])
        assert section in page.ids
        linked = {resolve(path, r.url)[1] for r in page.refs if r.section == section}
        tagged = {
            p.anchor for p in parts(policy["document"]) if tag["id"] in p.tags
        }
        assert tagged and tagged <= linked, tag["id"]


# How a reader of each language writes a head count: in 万 (ten thousands) in Chinese, with
# thousands separators in English. Written here, not taken from the generator.
HEAD_COUNT = {
    "zh": lambda n: f"{n / 10000:g}万",
    "en": lambda n: f"{n:,}",
}


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_targets_and_links_the_calculators(
    site: Path, site_pages: dict[str, SitePage], policy: Policy, lang: str
) -> None:
    path = site_path("index.md", lang)
    page = site_pages[path]
    text = page.plain_text()
    html = (site / path).read_text(encoding="utf-8")
    shown = re.findall(r'<span class="target-value">([^<]*)</span>', html)
    counted = [t["value"] for t in policy["targets"]["targets"] if t["value"] is not None]
    assert shown == [HEAD_COUNT[lang](n) for n in counted]
    sections = [p for p in parts(policy["document"]) if p.kind == "section"]
    for section in sections:
        assert " ".join(section.summary.get(lang).split()) in text
    linked = {resolve(path, r.url)[0] for r in page.refs}
    for calc in ("equivalence", "eligibility"):
        assert site_path(f"calculators/{calc}.md", lang) in linked


# Downloads


def test_downloads_serve_the_data_and_policy_json(
    site: Path, site_pages: dict[str, SitePage], policy: Policy
) -> None:
    files = published(policy.root)
    assert json.loads((site / files[0].uri).read_text(encoding="utf-8")) == json.loads(
        policy_json(policy)
    )
    for item in files[1:]:
        assert (site / item.uri).read_bytes() == item.source.read_bytes(), item.uri
    assert {f"{stem}.yaml" for stem in policy.data} <= {f.name for f in files}
    for lang in LANGS:
        path = site_path("downloads.md", lang)
        linked = {resolve(path, r.url)[0] for r in site_pages[path].refs}
        assert {f.uri for f in files} <= linked
