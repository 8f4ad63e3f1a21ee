"""The served site's search index, written by Pagefind into site/pagefind/ while MkDocs writes the pages.

Pagefind splits the index into chunks of words and one fragment per page, so a query downloads
only the chunks of its words and the fragments of the results shown, whatever the size of the
digest. Pagefind's binary (the one its Python package ships, pagefind_bin) reads a folder of pages.
Not through its Python API: handing it each page from memory costs a tenth of a second a page there
(it polls its binary's answers every 0.1 s), and that API ends its binary with SIGTERM as soon as
the binary has answered the write request, while the binary's last writes to each file (tokio hands
them to other threads) may still be under way: files came out cut short, even empty, so two builds
differed and a search could fail to load its metadata. The binary run as a command writes every
file before it exits (run directly, not as `python -m pagefind`, a Python start that only execs it).
The folder is not site/ but one of its own (SearchPages) holding only the searched pages, each only
its content (digest/site/search.py): Pagefind then parses no listing page and no theme around a
page, which took about 40 % of its time at 3,000 articles. While serving, a page unchanged since
the last build is not written again.

The core hands over the digest's pages as it renders them (SearchPages.expect, then add), and
each part is indexed (Indexing, a thread waiting on Pagefind, a process of its own) as soon as its
pages are in, while the core renders the rest and MkDocs writes the site. The index is written to a
scratch folder and moved into the site at the end, since MkDocs empties site/ after the core. At
3,000 articles the first part starts about 1.6 s before MkDocs has its files, and the build waits
0.00 s once its pages are written (1.1-1.2 s when Pagefind started at on_files).

Pagefind holds the whole index in memory until it writes it, so a large digest is indexed in parts
(PART_PAGES), one run after another, each into its own folder; the search worker
(assets/javascripts/workers/pagefind-search.js) merges them in the browser.
"""
from __future__ import annotations

import itertools
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pagefind_bin

from digest.site.search import EXCLUDE_SELECTORS, search_document

FOLDER = "pagefind"
"""Where the index goes in the site, beside the pages that fetch it."""
UNUSED_PREFIXES = (
    "pagefind-ui",
    "pagefind-modular-ui",
    "pagefind-component-ui",
    "pagefind-highlight",
    "pagefind-worker",
)
"""Pagefind's ready-made interfaces, which Material's search box makes unneeded, and the worker it
starts from a page (ours runs it inside Material's search worker instead). The search loads
pagefind.js, pagefind-entry.json and the index: wasm.*, *.pf_meta, index/, fragment/."""
ENGINE_PREFIXES = ("pagefind.js", "wasm.")
"""Pagefind's script and WebAssembly: the first part's serve every part merged into it."""
PART_PAGES = 1500
"""The most pages one run of Pagefind indexes. Pagefind holds its whole index in memory until it
writes it, about 150 KB a page at the digest's note lengths (492 MB for the 3,336 pages of 2,970
articles in one run), so a larger site is indexed in parts, one run after another (188 MB at most
for three parts of 1,112), which the search worker merges in the browser (pagefind.mergeIndex).
Each part costs a query its metadata and one chunk of words (about 30 KB), hence parts this large:
at 10,000 articles seven of them, under 500 KB a query; parts of 1,000 made it 590 KB."""
LOW_PRIORITY = ["nice", "-n", "19"] if shutil.which("nice") else []
"""Pagefind runs beside MkDocs writing the pages at the lowest priority, taking what MkDocs leaves
idle rather than a share of MkDocs' core (a 3,000-article build: median 15.3 s, 15.7 s at the same
priority, three builds each; 13.0 s without any index)."""
PARTS_FILE = "parts.json"
"""In the index's folder: the folders of the parts after the first, relative to it (["part-2/"])."""


MEMORY_DIR = Path("/dev/shm")
"""A folder in memory on Linux. Writing the 3,336 searched pages of a 3,000-article digest and removing
them took 2.7 s of CPU and 13 s on this machine's disk (/tmp), 0.3 s in memory."""


def scratch_parent() -> Path | None:
    """Where SearchPages makes its folder: TMPDIR if it is set, else memory if the system has it, else
    the system's temporary folder (None)."""
    if "TMPDIR" not in os.environ and MEMORY_DIR.is_dir() and os.access(MEMORY_DIR, os.W_OK | os.X_OK):
        return MEMORY_DIR
    return None


