"""Compressed copies of the built site's files, made once at build time.

A phone on a weak network pays for every byte. Servers compress on the fly at a low level
(nginx's default gzip level is 1) and most never use brotli's best level, which is too slow
to run per request: 80 s for Pyodide's 9.6 MB WebAssembly file, which it shrinks to 2.7 MB
(gzip -9: 3.5 MB). So the build writes `name.br` and `name.gz` beside each file that
compresses, as nginx's `gzip_static` / `brotli_static` and object stores serving
pre-encoded objects expect (the README's deployment section gives the settings).

Results are kept in a cache keyed by the file's content and the settings, so the runtime
(which changes only with the pinned Pyodide) is compressed once per machine, not per build.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

from .cache import cached

# Formats that are compressed already: trying them costs time and never pays. (The wheel
# and the standard library's zip are stored uncompressed on purpose, so they are tried.)
SKIP_SUFFIXES = frozenset(
    {".br", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".xlsx"}
)
MIN_SIZE = 1024  # below this, headers cost more than compression saves
MIN_SAVING = 0.05  # a copy is kept only if it is at least 5 % smaller


@dataclass(frozen=True)
class Settings:
    """How hard to compress. `best` is for a site to publish; `fast` (brotli 5) for test
    builds, whose copies are checked for being right, not for being small."""

    brotli_quality: int = 11
    gzip_level: int = 9

    @property
    def key(self) -> str:
        return f"br{self.brotli_quality}-gz{self.gzip_level}"


BEST = Settings()
FAST = Settings(brotli_quality=5, gzip_level=6)


def candidates(site: Path) -> Iterator[Path]:
    """The site's files worth trying, largest first (so the slow ones start early)."""
    found = [
        path
        for path in site.rglob("*")
        if path.is_file()
        and path.suffix.lower() not in SKIP_SUFFIXES
        and path.stat().st_size >= MIN_SIZE
    ]
    yield from sorted(found, key=lambda p: (-p.stat().st_size, str(p)))


def compressed(data: bytes, encoding: str, settings: Settings, cache: Path | None) -> bytes:
    """`data` in `encoding` (`br` or `gz`), from the cache when it has been made before."""

    def make() -> bytes:
        if encoding == "br":
            return brotli.compress(data, quality=settings.brotli_quality)
        return gzip.compress(data, compresslevel=settings.gzip_level, mtime=0)

    digest = hashlib.sha256(data).hexdigest()
    return cached(cache, f"{digest}.{settings.key}.{encoding}", make)


def _precompress_file(path: Path, settings: Settings, cache: Path | None) -> int:
    """Write the copies of one file that pay; the bytes they save (brotli's)."""
    data = path.read_bytes()
    saved = 0
    for encoding in ("br", "gz"):
        out = compressed(data, encoding, settings, cache)
        target = path.with_name(f"{path.name}.{encoding}")
        if len(out) <= len(data) * (1 - MIN_SAVING):
            target.write_bytes(out)
            if encoding == "br":
                saved = len(data) - len(out)
        else:
            target.unlink(missing_ok=True)
    return saved


def precompress(site: Path, settings: Settings = BEST, cache: Path | None = None) -> int:
    """Write `.br` and `.gz` beside every compressible file of `site`; the bytes saved.

    Brotli and zlib release the interpreter lock while they work, so the files are done on
    as many threads as the machine has cores.
    """
    files = list(candidates(site))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(lambda p: _precompress_file(p, settings, cache), files))
