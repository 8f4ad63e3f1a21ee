"""The command line: `digest check|build|new|import|export|bundle`.

A thin shell: problems become PATH:LINE lines and exit 1."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from digest.pipeline import Settings, build_data, check, review
from digest.problems import ContentError
from digest.read.tree import display_path
from digest.site.export import FORMATS
from digest.words import ENGLISH

if TYPE_CHECKING:  # the curation tools are imported by the commands that use them: they are slow to import
    from digest.curate.feeds_in import Item
    from digest.curate.fetch import Fetcher
    from digest.curate.importer import Importer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="digest", description="Curated Markdown notes in, a digest site out.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, configure, _) in COMMANDS.items():
        configure(commands.add_parser(name, help=help_text, description=help_text))
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command][2](args)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except CommandFailed as error:
        print(f"digest: {error}", file=sys.stderr)
        return 1


def project_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, help="the content tree (default: the plugin's option in mkdocs.yml)")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml")


def check_options(parser: argparse.ArgumentParser) -> None:
    project_options(parser)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")


class CommandFailed(Exception):
    pass


def content_settings(args: argparse.Namespace) -> Settings:
    """The settings mkdocs.yml and --content give, for a content folder that exists."""
    from digest.shell.driver import BuildFailed, load_settings

    try:
        settings = load_settings(args.config_file, args.content)
    except BuildFailed as error:
        raise CommandFailed(str(error)) from None
    if not settings.content_dir.is_dir():
        raise CommandFailed(f"the content folder {settings.content_dir} does not exist")
    if not any(
        (settings.content_dir / name).exists() for name in ("articles", "regions.yml", "actors.yml", "themes.yml")
    ):
        raise CommandFailed(
            f"{settings.content_dir} holds no articles/ folder and no registries: is it the content folder?"
        )
    return settings


def output_folder(chosen: Path | None, default: Path, settings: Settings, option: str) -> Path:
    """Where a command writes: the folder given with option, else default; never inside the content tree."""
    folder = (chosen or default).resolve()
    if folder.is_relative_to(settings.content_dir.resolve()):
        raise CommandFailed(f"{option} {folder} is inside the content folder; choose a folder outside it")
    return folder


def run_check(args: argparse.Namespace) -> int:
    settings = content_settings(args)
    content, warnings = review(settings)
    for warning in warnings:
        print(warning, file=sys.stderr)
    if args.strict and warnings:
        print(f"{len(warnings)} warning(s), and --strict treats warnings as errors", file=sys.stderr)
        return 1
    published = len(content.published)
    print(f"{published} published article(s), {len(content.articles) - published} draft(s): content is valid")
    return 0


def export_options(parser: argparse.ArgumentParser) -> None:
    project_options(parser)
    parser.add_argument("--format", choices=FORMATS, action="append", dest="formats",
                        help="json (articles and registries) or csv (articles); repeat for both; default: both")
    parser.add_argument("--out", type=Path, help="the folder to write into (default: dist/data beside mkdocs.yml)")


def run_export(args: argparse.Namespace) -> int:
    """Check, then write the data files the site publishes under /data/; writes nowhere else."""
    settings = content_settings(args)
    out = output_folder(args.out, settings.root / "dist" / "data", settings, "--out")
    files = build_data(settings, tuple(args.formats or FORMATS))
    out.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        (out / PurePosixPath(path).name).write_bytes(data)
    print(f"wrote {', '.join(PurePosixPath(p).name for p in files)} to {out}")
    return 0


def run_build(args: argparse.Namespace) -> int:
    """Check, then build into a fresh folder and swap it in, so a failed build keeps the old site."""
    from digest.shell.driver import BuildFailed, build, configured_site_dir

    settings = content_settings(args)
    check(settings)
    site_dir = configured_site_dir(args.config_file)
    staging = site_dir.with_name(site_dir.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with mkdocs_warnings():
            build(args.config_file, args.content, staging, strict=True)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, BuildFailed):
            raise CommandFailed(f"the build failed; {site_dir} is unchanged\n{error}") from None
        raise
    retired = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)  # left by a swap that was interrupted
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    print(f"built {site_dir}")
    return 0


@contextlib.contextmanager
def mkdocs_warnings() -> Iterator[None]:
    """Print MkDocs' warnings and errors while it runs: a strict build stops on them, so say which."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def new_options(parser: argparse.ArgumentParser) -> None:
    project_options(parser)
    parser.add_argument("title", help="the article's title; the slug is made from it")
    parser.add_argument("--slug", help="the slug (default: from the title, transliterated)")


def run_new(args: argparse.Namespace) -> int:
    from digest.curate.scaffold import SlugTaken, plan_new

    today = dt.date.today()
    workspace = _workspace(args, today)
    try:
        planned = plan_new(workspace, args.title, today, args.slug)
    except SlugTaken as error:
        raise CommandFailed(str(error)) from None
    _write_new([planned], workspace.root)
    return 0


