"""Every link in the built site resolves: the file exists and the #anchor is an id in it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from tests.site.conftest import SitePage, resolve

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def _is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and bool(url)


def test_every_internal_link_and_anchor_resolves(
    site: Path, site_pages: dict[str, SitePage]
) -> None:
    broken = []
    checked = 0
    for path, page in site_pages.items():
        for ref in page.refs:
            if not _is_internal(ref.url):
                continue
            target, fragment = resolve(path, ref.url)
            checked += 1
            if not (site / target).is_file():
                broken.append(f"{path}: {ref.tag}[{ref.attr}]={ref.url} → no file {target}")
            elif fragment and target.endswith(".html") and fragment not in site_pages[target].ids:
                broken.append(f"{path}: {ref.url} → {target} has no id '{fragment}'")
    assert broken == []
    assert checked > 1000  # every page links its navigation, so a handful means a parse failure


def test_a_missing_anchor_is_caught(site_pages: dict[str, SitePage]) -> None:
    """The check above would notice a link to an anchor that is not there."""
    text = site_pages["text/index.html"]
    assert "c4" in text.ids and "c4-missing" not in text.ids
    assert resolve("reference/levels/index.html", "../../text/#c4") == ("text/index.html", "c4")


def test_the_sitemap_lists_built_pages_in_both_languages(site: Path, mkdocs_config: dict) -> None:
    base = urlsplit(mkdocs_config["site_url"])
    tree = ET.parse(site / "sitemap.xml")
    urls = [loc.text for loc in tree.iterfind("s:url/s:loc", SITEMAP_NS)]
    urls += [link.get("href") for link in tree.iterfind("s:url/x:link", SITEMAP_NS)]
    assert urls
    for url in urls:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == (base.scheme, base.netloc), url
        target, _ = resolve("", parts.path)
        assert (site / target).is_file(), url
    assert any("/en/" in url for url in urls)


def test_the_sitemap_pairs_every_page_with_its_other_language(site: Path) -> None:
    """The hreflang pairs live in sitemap.xml (not in each page's head, where Material would
    fetch a sitemap beside each link): every page lists itself in zh and en."""
    tree = ET.parse(site / "sitemap.xml")
    for url in tree.getroot().findall("s:url", SITEMAP_NS):
        langs = [
            link.get("hreflang")
            for link in url.findall("{http://www.w3.org/1999/xhtml}link")
            if link.get("rel") == "alternate"
        ]
        assert sorted(langs) == ["en", "zh"], url.findtext("s:loc", namespaces=SITEMAP_NS)
