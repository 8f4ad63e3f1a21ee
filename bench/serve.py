"""`mkdocs serve` after one edit: the time from saving a file until the served page shows the edit.

That is what a curator waits for: the watcher noticing the change, the rebuild, and the page being
served again (MkDocs holds requests while it rebuilds, so polling cannot see a half-built site).
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text; None while the server is not listening yet (it listens after the first build)."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url}: HTTP {error.code}") from None
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, token: str | None, timeout: float, server: subprocess.Popen) -> float:
    """Poll url until it answers (and shows token); returns when it did, by time.perf_counter()."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and server.poll() is None:
        text = fetch(url)
        if text is not None and (token is None or token in text):
            return time.perf_counter()
        time.sleep(0.02)
    raise RuntimeError(f"{url} did not show {token!r} within {timeout:.0f} s (server status {server.poll()})")


def mount_path(config_file: Path) -> str:
    """Where `mkdocs serve` puts the site: the path of site_url, as MkDocs does."""
    site_url = yaml.safe_load(config_file.read_text(encoding="utf-8")).get("site_url") or "/"
    path = urlsplit(site_url).path.strip("/")
    return f"/{path}/" if path else "/"


def edit_times(config_file: Path, edited: Path, page: str, repeats: int, log: Path) -> tuple[list[float], list[float]]:
    """Serve the project, edit the first line starting with 'title:' or '# ' of `edited` `repeats`
    times; returns (seconds until `page` showed each edit, MkDocs' own build time of each rebuild).

    MkDocs serves from a temporary folder it rewrites after every edit; it is made beside the
    project (TMPDIR), so the benchmark's --work folder decides which disk that is."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(config_file.parent)}
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}{mount_path(config_file)}{page}"
            wait_for(url, None, timeout=900, server=server)
            original = edited.read_text(encoding="utf-8")
            visible, built = [], []
            for attempt in range(repeats):
                token = f"bench-edit-{attempt}-{port}"
                edited.write_text(_with_token(original, token), encoding="utf-8")
                start = time.perf_counter()
                visible.append(wait_for(url, token, timeout=300, server=server) - start)
                time.sleep(1.0)  # let the server settle before the next edit
                built.append(_last_build_time(log))
            edited.write_text(original, encoding="utf-8")
            return visible, built
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)


def _with_token(text: str, token: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(("title:", "# ")):
            lines[i] = f"{line} {token}"
            return "\n".join(lines)
    raise ValueError("no 'title:' or '# ' line to edit")


def _last_build_time(log: Path) -> float:
    times = BUILT.findall(log.read_text(encoding="utf-8", errors="replace"))
    return float(times[-1]) if times else float("nan")
