"""The built site asks nothing of any host but its own.

Checked where a reference can hide: every attribute of every HTML element (an absolute URL is
allowed only on the site's own host, or as an `xmlns` namespace name, which is never fetched),
inline styles and scripts, and every `url()` and `@import` of the stylesheets. The sitemap is
checked in test_site_links; what a browser really requests, in test_site_browser.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from tests.site.conftest import SitePage

ABSOLUTE = re.compile(r"""(?:https?:)?//[^\s"'()<>,;]+""")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _own_host(mkdocs_config: dict) -> str:
    return urlsplit(mkdocs_config["site_url"]).hostname


def _foreign(urls: list[str], host: str) -> list[str]:
    return [u for u in urls if urlsplit(u if "://" in u else "http:" + u).hostname != host]


def test_html_references_no_other_host(
    site_pages: dict[str, SitePage], mkdocs_config: dict
) -> None:
    host = _own_host(mkdocs_config)
    found = []
    for path, page in site_pages.items():
        for tag, name, value in page.attrs:
            if name == "xmlns" or name.startswith("xmlns:"):
                continue  # a namespace name, not a resource
            if value.startswith("data:"):
                continue
            found += [
                f"{path}: <{tag} {name}> {u}" for u in _foreign(ABSOLUTE.findall(value), host)
            ]
        for text in page.inline:
            found += [f"{path}: inline {u}" for u in _foreign(ABSOLUTE.findall(text), host)]
    assert found == []


def test_the_check_sees_a_foreign_reference() -> None:
    page = SitePage("x.html")
    page.feed('<link rel="stylesheet" href="https://cdn.example/x.css"><img src="//cdn.example/a">')
    urls = [u for _, _, v in page.attrs for u in ABSOLUTE.findall(v)]
    assert _foreign(urls, "127.0.0.1") == ["https://cdn.example/x.css", "//cdn.example/a"]


def test_stylesheets_load_nothing_from_elsewhere(site: Path) -> None:
    found = []
    for css in site.rglob("*.css"):
        text = CSS_COMMENT.sub("", css.read_text(encoding="utf-8"))
        for match in CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if url.startswith("data:") or url[:1] == "#":
                continue
            if urlsplit(url).scheme or url.startswith("//"):
                found.append(f"{css.relative_to(site)}: {url}")
    assert found == []
