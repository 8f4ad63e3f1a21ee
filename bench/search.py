"""Search in the browser: from typing a one-letter query to the first results, in headless Chromium.

On the served site (Pagefind behind Material's search box), "cold" opens the home page in a fresh
browser context (nothing cached) and types at once, so it includes starting the worker and fetching
Pagefind and the index chunks and fragments the query needs; "warm" types again. The bytes are
everything the search fetched for that first query: the worker, Material's (empty) index, Pagefind's
script, wasm, metadata, chunks and fragments. For the offline bundle, the same from file://, where
Material's worker loads and builds its whole lunr index first.

Also times the indexing step (Pagefind over the searched pages, as the plugin runs it, beside MkDocs
writing the pages) in more builds, with the CPU time and peak memory of the Pagefind binary, and
what it adds to the build against the same build without it. Uses Debian's /usr/bin/chromium
through Playwright.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
RESULT = ".md-search-result__item"
SEARCH_PATHS = ("/pagefind/", "/search/", "/assets/javascripts/workers/")
"""What a search fetches, as opposed to the page it is typed on."""


@dataclass
class Searches:
    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    kb: list[float] = field(default_factory=list)
    """Kilobytes the search fetched for the cold query (served site only)."""


class _Counting(http.server.SimpleHTTPRequestHandler):
    sent: list[tuple[str, int]]

    def log_message(self, format, *args):
        pass

    def copyfile(self, source, outputfile):
        size = os.fstat(source.fileno()).st_size
        self.sent.append((self.path.split("?")[0], size))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the page moved on while fetching
            super().copyfile(source, outputfile)


def served_search_times(site: Path, query: str, repeats: int) -> Searches:
    """Cold and warm seconds and the kilobytes fetched, per repeat, on the served site."""
    sent: list[tuple[str, int]] = []
    handler = type("Handler", (_Counting,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        return _in_browser(f"http://127.0.0.1:{server.server_address[1]}/", query, repeats, sent)
    finally:
        server.shutdown()
        server.server_close()


def bundle_search_times(site: Path, query: str, repeats: int) -> Searches:
    """Cold and warm seconds per repeat in the offline build, opened from file://."""
    return _in_browser((site / "index.html").as_uri(), query, repeats, None)


def _in_browser(url: str, query: str, repeats: int, sent: list[tuple[str, int]] | None) -> Searches:
    from playwright.sync_api import sync_playwright

    found = Searches()
    with sync_playwright() as playwright:
        args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
        for _ in range(repeats):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            if sent is not None:
                sent.clear()
            page.goto(url, wait_until="load")
            found.cold.append(_type_and_wait(page, query))
            if sent is not None:
                found.kb.append(_settled(sent) / 1e3)
            _clear(page)
            found.warm.append(_type_and_wait(page, query))
            context.close()
        browser.close()
    return found


def _type_and_wait(page, query: str) -> float:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    start = time.perf_counter()
    box.type(query)
    page.wait_for_selector(RESULT, timeout=60_000)
    return time.perf_counter() - start


def _settled(sent: list[tuple[str, int]]) -> int:
    """Bytes the search fetched, once the worker has fetched the rest of its list too (its second
    batch of fragments comes after the first results show)."""
    counted = -1
    while counted != len(sent):
        counted = len(sent)
        time.sleep(1.0)
    return sum(size for path, size in sent if path.startswith(SEARCH_PATHS))


def _clear(page) -> None:
    page.locator("input.md-search__input").fill("")
    page.wait_for_selector(RESULT, state="detached", timeout=10_000)


INDEX_COST = """
import json, resource, subprocess, sys, tempfile, time, types
from pathlib import Path
import digest.shell.pagefind as pagefind
import digest.shell.search as search
from digest.shell.driver import build
spent = {"runs": 0.0, "waited": 0.0}
peaks = Path(tempfile.mkdtemp()) / "peaks"
def measured(command, *args, **kwargs):
    # GNU time reports each Pagefind run's own peak: a child's ru_maxrss counts the build's memory
    # it was started from, which is larger than any run of the binary
    return subprocess.Popen(["/usr/bin/time", "-f", "%M", "-a", "-o", str(peaks), *command], *args, **kwargs)
def timed(key, function):
    def wrapper(*args):
        start = time.perf_counter()
        try:
            return function(*args)
        finally:
            spent[key] += time.perf_counter() - start
    return wrapper
if sys.argv[2] == "indexed":
    pagefind.subprocess = types.SimpleNamespace(PIPE=subprocess.PIPE, Popen=measured)
    pagefind.Indexing._index = timed("runs", pagefind.Indexing._index)
    search.ServedSearch.finish = timed("waited", search.ServedSearch.finish)
else:  # the same build without its search index: nothing written for Pagefind, nothing run
    search.ServedSearch.expect = lambda self, count: None
    search.ServedSearch.page = lambda self, src, page: None
    search.ServedSearch.finish = lambda self, site_dir: None
start = time.perf_counter()
build(Path(sys.argv[1]), strict=False)
spent["build"] = time.perf_counter() - start
children = resource.getrusage(resource.RUSAGE_CHILDREN)
spent["cpu"] = children.ru_utime + children.ru_stime
spent["peak"] = max((int(line) for line in peaks.read_text().split()), default=0) / 1024 if peaks.exists() else 0
print(json.dumps(spent))
"""
"""A build of the project (argv[1]), "indexed" or "unindexed" (argv[2]): its wall time, and when
indexed, the wall time of the Pagefind runs (which go on beside MkDocs writing the pages), the time the
build waited for them after its pages were written, their CPU time (the build's only child processes)
and the largest peak resident memory of those runs, as GNU time (/usr/bin/time) reports it."""


@dataclass
class IndexCost:
    """The Pagefind step of a build at one size, one value per repeat."""

    runs: list[float] = field(default_factory=list)
    """Wall seconds of the Pagefind runs themselves."""
    cpu: list[float] = field(default_factory=list)
    """Their CPU seconds."""
    peak_mb: list[float] = field(default_factory=list)
    """The largest peak resident memory of one run."""
    waited: list[float] = field(default_factory=list)
    """Seconds the build waited for the index once its pages were written."""
    build: list[float] = field(default_factory=list)
    unindexed_build: list[float] = field(default_factory=list)
    """Wall seconds of the same build with indexing and without (alternating)."""

    def added(self) -> float:
        """What indexing adds to the build's wall time, against the build without it (medians)."""
        return statistics.median(self.build) / statistics.median(self.unindexed_build) - 1


def index_cost(config_file: Path, repeat: int) -> IndexCost:
    """The Pagefind step of builds of the project as the plugin runs it, repeat times, each with a
    build without search beside it to say what indexing adds to the build."""
    cost = IndexCost()
    for _ in range(repeat):
        # the indexed build last: the browser measurements read the site it leaves
        unindexed, indexed = (_cost_build(config_file, mode) for mode in ("unindexed", "indexed"))
        cost.runs.append(indexed["runs"])
        cost.cpu.append(indexed["cpu"])
        cost.peak_mb.append(indexed["peak"])
        cost.waited.append(indexed["waited"])
        cost.build.append(indexed["build"])
        cost.unindexed_build.append(unindexed["build"])
    return cost


def _cost_build(config_file: Path, mode: str) -> dict[str, float]:
    output = subprocess.run([sys.executable, "-c", INDEX_COST, str(config_file), mode], check=True,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return json.loads(output.stdout.strip().splitlines()[-1])
