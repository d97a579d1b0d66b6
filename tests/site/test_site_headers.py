"""The shipped `_headers` file: its Content-Security-Policy allows exactly what the pages run."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from tests.browser.test_csp import shipped_headers

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)


def _directives(site: Path) -> dict[str, list[str]]:
    policy = shipped_headers(site)["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ")}


def test_every_inline_script_is_hashed_and_nothing_else(site: Path) -> None:
    expected = set()
    for page in site.rglob("*.html"):
        for body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            expected.add(f"'sha256-{digest}'")
    hashes = {s for s in _directives(site)["script-src"] if s.startswith("'sha256-")}
    assert expected and hashes == expected


def test_policy_allows_the_runtime_and_nothing_from_elsewhere(site: Path) -> None:
    directives = _directives(site)
    assert directives["default-src"] == ["'self'"]
    assert directives["worker-src"] == ["'self'"]
    assert "'wasm-unsafe-eval'" in directives["script-src"]
    assert "'unsafe-inline'" not in " ".join(sum(directives.values(), []))
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
