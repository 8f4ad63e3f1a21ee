"""Fetching from a hostile network: every limit, against a server on 127.0.0.1 that misbehaves on purpose."""

from __future__ import annotations

import gzip
import socket
import time

import pytest
from local_web import Route

from digest.curate.fetch import FEED_TYPES, LIMITS, PAGE_TYPES, Fetcher, FetchFailed, Limits

PAGE = "<html><head><title>A page</title></head><body><p>Words.</p></body></html>"


def fetch(url: str, limits: Limits | None = None, accept: frozenset[str] = PAGE_TYPES):
    with Fetcher(limits) as fetcher:
        return fetcher.get(url, accept)


def failure(url: str, limits: Limits | None = None, accept: frozenset[str] = PAGE_TYPES) -> str:
    with pytest.raises(FetchFailed) as caught:
        fetch(url, limits, accept)
    return str(caught.value)


def test_the_documented_limits():
    assert (LIMITS.connect, LIMITS.read, LIMITS.total, LIMITS.redirects, LIMITS.size) == (
        10.0,
        30.0,
        60.0,
        5,
        10_000_000,
    )


def test_a_page_comes_with_its_type_and_address(web):
    url = web.page("/story", PAGE, "text/html; charset=windows-1256")
    answer = fetch(url)
    assert (answer.url, answer.asked, answer.media_type, answer.body) == (url, (url,), "text/html", PAGE.encode())
    assert answer.content_type == "text/html; charset=windows-1256"


def test_five_redirects_are_followed_and_each_address_is_kept(web):
    for hop in range(5):
        web.redirect(f"/r{hop}", f"/r{hop + 1}", status=(301, 302, 303, 307, 308)[hop])
    final = web.page("/r5", "plain words", "text/plain")
    answer = fetch(web.url("/r0"))
    assert answer.url == final and answer.asked == tuple(web.url(f"/r{hop}") for hop in range(6))
    assert answer.body == b"plain words"


def test_a_sixth_redirect_is_refused(web):
    for hop in range(6):
        web.redirect(f"/r{hop}", f"/r{hop + 1}")
    web.page("/r6", PAGE)
    chain = " -> ".join(web.url(f"/r{hop}") for hop in range(7))
    assert failure(web.url("/r0")) == f"more than 5 redirects: {chain}"
    assert "/r6" not in web.hits


def test_a_redirect_loop_is_named(web):
    web.redirect("/a", "/b")
    web.redirect("/b", web.url("/a"))
    assert failure(web.url("/a")) == f"redirect loop: {web.url('/a')} -> {web.url('/b')} -> {web.url('/a')}"


@pytest.mark.parametrize("target", ["ftp://files.example/story", "file:///etc/passwd", "javascript:alert(1)"])
def test_a_redirect_to_another_scheme_is_refused(web, target):
    assert (
        failure(web.redirect("/away", target))
        == f"redirected to {target!r}: only http:// and https:// addresses are fetched"
    )


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://files.example/story", "only http:// and https:// addresses are fetched"),
        ("file:///etc/passwd", "only http:// and https:// addresses are fetched"),
        ("http:///story", "the address has no host"),
        ("http://[::1/story", "not a valid web address"),
    ],
)
def test_addresses_that_are_not_fetched(url, message):
    assert failure(url) == message


@pytest.mark.parametrize(
    "status, message", [(404, "404 Not Found"), (500, "500 Internal Server Error"), (410, "410 Gone")]
)
def test_an_error_status_is_said(web, status, message):
    assert failure(web.page("/broken", PAGE, status=status)) == f"the server answered {message}"


@pytest.mark.parametrize("content_type", ["image/png", "application/octet-stream", "application/pdf", "video/mp4"])
def test_a_binary_answer_is_refused_before_its_body_is_read(web, content_type):
    web.stream("/file", lambda: (b"\x89PNG\r\n\x1a\n" * 8192 for _ in range(1000)), content_type)
    assert failure(web.url("/file")) == f"the answer is {content_type}, not an HTML page or plain text"
    assert web.sent_to_the_end("/file") < 1000 * 65536


def test_an_answer_without_a_type_is_refused(web):
    web.routes["/untyped"] = Route(200, {}, b"who knows")
    assert (
        failure(web.url("/untyped"))
        == "the answer does not say what it is (no Content-Type); digest imports an HTML page or plain text only"
    )


def test_feeds_accept_their_own_types(web):
    url = web.page("/feed", "<rss version='2.0'/>", "application/rss+xml")
    assert fetch(url, accept=FEED_TYPES).media_type == "application/rss+xml"
    assert failure(url) == "the answer is application/rss+xml, not an HTML page or plain text"


def test_a_declared_size_over_the_limit_is_refused_unread(web):
    url = web.page("/huge", b"x" * 1000, headers={"Content-Length": "50000000"})
    assert failure(url) == "the answer is larger than 10 MB"


def test_an_endless_answer_stops_at_10_mb_while_it_streams(web):
    web.stream("/endless", lambda: (b"y" * 65536 for _ in range(10_000)))  # 655 MB if nobody stopped reading
    started = time.monotonic()
    assert failure(web.url("/endless")) == "the answer is larger than 10 MB"
    assert time.monotonic() - started < 10
    assert 10_000_000 < web.sent_to_the_end("/endless") < 20_000_000  # what the sockets' buffers held, not the whole


def test_a_compressed_answer_is_measured_decompressed(web):
    bomb = gzip.compress(b"a" * 30_000_000)
    assert len(bomb) < 100_000
    assert failure(web.page("/bomb", bomb, headers={"Content-Encoding": "gzip"})) == "the answer is larger than 10 MB"


def test_a_compressed_page_is_read_decompressed(web):
    url = web.page("/gz", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"})
    assert fetch(url).body == PAGE.encode()


def test_broken_compression_is_said(web):
    url = web.page("/gz", b"not gzip at all", headers={"Content-Encoding": "gzip"})
    assert failure(url) == "the answer's compression is broken"


def test_a_server_that_does_not_answer_in_time(web):
    url = web.page("/slow", PAGE, delay=1.0)
    assert failure(url, Limits(read=0.3)) == "the server did not answer within 0.3 s"


def test_a_server_that_trickles_stops_at_the_total_time(web):
    web.stream("/trickle", lambda: ((time.sleep(0.1), b"<p>a</p>")[1] for _ in range(1000)))
    started = time.monotonic()
    assert failure(web.url("/trickle"), Limits(read=1, total=1)) == "the answer took longer than 1 s"
    assert time.monotonic() - started < 2


def test_a_server_that_stops_sending(web):
    web.stream("/stalls", lambda: ((time.sleep(1.0 if n else 0), b"<p>a</p>")[1] for n in range(3)))
    assert failure(web.url("/stalls"), Limits(read=0.3)) == "the server stopped sending for 0.3 s"


def test_an_answer_cut_short_is_said(web):
    url = web.page("/short", b"<p>half", headers={"Content-Length": "1000", "Connection": "close"})
    assert failure(url) == "the connection closed before the whole answer arrived"


def test_a_closed_port_refuses_the_connection():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert failure(f"http://127.0.0.1:{port}/story") == "127.0.0.1 refused the connection"


def test_an_unknown_host_is_said(monkeypatch):
    def no_such_host(*_args, **_kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    assert failure("https://news.invalid/story") == "the host news.invalid was not found"
