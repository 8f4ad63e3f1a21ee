"""Browser helpers and fixtures: the example site built once, served on loopback, and pages that record requests.

Playwright drives Debian's /usr/bin/chromium (never a downloaded browser). Every page fixture fails
its test on an uncaught page error, on a request to any host but the local server (for the offline
bundle: on any http(s) request), and on any failed request or error response.
"""
from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import digest.shell.pagefind as pagefind
from digest.cli import main as digest_cli
from digest.shell.driver import build

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / ".artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright; a missing Playwright fails the browser tests, never skips them."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example content built once with the repository's mkdocs.yml."""
    site = tmp_path_factory.mktemp("example") / "site"
    build(REPO / "mkdocs.yml", site_dir=site, strict=True)
    return site


def one_of_each_kind(paths: list[str]) -> list[str]:
    """The first page of each kind: the home page, each section's index, one page per section
    ('articles/x/' or 'articles/x.html' stands for every article). Pages of a kind share a template."""
    kinds: dict[tuple[str, int], str] = {}
    for path in paths:
        parts = path.removesuffix("index.html").removesuffix("/").removesuffix(".html").split("/")
        kinds.setdefault((parts[0], len(parts)), path)
    return list(kinds.values())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    not_found: Path | None = None
    """A page to answer missing paths with, as GitHub Pages answers with the site's 404.html."""

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path, not_found: Path | None = None):
    """Serve a directory on loopback in a thread; yields the base URL."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"not_found": not_found}), directory=str(directory))
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


@pytest.fixture(scope="session")
def arabic_site_url(arabic_site: Path):
    """The example built in Arabic (tests/conftest.py), served at the root of a local server."""
    for base in serve(arabic_site):
        yield base + "/"


SUBPATH = "digest-fork"
"""The repository name a project site on GitHub Pages is served under: https://OWNER.github.io/REPO/."""


@pytest.fixture(scope="session")
def subpath_url(tmp_path_factory):
    """The example site built for and served under a sub-path, as GitHub Pages serves a project site:
    'http://127.0.0.1:PORT/digest-fork/'; missing paths get the site's 404 page."""
    pages = tmp_path_factory.mktemp("pages")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", f"https://someone.github.io/{SUBPATH}/")  # as the workflow passes it
        build(REPO / "mkdocs.yml", site_dir=pages / SUBPATH, strict=True)
    for base in serve(pages, not_found=pages / SUBPATH / "404.html"):
        yield f"{base}/{SUBPATH}/"


PARTED_PAGES = 40
"""Pages in a part of the parted site's index: the example's 113 searched pages in three parts."""


@pytest.fixture(scope="session")
def parted_site(tmp_path_factory) -> Path:
    """The example built for the same sub-path, its search index in parts of PARTED_PAGES, as a
    digest of thousands of articles is indexed (digest/shell/pagefind.py): the folder holding it."""
    pages = tmp_path_factory.mktemp("parted")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", f"https://someone.github.io/{SUBPATH}/")
        env.setattr(pagefind, "PART_PAGES", PARTED_PAGES)
        build(REPO / "mkdocs.yml", site_dir=pages / SUBPATH, strict=True)
    return pages


@pytest.fixture(scope="session")
def parted_url(parted_site: Path):
    """The parted site served under /digest-fork/: 'http://127.0.0.1:PORT/digest-fork/'."""
    for base in serve(parted_site):
        yield f"{base}/{SUBPATH}/"


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory) -> Path:
    """The example's offline bundle made by `digest bundle` and unzipped: the folder with index.html."""
    dist = tmp_path_factory.mktemp("dist")
    assert digest_cli(["bundle", "-f", str(REPO / "mkdocs.yml"), "--dist", str(dist)]) == 0
    (archive,) = dist.glob("*.zip")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(dist / "unzipped")
    (folder,) = (dist / "unzipped").iterdir()
    return folder


