"""The changes page's Atom feed, in each language, as the built site serves it: linked from
the page, one entry per change of policy/changelog.yaml, each linking its own section there."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from hgpolicy.policy import Policy

NS = {"a": "http://www.w3.org/2005/Atom"}
PAGES = {"zh": "changes/index.html", "en": "en/changes/index.html"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_changes_page_links_its_feed_with_every_change(
    site: Path, policy: Policy, lang: str
) -> None:
    page = site / PAGES[lang]
    html = page.read_text(encoding="utf-8")
    (href,) = re.findall(r'href="([^"]*feed[^"]*\.xml)"', html)
    feed_path = Path(posixpath.normpath(posixpath.join(posixpath.dirname(PAGES[lang]), href)))
    feed = ElementTree.parse(site / feed_path).getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == (
        "zh-CN" if lang == "zh" else "en"
    )
    changes = policy["changelog"]["changes"]
    entries = feed.findall("a:entry", NS)
    assert len(entries) == len(changes)
    for entry, change in zip(
        entries, sorted(changes, key=lambda c: (c["date"], c["id"]), reverse=True), strict=True
    ):
        link = entry.find("a:link", NS).get("href")
        target = urlsplit(link)
        # The entry's address is its section of this language's changes page.
        assert target.path.rstrip("/").endswith(posixpath.dirname(PAGES[lang]))
        assert target.fragment == change["id"]
        assert f'id="{change["id"]}"' in html
        assert change["what"][lang] in entry.findtext("a:content", namespaces=NS)
