"""Cutting Pyodide's standard library down to the listed modules."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from hgpolicy import stdlib
from hgpolicy.stdlib import listed_modules, members_for, trimmed_stdlib

AVAILABLE = [
    "json/__init__.py",
    "json/decoder.py",
    "json/tool.py",
    "importlib/__init__.py",
    "importlib/resources/__init__.py",
    "importlib/resources/abc.py",
    "re/__init__.py",
    "typing.py",
    "email/__init__.py",
]


def test_a_module_brings_its_file_and_every_enclosing_package() -> None:
    assert members_for(["importlib.resources.abc", "typing", "_datetime"], AVAILABLE) == [
        "importlib/__init__.py",
        "importlib/resources/__init__.py",
        "importlib/resources/abc.py",
        "typing.py",
    ]
    assert members_for(["json"], AVAILABLE) == ["json/__init__.py"]  # not its submodules


def _full_library() -> bytes:
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as full:
        for name in AVAILABLE:
            full.writestr(name, f'"""{name}."""\nNAME = {name!r}  # its name\n')
    return source.getvalue()


def test_the_trimmed_zip_is_stored_reproducible_and_holds_only_what_is_listed() -> None:
    trimmed = trimmed_stdlib(_full_library(), ["json.decoder", "re"])
    assert trimmed == trimmed_stdlib(_full_library(), ["re", "json.decoder"])
    with zipfile.ZipFile(io.BytesIO(trimmed)) as archive:
        assert archive.namelist() == ["json/__init__.py", "json/decoder.py", "re/__init__.py"]
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
        # Without its docstring and comment (tests/generator/test_docstrings.py).
        assert archive.read("json/decoder.py") == b"NAME = 'json/decoder.py'\n"
        # Read-only for all but the owner, dated 1980: the same bytes on every machine.
        assert {(i.external_attr, i.date_time) for i in archive.infolist()} == {
            (0o644 << 16, (1980, 1, 1, 0, 0, 0))
        }


def test_the_trimmed_zip_is_made_once_per_library_and_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    made = trimmed_stdlib(_full_library(), ["re"], cache)
    assert [p.suffix for p in cache.iterdir()] == [".zip"]

    def again(*_args: object) -> bytes:
        raise AssertionError("made again although kept")

    monkeypatch.setattr(stdlib, "_trimmed", again)
    assert trimmed_stdlib(_full_library(), ["re"], cache) == made
    with pytest.raises(AssertionError, match="made again"):  # another list is another zip
        trimmed_stdlib(_full_library(), ["re", "typing"], cache)


def test_the_list_reads_names_and_skips_comments(tmp_path: Path) -> None:
    listing = tmp_path / "modules.txt"
    listing.write_text("# header\njson\n\n  re  # regular expressions\n", encoding="utf-8")
    assert listed_modules(listing) == ["json", "re"]
    assert "json" in listed_modules()  # the project's list