def import_options(parser: argparse.ArgumentParser) -> None:
    project_options(parser)
    parser.add_argument(
        "inputs", nargs="*", metavar="FILE_OR_URL",
        help="a saved web page, Markdown or text file, or a web address (http/https); - reads standard input",
    )
    feed = "an RSS, Atom or JSON Feed feed: import the items whose address the tree does not have"
    parser.add_argument("--feed", metavar="URL_OR_FILE", help=feed)
    since = "with --feed: only items published that day or later"
    parser.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help=since)
    parser.add_argument("--limit", type=_count, metavar="N", help="with --feed: fetch at most N items, oldest first")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of items, 1 or more, got {text!r}")
    return int(text)


def run_import(args: argparse.Namespace) -> int:
    """Each input becomes a draft and its kept text; one input's failure does not stop the others."""
    from digest.curate.fetch import Fetcher
    from digest.curate.importer import Importer

    if bool(args.inputs) == bool(args.feed):
        raise CommandFailed("give files or addresses to import, or --feed URL_OR_FILE, not both" if args.feed
                            else "nothing to import: give files or addresses, or --feed URL_OR_FILE")
    if not args.feed and (args.since or args.limit):
        raise CommandFailed("--since and --limit choose among a feed's items: use them with --feed")
    today = dt.date.today()
    importer = Importer(_workspace(args, today), today)
    with Fetcher() as fetcher:
        if args.feed:
            return _import_feed(args, importer, fetcher)
        return _import_inputs(args.inputs, importer, fetcher)


