"""The served site's search (Pagefind behind Material's search box) finds what curators wrote, in Latin
and Arabic script, with or without harakat, in summaries and notes; never a draft; each article once;
with no request off the site (the page fixture fails a test on any)."""

from urllib.parse import urlsplit

import pytest
from browsing import expect_result, result_titles, screenshot, search, search_finds_nothing
from example import DRAFT_WORD, SEARCHES


@pytest.mark.parametrize("kind", list(SEARCHES))
def test_found_on_the_served_site(page, site_url, kind):
    query, title = SEARCHES[kind]
    page.goto(site_url)
    search(page, query)
    expect_result(page, title)
    if kind == "Arabic alias":
        screenshot(page, "search-arabic")
    titles = result_titles(page)
    assert len(titles) == len(set(titles)), titles  # each page once: listings are not in the index


def test_a_result_opens_its_page_with_the_words_highlighted(page, site_url):
    query, title = SEARCHES["word only in notes"]
    page.goto(site_url)
    search(page, query)
    expect_result(page, title)
    page.locator(".md-search-result__item h1", has_text=title).first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.startswith("/articles/")
    assert page.locator(".md-content h1").first.inner_text() == title
    assert page.locator(".md-content mark", has_text=query).count() >= 1  # Material's search.highlight


def test_a_drafts_words_are_found_nowhere(page, site_url):
    page.goto(site_url)
    search_finds_nothing(page, DRAFT_WORD)


def test_search_loads_only_the_sites_own_pagefind_files(page, site_url):
    page.goto(site_url)
    search(page, "Kataib")
    fetched = [urlsplit(url).path for url in page.recorder.requests if "/pagefind/" in url]
    assert "/pagefind/pagefind.js" in fetched and any(path.startswith("/pagefind/fragment/") for path in fetched)
