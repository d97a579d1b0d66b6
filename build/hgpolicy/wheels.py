"""Build the calculators wheel: pure Python (py3-none-any), byte-for-byte reproducible.

The wheel holds the `calculators` package and the compiled policy as package data
(`calculators/policy.json`), so the browser needs nothing else to answer. Its version carries
a digest of its contents (`0.1.0+<sha>`), so a changed rule gives a new file name that any
cache treats as a new file.

Its members are stored, not deflated, like the cut-down standard library's: the build's
brotli copy of the whole wheel is 117 kB where the deflated wheel was 170 kB, as one stream
compresses across files (the sources share their words, and `policy.json` its keys).
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Mapping
from pathlib import Path
from zipfile import ZIP_STORED, ZipInfo

from wheel.wheelfile import WheelFile

# Every entry gets the same time and mode, so the same sources give the same bytes.
EPOCH = (1980, 1, 1, 0, 0, 0)
MODE = (0o644 | stat.S_IFREG) << 16


def _entry(name: str) -> ZipInfo:
    info = ZipInfo(name, date_time=EPOCH)
    info.external_attr = MODE
    info.compress_type = ZIP_STORED
    return info


class _ReproducibleWheelFile(WheelFile):
    """WheelFile writes RECORD with the current time; give it the fixed one too."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None):  # type: ignore[override]
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = _entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type)


def package_files(package: Path) -> dict[str, bytes]:
    """The package's Python sources, keyed by their path inside the wheel."""
    return {
        f"{package.name}/{path.relative_to(package).as_posix()}": path.read_bytes()
        for path in sorted(package.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def content_digest(files: Mapping[str, bytes]) -> str:
    """A short digest of `files` (paths and contents): the wheel's local version label, and
    what tells a browser that a snapshot it saved came from the same code and policy."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + hashlib.sha256(files[path]).digest())
    return digest.hexdigest()[:12]


def build_wheel(
    files: Mapping[str, bytes], dest: Path, *, name: str, version: str, summary: str
) -> Path:
    """Write `files` as a py3-none-any wheel into `dest`; return its path.

    The version gets a local label from the digest of `files`, so the file name changes
    whenever the contents do.
    """
    full_version = f"{version}+{content_digest(files)}"
    dist_info = f"{name}-{full_version}.dist-info"
    metadata = {
        f"{dist_info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {full_version}\n"
            f"Summary: {summary}\nRequires-Python: >=3.12\n"
        ),
        f"{dist_info}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: hgpolicy\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / f"{name}-{full_version}-py3-none-any.whl"
    with _ReproducibleWheelFile(path, "w", compression=ZIP_STORED) as whl:
        for arcname in sorted(files):
            whl.writestr(_entry(arcname), files[arcname])
        for arcname, text in metadata.items():
            whl.writestr(_entry(arcname), text.encode())
    return path
