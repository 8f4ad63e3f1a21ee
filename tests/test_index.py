"""Grouping: regions with their sub-regions, actors, themes, ISO weeks, relations, related articles."""
import datetime as dt

from trees import article, content_tree, settings_for

from digest.group.index import build_index, group_by_region, week_of
from digest.pipeline import check


def index_of(tmp_path, articles):
    content, _ = check(settings_for(content_tree(tmp_path, articles)))
    return build_index(content)


def slugs(articles):
    return [a.slug for a in articles]


def test_an_article_appears_on_its_region_and_every_ancestor(tmp_path):
    index = index_of(tmp_path, {"golan.md": article(regions="[Golan]")})
    for region in ("golan-heights", "syria", "levant", "middle-east"):
        assert slugs(index.by_region[region]) == ["golan"], region
    assert index.by_region["iraq"] == ()


def test_every_registry_entry_has_a_group_even_without_articles(tmp_path):
    index = index_of(tmp_path, {})
    assert set(index.by_region) == {"middle-east", "levant", "syria", "golan-heights", "iraq"}
    assert index.by_actor["akram-al-kaabi"] == ()
    assert index.by_theme["ceasefire"] == ()
    assert index.by_week == {}


def test_groups_are_newest_first_with_slug_breaking_ties(tmp_path):
    index = index_of(tmp_path, {
        "b.md": article(date="2025-01-10", extra="actors: [Al-Nujaba]\n"),
        "a.md": article(date="2025-01-10", extra="actors: [النجباء]\n"),
        "c.md": article(date="2025-01-20T10:00:00+03:00", extra="actors: [harakat-al-nujaba]\n"),
    })
    assert slugs(index.articles) == ["c", "a", "b"]
    assert slugs(index.by_actor["harakat-al-nujaba"]) == ["c", "a", "b"]


def test_iso_weeks_use_the_iso_week_numbering_year(tmp_path):
    assert week_of(dt.date(2024, 12, 31)) == "2025-W01"
    assert week_of(dt.date(2021, 1, 3)) == "2020-W53"
    index = index_of(tmp_path, {"new-year.md": article(date="2024-12-31"), "later.md": article(date="2025-01-16")})
    assert list(index.by_week) == ["2025-W03", "2025-W01"]
    assert slugs(index.by_week["2025-W01"]) == ["new-year"]


def test_drafts_are_in_no_group(tmp_path):
    index = index_of(tmp_path, {
        "kept.md": article(extra="themes: [ceasefire]\n"),
        "draft.md": article(extra="themes: [ceasefire]\ndraft: true\n"),
    })
    assert slugs(index.articles) == ["kept"]
    assert slugs(index.by_theme["ceasefire"]) == ["kept"]
    assert slugs(index.by_region["iraq"]) == ["kept"]
    assert "draft" not in index.related


def test_reverse_relations(tmp_path):
    index = index_of(tmp_path, {})
    assert index.members["islamic-resistance-in-iraq"] == ("harakat-al-nujaba", "kataib-hezbollah")
    assert index.members["harakat-al-nujaba"] == ("akram-al-kaabi",)
    assert index.aligned_by["harakat-al-nujaba"] == ("kataib-hezbollah",)
    assert index.based_here["iraq"] == ("harakat-al-nujaba",)
    assert index.children["levant"] == ("syria",)
    assert index.roots == ("middle-east",)


def test_related_articles_rank_shared_actors_above_shared_regions(tmp_path):
    index = index_of(tmp_path, {
        "base.md": article(date="2025-01-10", extra="actors: [Al-Nujaba]\nthemes: [ceasefire]\n"),
        "same-actor.md": article(date="2025-01-01", regions="[syria]", extra="actors: [Al-Nujaba]\n"),
        "same-region.md": article(date="2025-01-09"),
        "same-theme.md": article(date="2025-01-02", regions="[syria]", extra="themes: [ceasefire]\n"),
        "unrelated.md": article(date="2025-01-11", regions="[syria]"),
    })
    assert slugs(index.related["base"]) == ["same-actor", "same-theme", "same-region"]


def test_week_groups_by_direct_region_in_name_order(tmp_path):
    index = index_of(tmp_path, {
        "a.md": article(regions="[iraq, golan-heights]"),
        "b.md": article(regions="[iraq]"),
    })
    groups = group_by_region(index.by_week["2025-W03"], index.registries)
    assert {k: slugs(v) for k, v in groups.items()} == {"golan-heights": ["a"], "iraq": ["a", "b"]}
    assert list(groups) == ["golan-heights", "iraq"]