SCRATCH_PREFIX = "digest-search-"


def remove_stale(parent: Path) -> None:
    """Remove the folders of builds whose process is gone: a server stopped by a signal (SIGTERM,
    SIGHUP) never runs on_shutdown, and its folder would stay, in memory. A folder's name holds the
    process id of the build that made it."""
    for folder in parent.glob(f"{SCRATCH_PREFIX}*-*"):
        pid = folder.name.removeprefix(SCRATCH_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's
    return True


class SearchPages:
    """The folder Pagefind reads: each searched page of the build, at its place in the site; and the
    indexing of those pages, part by part as they come."""

    def __init__(self) -> None:
        parent = scratch_parent()
        remove_stale(Path(parent or tempfile.gettempdir()))
        self.folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=parent))
        self.written: dict[str, int] = {}
        """Each page in the folder -> the hash of what it holds, so that a page unchanged since the
        last build (mkdocs serve) is not written again."""
        self.built: set[str] = set()
        """The pages of this build (paths in the site)."""
        self.pending: list[str] = []
        """This build's pages not yet handed to Pagefind, in the order they came."""
        self.planned: list[int] = []
        """The sizes of the parts still to come, of the pages expected (expect)."""
        self.language = "en"
        self.indexing: Indexing | None = None

    def start(self, language: str) -> None:
        """A new build, its pages in language (the site's)."""
        self.cancel()
        self.built, self.pending, self.planned, self.language = set(), [], [], language

    def expect(self, count: int) -> None:
        """count pages are coming (the digest's own, as the core renders them): each part is indexed
        as soon as its pages are in, while the build goes on."""
        self.planned = part_sizes(count, PART_PAGES)

    def add(self, path: str, content: str) -> None:
        """A searched page at path in the site, content its HTML."""
        self.built.add(path)
        self.pending.append(path)
        document = search_document(content)
        if self.written.get(path) != hash(document):
            target = self.folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(document, encoding="utf-8")
            self.written[path] = hash(document)
        if self.planned and len(self.pending) == self.planned[0]:
            del self.planned[0]
            self._submit(self.pending)
            self.pending = []

    def write_index(self, site_dir: Path) -> int:
        """Finish this build's index and put it in site_dir/pagefind/ (replacing what was there);
        returns the number of pages indexed. Pages that came beyond those expected (any that the
        digest did not generate) are one more part, or more if they are many."""
        for path in self.written.keys() - self.built:
            (self.folder / path).unlink()
            del self.written[path]
        for part in split(self.pending, PART_PAGES):
            self._submit(part)
        self.pending, self.planned = [], []
        indexing, self.indexing = self.indexing, None
        target = site_dir / FOLDER
        shutil.rmtree(target, ignore_errors=True)
        if indexing is None:
            return 0  # Pagefind refuses an empty folder; a digest with nothing to search has no index
        try:
            count = indexing.finish()
            shutil.move(indexing.folder, target)
        finally:
            shutil.rmtree(indexing.folder, ignore_errors=True)
        return count

    def cancel(self) -> None:
        """Stop indexing (the build failed)."""
        if self.indexing is not None:
            self.indexing.cancel()
            shutil.rmtree(self.indexing.folder, ignore_errors=True)
            self.indexing = None

    def close(self) -> None:
        self.cancel()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _submit(self, part: list[str]) -> None:
        if self.indexing is None:
            # not in the site yet: MkDocs empties site/ once the core, which hands over the pages, is done
            folder = tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-index-", dir=self.folder.parent)
            self.indexing = Indexing(self.folder, Path(folder), self.language)
            self.indexing.start()
        self.indexing.submit(part)


class PagefindFailed(Exception):
    """Pagefind's command ended in error; the message is what it printed."""


