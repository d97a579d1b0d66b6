"""The built site read as a visitor's browser would: every HTML page parsed once (stdlib only).

`site_pages` maps each page's path under site/ (`reference/levels/index.html`) to what the
tests need from it: the ids it defines, the URLs it references, its citation links and the
text of its ladder. `resolve` turns a reference on a page into the file it names.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from tests.conftest import PATIENCE_S

from hgpolicy.sitepages import SITE_PAGES

# Attributes whose value the browser fetches or navigates to.
URL_ATTRS = {"href", "src", "srcset", "poster", "data", "action", "formaction", "xlink:href"}
LANGS = ("zh", "en")


@dataclass
class Ref:
    """One URL a page references, with the element and attribute it sits in."""

    tag: str
    attr: str
    url: str
    attrs: dict[str, str]
    section: str  # id of the heading above it ("" before the first)


class SitePage(HTMLParser):
    """What the site tests read from one HTML file."""

    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.ids: set[str] = set()
        self.refs: list[Ref] = []
        self.attrs: list[tuple[str, str, str]] = []  # (tag, attribute, value) of every element
        # Every element in order: its tag, its attribute names, and whether it is in the ladder
        # (whose SVG lines vary with the length of the names it draws).
        self.elements: list[tuple[str, tuple[str, ...], bool]] = []
        self.inline: list[str] = []  # <style> and <script> bodies, style attributes
        self.svg_text: list[str] = []  # the <text> of the ladder figure, in order
        self.text: list[str] = []
        self.section_texts: dict[str, list[str]] = {}  # the text under each heading, by its id
        self._section = ""
        self._ladder_depth = 0  # > 0 inside <figure class="ladder">
        self._inline = False
        self._svg_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, {name: value or "" for name, value in attrs})
        if self._ladder_depth or (tag == "figure" and "ladder" in self._classes):
            self._ladder_depth += 1
        self._inline = tag in ("style", "script")
        self._svg_text = bool(self._ladder_depth) and tag == "text"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag: str) -> None:
        if self._ladder_depth:
            self._ladder_depth -= 1
        self._inline = self._svg_text = False

    def handle_data(self, data: str) -> None:
        if self._inline:
            self.inline.append(data)
            return
        self.text.append(data)
        self.section_texts.setdefault(self._section, []).append(data)
        if self._svg_text and data.strip():
            self.svg_text.append(data.strip())

    def _element(self, tag: str, values: dict[str, str]) -> None:
        self._classes = values.get("class", "").split()
        self.elements.append((tag, tuple(values), bool(self._ladder_depth)))
        if "id" in values:
            self.ids.add(values["id"])
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self._section = values["id"]
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name, value in values.items():
            self.attrs.append((tag, name, value))
            if name in URL_ATTRS:
                urls = value.split(",") if name == "srcset" else [value]
                for url in urls:
                    self.refs.append(
                        Ref(tag, name, url.strip().split(" ")[0], values, self._section)
                    )
            elif name == "style":
                self.inline.append(value)

    def cites(self) -> dict[str, list[str]]:
        """Citation links (`a.cite`) by the record they belong to (`data-of`)."""
        found: dict[str, list[str]] = {}
        for ref in self.refs:
            if ref.tag == "a" and "cite" in ref.attrs.get("class", "").split():
                found.setdefault(ref.attrs.get("data-of", ""), []).append(ref.url)
        return found

    def plain_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    def section_text(self, section: str) -> str:
        """The plain text from the heading with id `section` to the next heading."""
        return " ".join(" ".join(self.section_texts.get(section, [])).split())


def resolve(page: str, url: str) -> tuple[str, str]:
    """The site file and fragment a relative `url` on `page` names (`dir/` → `dir/index.html`)."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    if path.startswith("/"):  # from the site's root (site_url has no path of its own)
        target = posixpath.normpath(path.lstrip("/") or ".")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html").removeprefix("./")
    return target, unquote(parts.fragment)


def site_path(doc: str, lang: str) -> str:
    """The built file of docs page `doc` (`reference/levels.md`) in `lang`."""
    stem = doc.removesuffix(".md")
    prefix = "" if lang == "zh" else f"{lang}/"
    if stem == "index":
        return f"{prefix}index.html"
    return f"{prefix}{stem}/index.html"


@pytest.fixture(scope="session")
def site_pages(site: Path) -> dict[str, SitePage]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        page = SitePage(rel)
        page.feed(path.read_text(encoding="utf-8"))
        pages[rel] = page
    return pages


@pytest.fixture(scope="session")
def docs() -> list[str]:
    """The site's pages, as docs/ files would be named (`reference/levels.md`)."""
    return sorted(page.uri for page in SITE_PAGES)


@pytest.fixture(scope="session")
def mkdocs_config(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml holds a `!!python/object/apply` tag (the slugify function): read it as null."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
# `!ENV [NAME, default]`: the default, as MkDocs reads it when NAME is not set.
_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


# A browser, for what only a browser shows: search answers, requests made, layout on a phone.

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def phone(browser: Any, server: str) -> Iterator[tuple[object, list[str]]]:
    """A headless Chromium context the size of a phone, and every URL it requests."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    context.set_default_timeout(PATIENCE_S * 1000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context, requests
    context.close()
