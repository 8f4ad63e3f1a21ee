"""Feeds: every feed parses (feedparser for Atom, json for JSON Feed 1.1), carries the right items in
the right order, escapes curator text, leaves drafts out, and is the same bytes on every build."""
from __future__ import annotations

import dataclasses
import json
import logging
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from trees import REGIONS, REPO, article, content_tree, mkdocs_project, settings_for

from digest.cli import main
from digest.pipeline import Settings, Site, build_site
from digest.shell.driver import BuildFailed, build

SITE_URL = "https://example.org/digest/"
JSON_FEED_1_1 = "https://jsonfeed.org/version/1.1"


def built(root: Path, **settings) -> Site:
    return build_site(dataclasses.replace(settings_for(root), **{"site_url": SITE_URL, **settings}))


def atom(site: Site, path: str = "feed.xml"):
    parsed = feedparser.parse(site.files[path])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def json_feed(site: Site, path: str = "feed.json") -> dict:
    return json.loads(site.files[path].decode("utf-8"))


def sourced(title: str, source: str, extra: str = "", date: str = "2025-01-16", regions: str = "[iraq]") -> str:
    """An article with its own source line (conftest's article() names The New Arab)."""
    return article(title, date, regions, extra).replace("source: The New Arab\n", f"source: {source}\n")


def article_url(slug: str) -> str:
    return f"{SITE_URL}articles/{slug}/"


def dated(count: int, days_apart: int = 1, **extra: str) -> dict[str, str]:
    """`count` articles in Iraq, a-00 the oldest, `days_apart` days apart from 2025-01-01."""
    import datetime as dt

    start = dt.date(2025, 1, 1)
    return {
        f"a-{i:02d}.md": article(f"Report {i}", (start + dt.timedelta(days=i * days_apart)).isoformat(), **extra)
        for i in range(count)
    }


# The example site ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example() -> Site:
    settings = Settings(content_dir=REPO / "content", templates_dir=REPO / "templates" / "pages", root=REPO,
                        site_name="Example digest", site_url=SITE_URL)
    return build_site(settings)


def test_example_site_has_a_feed_pair_for_the_digest_its_weeks_and_every_group_with_articles(example):
    index = example.index
    expected = {"feed", "digest/feed"}
    for section, groups in (("regions", index.by_region), ("actors", index.by_actor), ("themes", index.by_theme)):
        expected |= {f"{section}/{slug}/feed" for slug, articles in groups.items() if articles}
    feeds = {path for path in example.files if path.rsplit("/", 1)[-1] in ("feed.xml", "feed.json")}
    assert feeds == {f"{stem}.{ext}" for stem in expected for ext in ("xml", "json")}
    empty = [slug for slug, articles in index.by_region.items() if not articles]
    assert empty, "the example should have a region without articles"
    assert f"regions/{empty[0]}/feed.xml" not in example.files


def test_every_example_atom_feed_parses_newest_first_with_all_its_items(example):
    for path in (p for p in example.files if p.endswith(".xml")):
        parsed = atom(example, path)
        dates = [entry.published_parsed for entry in parsed.entries]
        assert dates == sorted(dates, reverse=True), path
        assert parsed.feed.updated == parsed.entries[0].updated, path  # the channel's date is the newest item's
        assert parsed.feed.id.startswith(SITE_URL)
        for entry in parsed.entries:
            assert entry.link.startswith(SITE_URL) and entry.id.startswith(SITE_URL), path
            assert re.search(r"[+-]\d\d:\d\d$|Z$", entry.published), entry.published
        assert len(parsed.entries) == len(_json_items(example, path)), path


def _json_items(site: Site, xml_path: str) -> list[dict]:
    return json_feed(site, xml_path[: -len("xml")] + "json")["items"]


def test_every_example_json_feed_has_the_json_feed_1_1_fields(example):
    for path in (p for p in example.files if p.endswith("feed.json")):
        feed = json_feed(example, path)
        assert feed["version"] == JSON_FEED_1_1
        assert isinstance(feed["title"], str) and feed["title"]
        assert feed["feed_url"] == SITE_URL + path
        assert feed["home_page_url"].startswith(SITE_URL)
        assert feed["items"], path
        for item in feed["items"]:
            assert isinstance(item["id"], str) and item["id"]
            assert item["content_html"] and item["url"].startswith(SITE_URL)
        dates = [item["date_published"] for item in feed["items"]]
        assert len({item["id"] for item in feed["items"]}) == len(dates)


