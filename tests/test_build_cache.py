"""A build that reuses the last build's work (mkdocs serve) gives exactly what a fresh build gives."""
import os

import jinja2
import pytest
from trees import REPO, article, content_tree, settings_for

import digest.read.tree
from digest.memo import BuildCache, Memo
from digest.pipeline import Settings, build_site
from digest.site.render import Renderer
from digest.site.urls import Links


@pytest.fixture
def tree(tmp_path):
    return content_tree(
        tmp_path,
        {
            "a.md": article(
                "Nujaba halts attacks", "2025-01-16", "[golan-heights]", "actors: [النجباء]\nthemes: [ceasefire]\n"
            ),
            "b.md": article(
                "Baghdad talks", "2025-01-09", "[iraq]", "actors: [Kata'ib Hezbollah]\n", body="Some *notes*.\n"
            ),
            "c.md": article("Third report", "2025-01-02", "[iraq]", "themes: [ceasefire]\n"),
        },
    )


def rewrite(path, text):
    """Write and move the modification time on, as a later save would."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_memo_keeps_only_what_the_last_build_used():
    memo, computed = Memo(), []
    def value(key):
        return memo.get(key, lambda: computed.append(key) or key.upper())
    assert value("a") == "A" and value("b") == "B"
    memo.next_build()
    assert value("a") == "A"
    memo.next_build()
    assert value("b") == "B"
    assert computed == ["a", "b", "b"]
    once = Memo(keep=False)
    assert once.get("a", lambda: computed.append("again") or "A") == "A" and once.get("a", lambda: "other") == "other"


def test_an_edited_article_gives_the_pages_and_feeds_of_a_fresh_build(tree):
    settings, cache = settings_for(tree), BuildCache()
    assert build_site(settings, cache).pages == build_site(settings).pages
    rewrite(
        tree / "content/articles/b.md",
        article("Baghdad talks resume", "2025-01-12", "[syria]", "actors: [harakat-al-nujaba]\n", body="New notes.\n"),
    )
    cached, fresh = build_site(settings, cache), build_site(settings)
    assert cached.pages == fresh.pages and cached.files == fresh.files  # feeds included


def test_only_changed_files_are_parsed_again(tree, monkeypatch):
    settings, cache = settings_for(tree), BuildCache()
    build_site(settings, cache)
    parsed = []
    original = digest.read.tree._read_article
    monkeypatch.setattr(
        digest.read.tree, "_read_article", lambda path, root: parsed.append(path.name) or original(path, root)
    )
    rewrite(tree / "content/articles/c.md", article("Third report, corrected", "2025-01-02", "[iraq]"))
    build_site(settings, cache)
    assert parsed == ["c.md"]


def test_registry_and_template_edits_reach_every_page(tree, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    for template in (REPO / "templates" / "pages").iterdir():
        (templates / template.name).write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings(tree / "content", templates, tree, "Test digest")
    cache = BuildCache()
    build_site(settings, cache)
    actors = tree / "content/actors.yml"
    rewrite(actors, actors.read_text(encoding="utf-8").replace("name: Harakat al-Nujaba", "name: Nujaba Movement"))
    rewrite(
        templates / "article.md.j2",
        (templates / "article.md.j2")
        .read_text(encoding="utf-8")
        .replace('{{ _("Notes") }}</h2>', "Curator's notes</h2>"),
    )
    pages = build_site(settings, cache).pages
    assert pages == build_site(settings).pages
    assert "Nujaba Movement" in pages["articles/a.md"]
    assert "Curator's notes</h2>" in pages["articles/b.md"]


def test_templates_that_read_the_whole_index_are_always_rendered(tree):
    renderer = Renderer(REPO / "templates" / "pages", Links(), "Test digest")
    assert renderer.reads("article.md.j2") == {"article", "related", "quote_ids", "registries", "link", "body"}
    assert "index" in renderer.reads("home.md.j2")
    for template in ("region.md.j2", "actor.md.j2", "theme.md.j2"):  # their pictures are in their context
        assert not {"index", "trends"} & renderer.reads(template), template
    assert renderer.reads("older.md.j2") == {"heading", "by_month", "month_line", "pager", "link"}  # includes read
    assert renderer.reads("statements.md.j2") == {"heading", "statements", "pager", "link", "registries"}


def test_pages_whose_articles_and_pictures_did_not_change_are_not_rendered_again(tree, monkeypatch):
    settings, cache = settings_for(tree), BuildCache()
    build_site(settings, cache)
    rendered = []
    render = jinja2.Template.render

    def recording(self, context):
        rendered.append(context["link"].src)
        return render(self, context)

    monkeypatch.setattr(jinja2.Template, "render", recording)
    rewrite(tree / "content/articles/c.md", article("Third report", "2025-01-02", "[iraq]", "themes: [ceasefire]\n",
                                                    body="Other notes.\n"))
    build_site(settings, cache)
    shown = {"articles/c.md", "regions/iraq.md", "regions/middle-east.md", "themes/ceasefire.md", "digest/2025-W01.md"}
    assert shown <= set(rendered)
    # with a chart, a neighbourhood of ties and a trend each, none of them changed
    unchanged = ["regions/golan-heights.md", "regions/syria.md", "actors/harakat-al-nujaba.md"]
    unchanged += ["themes/armed-factions.md"]
    assert [src for src in unchanged if src in rendered] == []
