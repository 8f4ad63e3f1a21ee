"""`mkdocs serve` while curating: a mistake shows in the terminal and on the page, the server keeps
running, and fixing the file brings the site back without a restart."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from trees import REPO, article, content_tree, mkdocs_project

TALKS = "content/articles/2025/01/talks.md"
BROKEN = "---\ntitle: Baghdad talks\ndate: 2025-02-30\nsource: S\nregions: [Irakk]\nsummary: S\n---\n"
WAIT = 90
"""Seconds to wait for a rebuild: generous, for a busy CI machine."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mkdocs serve` in a subprocess, with everything it prints kept for the test to read."""

    def __init__(self, root: Path):
        self.port = free_port()
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"], cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for_output("Serving on http://")
        # served under site_url's path (/digest/ for the test projects)
        self.url = next(line for line in self.output if "Serving on http://" in line).split("Serving on ", 1)[1].strip()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))

    def printed(self, since: int = 0) -> list[str]:
        return self.output[since:]

    def wait_for_output(self, text: str, since: int = 0) -> None:
        deadline = time.monotonic() + WAIT
        while not any(text in line for line in self.printed(since)):
            assert self.process.poll() is None, "the server stopped:\n" + "\n".join(self.output)
            assert time.monotonic() < deadline, f"no {text!r} in:\n" + "\n".join(self.output)
            time.sleep(0.2)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return response.read().decode("utf-8")

    def wait_for_page(self, path: str, test) -> str:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                page = self.get(path)
                if test(page):
                    return page
            except urllib.error.URLError:
                page = ""
            assert self.process.poll() is None, "the server stopped:\n" + "\n".join(self.output)
            assert time.monotonic() < deadline, f"{path} never passed the test; last output:\n" + "\n".join(
                self.output[-20:]
            )
            time.sleep(0.3)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def served(tmp_path: Path):
    root = content_tree(
        tmp_path,
        {
            "2025/01/talks.md": article("Baghdad talks", "2025-01-09"),
            "2025/01/halt.md": article("Nujaba halts", "2025-01-16"),
        },
    )
    shutil.copytree(REPO / "templates" / "pages", root / "templates" / "pages")
    config = mkdocs_project(root)
    config.write_text(
        config.read_text(encoding="utf-8").replace(str(REPO / "templates" / "pages"), "templates/pages"),
        encoding="utf-8",
    )
    server = Server(root)
    try:
        server.wait_for_page("articles/talks/", lambda page: "Baghdad talks" in page)
        yield root, server
    finally:
        server.stop()


def notice(page: str) -> str:
    """The problems notice at the top of a served page, or '' when there is none."""
    start = page.find('<div class="digest-problems" role="alert">')
    return page[start : page.index("</div>", start)] if start >= 0 else ""


def test_a_content_error_while_serving_shows_and_fixing_it_brings_the_site_back(served):
    root, server = served
    talks = root / TALKS
    good = talks.read_text(encoding="utf-8")

    mark = len(server.output)
    talks.write_text(BROKEN, encoding="utf-8")
    server.wait_for_output(
        "content/articles/2025/01/talks.md:5: unknown region 'Irakk'; did you mean 'iraq' (Iraq)?", mark
    )
    printed = "\n".join(server.printed(mark))
    assert "content/articles/2025/01/talks.md:3: 'date' 2025-02-30 is not a valid date: it does not exist" in printed
    assert "Traceback" not in printed
    page = server.wait_for_page("articles/talks/", lambda page: notice(page) != "")
    shown = notice(page)
    assert "The content has 2 problem(s); the site shows the last version that built." in shown
    assert (
        "<code>content/articles/2025/01/talks.md:5: unknown region &#39;Irakk&#39;; did you mean &#39;iraq&#39; "
        "(Iraq)?</code>"
        in shown
    )
    assert "Baghdad talks" in page  # the last good version is still there to read
    assert notice(server.get("regions/iraq/")) == shown  # on every page

    mark = len(server.output)
    talks.write_text(good.replace("Baghdad talks", "Baghdad talks resume"), encoding="utf-8")
    page = server.wait_for_page("articles/talks/", lambda page: "Baghdad talks resume" in page)
    assert notice(page) == ""
    assert server.process.poll() is None
    assert "Traceback" not in "\n".join(server.printed(mark))


def test_a_broken_template_while_serving_shows_and_fixing_it_brings_the_site_back(served):
    root, server = served
    template = root / "templates" / "pages" / "article.md.j2"
    good = template.read_text(encoding="utf-8")
    line = len(good.splitlines()) + 1

    indexed = [line.split("search: ", 1)[1].split(";")[0] for line in server.output if "search: " in line][-1]
    mark = len(server.output)
    template.write_text(good + "{{ article.no_such_field }}\n", encoding="utf-8")
    problem = f"templates/pages/article.md.j2:{line}: 'digest.model.Article object' has no attribute 'no_such_field'"
    server.wait_for_output(problem, mark)
    page = server.wait_for_page("articles/talks/", lambda page: notice(page) != "")
    assert "no attribute &#39;no_such_field&#39;" in notice(page)
    server.wait_for_output(f"search: {indexed};", mark)  # the search holds the pages of the site that stays

    template.write_text(good.replace("<h1>", '<h1 class="fixed">', 1), encoding="utf-8")
    page = server.wait_for_page("articles/talks/", lambda page: '<h1 class="fixed">' in page)
    assert notice(page) == ""
    assert server.process.poll() is None
    assert "Traceback" not in "\n".join(server.printed(mark))


def test_content_that_never_built_is_served_as_a_page_of_problems(tmp_path):
    root = content_tree(tmp_path, {"broken.md": BROKEN})
    mkdocs_project(root)
    server = Server(root)
    try:
        page = server.wait_for_page("", lambda page: "Content problems" in page)
        assert (
            "content/articles/broken.md:5: unknown region &#39;Irakk&#39;; did you mean &#39;iraq&#39; (Iraq)?" in page
        )
        (root / "content" / "articles" / "broken.md").write_text(article("Now fixed"), encoding="utf-8")
        page = server.wait_for_page("articles/broken/", lambda page: "Now fixed" in page)
        assert notice(page) == ""
    finally:
        server.stop()
