"""Text from the data is shown as text on every page, never run as markup.

Every text field of a copy of policy/ that reaches a page (clause text, summaries, headings,
names, glossary terms, notes, route labels, source numbers) gets one of the hostile strings of
injections.yaml; the schemas' plain-text rule is taken out of the copy first, so this tests the
pages' own escaping (the schemas are the other, separate guard: tests/policy/test_plain_text.py).
The site built from that copy must have exactly the elements, attributes and URLs of the site
built from the clean copy, and show each string as the characters it is.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.site.conftest import URL_ATTRS, SitePage
from tests.support.builds import build_site, project_copy

INJECTIONS: list[str] = yaml.safe_load(
    (Path(__file__).parent / "injections.yaml").read_text(encoding="utf-8")
)
TEXT_KEYS = {"zh", "en", "number"}  # the string fields the pages print
PLAIN_RULE = "x-plain-text"


def _inject(value: Any, counter: list[int]) -> Any:
    """`value` with each text string replaced by the next injection, numbered to stay unique."""
    if isinstance(value, dict):
        return {
            key: _payload(counter)
            if key in TEXT_KEYS and isinstance(item, str)
            else _inject(item, counter)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_inject(item, counter) for item in value]
    return value


def _payload(counter: list[int]) -> str:
    counter[0] += 1
    return f"{INJECTIONS[counter[0] % len(INJECTIONS)]} {counter[0]}"


def _without_plain_rule(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_plain_rule(v) for k, v in value.items() if k != PLAIN_RULE}
    if isinstance(value, list):
        return [_without_plain_rule(v) for v in value]
    return value


def inject_texts(policy: Path) -> int:
    """Inject every text field of the YAML under `policy`; return how many were injected."""
    counter = [0]
    for path in sorted(policy.glob("*.yaml")):
        data = _inject(yaml.safe_load(path.read_text(encoding="utf-8")), counter)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return counter[0]


def _strip_plain_rule(policy: Path) -> None:
    for path in sorted((policy / "schema").glob("*.json")):
        schema = _without_plain_rule(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")


def _pages(site: Path) -> dict[str, SitePage]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = SitePage(path.relative_to(site).as_posix())
        page.feed(path.read_text(encoding="utf-8"))
        pages[page.path] = page
    return pages


class _Tags(HTMLParser):
    """Tag and attribute names in an HTML fragment (a search index entry)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.names.update(f"{tag}[{name}]" for name, _ in attrs)


def _index_markup(site: Path) -> set[str]:
    """Every tag and attribute name in the search indexes' texts and titles (one per language)."""
    parser = _Tags()
    indexes = sorted(site.glob("**/search/search_index.json"))
    assert len(indexes) == 2
    for index in indexes:
        for doc in json.loads(index.read_text("utf-8"))["docs"]:
            parser.feed(doc["title"])
            parser.feed(doc["text"])
    return parser.names


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The site from a clean copy, and from the same copy with every text field injected."""
    project = project_copy(tmp_path_factory.mktemp("injection") / "project")
    clean = build_site(project)
    assert clean.returncode == 0, clean.stderr
    shutil.move(project / "site", project / "clean-site")
    injected = inject_texts(project / "policy")
    _strip_plain_rule(project / "policy")
    poisoned = build_site(project)
    assert poisoned.returncode == 0, poisoned.stderr
    return {
        "project": project,
        "injected": injected,
        "clean": _pages(project / "clean-site"),
        "poisoned": _pages(project / "site"),
    }


def test_every_injection_reaches_a_page(built: dict[str, Any]) -> None:
    assert built["injected"] >= 10 * len(INJECTIONS)  # each string lands in many kinds of field
    assert set(built["poisoned"]) == set(built["clean"])


# The ladder wraps a long name over more lines and squeezes a long line to fit its box.
LADDER_FIT = {"text[textlength]", "text[lengthadjust]"}


def _ladder_vocabulary(page: SitePage) -> set[str]:
    return {f"{tag}[{name}]" for tag, names, ladder in page.elements if ladder for name in names}


def test_no_injection_adds_an_element_an_attribute_or_a_url(built: dict[str, Any]) -> None:
    """The pages have the clean site's elements, attributes and URLs, in the same order
    (the ladder's SVG lines vary with the names it draws, so there only its vocabulary)."""
    for path, clean in built["clean"].items():
        poisoned = built["poisoned"][path]
        outside = [e for e in poisoned.elements if not e[2]]
        assert outside == [e for e in clean.elements if not e[2]], path
        assert _ladder_vocabulary(poisoned) <= _ladder_vocabulary(clean) | LADDER_FIT, path
        urls = [(r.tag, r.attr, r.url) for r in poisoned.refs if r.attr in URL_ATTRS]
        assert urls == [(r.tag, r.attr, r.url) for r in clean.refs if r.attr in URL_ATTRS], path


def test_no_script_or_style_body_changes(built: dict[str, Any]) -> None:
    """What runs is what the clean site runs, apart from JSON data islands that carry names."""
    for path, clean in built["clean"].items():
        poisoned = built["poisoned"][path]
        code = [body for body in poisoned.inline if "alert(" in body and not body.startswith("{")]
        assert code == [], path
        assert len(poisoned.inline) == len(clean.inline), path


@pytest.mark.parametrize("injection", INJECTIONS)
def test_each_injection_is_shown_as_the_text_written(built: dict[str, Any], injection: str) -> None:
    shown = " ".join(_words(page.plain_text()) for page in built["poisoned"].values())
    assert _words(injection) in shown


def test_search_index_holds_no_injected_markup(built: dict[str, Any]) -> None:
    project = built["project"]
    assert _index_markup(project / "site") <= _index_markup(project / "clean-site")