class Indexing(threading.Thread):
    """Pagefind's runs over the parts of the pages under pages as they are submitted, one after another,
    into folder: the first part is the index Pagefind's script opens, folder itself; each other one is
    folder/part-N/, and folder/parts.json lists them for the search worker to merge."""

    def __init__(self, pages: Path, folder: Path, language: str) -> None:
        super().__init__(name="pagefind", daemon=True)
        self.pages, self.folder, self.language = pages, folder, language
        self.parts: list[list[str]] = []
        self.waiting: queue.SimpleQueue[list[str] | None] = queue.SimpleQueue()
        """The parts submitted and not yet indexed; None once there will be no more."""
        self.failure: Exception | None = None
        self.process: subprocess.Popen | None = None
        self.cancelled = False

    def submit(self, part: list[str]) -> None:
        self.parts.append(part)
        self.waiting.put(part)

    def run(self) -> None:
        try:
            for number in itertools.count(1):
                part = self.waiting.get()
                if part is None or self.cancelled:
                    return
                self._index(number, part)
        except Exception as failure:  # raised in the build's thread, by finish
            self.failure = failure

    def finish(self) -> int:
        """Wait for every part submitted, list them; the number of pages indexed."""
        self.waiting.put(None)
        self.join()
        if self.failure is not None:
            raise self.failure
        names = [f"{_part(self.folder, number).name}/" for number in range(2, len(self.parts) + 1)]
        (self.folder / PARTS_FILE).write_text(json.dumps(names) + "\n", encoding="utf-8")
        return sum(_page_count(_part(self.folder, number)) for number in range(1, len(self.parts) + 1))

    def cancel(self) -> None:
        """Stop the run under way, start no other, and wait for the thread to end."""
        self.cancelled = True
        self.waiting.put(None)
        if self.process is not None:
            self.process.kill()
        if self.is_alive():
            self.join()

    def _index(self, number: int, part: list[str]) -> None:
        prefix = f"{SCRATCH_PREFIX}{os.getpid()}-part-"
        with tempfile.TemporaryDirectory(prefix=prefix, dir=self.pages.parent) as staging:
            pages = _linked(self.pages, part, Path(staging))
            self.process = _start(pages, _part(self.folder, number), self.language)
            if self.cancelled:  # cancel() came before there was a process to stop
                self.process.kill()
            output, errors = self.process.communicate()
        if self.cancelled:
            return
        if self.process.returncode != 0:
            raise PagefindFailed(errors.strip() or output.strip())
        unused = UNUSED_PREFIXES if number == 1 else UNUSED_PREFIXES + ENGINE_PREFIXES
        for path in _part(self.folder, number).iterdir():
            if path.is_file() and path.name.startswith(unused):
                path.unlink()


def write_index(pages: Path, folder: Path, language: str, part_pages: int) -> int:
    """Index every page under pages into folder (replacing what was there), in parts of at most
    part_pages pages; returns their number."""
    paths = sorted(path.relative_to(pages).as_posix() for path in pages.rglob("*.html"))
    shutil.rmtree(folder, ignore_errors=True)
    if not paths:
        return 0  # Pagefind refuses an empty folder
    indexing = Indexing(pages, folder, language)
    indexing.start()
    for part in split(paths, part_pages):
        indexing.submit(part)
    return indexing.finish()


def part_sizes(count: int, part_pages: int) -> list[int]:
    """The sizes of as few parts of at most part_pages as hold count pages, differing by one at most
    (3,336 pages in parts of 1,500: three of 1,112, not two of 1,500 and one of 336)."""
    parts = -(-count // part_pages)
    size, larger = divmod(count, parts) if parts else (0, 0)
    return [size + (number < larger) for number in range(parts)]


def split(paths: list[str], part_pages: int) -> list[list[str]]:
    """The paths, in order, in parts of part_sizes."""
    parts, start = [], 0
    for size in part_sizes(len(paths), part_pages):
        parts.append(paths[start : start + size])
        start += size
    return parts


def _part(folder: Path, number: int) -> Path:
    return folder if number == 1 else folder / f"part-{number}"


def _linked(pages: Path, paths: list[str], staging: Path) -> Path:
    """A folder holding only these pages (Pagefind reads a whole folder), hard links to the files."""
    for path in paths:
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(pages / path, target)
    return staging


def _start(pages: Path, folder: Path, language: str) -> subprocess.Popen:
    """Pagefind's binary started over every page under pages, into folder."""
    # One language for the whole index: Pagefind keeps an index per language and searches the one of
    # the page the query is typed on, and a reader on an English page must find Arabic articles too.
    command = [*LOW_PRIORITY, str(pagefind_bin.get_executable()), "--site", str(pages), "--output-path", str(folder),
               "--force-language", language, "--exclude-selectors", ",".join(EXCLUDE_SELECTORS), "--silent"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _page_count(folder: Path) -> int:
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(index["page_count"] for index in entry["languages"].values())
