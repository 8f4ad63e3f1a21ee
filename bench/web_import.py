"""How long `digest import --feed` takes for an outlet's feed, served on 127.0.0.1 (never the internet).

    python bench/web_import.py [ITEMS] [WORK]

Serves ITEMS (default 50) generated news pages of about 400 words each and an RSS feed of them,
copies the example registries into a fresh tree under WORK (default /dev/shm/digest-web-import), and
runs `digest import --feed` twice as a subprocess: first every item is new, then every item is already
in the tree (no page is fetched again). Prints the wall and CPU time of each run, and per item.
"""
from __future__ import annotations

import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from local_web import LocalWeb  # noqa: E402 (after the path to the tests' helpers)
from trees import content_tree, mkdocs_project  # noqa: E402

TEXT = (
    "Iraq Baghdad Gaza ceasefire factions drones statement officials said on Monday that the talks would resume "
    "after a pause of several days while negotiators from Egypt and Qatar met in Doha"
)
WORDS = TEXT.split()


def page(rng: random.Random, number: int) -> str:
    title = f"Report {number}: " + " ".join(rng.choices(WORDS, k=8))
    paragraphs = "".join(f"<p>{' '.join(rng.choices(WORDS, k=80))}.</p>" for _ in range(5))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="The Bench Example">'
            f'<meta property="article:published_time" content="2025-01-{1 + number % 28:02d}T08:00:00Z"></head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def feed(web: LocalWeb, count: int) -> str:
    items = "".join(f"<item><title>Report {n}</title><link>{web.url(f'/news/{n}')}</link>"
                    f"<pubDate>{1 + n % 28:02d} Jan 2025 08:00:00 GMT</pubDate></item>" for n in range(count))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench</title>{items}</channel></rss>"


def timed(command: list[str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    work = Path(sys.argv[2] if len(sys.argv) > 2 else "/dev/shm/digest-web-import")
    shutil.rmtree(work, ignore_errors=True)
    names = ("regions", "actors", "themes")
    registries = {name: (REPO / "content" / f"{name}.yml").read_text(encoding="utf-8") for name in names}
    root = content_tree(work, {}, **registries)
    web = LocalWeb()
    rng = random.Random(7)
    for number in range(count):
        web.page(f"/news/{number}", page(rng, number))
    url = web.page("/feed.xml", feed(web, count), "application/rss+xml")
    command = [sys.executable, "-m", "digest.cli", "import", "--content", str(root / "content"),
               "-f", str(mkdocs_project(root)), "--feed", url]
    try:
        for label in ("all new", "all in the tree"):
            wall, cpu, summary = timed(command)
            per_item = wall / count * 1000
            print(f"{label:16} {wall:6.2f} s wall  {cpu:6.2f} s CPU  ({per_item:5.0f} ms wall per item)  {summary}")
    finally:
        web.close()


if __name__ == "__main__":
    main()
