"""Fetching a page or a feed for `digest import`, from a network that may be hostile.

The client is requests (maintained by the PSF, already installed with mkdocs-material; it reads the
usual proxy variables and CA bundle settings). Everything a server controls is limited: the time to
connect and between two reads, the whole answer's time, its size (counted while it streams, decoded,
so a compressed bomb stops at the limit too), the number of redirects, the schemes (http and https),
and the kinds of answer. Redirects are followed here one hop at a time so that each hop is checked and
a loop is named. Every failure is a FetchFailed whose message says what happened, for people.
Knows nothing of articles; writes nothing.
"""

from __future__ import annotations

import re
import socket
import time
from dataclasses import dataclass
from typing import Self
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from digest.curate.extract import media_type

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "application/json",
        *PAGE_TYPES,
    }
)
"""Outlets serve feeds under many types, HTML and plain text included: the feed reader decides."""
SCHEMES = ("http", "https")
USER_AGENT = "Mozilla/5.0 (compatible; digest-import)"
"""Some outlets refuse a client that does not say it is a browser-like agent."""
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    connect: float = 10.0
    """Seconds to open the connection (DNS resolution, which the system does, is not counted)."""
    read: float = 30.0
    """Seconds the server may stay silent: before its answer starts, and between two reads of it."""
    total: float = 60.0
    """Seconds for the whole answer, redirects included: a server that trickles bytes stops here."""
    redirects: int = 5
    size: int = 10_000_000
    """Bytes of the answer, after decompression."""


LIMITS = Limits()


@dataclass(frozen=True)
class Answer:
    url: str
    """Where the body came from, after redirects."""
    asked: tuple[str, ...]
    """Every address asked for on the way: the one given, then each redirect's target."""
    content_type: str
    """The Content-Type header as sent, charset included."""
    body: bytes

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)


class FetchFailed(Exception):
    pass


def is_address(name: str) -> bool:
    """'https://...', 'ftp://...': an input meant as an address (then refused unless http or https), not a file."""
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", name) is not None


def check_address(url: str) -> None:
    """Raises FetchFailed unless url is an http or https address with a host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise FetchFailed("not a valid web address") from None
    if parts.scheme.lower() not in SCHEMES:
        raise FetchFailed("only http:// and https:// addresses are fetched")
    if not host:
        raise FetchFailed("the address has no host")


class Fetcher:
    """One session for a run of imports: connections to the same outlet are reused."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or LIMITS
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.session.close()

    def get(self, url: str, accept: frozenset[str], kind: str = "an HTML page or plain text") -> Answer:
        """The answer at url, of a type in accept (kind names them in the message); raises FetchFailed."""
        check_address(url)
        started = time.monotonic()
        asked: list[str] = []
        while True:
            with self._send(url) as response:
                asked.append(response.url)
                target = self._redirect_target(response, asked)
                if target is None:
                    return self._answer(response, tuple(asked), accept, kind, started)
            url = target

    def _send(self, url: str) -> requests.Response:
        limits = self.limits
        try:
            return self.session.get(url, stream=True, allow_redirects=False, timeout=(limits.connect, limits.read))
        except requests.exceptions.ConnectTimeout:
            raise FetchFailed(f"no connection within {limits.connect:g} s") from None
        except requests.exceptions.ReadTimeout:
            raise FetchFailed(f"the server did not answer within {limits.read:g} s") from None
        except requests.exceptions.SSLError as error:
            raise FetchFailed(f"the secure connection failed: {_innermost(error)}") from None
        except requests.exceptions.ConnectionError as error:
            raise FetchFailed(_connection_problem(error, url)) from None
        except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, ValueError) as error:
            raise FetchFailed(f"the request failed: {_innermost(error)}") from None

    def _redirect_target(self, response: requests.Response, asked: list[str]) -> str | None:
        """The next address when response redirects; raises FetchFailed on a bad target, a loop or too many."""
        if not response.is_redirect:
            return None
        location = self.session.get_redirect_target(response) or ""
        try:
            target = urljoin(response.url, location)
            check_address(target)
        except (FetchFailed, ValueError) as error:
            raise FetchFailed(f"redirected to {location!r}: {error}") from None
        if target in asked:
            raise FetchFailed(f"redirect loop: {' -> '.join([*asked, target])}")
        if len(asked) > self.limits.redirects:  # asked holds the first address and each redirect's
            raise FetchFailed(f"more than {self.limits.redirects} redirects: {' -> '.join([*asked, target])}")
        return target

    def _answer(
        self, response: requests.Response, asked: tuple[str, ...], accept: frozenset[str], kind: str, started: float
    ) -> Answer:
        if not 200 <= response.status_code < 300:
            raise FetchFailed(f"the server answered {response.status_code} {response.reason or ''}".rstrip())
        content_type = response.headers.get("content-type", "")
        if not content_type.strip():
            raise FetchFailed(f"the answer does not say what it is (no Content-Type); digest imports {kind} only")
        if media_type(content_type) not in accept:
            raise FetchFailed(f"the answer is {media_type(content_type)}, not {kind}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limits.size:
            raise FetchFailed(self._too_large())
        return Answer(response.url, asked, content_type, self._body(response, started))

    def _body(self, response: requests.Response, started: float) -> bytes:
        """The decoded body, read as it arrives; stops at the size or time limit rather than after it."""
        limits = self.limits
        body = bytearray()
        try:
            while chunk := response.raw.read1(CHUNK, decode_content=True):
                body += chunk
                if len(body) > limits.size:
                    raise FetchFailed(self._too_large())
                if time.monotonic() - started > limits.total:
                    raise FetchFailed(f"the answer took longer than {limits.total:g} s")
        except urllib3.exceptions.ReadTimeoutError:
            raise FetchFailed(f"the server stopped sending for {limits.read:g} s") from None
        except urllib3.exceptions.DecodeError:
            raise FetchFailed("the answer's compression is broken") from None
        except urllib3.exceptions.ProtocolError as error:
            if any(isinstance(cause, urllib3.exceptions.IncompleteRead) for cause in _chain(error)):
                raise FetchFailed("the connection closed before the whole answer arrived") from None
            raise FetchFailed(f"the connection broke while reading the answer: {_innermost(error)}") from None
        except (urllib3.exceptions.HTTPError, OSError) as error:
            raise FetchFailed(f"the connection broke while reading the answer: {_innermost(error)}") from None
        return bytes(body)

    def _too_large(self) -> str:
        return f"the answer is larger than {self.limits.size / 1e6:g} MB"


def _connection_problem(error: requests.exceptions.ConnectionError, url: str) -> str:
    host = urlsplit(url).hostname
    causes = _chain(error)
    if any(isinstance(cause, socket.gaierror) for cause in causes):
        return f"the host {host} was not found"
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return f"{host} refused the connection"
    reason = causes[-1]
    return f"could not connect to {host}: {getattr(reason, 'strerror', None) or reason}"


def _innermost(error: BaseException) -> BaseException:
    return _chain(error)[-1]


def _chain(error: BaseException) -> list[BaseException]:
    """The error, then what caused it: requests wraps urllib3's error, which wraps the socket's."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        reason = getattr(current, "reason", None)
        nested = [reason] if isinstance(reason, BaseException) else []
        nested += [arg for arg in current.args if isinstance(arg, BaseException)]
        current = nested[0] if nested else current.__cause__
    return chain
