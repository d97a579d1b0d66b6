"""The build's compressed copies: beside the files that compress, equal to them when
decompressed, never for what does not shrink, and made once per content."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import brotli
import pytest

from hgpolicy import precompress as pc

PAGE = ("<p>黄石市技能人才评价制度改革</p>\n" * 400).encode()


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_bytes(PAGE)
    (root / "assets" / "app.js").write_bytes(b"const a = 1;\n" * 300)
    (root / "assets" / "logo.png").write_bytes(PAGE)  # compressible bytes, but a .png
    (root / "small.css").write_bytes(b"p{margin:0}")  # under 1 KB
    (root / "noise.bin").write_bytes(random.Random(7).randbytes(4096))  # does not shrink
    return root


def test_copies_beside_what_compresses_and_equal_to_it(tmp_path: Path) -> None:
    root = site(tmp_path)
    saved = pc.precompress(root, pc.FAST)
    written = sorted(
        str(p.relative_to(root)) for p in root.rglob("*.*[rz]") if p.suffix in (".br", ".gz")
    )
    assert written == ["assets/app.js.br", "assets/app.js.gz", "index.html.br", "index.html.gz"]
    assert brotli.decompress((root / "index.html.br").read_bytes()) == PAGE
    assert gzip.decompress((root / "index.html.gz").read_bytes()) == PAGE
    assert saved == sum(
        (root / name).stat().st_size - (root / f"{name}.br").stat().st_size
        for name in ("index.html", "assets/app.js")
    )


def test_the_same_file_gives_the_same_bytes_and_a_stale_copy_goes(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / "noise.bin.br").write_bytes(b"from an older build")
    pc.precompress(root, pc.FAST)
    first = (root / "index.html.gz").read_bytes()
    pc.precompress(root, pc.FAST)
    assert (root / "index.html.gz").read_bytes() == first  # no timestamp inside
    assert not (root / "noise.bin.br").exists()


def test_the_cache_is_used_and_keyed_by_content_and_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    pc.precompress(site(tmp_path), pc.FAST, cache)
    # Three files tried, two encodings each: that the random bytes do not shrink is kept too.
    assert len(list(cache.iterdir())) == 6

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("compressed again although cached")

    monkeypatch.setattr(pc.brotli, "compress", refuse)
    monkeypatch.setattr(pc.gzip, "compress", refuse)
    again = tmp_path / "again"
    site(again)
    pc.precompress(again / "site", pc.FAST, cache)
    assert brotli.decompress((again / "site" / "index.html.br").read_bytes()) == PAGE
    with pytest.raises(AssertionError, match="compressed again"):
        pc.precompress(again / "site", pc.BEST, cache)  # other settings: not the same entry
