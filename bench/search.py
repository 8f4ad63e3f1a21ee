"""Search in the browser: from typing a one-letter query to the first results, in headless Chromium.

"cold" opens a page and types at once, so it includes fetching search_index.json and building the
index in Material's worker (what a reader who searches first thing waits for); "warm" types again
once the index is ready. Uses Debian's /usr/bin/chromium through Playwright, never a download.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
RESULT = ".md-search-result__item"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def search_times(site: Path, query: str, repeats: int) -> tuple[list[float], list[float]]:
    """(cold seconds, warm seconds) per repeat for `query` typed into the home page's search box."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    cold, warm = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True
            )
            for _ in range(repeats):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(url, wait_until="load")
                cold.append(_type_and_wait(page, query))
                _clear(page)
                warm.append(_type_and_wait(page, query))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return cold, warm


def _type_and_wait(page, query: str) -> float:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    start = time.perf_counter()
    box.type(query)
    page.wait_for_selector(RESULT, timeout=60_000)
    return time.perf_counter() - start


def _clear(page) -> None:
    page.locator("input.md-search__input").fill("")
    page.wait_for_selector(RESULT, state="detached", timeout=10_000)
