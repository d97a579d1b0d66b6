"""Compressed copies at their edges: the smallest file worth compressing (1,024 bytes), the
largest files first (so the slowest, the WebAssembly, starts at once), gzip at the level the
settings give and with no time in its header (the same bytes every build)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from hgpolicy import precompress
from hgpolicy.precompress import BEST, FAST, MIN_SIZE, candidates, compressed


def test_the_files_worth_compressing_largest_first(tmp_path: Path) -> None:
    sizes = {"b.js": MIN_SIZE, "a.js": MIN_SIZE, "big.css": 5000, "small.js": MIN_SIZE - 1,
             "c.html": 3000, "d.png": 9000}  # fmt: skip
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(os.urandom(size))
    # PNG is already compressed; under 1,024 bytes headers cost more than they save; equal
    # sizes in name order.
    assert [p.name for p in candidates(tmp_path)] == ["big.css", "c.html", "a.js", "b.js"]


def test_gzip_at_the_settings_level_with_no_time_in_its_header() -> None:
    data = b"".join(b"line %d of a style sheet with some repetition\n" % n for n in range(2000))
    for settings in (FAST, BEST):
        out = compressed(data, "gz", settings, None)
        assert out[4:8] == b"\0\0\0\0"  # MTIME, RFC 1952: none
        assert out == gzip.compress(data, compresslevel=settings.gzip_level, mtime=0)
    assert compressed(data, "gz", FAST, None) != compressed(data, "gz", BEST, None)


def test_brotli_at_the_settings_quality_cached_under_a_folder_made_for_it(tmp_path: Path) -> None:
    import brotli

    data = b"".join(b"line %d of a script with some repetition\n" % n for n in range(2000))
    cache = tmp_path / "not" / "yet"
    out = compressed(data, "br", FAST, cache)
    assert out == brotli.compress(data, quality=FAST.brotli_quality)
    assert out != brotli.compress(data, quality=BEST.brotli_quality)
    assert [p.name for p in cache.iterdir()] == [f"{p}.br5-gz6.br" for p in [_digest(data)]]


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(("size", "kept"), [(1900, True), (1901, False)])
def test_a_copy_is_kept_when_it_is_at_least_five_percent_smaller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, kept: bool
) -> None:
    """2,000 bytes compressed to 1,900 save exactly 5 %: kept; to 1,901, not (and a copy left
    by an earlier build is removed)."""
    page = tmp_path / "page.html"
    page.write_bytes(b"p" * 2000)
    (tmp_path / "page.html.gz").write_bytes(b"stale")
    monkeypatch.setattr(
        precompress, "compressed", lambda data, encoding, settings, cache: b"c" * size
    )
    saved = precompress._precompress_file(page, FAST, None)
    assert saved == (100 if kept else 0)
    for encoding in ("br", "gz"):
        copy = tmp_path / f"page.html.{encoding}"
        assert copy.exists() == kept
        assert not kept or copy.read_bytes() == b"c" * size
