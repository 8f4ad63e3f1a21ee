"""The served search over an index in parts, as a digest of thousands of articles is indexed (one
Pagefind run per part, merged in the browser): what any part holds is found, results of several parts
rank as in one index, and every part is fetched from the site's own sub-path."""

from urllib.parse import urlsplit

import pytest
from browsing import SUBPATH, expect_result, result_titles, search
from example import NEWEST_TITLE, SEARCHES
from served_search import part_fragments, parts

NOTES_ARTICLE = "articles/hamas-postpones-hostage-release/"
"""The newest article, the only page with the notes word ('serious'); in the first part of three (the
parts follow the order the core renders the pages in: articles, regions, actors, themes)."""
NUJABA_PAGE = "actors/harakat-al-nujaba/"
"""The page the Latin and Arabic aliases find, in the second part."""


def test_the_example_is_indexed_in_three_parts(parted_site):
    held = [set(part_fragments(part)) for part in parts(parted_site / SUBPATH)]
    assert len(held) == 3
    assert NOTES_ARTICLE in held[0] and NUJABA_PAGE in held[1]
    assert not set.intersection(*held)


@pytest.mark.parametrize("kind", ["word only in notes", "Latin alias", "Arabic alias", "Arabic alias with harakat"])
def test_found_in_whichever_part_holds_it(parted_page, parted_url, kind):
    query, title = SEARCHES[kind]
    parted_page.goto(parted_url)
    search(parted_page, query)
    expect_result(parted_page, title)
    if kind == "word only in notes":
        assert result_titles(parted_page) == [NEWEST_TITLE]


def test_results_from_several_parts_rank_as_in_one_index(parted_page, parted_url):
    parted_page.goto(parted_url)
    search(parted_page, "Houthis")
    expect_result(parted_page, "Houthis")
    # the actor (third part) whose name is the query, then the articles (first part) with it in their
    # titles, then the region (second part) that only mentions it
    assert result_titles(parted_page)[:4] == [
        "Houthis",
        "Trump orders the Houthis' return to the US terrorist list",
        "Houthis say they will limit Red Sea attacks to Israeli-owned and Israeli-flagged ships",
        "Yemen",
    ]


def test_every_part_is_fetched_from_the_sites_own_folder(parted_page, parted_url):
    parted_page.goto(parted_url)
    search(parted_page, "Kataib")
    fetched = {urlsplit(url).path for url in parted_page.recorder.requests if "/pagefind/" in url}
    index = f"/{SUBPATH}/pagefind/"
    assert {f"{index}pagefind.js", f"{index}parts.json", f"{index}wasm.en.pagefind"} <= fetched
    assert {f"{index}part-2/pagefind-entry.json", f"{index}part-3/pagefind-entry.json"} <= fetched
    assert not [path for path in fetched if "/part-" in path and "wasm" in path]  # the parts share the first's
