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
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from digest.pipeline import Settings, build_data, check, review
from digest.problems import ContentError
from digest.read.tree import display_path
from digest.site.export import FORMATS


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
        "inputs", nargs="+", metavar="FILE", help="a saved web page, Markdown or text file; - reads standard input"
    )


def run_import(args: argparse.Namespace) -> int:
    """Each input becomes a draft and its kept text; one input's failure does not stop the others."""
    from digest.curate.extract import ExtractionFailed
    from digest.curate.importer import Importer
    from digest.curate.scaffold import SlugTaken

    today = dt.date.today()
    workspace = _workspace(args, today)
    importer = Importer(workspace, today)
    failed = 0
    for name in args.inputs:
        shown = "standard input" if name == "-" else name
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            imported = importer.plan(data, shown)
            _write_new(list(imported.files), workspace.root)
        except (OSError, ExtractionFailed, SlugTaken, CommandFailed) as error:
            print(f"digest: {shown}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            failed += 1
            continue
        for line in imported.report():
            print(line)
    return 1 if failed else 0


def _workspace(args: argparse.Namespace, today: dt.date):
    from digest.curate.scaffold import Workspace

    settings = content_settings(args)
    return Workspace.load(settings.content_dir, settings.root, today)


def _write_new(planned: list, root: Path) -> None:
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
    for item in planned:
        print(f"wrote {display_path(item.path, root)} ({item.what})")


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