def _import_inputs(inputs: list[str], importer: Importer, fetcher: Fetcher) -> int:
    from digest.curate.fetch import is_address
    from digest.curate.importer import FAILURES

    failed = fetched = 0
    progress = Progress(sum(1 for name in inputs if is_address(name)))
    for name in inputs:
        shown = "standard input" if name == "-" else name
        try:
            if is_address(name):
                fetched += 1
                with progress.fetching(fetched, name):
                    imported = importer.plan_address(name, fetcher)
            else:
                imported = importer.plan(sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes(), shown)
            _write_new(list(imported.files), importer.workspace.root)
        except (*FAILURES, CommandFailed) as error:
            print(f"digest: {shown}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            failed += 1
            continue
        importer.keep(imported)
        for line in imported.report():
            print(line)
    return 1 if failed else 0


def _import_feed(args: argparse.Namespace, importer: Importer, fetcher: Fetcher) -> int:
    """One line per item, oldest first, then a summary; exit 1 when any item failed."""
    from digest.curate.feeds_in import since

    items = _feed_items(args.feed, fetcher)
    items, older = since(items, args.since) if args.since else (items, 0)
    new = [item for item in items if item.url and importer.workspace.holder(item.url) is None]
    chosen = new[: args.limit] if args.limit else new
    number = {item.position: count for count, item in enumerate(chosen, start=1)}
    left = {item.position for item in new[len(chosen) :]}
    progress = Progress(len(chosen))
    outcomes: Counter[str] = Counter()
    for item in items:
        if item.position in left:
            continue
        with progress.fetching(number.get(item.position, 0), item.label):
            outcome, line = _feed_item(item, importer, fetcher)
        outcomes[outcome] += 1
        print(f"{item.label}: {line}")
    print(_feed_summary(outcomes, older, args.since, len(new) - len(chosen), args.limit))
    return 1 if outcomes["failed"] else 0


def _feed_items(source: str, fetcher: Fetcher) -> list[Item]:
    from digest.curate.feeds_in import FeedFailed, read_feed
    from digest.curate.fetch import FEED_TYPES, FetchFailed, is_address

    try:
        if is_address(source):
            answer = fetcher.get(source, FEED_TYPES, "a feed (RSS, Atom or JSON Feed)")
            return read_feed(answer.body, answer.content_type, answer.url)
        return read_feed(Path(source).read_bytes())
    except OSError as error:
        raise CommandFailed(f"{source}: {error.strerror or error}") from None
    except (FetchFailed, FeedFailed) as error:
        raise CommandFailed(f"{source}: {error}") from None


def _feed_item(item: Item, importer: Importer, fetcher: Fetcher) -> tuple[str, str]:
    """(outcome, what to say): written, known, reprint or failed. A likely reprint is not written."""
    from digest.curate.importer import FAILURES, AlreadyInTree

    if item.url is None:
        return "failed", "failed: the item gives no address (no link, and no id that is an address)"
    try:
        day = item.published.date() if item.published else None
        imported = importer.plan_address(item.url, fetcher, item.title, day)
        if imported.reprints:
            path, reason, _ = imported.reprints[0]
            return "reprint", (
                f"looks like a reprint of {path} ({reason}); not written: if it is the same report, add it to "
                f"that article's also_published, else import it alone with digest import {item.url}"
            )
        _create(list(imported.files), importer.workspace.root)
    except AlreadyInTree as error:
        return "known", str(error)
    except (*FAILURES, CommandFailed) as error:
        return "failed", f"failed: {error}"
    importer.keep(imported)
    return "written", f"wrote {display_path(imported.files[0].path, importer.workspace.root)}"


def _feed_summary(outcomes: Counter[str], older: int, day: dt.date | None, left: int, limit: int | None) -> str:
    total = sum(outcomes.values())
    reprints = ENGLISH.ngettext("%(num)s likely reprint", "%(num)s likely reprints", outcomes["reprint"])
    parts = [f"{outcomes['written']} written", f"{outcomes['known']} already in the tree", reprints]
    parts.append(f"{outcomes['failed']} failed")
    line = ENGLISH.ngettext("%(num)s item: %(parts)s", "%(num)s items: %(parts)s", total, parts=", ".join(parts))
    if older:
        line += f"; {older} published before {day} left out"
    if left:
        line += f"; {left} more left for the next run (--limit {limit})"
    return line


class Progress:
    """'[2/7] fetching URL' on standard error while an address is fetched, on a terminal only, then erased."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = sys.stderr.isatty()

    @contextlib.contextmanager
    def fetching(self, number: int, url: str) -> Iterator[None]:
        """Shows the line while the block runs; number 0 is an item that is not fetched, and shows nothing."""
        if self.shown and number:
            width = shutil.get_terminal_size().columns - 1
            sys.stderr.write(f"\r[{number}/{self.total}] fetching {url}"[: width + 1])
            sys.stderr.flush()
        try:
            yield
        finally:
            if self.shown and number:
                sys.stderr.write("\r\033[K")
                sys.stderr.flush()


def _workspace(args: argparse.Namespace, today: dt.date):
    from digest.curate.scaffold import Workspace

    settings = content_settings(args)
    return Workspace.load(settings.content_dir, settings.root, today)


def _write_new(planned: list, root: Path) -> None:
    _create(planned, root)
    for item in planned:
        print(f"wrote {display_path(item.path, root)} ({item.what})")


def _create(planned: list, root: Path) -> None:
    """Create each file, never replacing one; on a clash, remove what this call created and fail."""
    written: list[Path] = []
    for item in planned:
        item.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with item.path.open("x", encoding="utf-8", newline="\n") as file:
                file.write(item.text)
        except FileExistsError:
            for path in written:
                path.unlink()
            raise CommandFailed(f"{display_path(item.path, root)} already exists; nothing was written") from None
        written.append(item.path)


def run_bundle(args: argparse.Namespace) -> int:
    """Check, build for file:// outside the project, then zip the site into dist/ (replaced whole)."""
    from digest.shell.bundle import bundle_name, newest_date, write_zip
    from digest.shell.driver import BuildFailed, build

    settings = content_settings(args)
    target_dir = output_folder(args.dist, settings.root / "dist", settings, "--dist")
    content, _ = check(settings)
    date = newest_date(content.published)
    if date is None:
        raise CommandFailed("nothing to bundle: no article is published yet (drafts are never bundled)")
    name = bundle_name(settings.site_name, date)
    target = target_dir / f"{name}.zip"
    with tempfile.TemporaryDirectory(prefix="digest-bundle-") as scratch:
        site = Path(scratch) / name
        try:
            with mkdocs_warnings():
                build(args.config_file, args.content, site, strict=True, offline=True)
        except BuildFailed as error:
            raise CommandFailed(f"the offline build failed; nothing was written to {target.parent}\n{error}") from None
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            with partial.open("wb") as out:
                count = write_zip(site, name, date, out)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
    print(f"wrote {target} ({count} files, {target.stat().st_size / 1e6:.1f} MB): unzip it and open {name}/index.html")
    return 0


def bundle_options(parser: argparse.ArgumentParser) -> None:
    project_options(parser)
    parser.add_argument("--dist", type=Path, help="the folder to write the zip into (default: dist/ beside mkdocs.yml)")


COMMANDS = {
    "check": ("validate all content", check_options, run_check),
    "build": ("check, then a strict MkDocs build into site/ (mkdocs.yml's site_dir)", project_options, run_build),
    "new": ("write a new draft article: every field in place, the slug from the title", new_options, run_new),
    "import": ("turn raw articles (web page, Markdown, text) into draft articles", import_options, run_import),
    "export": (
        "write the site's data files (articles, regions, actors, themes) as JSON or CSV",
        export_options,
        run_export,
    ),
    "bundle": ("an offline HTML bundle for file://, zipped into dist/", bundle_options, run_bundle),
}
"""Command name -> (help, argument setup, runner returning the exit status)."""


if __name__ == "__main__":
    sys.exit(main())
