"""Profile one `mkdocs build` of the synthetic digest and list the hot spots of our own code.

`python bench/profile.py --size 3000` generates the project (as bench/run.py does), builds it once
in this process under pyinstrument, and prints each function of digest/ and templates/ with the
time spent in it or in library code it called directly (Markdown, Jinja's runtime, nh3...), as a
share of the whole build; time in another of our functions counts for that one, and the theme's
templates (which templates/overrides/main.html extends) are not ours. --html writes pyinstrument's
interactive page too.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from projects import REPO, digest_project  # noqa: E402

OURS = (str(REPO / "digest") + os.sep, str(REPO / "templates") + os.sep)
THEME_OVERRIDE = str(REPO / "templates" / "overrides") + os.sep
"""Its main.html extends Material's base.html: its root is the theme's, its own blocks are ours."""


def ours(frame) -> bool:
    path = frame.file_path or ""
    return path.startswith(OURS) and not (path.startswith(THEME_OVERRIDE) and frame.function == "root")


def hot_spots(root) -> Counter:
    """(file, function, line) of our code -> seconds spent there or in non-own code it called."""
    spots: Counter = Counter()
    stack = [(root, None)]
    while stack:
        frame, owner = stack.pop()
        if ours(frame):
            owner = (frame.file_path[len(str(REPO)) + 1 :], frame.function, frame.line_no)
        if owner is not None:
            spots[owner] += frame.time - sum(child.time for child in frame.children)
        stack += [(child, owner) for child in frame.children]
    return spots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=3000, help="articles (default 3000)")
    parser.add_argument("--top", type=int, default=15, help="entries to list (default 15)")
    parser.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "digest-bench", help="scratch folder"
    )
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML report here")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from pyinstrument import Profiler

    config_file = digest_project(args.work / f"profile-{args.size}", args.size)
    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    profiler = Profiler(interval=0.001)
    profiler.start()
    build(config)
    profiler.stop()
    session = profiler.last_session
    total = session.duration
    print(f"mkdocs build of {args.size} articles: {total:.2f} s wall, {session.cpu_time:.2f} s CPU under the profiler; "
          f"our own code's hot spots (with the library code each calls directly):")
    spots = hot_spots(session.root_frame())
    for (path, function, line), seconds in spots.most_common(args.top):
        print(f"{100 * seconds / total:5.1f} %  {seconds:6.2f} s  {function}  {path}:{line}")
    print(f"{100 * sum(spots.values()) / total:5.1f} %  {sum(spots.values()):6.2f} s  all of our code")
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
