"""A site served on 127.0.0.1 from a thread of this process, on a port the system picks.

`TYPES` are the content types a real server sends for the files the site ships: the browser
refuses a module script or WebAssembly sent under another type.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".map": "application/json",
}


class QuietHandler(SimpleHTTPRequestHandler):
    """Files as they are (no compression, no cache headers), with the right types, unlogged."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def start(handler: Callable[..., BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    """Serve with `handler` on a free 127.0.0.1 port, in a daemon thread."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def stop(httpd: ThreadingHTTPServer) -> None:
    httpd.shutdown()
    httpd.server_close()


def origin(httpd: ThreadingHTTPServer) -> str:
    """`http://127.0.0.1:<port>` (no trailing slash)."""
    host, port = httpd.server_address[:2]
    return f"http://{host}:{port}"


@contextlib.contextmanager
def serving(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    """`start`, yield the origin, `stop`."""
    httpd = start(handler)
    try:
        yield origin(httpd)
    finally:
        stop(httpd)


def free_port() -> int:
    """A 127.0.0.1 port free now, for a server in another process (`mkdocs serve`)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
