"""A full MkDocs build of a small tree: the HTML links what it should and lists exactly what it should."""
from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
from served_search import fragments
from trees import article, content_tree, mkdocs_project, settings_for

from digest.problems import ContentError
from digest.shell.driver import build

ARTICLES = {
    "2025/01/nujaba-halts.md": article(
        "Nujaba halts attacks",
        "2025-01-16",
        "[golan-heights]",
        "actors: [النجباء]\nthemes: [ceasefire]\nquotes:\n  - {speaker: Akram al-Kaabi, text: We are pausing.}\n  - "
        "{speaker: A researcher, text: It may not last.}\n",
    ),
    "2025/01/baghdad-talks.md": article("Baghdad talks", "2025-01-09", "[iraq]", "actors: [Kata'ib Hezbollah]\n"),
    "2025/01/secret.md": article(
        "Unfinished draft", "2025-01-15", "[iraq]", "actors: [Al-Nujaba]\nthemes: [ceasefire]\ndraft: true\n"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = content_tree(tmp_path_factory.mktemp("project"), ARTICLES)
    site_dir = root / "site"
    build(mkdocs_project(root), site_dir=site_dir, strict=True)
    return site_dir


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def listed(html: str) -> list[str]:
    """The article slugs a page lists, in order."""
    return re.findall(r'class="digest-list__title" href="[./]*articles/([a-z0-9-]+)/"', html)


def test_article_page_links_its_regions_actors_themes_week_and_speakers(site):
    html = page(site, "articles/nujaba-halts")
    for href in ("../../regions/golan-heights/", "../../actors/harakat-al-nujaba/", "../../themes/ceasefire/",
                 "../../digest/2025-W03/", "../../actors/akram-al-kaabi/"):
        assert f'href="{href}"' in html, href
    assert "— A researcher</footer>" in html  # a free-text speaker is not a link
    assert '<time datetime="2025-01-16">16 January 2025</time>' in html


def test_group_pages_list_exactly_their_articles_newest_first(site):
    assert listed(page(site, "regions/middle-east")) == ["nujaba-halts", "baghdad-talks"]
    assert listed(page(site, "regions/syria")) == ["nujaba-halts"]
    assert listed(page(site, "regions/iraq")) == ["baghdad-talks"]
    assert listed(page(site, "actors/harakat-al-nujaba")) == ["nujaba-halts"]
    assert listed(page(site, "actors/kataib-hezbollah")) == ["baghdad-talks"]
    assert listed(page(site, "themes/ceasefire")) == ["nujaba-halts"]
    assert listed(page(site, "themes/armed-factions")) == []
    assert listed(page(site, "digest/2025-W03")) == ["nujaba-halts"]
    assert listed(page(site, "digest/2025-W02")) == ["baghdad-talks"]


def test_every_registry_entry_has_a_page(site):
    for url in (
        "regions/levant",
        "actors/akram-al-kaabi",
        "themes/armed-factions",
        "regions",
        "actors",
        "themes",
        "digest",
    ):
        assert (site / url / "index.html").is_file(), url


def test_actor_page_shows_aliases_and_relations_both_ways(site):
    html = page(site, "actors/harakat-al-nujaba")
    assert '<span lang="ar" dir="rtl">النجباء</span>' in html
    assert 'href="../islamic-resistance-in-iraq/"' in html  # member_of
    assert 'href="../akram-al-kaabi/"' in html  # its member
    assert 'href="../kataib-hezbollah/"' in html  # aligned with it
    assert 'href="../../regions/iraq/"' in html  # based_in


def test_drafts_appear_nowhere(site):
    assert not (site / "articles" / "secret").exists()
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert "secret" not in text and "Unfinished draft" not in text, path


def test_listing_pages_stay_out_of_search_and_entity_pages_are_in(site):
    locations = set(fragments(site))
    assert {"articles/nujaba-halts/", "actors/harakat-al-nujaba/", "regions/iraq/", "themes/ceasefire/"} <= locations
    assert not {"", "regions/", "actors/", "themes/", "digest/", "digest/2025-W03/"} & locations


def test_navigation_lists_sections_not_articles(site):
    html = page(site, "regions")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.S).group(0)
    assert "Weekly digest" in nav and "Regions" in nav
    assert "Baghdad talks" not in nav


def test_content_files_are_not_published(site):
    assert not list(site.rglob("*.yml")) and not list(site.rglob("*.md"))


def test_home_page_names_the_site_once_in_its_title(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Home - Test digest</title>" in html
    assert "<h1>Test digest</h1>" in html


def test_the_cycle_collector_runs_less_often_during_a_build_and_as_before_after_it(tmp_path, monkeypatch):
    from digest import pipeline

    during = []
    read = pipeline.read_content

    def reading(*args, **kwargs):
        during.append(gc.get_threshold())
        return read(*args, **kwargs)

    monkeypatch.setattr(pipeline, "read_content", reading)
    before = gc.get_threshold()
    root = content_tree(tmp_path, {"a.md": article()})
    pipeline.build_site(settings_for(root))
    assert during == [(pipeline.YOUNG_OBJECTS, *before[1:])]
    assert gc.get_threshold() == before
    with pytest.raises(ContentError):
        pipeline.build_site(settings_for(content_tree(tmp_path / "bad", {"a.md": article(regions="[atlantis]")})))
    assert gc.get_threshold() == before


def test_each_searched_page_is_handed_over_as_soon_as_it_is_rendered(tmp_path, monkeypatch):
    from digest import pipeline
    from digest.site import render

    events = []

    class Recorder:
        def expect(self, count):
            events.append(("expect", count))

        def page(self, src, page):
            events.append(("page", src, page))

    made = render.Renderer.render_page

    def rendering(self, spec, *args):
        events.append(("rendered", spec.src))
        return made(self, spec, *args)

    monkeypatch.setattr(render.Renderer, "render_page", rendering)
    site = pipeline.build_site(settings_for(content_tree(tmp_path, ARTICLES)), searching=Recorder())
    handed = [event for event in events if event[0] == "page"]
    assert events[0] == ("expect", len(site.searched)) and len(handed) == len(site.searched)
    assert {src: page for _, src, page in handed} == {src: site.pages[src] for src in site.searched}
    for _, src, _ in handed:  # right after its own rendering, before the next page's
        assert events[events.index(("page", src, site.pages[src])) - 1] == ("rendered", src)
    assert "articles/nujaba-halts.md" in site.searched and "index.md" not in site.searched


def test_a_page_spec_and_its_pictures_are_let_go_of_once_the_page_is_rendered(tmp_path, monkeypatch):
    import weakref

    from digest import pipeline
    from digest.site import render

    rendered: list[weakref.ref] = []
    alive_before: list[int] = []
    made = render.Renderer.render_page

    def rendering(self, spec, *args):
        alive_before.append(sum(ref() is not None for ref in rendered))
        rendered.append(weakref.ref(spec))
        return made(self, spec, *args)

    monkeypatch.setattr(render.Renderer, "render_page", rendering)
    pipeline.build_site(settings_for(content_tree(tmp_path, ARTICLES)))
    assert len(rendered) > 10 and max(alive_before) <= 1  # only the page just rendered, at most
