"""The site's Content-Security-Policy, with the hashes of the inline scripts its pages carry.

Material writes small inline scripts into every page (one of them differs with the page's
depth). Rather than copy Material's code into template overrides that would drift on every
upgrade, the build hashes whatever inline scripts the built pages hold, so the policy always
matches the pages it ships with. Everything else the site runs or loads comes from its own
origin; Pyodide needs 'wasm-unsafe-eval' to compile its WebAssembly and runs in a worker.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

# Script types a browser executes (JSON data islands are not scripts, so need no hash).
_EXECUTED = {"", "text/javascript", "application/javascript", "module"}

HEADERS_FILE = "_headers"  # Netlify / Cloudflare Pages format; README shows the nginx form


def _directives(script_hashes: list[str]) -> list[str]:
    return [
        "default-src 'self'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *script_hashes]),
        "style-src 'self'",
        "img-src 'self' data:",  # Material's icons are data: SVG masks in its CSS
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]


class _InlineScripts(HTMLParser):
    """The bodies of a page's executed inline scripts, exactly as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._body: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "") in _EXECUTED:
            self._body = []

    def handle_data(self, data: str) -> None:
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._body is not None:
            self.bodies.append("".join(self._body))
            self._body = None


def script_hashes(site: Path) -> list[str]:
    """`'sha256-…'` of every distinct inline script in the site's pages, sorted."""
    found: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        parser = _InlineScripts()
        parser.feed(page.read_text(encoding="utf-8"))
        for body in parser.bodies:
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return sorted(found)


def content_security_policy(site: Path) -> str:
    """The policy for the built `site`, as one header value."""
    return "; ".join(_directives(script_hashes(site)))


def write_headers(site: Path) -> Path:
    """Write `_headers` into the site: the policy and the other headers every response needs."""
    lines = [
        "/*",
        f"  Content-Security-Policy: {content_security_policy(site)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: same-origin",
        "",
    ]
    path = site / HEADERS_FILE
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
