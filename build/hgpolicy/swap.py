"""Replace a built site in one step, one build at a time.

A build writes into a fresh folder beside the site (`.site.build-<pid>`), and only a build
that finishes swaps it in: an interrupted, killed or failing build leaves the previous site
exactly as it was, and a web server reading the site never sees it half-written. The swap
is one `renameat2(RENAME_EXCHANGE)` on Linux (the site is never missing, even for an
instant); elsewhere two renames, with the site briefly absent but never partial.

A lock file beside the site (`.site.lock`, held with `flock` for the whole build) makes a
second build wait for the first instead of writing into the same place; the operating system
releases it when a build dies, so a killed build never blocks the next one.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@dataclass
class SiteSwap:
    """One build's claim on a site folder: the lock, and the folder it builds into."""

    site: Path
    lock: IO[bytes]
    building: Path

    @classmethod
    def begin(cls, site: Path, on_wait: Callable[[], None]) -> SiteSwap:
        """Take the site's lock (calling `on_wait` first if another build holds it), clear
        what killed builds left, and make the folder to build into."""
        site = site.resolve()
        site.parent.mkdir(parents=True, exist_ok=True)
        lock = (site.parent / f".{site.name}.lock").open("wb")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(lock, fcntl.LOCK_EX)
        for stale in site.parent.glob(f".{site.name}.build-*"):  # ours alone, under the lock
            shutil.rmtree(stale, ignore_errors=True)
        building = site.parent / f".{site.name}.build-{os.getpid()}"
        building.mkdir()
        return cls(site, lock, building)

    def commit(self) -> None:
        """Put the finished build in the site's place, drop the previous site, unlock."""
        try:
            if self.site.exists():
                _exchange(self.building, self.site)
            else:
                self.building.rename(self.site)
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Drop the build folder (the previous site stays), unlock."""
        shutil.rmtree(self.building, ignore_errors=True)
        self.lock.close()  # closing the file releases the flock


def _exchange(new: Path, old: Path) -> None:
    """Swap two folders: `old` gets the new contents, `new` the old ones."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is not None:
        done = renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(old), _RENAME_EXCHANGE)
        if done == 0:
            return
    # No exchange here (not Linux, or a file system without it): two renames.
    aside = old.with_name(f".{old.name}.build-old-{os.getpid()}")  # cleared as stale if left
    old.rename(aside)
    new.rename(old)
    aside.rename(new)
