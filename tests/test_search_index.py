"""The search indexes hold what each page says, once: no listings, no related lists, no repeated
titles. The served site's (Pagefind's) holds plain text; the offline bundle's (lunr, built ahead) the same pages."""

import json

from served_search import fragments
from trees import article, content_tree, mkdocs_project

from digest.shell.driver import build


def project(tmp_path):
    root = content_tree(
        tmp_path,
        {
            "a.md": article(
                "Nujaba halts attacks",
                "2025-01-16",
                "[golan-heights]",
                "actors: [النجباء]\nthemes: [ceasefire]\n",
                body="Curator notes about the halt.\n",
            ),
            "b.md": article(
                "Baghdad talks", "2025-01-09", "[iraq]", "actors: [Harakat al-Nujaba]\nthemes: [ceasefire]\n"
            ).replace("A summary in the curator's words.", "Talks in Baghdad on the factions."),
        },
    )
    return mkdocs_project(root)


def served_docs(tmp_path) -> dict[str, dict]:
    build(project(tmp_path), site_dir=tmp_path / "site")
    return fragments(tmp_path / "site")


def test_an_article_is_found_by_its_words_but_does_not_carry_its_neighbours(tmp_path):
    docs = served_docs(tmp_path)
    entry = docs["articles/a/"]
    assert entry["meta"]["title"] == "Nujaba halts attacks"
    assert (
        "Curator notes about the halt." in entry["content"] and "A summary in the curator's words." in entry["content"]
    )
    assert "Baghdad" not in entry["content"]  # the related list names the other article
    assert "Actors Harakat al-Nujaba" in entry["content"]  # facet words stay apart: 'ActorsHarakat' would never match


def test_entity_pages_are_indexed_without_their_listings_charts_or_feed_links_and_listing_pages_not_at_all(tmp_path):
    docs = served_docs(tmp_path)
    actor = docs["actors/harakat-al-nujaba/"]
    assert "النجباء" in actor["content"]
    assert "Talks in Baghdad" not in actor["content"] and "Nujaba halts" not in actor["content"]
    assert "Articles per week" not in actor["content"] and "in a feed reader" not in actor["content"]
    assert {"", "regions/", "actors/", "themes/", "digest/", "digest/2025-W03/"}.isdisjoint(
        docs
    )  # home, indexes, weeks


def test_the_sites_own_headings_and_messages_are_not_searched(tmp_path):
    docs = served_docs(tmp_path)
    article = docs["articles/a/"]["content"]
    assert article.endswith("Curator notes about the halt.")  # no 'Notes' before the notes, no 'Related' after
    assert "Notes" not in article and "Related" not in article
    nujaba = docs["actors/harakat-al-nujaba/"]["content"]
    assert "Ties" not in nujaba and "Articles" not in nujaba
    assert "No articles" not in docs["actors/kataib-hezbollah/"]["content"]  # it names no article
    syria = docs["regions/syria/"]["content"]
    assert "Sub-regions" not in syria and "Golan" not in syria  # its sub-regions are found on their own pages


def test_the_served_site_leaves_materials_index_empty_and_the_bundle_indexes_the_same_pages(tmp_path):
    config = project(tmp_path)
    build(config, site_dir=tmp_path / "site")
    build(config, site_dir=tmp_path / "offline", offline=True)
    served = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert served["docs"] == [] and not (tmp_path / "site" / "search" / "lunr_index.js").exists()
    script = (tmp_path / "offline" / "search" / "lunr_index.js").read_text(encoding="utf-8")
    shown = json.loads(script.removeprefix("var __digest_lunr = ").removesuffix(";\n"))["pages"]
    locations = [location for location, _, _ in shown]
    assert len(locations) == len(set(locations))  # each page once, not once per heading
    assert {url.removesuffix(".html").removesuffix("/index") for url in locations} == {
        url.rstrip("/") for url in fragments(tmp_path / "site")
    }
    assert not (tmp_path / "offline" / "pagefind").exists()