@dataclass
class Recorder:
    """What a page asked for and what went wrong on it."""

    allowed_hosts: set[str]
    allow_file: bool = False
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    """Requests that failed or were answered with an error status."""
    expected_failures: set[str] = field(default_factory=set)
    """URLs a test asks for knowing they fail (a missing page, for the 404 page). Never counted
    either: net::ERR_ABORTED, the browser dropping a request because the page moved on; and
    on a server, sitemap.xml beside a <link rel="alternate">, which Material probes for language
    versions of the page (a feed's folder has none; Material ignores the miss)."""

    def failed(self, url: str, why: str) -> None:
        probe = url.startswith("http") and url.endswith("/sitemap.xml")
        if url in self.expected_failures or why == "net::ERR_ABORTED" or probe:
            return
        self.failures.append(f"{url}: {why}")

    def answered(self, url: str, status: int) -> None:
        if status >= 400:
            self.failed(url, f"HTTP {status}")

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
    page.on("requestfailed", lambda request: recorder.failed(request.url, request.failure or "failed"))
    page.on("response", lambda response: recorder.answered(response.url, response.status))
    return context, page


def check_recorder(recorder: Recorder) -> None:
    assert recorder.errors == [], f"uncaught page errors: {recorder.errors}"
    assert recorder.foreign() == [], f"requests to other hosts: {recorder.foreign()}"
    assert recorder.failures == [], f"failed requests: {recorder.failures}"


def recorded_page(browser, recorder: Recorder):
    """A fresh page that fails its test on page errors, foreign or failed requests."""
    context, page = open_page(browser, recorder, viewport={"width": 1280, "height": 900})
    page.recorder = recorder
    yield page
    context.close()
    check_recorder(recorder)


@pytest.fixture
def page(browser, site_url: str):
    """A fresh page for the example site served at the root."""
    yield from recorded_page(browser, Recorder({urlsplit(site_url).netloc}))


@pytest.fixture
def subpath_page(browser, subpath_url: str):
    """A fresh page for the example site served under /digest-fork/."""
    yield from recorded_page(browser, Recorder({urlsplit(subpath_url).netloc}))


@pytest.fixture
def parted_page(browser, parted_url: str):
    """A fresh page for the parted site."""
    yield from recorded_page(browser, Recorder({urlsplit(parted_url).netloc}))


@pytest.fixture
def file_page(browser):
    """A fresh page for the unzipped bundle: any http(s) request fails the test."""
    yield from recorded_page(browser, Recorder(set(), allow_file=True))


def screenshot(page, name: str) -> Path:
    """Save a screenshot under tests/.artifacts/ (ignored by git) to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def assert_shown(page, element) -> None:
    """Scroll `element` (a locator) to the middle of the screen and assert what a screenshot then shows:
    the element visible and in the viewport (waited for, never slept on), inside the page's width, and
    no sideways scroll."""
    from playwright.sync_api import expect

    element.evaluate("e => e.scrollIntoView({block: 'center'})")
    expect(element).to_be_visible()
    expect(element).to_be_in_viewport()
    width, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width <= client, f"the page scrolls sideways: {width} px wide in {client} px"
    box = element.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= client, f"the element runs off the screen: {box}"


def result_titles(page) -> list[str]:
    return page.locator(".md-search-result__item h1").all_inner_texts()


def expect_result(page, title: str) -> None:
    """Wait for a result titled `title`: Material answers as the query grows, so the first results
    shown may be those of its first letters."""
    from playwright.sync_api import expect

    expect(
        page.locator(".md-search-result__item h1").filter(has_text=re.compile(f"^{re.escape(title)}$"))
    ).not_to_have_count(0)


def search(page, query: str) -> None:
    """Type a query into Material's search box. Material reacts to keyup; text outside the keyboard
    layout (Arabic) is inserted without one, so End is pressed after typing."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)


def search_finds_nothing(page, query: str) -> None:
    """Type a query and wait for Material to say that nothing matches."""
    from playwright.sync_api import expect

    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query)
    box.press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents", timeout=10_000)
    assert page.locator(".md-search-result__item").count() == 0
