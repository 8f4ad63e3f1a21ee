"""Browser helpers and fixtures: the example site built once, served on loopback, and pages that record requests.

Playwright drives Debian's /usr/bin/chromium (never a downloaded browser). Every page fixture fails
its test on an uncaught page error or on a request to any host but the local server.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from digest.plugin import build

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / ".artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example content built once with the repository's mkdocs.yml."""
    site = tmp_path_factory.mktemp("example") / "site"
    build(REPO / "mkdocs.yml", site_dir=site, strict=True)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is the standard library's
        pass


def serve(directory: Path):
    """Serve a directory on loopback in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(example_site: Path):
    """The example site served at the root of a local server: 'http://127.0.0.1:PORT/'."""
    for base in serve(example_site):
        yield base + "/"


@dataclass
class Recorder:
    """What a page asked for and what went wrong on it."""

    allowed_hosts: set[str]
    allow_file: bool = False
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        """Requests that left the allowed hosts (for file:// pages: every http(s) request)."""
        foreign = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.scheme == "file" and self.allow_file:
                continue
            if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc in self.allowed_hosts:
                continue
            foreign.append(url)
        return foreign


def open_page(browser, recorder: Recorder, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on("pageerror", lambda error: recorder.errors.append(str(error)))
    return context, page


def check_recorder(recorder: Recorder) -> None:
    assert recorder.errors == [], f"uncaught page errors: {recorder.errors}"
    assert recorder.foreign() == [], f"requests to other hosts: {recorder.foreign()}"


@pytest.fixture
def page(browser, site_url: str):
    """A fresh page for the served example site; the test fails on page errors or foreign requests."""
    recorder = Recorder({urlsplit(site_url).netloc})
    context, page = open_page(browser, recorder, viewport={"width": 1280, "height": 900})
    page.recorder = recorder
    yield page
    context.close()
    check_recorder(recorder)


def screenshot(page, name: str) -> Path:
    """Save a screenshot under tests/.artifacts/ (ignored by git) to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def search(page, query: str) -> None:
    """Type a query into Material's search box. Material reacts to keyup; text outside the keyboard
    layout (Arabic) is inserted without one, so End is pressed after typing."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
