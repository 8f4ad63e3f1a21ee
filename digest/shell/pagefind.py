"""The served site's search index, written by Pagefind into site/pagefind/ once MkDocs has written the pages.

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
page, which took about 40 % of its time at 3,000 articles. While serving, the folder keeps the
pages MkDocs copied unchanged from the last build.

Pagefind holds the whole index in memory until it writes it, so a large digest is indexed in parts
(PART_PAGES), one run after another, each into its own folder; the search worker
(assets/javascripts/workers/pagefind-search.js) merges them in the browser.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
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
    """The folder Pagefind reads: each searched page of the build, at its place in the site."""

    def __init__(self) -> None:
        parent = scratch_parent()
        remove_stale(Path(parent or tempfile.gettempdir()))
        self.folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=parent))
        self.built: set[str] = set()
        """The pages of this build (paths in the site)."""

    def start(self) -> None:
        self.built = set()

    def add(self, path: str, content: str | None) -> None:
        """A searched page at path in the site; content None keeps what the last build gave it (a copied page)."""
        self.built.add(path)
        if content is not None:
            target = self.folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(search_document(content), encoding="utf-8")

    def write_index(self, site_dir: Path, language: str) -> int:
        """Index this build's pages into site_dir/pagefind/ (replacing what was there), every page in
        language (the site's); returns the number of pages indexed."""
        for path in self.folder.rglob("*.html"):
            if path.relative_to(self.folder).as_posix() not in self.built:
                path.unlink()
        return write_index(self.folder, site_dir / FOLDER, language, PART_PAGES)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class PagefindFailed(Exception):
    """Pagefind's command ended in error; the message is what it printed."""


def write_index(pages: Path, folder: Path, language: str, part_pages: int) -> int:
    """Index the pages under pages into folder (replacing what was there), in parts of at most
    part_pages pages; returns their number. The first part is the index Pagefind's script opens,
    folder itself; each other one is folder/part-N/, and folder/parts.json lists them for the
    search worker to merge."""
    shutil.rmtree(folder, ignore_errors=True)
    paths = sorted(path.relative_to(pages).as_posix() for path in pages.rglob("*.html"))
    if not paths:
        return 0  # Pagefind refuses an empty folder; a digest with nothing to search has no index
    parts = split(paths, part_pages)
    if len(parts) == 1:
        _run(pages, folder, language, primary=True)
    else:
        with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-parts-", dir=pages.parent) as staging:
            for number, part in enumerate(parts, start=1):
                linked = _linked(pages, part, Path(staging) / str(number))
                _run(linked, _part(folder, number), language, primary=number == 1)
    names = [f"{_part(folder, number).name}/" for number in range(2, len(parts) + 1)]
    (folder / PARTS_FILE).write_text(json.dumps(names) + "\n", encoding="utf-8")
    return sum(_page_count(_part(folder, number)) for number in range(1, len(parts) + 1))


def split(paths: list[str], part_pages: int) -> list[list[str]]:
    """The paths, in order, in as few parts of at most part_pages as hold them, their sizes differing
    by one at most (3,336 pages in parts of 1,500: three of 1,112, not two of 1,500 and one of 336)."""
    count = -(-len(paths) // part_pages)
    size, larger = divmod(len(paths), count)
    parts, start = [], 0
    for number in range(count):
        end = start + size + (number < larger)
        parts.append(paths[start:end])
        start = end
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


def _run(pages: Path, folder: Path, language: str, primary: bool) -> None:
    """One run of Pagefind's binary over every page under pages, into folder; only the primary part
    keeps the script and the WebAssembly, which the merged parts share."""
    # One language for the whole index: Pagefind keeps an index per language and searches the one of
    # the page the query is typed on, and a reader on an English page must find Arabic articles too.
    command = [str(pagefind_bin.get_executable()), "--site", str(pages), "--output-path", str(folder),
               "--force-language", language, "--exclude-selectors", ",".join(EXCLUDE_SELECTORS), "--silent"]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        raise PagefindFailed(finished.stderr.strip() or finished.stdout.strip())
    unused = UNUSED_PREFIXES if primary else UNUSED_PREFIXES + ENGINE_PREFIXES
    for path in folder.iterdir():
        if path.is_file() and path.name.startswith(unused):
            path.unlink()


def _page_count(folder: Path) -> int:
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(index["page_count"] for index in entry["languages"].values())
