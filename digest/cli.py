"""The command line: `digest check|build`. A thin shell: problems become PATH:LINE lines and exit 1."""
from __future__ import annotations

import argparse
import contextlib
import logging
import shutil
import sys
from pathlib import Path
from typing import Iterator

from .pipeline import check
from .problems import ContentError


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


def run_check(args: argparse.Namespace) -> int:
    from .plugin import load_settings

    settings = load_settings(args.config_file, args.content)
    if not settings.content_dir.is_dir():
        raise CommandFailed(f"the content folder {settings.content_dir} does not exist")
    content, warnings = check(settings)
    for warning in warnings:
        print(warning, file=sys.stderr)
    if args.strict and warnings:
        return 1
    published = len(content.published)
    print(f"{published} published article(s), {len(content.articles) - published} draft(s): content is valid")
    return 0


def run_build(args: argparse.Namespace) -> int:
    """Check, then build into a fresh folder and swap it in, so a failed build keeps the old site."""
    from .plugin import BuildFailed, build, load_settings

    settings = load_settings(args.config_file, args.content)
    check(settings)
    site_dir = settings.root / "site"
    staging = site_dir.with_name(site_dir.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with mkdocs_warnings():
            build(args.config_file, args.content, staging, strict=True)
    except BuildFailed as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise CommandFailed(f"the build failed; {site_dir} is unchanged\n{error}") from None
    retired = site_dir.with_name(site_dir.name + ".old")
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


COMMANDS = {
    "check": ("validate all content", check_options, run_check),
    "build": ("check, then a strict MkDocs build into site/", project_options, run_build),
}
"""Command name -> (help, argument setup, runner returning the exit status)."""


if __name__ == "__main__":
    sys.exit(main())
