"""One search index per language (searchindex.py), on a small index written as Material does."""

from __future__ import annotations

import json
from pathlib import Path

from hgpolicy.searchindex import base_for, split_index

CONFIG = {"lang": ["en"], "separator": "[\\s]+"}
DOCS = [
    {"location": "", "title": "首页", "text": "黄石"},
    {"location": "faq/#q1", "title": "问答", "text": "几年"},
    {"location": "en/", "title": "Home", "text": "Huangshi"},
    {"location": "en/faq/#q1", "title": "FAQ", "text": "years"},
    {"location": "english/", "title": "A zh page whose name starts with en", "text": ""},
]


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_each_language_gets_its_pages_addressed_from_its_folder(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(
        json.dumps({"config": CONFIG, "docs": DOCS}), encoding="utf-8"
    )
    assert split_index(tmp_path, ["zh", "en"]) == {"zh": 3, "en": 2}
    zh = _read(tmp_path / "search" / "search_index.json")
    en = _read(tmp_path / "en" / "search" / "search_index.json")
    assert zh["config"] == en["config"] == CONFIG
    assert [d["location"] for d in zh["docs"]] == ["", "faq/#q1", "english/"]
    assert [d["location"] for d in en["docs"]] == ["", "faq/#q1"]
    assert [d["title"] for d in en["docs"]] == ["Home", "FAQ"]
    # Written compact and in UTF-8: every byte counts on a phone's connection.
    written = (tmp_path / "en" / "search" / "search_index.json").read_bytes().decode("utf-8")
    assert written.startswith('{"config":{"lang":["en"],"separator":"[\\\\s]+"},"docs":[{')
    assert "首页" in (tmp_path / "search" / "search_index.json").read_bytes().decode("utf-8")


def test_a_further_language_names_its_folder_with_the_slash() -> None:
    assert base_for("../..", "en", "zh") == "../../en/"
    assert base_for(".", "en", "zh") == "./en/"
    assert base_for("..", "zh", "zh") == ".."


def test_a_site_without_search_has_no_index_to_split(tmp_path: Path) -> None:
    assert split_index(tmp_path, ["zh", "en"]) == {}
    assert list(tmp_path.iterdir()) == []
