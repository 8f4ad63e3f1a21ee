"""The search index holds what each page says, once: no listings, no related lists, no repeated titles."""
import json

from trees import article, content_tree, mkdocs_project

from digest.shell.driver import build


def search_docs(tmp_path) -> dict[str, dict]:
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
    build(mkdocs_project(root), site_dir=tmp_path / "site")
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc for doc in index["docs"]}


def test_an_article_is_found_by_its_words_but_does_not_carry_its_neighbours(tmp_path):
    docs = search_docs(tmp_path)
    entry = docs["articles/a/"]
    assert entry["title"] == "Nujaba halts attacks"
    assert "Curator notes about the halt." in entry["text"] and "A summary in the curator's words." in entry["text"]
    assert "Baghdad" not in entry["text"]  # the related list names the other article
    assert "Actors Harakat al-Nujaba" in entry["text"]  # facet words stay apart: 'ActorsHarakat' would never match


def test_entity_pages_are_indexed_without_their_listings_and_listing_pages_not_at_all(tmp_path):
    docs = search_docs(tmp_path)
    actor = docs["actors/harakat-al-nujaba/"]
    assert "النجباء" in actor["text"]
    assert "Talks in Baghdad" not in actor["text"] and "Nujaba halts" not in actor["text"]
    assert not any("#coverage" in location for location in docs)  # the trend chart's numbers are no text to search
    assert {"", "regions/", "actors/", "themes/", "digest/", "digest/2025-W03/"}.isdisjoint(
        docs
    )  # home, indexes, weeks
