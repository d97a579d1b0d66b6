"""A small static server that sends site/ the way a real deployment would.

What it does that `python -m http.server` does not:
- the build's `.gz` copy of a file when there is one (as nginx's `gzip_static`), else gzip
  (level 6, zlib's default and a common server setting) for text types and for wasm, when the
  client accepts gzip; wheels are already deflated and go as they are;
- `Cache-Control`: a year (`immutable`) for the Pyodide runtime, the calculators wheel and the
  fingerprinted theme assets (`bundle.<hash>.min.js`), `no-cache` (revalidate) for the rest,
  with an `ETag` so a revalidation costs a `304` and no body;
- `/__bench__/…`: the benchmark's own pages, from benchmarks/pages/, with placeholders such as
  `__PYODIDE_INDEX__` replaced by the URLs found in the built site.

It binds 127.0.0.1 on a free port, runs in a thread, and logs every response (path, status,
header and body bytes) so the bytes the browser reports can be checked against what was sent.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.support import serving
from tests.support.serving import TYPES

BENCH_PREFIX = "/__bench__/"
GZIP_LEVEL = 6
GZIP_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/wasm",
)
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Material's bundles carry a content hash in the name: bundle.f13b1293.min.js, main.342714a4.min.css
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)$")


@dataclass(frozen=True)
class Sent:
    """One response as written to the socket."""

    path: str
    status: int
    header_bytes: int
    body_bytes: int
    encoding: str
    raw_bytes: int = 0  # the body before compression
    # The body as a brotli-capable client would get it: the build's `.br` copy where there is
    # one (`brotli_static`), else the body as sent; read from the files, whatever was sent.
    brotli_bytes: int = 0


@dataclass
class SiteServer:
    """Serves `site_dir` at `/` and `pages_dir` at `/__bench__/`, on 127.0.0.1."""

    site_dir: Path
    pages_dir: Path
    substitutions: dict[str, str] = field(default_factory=dict)
    long_cache_prefixes: tuple[str, ...] = ()
    extra_routes: dict[str, Callable[[], bytes]] = field(default_factory=dict)
    log: list[Sent] = field(default_factory=list)
    # Send the build's `.br` copy to a client that accepts brotli (`brotli_static`), as a
    # deployment over HTTPS does; Chromium asks for it here too (measured: Chromium 156 sends
    # "gzip, deflate, br, zstd" to http://127.0.0.1). Off by default: gzip figures.
    brotli: bool = False
    _httpd: ThreadingHTTPServer | None = None
    _gzip_cache: dict[tuple[str, int, int], bytes] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def origin(self) -> str:
        assert self._httpd is not None, "server not started"
        return serving.origin(self._httpd)

    def start(self) -> SiteServer:
        """Compress the site ahead, bind a free port on 127.0.0.1, serve in a daemon thread."""
        self.precompress()
        self._httpd = serving.start(_make_handler(self))
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            serving.stop(self._httpd)
            self._httpd = None

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def record(self, sent: Sent) -> None:
        with self._lock:
            self.log.append(sent)

    def gzipped(self, key: tuple[str, int, int], body: bytes) -> bytes:
        """`body` gzip-compressed, cached per (path, size, mtime) so runs time the network, not zlib."""
        with self._lock:
            cached = self._gzip_cache.get(key)
        if cached is None:
            cached = gzip.compress(body, GZIP_LEVEL, mtime=0)
            with self._lock:
                self._gzip_cache[key] = cached
        return cached

    def precompress(self) -> None:
        """gzip every compressible file now (as `gzip_static` or a CDN would have it ready), so
        no measured request waits for zlib."""
        for path in self.site_dir.rglob("*"):
            if path.is_file() and compressible(content_type(str(path))):
                stat = path.stat()
                key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
                self.gzipped(key, path.read_bytes())

    def cache_control(self, url_path: str) -> str:
        """Cache policy for a URL path: a year for versioned runtime files, revalidate the rest."""
        if url_path.startswith(self.long_cache_prefixes) or url_path.endswith(".whl"):
            return LONG_CACHE
        if FINGERPRINTED.search(url_path):
            return LONG_CACHE
        return REVALIDATE


def content_type(path: str) -> str:
    """The MIME type a production server would send for `path`."""
    suffix = Path(path).suffix.lower()
    if suffix in TYPES:
        return TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path)
    return guessed or "application/octet-stream"


def compressible(mime: str) -> bool:
    return mime.startswith(GZIP_TYPES)


def _make_handler(server: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "bench"
        sys_version = ""

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet: every response is recorded in `server.log` instead."""

        def do_HEAD(self) -> None:
            self._serve(head=True)

        def do_GET(self) -> None:
            self._serve(head=False)

        def _serve(self, *, head: bool) -> None:
            url_path = unquote(urlsplit(self.path).path)
            if url_path in server.extra_routes:
                body = server.extra_routes[url_path]()
                self._send(url_path, 200, body, "application/json", REVALIDATE, None, head)
                return
            found = self._resolve(url_path)
            if isinstance(found, str):
                self._redirect(url_path, found)
                return
            if found is None:
                self._send(url_path, 404, b"not found\n", "text/plain", REVALIDATE, None, head)
                return
            mime = content_type(str(found))
            if url_path.startswith(BENCH_PREFIX):
                body = _substitute(found.read_bytes(), server.substitutions)
                etag, cache = '"' + hashlib.sha1(body).hexdigest()[:16] + '"', REVALIDATE
                key = (url_path, len(body), hash(body))
            else:
                stat = found.stat()
                etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
                cache = server.cache_control(url_path)
                key = (str(found), stat.st_size, stat.st_mtime_ns)
                body = b""
            if self.headers.get("If-None-Match") == etag:
                self._send(url_path, 304, b"", None, cache, etag, head)
                return
            body = body or found.read_bytes()
            self._send(url_path, 200, body, mime, cache, etag, head, gzip_key=key)

        def _resolve(self, url_path: str) -> Path | str | None:
            """The file for `url_path`, a redirect target (str) for a folder without `/`, or None."""
            if url_path.startswith(BENCH_PREFIX):
                root, rel = server.pages_dir, url_path[len(BENCH_PREFIX) :]
            else:
                root, rel = server.site_dir, url_path.lstrip("/")
            target = (root / rel).resolve()
            if not target.is_relative_to(root.resolve()):
                return None
            if target.is_dir():
                if not url_path.endswith("/"):
                    return url_path + "/"
                target = target / "index.html"
            return target if target.is_file() else None

        def _redirect(self, url_path: str, location: str) -> None:
            query = urlsplit(self.path).query
            self.send_response(301)
            self.send_header("Location", location + (f"?{query}" if query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            server.record(Sent(url_path, 301, 0, 0, ""))

        def _send(
            self,
            url_path: str,
            status: int,
            body: bytes,
            mime: str | None,
            cache: str,
            etag: str | None,
            head: bool,
            gzip_key: tuple[str, int, int] | None = None,
        ) -> None:
            encoding, raw_bytes = "", len(body)
            brotli = Path(f"{gzip_key[0]}.br") if gzip_key else None
            accepts = self.headers.get("Accept-Encoding", "")
            static = Path(f"{gzip_key[0]}.gz") if gzip_key else None
            if server.brotli and brotli and brotli.is_file() and "br" in accepts and body:
                body, encoding = brotli.read_bytes(), "br"
            elif static is not None and static.is_file() and "gzip" in accepts and body:
                # The build's own copy, as nginx's gzip_static sends it (gzip -9; this is how
                # the stored standard-library zip gets compressed at all).
                body, encoding = static.read_bytes(), "gzip"
            elif mime and compressible(mime) and "gzip" in accepts and body:
                key = gzip_key or (url_path, len(body), hash(body))
                body = server.gzipped(key, body)
                encoding = "gzip"
            headers = [("Cache-Control", cache), ("Date", formatdate(usegmt=True))]
            if mime:
                headers.append(
                    ("Content-Type", mime + ("; charset=utf-8" if _is_text(mime) else ""))
                )
            if etag:
                headers.append(("ETag", etag))
            if mime and (compressible(mime) or encoding):
                headers.append(("Vary", "Accept-Encoding"))
            if encoding:
                headers.append(("Content-Encoding", encoding))
            headers.append(("Content-Length", str(len(body))))
            self.send_response_only(status)
            for name, value in headers:
                self.send_header(name, value)
            header_bytes = sum(len(b) for b in self._headers_buffer)  # type: ignore[attr-defined]
            self.end_headers()
            if not head and status != 304:
                self.wfile.write(body)
            sent = len(body) if not head and status != 304 else 0
            as_brotli = brotli.stat().st_size if sent and brotli and brotli.is_file() else sent
            server.record(
                Sent(url_path, status, header_bytes + 2, len(body), encoding, raw_bytes, as_brotli)
            )

    return Handler


def _is_text(mime: str) -> bool:
    return mime.startswith("text/") or mime in ("application/json", "image/svg+xml")


def _substitute(body: bytes, substitutions: dict[str, str]) -> bytes:
    text = body.decode("utf-8")
    for placeholder, value in substitutions.items():
        text = text.replace(placeholder, value)
    return text.encode("utf-8")