def test_example_feeds_hold_each_groups_articles(example):
    index = example.index
    assert [e.id for e in atom(example).entries] == [article_url(a.slug) for a in index.articles]
    slug, articles = next((s, a) for s, a in index.by_actor.items() if len(a) > 1)
    assert [i["id"] for i in json_feed(example, f"actors/{slug}/feed.json")["items"]] == [
        article_url(a.slug) for a in articles
    ]
    assert len(atom(example, "digest/feed.xml").entries) == len(index.by_week)


def test_an_article_is_the_same_entry_in_every_feed_that_carries_it(example):
    entries: dict[str, set[str]] = {}
    for path in (p for p in example.files if p.endswith("feed.xml") and p != "digest/feed.xml"):
        for entry in re.findall(r"<entry .*?</entry>", example.files[path].decode("utf-8"), re.DOTALL):
            entries.setdefault(re.search(r"<id>(.*?)</id>", entry).group(1), set()).add(entry)
    assert len(entries) == len(example.index.articles)
    assert all(len(written) == 1 for written in entries.values())


def test_json_feeds_are_laid_out_as_json_dumps_lays_them_out(example):
    for path in (p for p in example.files if p.endswith("feed.json")):
        text = example.files[path].decode("utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n", path


# Items -----------------------------------------------------------------------------------------------

def test_a_region_feed_includes_its_sub_regions_articles(tmp_path):
    site = built(content_tree(tmp_path, {
        "golan.md": article("Golan report", "2025-01-16", "[golan-heights]"),
        "syria.md": article("Syria report", "2025-01-10", "[syria]"),
        "iraq.md": article("Iraq report", "2025-01-12", "[iraq]"),
    }))
    titles = lambda path: [e.title for e in atom(site, path).entries]  # noqa: E731
    assert titles("regions/levant/feed.xml") == ["Golan report", "Syria report"]
    assert titles("regions/middle-east/feed.xml") == ["Golan report", "Iraq report", "Syria report"]
    assert titles("regions/golan-heights/feed.xml") == ["Golan report"]


def test_an_item_carries_link_id_date_summary_source_and_categories(tmp_path):
    site = built(
        content_tree(
            tmp_path,
            {
                "deal.md": sourced(
                    "Deal announced",
                    "{name: Reuters, url: 'https://www.reuters.com/world/deal'}",
                    "actors: [النجباء]\nthemes: [ceasefire]\n",
                    "2025-01-15T21:30:00+03:00",
                    "[golan-heights, iraq]",
                )
            },
        )
    )
    entry = atom(site).entries[0]
    assert entry.link == article_url("deal") and entry.id == article_url("deal")
    assert entry.published == entry.updated == "2025-01-15T21:30:00+03:00"
    assert entry.summary == "A summary in the curator's words."
    assert entry.author == "Reuters"
    assert {"rel": "via", "href": "https://www.reuters.com/world/deal", "type": "text/html"} in entry.links
    assert [(t.term, t.scheme) for t in entry.tags] == [
        ("Golan Heights", SITE_URL + "regions/"), ("Iraq", SITE_URL + "regions/"),
        ("Harakat al-Nujaba", SITE_URL + "actors/"), ("Ceasefire", SITE_URL + "themes/")]
    item = json_feed(site)["items"][0]
    assert item["id"] == item["url"] == article_url("deal")
    assert item["date_published"] == "2025-01-15T21:30:00+03:00"
    assert item["authors"] == [{"name": "Reuters"}] and item["external_url"] == "https://www.reuters.com/world/deal"
    assert item["tags"] == ["Golan Heights", "Iraq", "Harakat al-Nujaba", "Ceasefire"]
    assert item["summary"] == "A summary in the curator's words." and "Reuters" in item["content_html"]


def test_the_id_stays_when_the_title_changes(tmp_path):
    first = atom(built(content_tree(tmp_path / "a", {"x.md": article("Old title")}))).entries[0]
    second = atom(built(content_tree(tmp_path / "b", {"x.md": article("New title")}))).entries[0]
    assert (first.title, second.title) == ("Old title", "New title")
    assert first.id == second.id == article_url("x")


def test_titles_with_markup_characters_and_arabic_text_are_escaped_and_survive_byte_for_byte(tmp_path):
    title = 'Q&A: <Nujaba> says "pause" — النجباء تعلّق'
    site = built(
        content_tree(
            tmp_path, {"qa.md": sourced("'" + title.replace("'", "''") + "'", "'Al-Mayadeen & <Co>'", "language: ar\n")}
        )
    )
    xml = site.files["feed.xml"]
    assert b"Q&amp;A: &lt;Nujaba&gt;" in xml
    assert "النجباء تعلّق".encode() in xml and b"&#" not in xml
    entry = atom(site).entries[0]
    assert entry.title == title
    assert entry.author == "Al-Mayadeen & <Co>"
    assert entry.content[0].language == "ar"
    raw = site.files["feed.json"]
    assert "النجباء تعلّق".encode() in raw
    item = json.loads(raw)["items"][0]
    assert item["title"] == title and item["language"] == "ar"
    assert "Al-Mayadeen &amp; &lt;Co&gt;" in item["content_html"]


def test_control_characters_a_curator_typed_as_yaml_escapes_do_not_break_the_xml(tmp_path):
    site = built(content_tree(tmp_path, {"x.md": article('"Bell\\a here"')}))
    assert atom(site).entries[0].title == "Bell here"


def test_drafts_appear_in_no_feed(tmp_path):
    site = built(content_tree(tmp_path, {
        "public.md": article("Public report", "2025-01-10"),
        "secret.md": article("Secret report", "2025-01-20", "[syria]", "draft: true\n"),
    }))
    assert not any(b"secret" in data or b"Secret" in data for data in site.files.values())
    assert "regions/syria/feed.xml" not in site.files
    assert [e.title for e in atom(site).entries] == ["Public report"]


def test_a_digest_without_articles_has_no_feeds_and_announces_none(tmp_path):
    site = built(content_tree(tmp_path, {"draft.md": article(extra="draft: true\n")}))
    assert not [path for path in site.files if path.endswith(("feed.xml", "feed.json"))]
    assert not any('"feeds"' in text or "digest-feeds" in text for text in site.pages.values())


# Caps, weeks, determinism ------------------------------------------------------------------------------

def test_feeds_carry_the_newest_50_items_by_default(tmp_path):
    site = built(content_tree(tmp_path, dated(51)))
    titles = [e.title for e in atom(site).entries]
    assert len(titles) == 50 and titles[0] == "Report 50" and titles[-1] == "Report 1"
    assert len(json_feed(site, "regions/iraq/feed.json")["items"]) == 50


def test_the_cap_is_configurable_and_applies_to_every_feed_including_the_weeks(tmp_path):
    site = built(content_tree(tmp_path, dated(7, days_apart=7)), feed_items=3)
    assert [e.title for e in atom(site).entries] == ["Report 6", "Report 5", "Report 4"]
    assert [e.title for e in atom(site, "regions/iraq/feed.xml").entries] == ["Report 6", "Report 5", "Report 4"]
    assert [e.title for e in atom(site, "digest/feed.xml").entries] == [
        "Week 2025-W07 (from 10 February 2025)",
        "Week 2025-W06 (from 3 February 2025)",
        "Week 2025-W05 (from 27 January 2025)",
    ]
    assert len(json_feed(site, "digest/feed.json")["items"]) == 3


def test_the_weekly_feed_has_one_item_per_iso_week_listing_its_articles(tmp_path):
    site = built(content_tree(tmp_path, {
        "new-year.md": article("New year's eve", "2024-12-31"),  # ISO week 2025-W01
        "second.md": article("Second day", "2025-01-02"),
        "later.md": article("A week later", "2025-01-08"),
    }))
    entries = atom(site, "digest/feed.xml").entries
    assert [(e.title, e.link) for e in entries] == [
        ("Week 2025-W02 (from 6 January 2025)", SITE_URL + "digest/2025-W02/"),
        ("Week 2025-W01 (from 30 December 2024)", SITE_URL + "digest/2025-W01/"),
    ]
    assert entries[1].updated.startswith("2025-01-02")
    links = re.findall(r'href="([^"]+)"', entries[1].content[0].value)
    assert links == [article_url("second"), article_url("new-year")]


def test_feed_bytes_are_the_same_on_every_build(tmp_path):
    root = content_tree(tmp_path, dated(3))
    first, second = built(root), built(root)
    assert first.files == second.files
    assert atom(first).feed.updated == "2025-01-03T00:00:00+00:00"  # from the newest article, not the clock


# Without site_url, and in the .html (bundle) mode ---------------------------------------------------------

def test_without_site_url_links_are_relative_to_the_feed(tmp_path):
    site = built(content_tree(tmp_path, {"x.md": article("A report")}), site_url=None)
    entry = atom(site, "regions/iraq/feed.xml").entries[0]
    assert entry.link == "../../articles/x/"
    assert urljoin("https://anywhere.example/d/regions/iraq/feed.xml", entry.link) == "https://anywhere.example/d/articles/x/"
    assert entry.id == "urn:digest:articles/x/"
    feed = json_feed(site, "regions/iraq/feed.json")
    assert "feed_url" not in feed and "home_page_url" not in feed
    assert feed["items"][0]["url"] == "../../articles/x/"


def test_html_urls_link_html_pages_but_keep_the_ids(tmp_path):
    site = built(content_tree(tmp_path, {"x.md": article("A report")}), directory_urls=False)
    entry = atom(site, "regions/iraq/feed.xml").entries[0]
    assert entry.link == SITE_URL + "articles/x.html"
    assert entry.id == article_url("x")


# The built site ---------------------------------------------------------------------------------------

def alternates(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">', html)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_pages_announce_their_feeds_in_head_and_link_them_visibly(tmp_path, directory_urls):
    root = content_tree(
        tmp_path, {"x.md": article("A report")}, regions=REGIONS + "lebanon: {name: Lebanon & Co, parent: levant}\n"
    )
    config = mkdocs_project(root)
    if not directory_urls:
        config.write_text(config.read_text() + "use_directory_urls: false\n")
    build(config, site_dir=root / "site")
    page = "regions/iraq/index.html" if directory_urls else "regions/iraq.html"
    html = (root / "site" / page).read_text(encoding="utf-8")
    found = alternates(html)
    assert [(kind, title) for kind, title, _ in found] == [
        ("application/atom+xml", "Iraq · Test digest (Atom)"),
        ("application/feed+json", "Iraq · Test digest (JSON Feed)"),
        ("application/atom+xml", "Test digest (Atom)"),
        ("application/feed+json", "Test digest (JSON Feed)"),
    ]
    targets = [posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for _, _, href in found]
    assert targets == ["regions/iraq/feed.xml", "regions/iraq/feed.json", "feed.xml", "feed.json"]
    assert all((root / "site" / target).is_file() for target in targets)
    visible = re.search(r'<p class="digest-feeds" data-search-exclude>.*?</p>', html).group(0)
    assert re.findall(r'href="([^"]+)"', visible) == [found[0][2], found[1][2]]
    empty = (root / "site" / ("regions/lebanon/index.html" if directory_urls else "regions/lebanon.html")).read_text(
        encoding="utf-8"
    )
    assert [title for _, title, _ in alternates(empty)] == ["Test digest (Atom)", "Test digest (JSON Feed)"]
    assert "digest-feeds" not in empty


def test_head_titles_are_escaped(tmp_path):
    root = content_tree(tmp_path, {"x.md": article("A report", regions="[lebanon]")},
                        regions=REGIONS + "lebanon: {name: Lebanon & <Co>, parent: levant}\n")
    build(mkdocs_project(root), site_dir=root / "site")
    html = (root / "site" / "regions/lebanon/index.html").read_text(encoding="utf-8")
    assert 'title="Lebanon &amp; &lt;Co&gt; · Test digest (Atom)"' in html


def test_a_build_without_site_url_warns_once_and_writes_relative_feeds(tmp_path, caplog):
    root = content_tree(tmp_path, {"x.md": article("A report")})
    with caplog.at_level(logging.WARNING):
        build(mkdocs_project(root, site_url=""), site_dir=root / "site", strict=False)
    warnings = [r.getMessage() for r in caplog.records if "site_url" in r.getMessage()]
    assert len(warnings) == 1 and "feeds" in warnings[0]
    assert feedparser.parse((root / "site" / "feed.xml").read_bytes()).entries[0].link == "articles/x/"


def test_digest_build_is_strict_so_it_stops_without_site_url(tmp_path, capsys):
    root = content_tree(tmp_path, {"x.md": article("A report")})
    config = mkdocs_project(root, site_url="")
    assert main(["build", "-f", str(config)]) == 1
    assert "site_url is not set" in capsys.readouterr().err
    assert not (root / "site").exists()


def test_feed_items_must_be_a_positive_number(tmp_path, caplog):
    root = content_tree(tmp_path, {"x.md": article("A report")})
    config = mkdocs_project(root)
    config.write_text(config.read_text().replace("  - digest:\n", "  - digest:\n      feed_items: 0\n"))
    with pytest.raises(BuildFailed):
        build(config, site_dir=root / "site")
    assert "Plugin 'digest' option 'feed_items': Expected a whole number of at least 1, but received: 0" in caplog.text
