"""The offline bundle as a zip: its name and its bytes, the same for the same site.

Knows nothing of MkDocs: it is given a built site folder and a stream to write to. Every entry has
a fixed time, fixed permissions and a sorted place, so two bundles of the same content are
byte-identical, whenever and wherever they are made.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from digest.model import Article
from digest.site.urls import slugify

FILE_MODE = 0o100644
"""A regular file, readable by all: what a folder unzipped from the bundle should hold."""
ZIP_EPOCH = dt.date(1980, 1, 1)
"""Zip timestamps cannot go earlier."""
SERVER_ONLY = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz"})
"""Left out: the 404 page links from site_url's path and the sitemap lists online addresses, and
nothing opened from file:// uses either."""


def newest_date(articles: Iterable[Article]) -> dt.date | None:
    """The date of the newest article, which dates the bundle; None when there is none."""
    return max((article.date for article in articles), default=None)


def bundle_name(site_name: str, date: dt.date) -> str:
    """'iraq-and-the-gaza-ceasefire-a-digest-offline-2025-02-15': the zip's name and its top folder."""
    return f"{slugify(site_name) or 'digest'}-offline-{date.isoformat()}"


def site_files(folder: Path) -> list[tuple[str, Path]]:
    """The bundle's files under folder as (posix path relative to it, path), sorted; no symlinks."""
    files = [
        (path.relative_to(folder).as_posix(), path)
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    ]
    return sorted((relative, path) for relative, path in files if relative not in SERVER_ONLY)


def write_zip(folder: Path, top: str, date: dt.date, out: BinaryIO) -> int:
    """Write the site in folder to out as a zip whose entries sit under top/; returns the entry count."""
    stamp = max(date, ZIP_EPOCH).timetuple()[:6]
    files = site_files(folder)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for relative, path in files:
            info = zipfile.ZipInfo(f"{top}/{relative}", date_time=stamp)
            info.create_system = 3  # Unix, so the mode below means what it says
            info.external_attr = FILE_MODE << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return len(files)
