"""A web server on 127.0.0.1 for the tests of `digest import` from addresses and feeds: each path answers
as the test says (a page, a redirect, a slow or endless answer). The tests never reach the internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = "text/html; charset=utf-8"


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Callable[[], Iterable[bytes]] = b""
    """Bytes, sent with their Content-Length; or chunks, sent as they come until the connection closes."""
    delay: float = 0.0
    """Seconds of silence before the answer starts."""


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.sent: dict[str, int] = {}
        """Path -> bytes of body written to the socket before the client went away."""
        self.hits: list[str] = []
        self.server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def page(
        self,
        path: str,
        body: str | bytes,
        content_type: str = HTML,
        status: int = 200,
        delay: float = 0.0,
        headers: dict[str, str] | None = None,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(status, {"Content-Type": content_type, **(headers or {})}, data, delay)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Route(status, {"Location": to})
        return self.url(path)

    def stream(self, path: str, chunks: Callable[[], Iterable[bytes]], content_type: str = HTML) -> str:
        self.routes[path] = Route(200, {"Content-Type": content_type, "Connection": "close"}, chunks)
        return self.url(path)

    def sent_to_the_end(self, path: str, wait: float = 5.0) -> int:
        """Bytes a stream wrote before the client went away, once its handler has seen it go."""
        deadline = time.monotonic() + wait
        while path not in self.sent and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.sent[path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up early is what most tests do on purpose: no traceback on standard error."""


def _handler(web: LocalWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            web.hits.append(self.path)
            route = web.routes.get(self.path, Route(404, {"Content-Type": "text/plain"}, b"not here"))
            time.sleep(route.delay)
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if callable(route.body):
                self.end_headers()
                self._stream(route.body())
                return
            if "Content-Length" not in route.headers:  # a test may send a length that lies
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except OSError:  # the client refused the answer before reading it all
                self.close_connection = True
            if route.headers.get("Connection") == "close":
                self.close_connection = True

        def _stream(self, chunks: Iterable[bytes]) -> None:
            sent = 0
            try:
                for chunk in chunks:
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    sent += len(chunk)
            except OSError:  # the client stopped reading: what the size and time limits are for
                pass
            finally:
                web.sent[self.path] = sent
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler
