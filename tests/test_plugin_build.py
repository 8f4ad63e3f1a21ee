"""The plugin's shortcuts change nothing in the site: generated pages skip Markdown because Markdown
would leave them as they are, and `mkdocs serve` copies unchanged pages as a full build would write them."""
import os
import re
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from served_search import fragments
from trees import REPO, article, content_tree, mkdocs_project

from digest.pipeline import build_site
from digest.shell.config import nav_sources
from digest.shell.driver import load_settings
from digest.site.render import page_body, page_meta

SERVE_URL = "http://127.0.0.1:8000/"


def squeezed(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def test_markdown_would_leave_every_generated_page_as_it_is():
    """The plugin hands MkDocs' Markdown step nothing for generated pages (see on_page_markdown);
    this holds because their templates emit HTML. A template that writes Markdown fails here."""
    config = load_config(str(REPO / "mkdocs.yml"))
    site = build_site(load_settings(REPO / "mkdocs.yml"))
    for src, text in site.pages.items():
        body, _ = get_data(text)
        converted = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        ).convert(body)
        assert squeezed(converted) == squeezed(body), src


def serve_build(config_file: Path, site_dir: Path, fresh: bool, dirty: bool = False):
    """One rebuild as `mkdocs serve [--dirty]` runs it; fresh: as its first build. Returns the digest plugin."""
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.site_url = SERVE_URL
    if fresh:
        config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, serve_url=SERVE_URL, dirty=dirty)
    return config.plugins["digest"]


def output(site_dir: Path) -> dict[str, bytes]:
    """Every file of a built site, as written: pages, sitemap, search index, feeds, assets."""
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    root = content_tree(
        tmp_path,
        {
            f"a{i}.md": article(
                f"Report {i}", f"2025-01-{i + 1:02d}", "[iraq]" if i % 2 else "[syria]", "actors: [kataib-hezbollah]\n"
            )
            for i in range(12)
        },
    )
    return mkdocs_project(root)


def test_serve_rebuilds_what_an_edit_touches_and_the_site_is_what_a_full_build_makes(project, tmp_path):
    served = tmp_path / "served"
    serve_build(project, served, fresh=True)
    edited = project.parent / "content/articles/a5.md"
    edited.write_text(
        article("Report 5, corrected", "2025-01-06", "[iraq]", "actors: [kataib-hezbollah]\n"), encoding="utf-8"
    )
    plugin = serve_build(project, served, fresh=False)
    assert "articles/a0.md" in plugin.reuse.copied and "articles/a5.md" not in plugin.reuse.copied
    assert "Report 5, corrected" in (served / "articles/a5/index.html").read_text(encoding="utf-8")
    reference = tmp_path / "reference"
    serve_build(project, reference, fresh=True)
    built, expected = output(served), output(reference)
    assert sorted(built) == sorted(expected)
    assert [path for path in expected if built[path] != expected[path]] == []
    sitemap = (served / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SERVE_URL}articles/a0/</loc>" in sitemap  # a copied page stays in the sitemap
    assert "articles/a0/" in fragments(served)  # and in the search index


def test_a_configuration_change_rebuilds_every_page(project, tmp_path):
    served = tmp_path / "served"
    serve_build(project, served, fresh=True)
    project.write_text(project.read_text(encoding="utf-8") + "copyright: Example\n", encoding="utf-8")
    stat = project.stat()
    os.utime(project, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    plugin = serve_build(project, served, fresh=False)
    assert plugin.reuse.copied == set()
    assert "Example" in (served / "articles/a3/index.html").read_text(encoding="utf-8")


def test_serve_dirty_leaves_reuse_to_mkdocs(project, tmp_path):
    """Under --dirty the search plugin merges its own previous index; copying pages as well would
    count their entries twice, so the plugin copies nothing."""
    served = tmp_path / "served"
    serve_build(project, served, fresh=True, dirty=True)
    plugin = serve_build(project, served, fresh=False, dirty=True)
    assert plugin.reuse.copied == set() and plugin.reuse.written == {}



def test_generated_pages_read_their_front_matter_as_mkdocs_would(tmp_path):
    """GeneratedPage reads the JSON front matter with json (shell/pages.py); MkDocs' YAML reading gives
    the same page, characters YAML refuses or reads as line breaks included."""
    root = content_tree(tmp_path, {"a.md": article("Odd \u0085 line \u2028 breaks \ufeff", "2025-01-02", "[iraq]")})
    odd = build_site(load_settings(mkdocs_project(root))).pages
    pages = {**build_site(load_settings(REPO / "mkdocs.yml")).pages, **odd}
    for src, text in pages.items():
        assert (page_body(text), page_meta(text)) == get_data(text), src


def test_mkdocs_makes_no_markdown_converter_for_a_generated_page(project, tmp_path, monkeypatch):
    """Only the pages of the nav, which MkDocs makes for their nav titles, get one."""
    config = load_config(str(project), site_dir=str(tmp_path / "site"))
    made = []
    make = markdown.Markdown.__init__
    monkeypatch.setattr(markdown.Markdown, "__init__", lambda self, **kw: made.append(self) or make(self, **kw))
    build(config)
    pages = list((tmp_path / "site").rglob("index.html"))
    assert len(made) == len(list(nav_sources(config.nav))) < len(pages) / 2
