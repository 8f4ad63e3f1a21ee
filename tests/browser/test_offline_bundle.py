"""The offline bundle unzipped and opened from file://: clicking through it and searching it, in
Latin and Arabic script, with no http(s) request at all and no file that fails to load."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browsing import expect_result, one_of_each_kind, screenshot, search, search_finds_nothing
from example import DRAFT_WORD, IRAQ, IRAQ_NEWEST_FIRST_ACTOR, SEARCHES


def unopenable_links(page) -> list[str]:
    """Links on the page that would not open a file of the bundle: a folder, or nothing at all."""
    # an SVG link's href is an SVGAnimatedString: resolve its text against the page like an HTML link's
    urls = page.locator("a[href]").evaluate_all(
        "els => els.map(e => typeof e.href === 'string' ? e.href : new URL(e.href.baseVal, document.baseURI).href)")
    files = {url.split("#")[0] for url in urls if url.startswith("file:")}
    return sorted(url for url in files if url.endswith("/") or not Path(unquote(urlsplit(url).path)).is_file())


def click(page, locator, bundle_dir: Path, expected: str) -> None:
    """Follow a link as a reader would; check where it led and that every link on the new page opens a file."""
    locator.click()
    page.wait_for_url((bundle_dir / expected).as_uri())
    assert unopenable_links(page) == []


def test_clicking_through_the_bundle(file_page, bundle_dir):
    page = file_page
    page.goto((bundle_dir / "index.html").as_uri())
    screenshot(page, "bundle-home")
    click(page, page.locator(".md-tabs__link", has_text="Regions"), bundle_dir, "regions/index.html")
    click(page, page.locator(".md-content .digest-tree a", has_text="Iraq").first, bundle_dir, "regions/iraq.html")
    listed = page.locator(".md-content a[href*='articles/']")
    assert listed.count() == len(IRAQ)
    (slug, title), *_ = IRAQ
    click(page, listed.first, bundle_dir, f"articles/{slug}.html")
    assert page.locator(".md-content h1").first.inner_text() == title
    screenshot(page, "bundle-article")
    actor, name = IRAQ_NEWEST_FIRST_ACTOR
    click(page, page.locator(f".md-content a[href$='actors/{actor}.html']").first, bundle_dir, f"actors/{actor}.html")
    assert page.locator(".md-content h1").first.inner_text() == name
    click(page, page.locator(".md-tabs__link", has_text="Home"), bundle_dir, "index.html")


@pytest.mark.parametrize("kind", list(SEARCHES))
def test_search_from_file_urls(file_page, bundle_dir, kind):
    query, title = SEARCHES[kind]
    file_page.goto((bundle_dir / "index.html").as_uri())
    search(file_page, query)
    expect_result(file_page, title)
    if kind == "Arabic alias":
        screenshot(file_page, "bundle-search-arabic")
    exact = re.compile(f"^{re.escape(title)}$")  # "Iraq", not "Iraqi Council of Representatives"
    file_page.locator(".md-search-result__item h1").filter(has_text=exact).first.click()
    file_page.wait_for_load_state()
    assert urlsplit(file_page.url).path.endswith(".html")
    assert file_page.locator(".md-content h1").first.inner_text() == title


def test_a_drafts_words_are_found_nowhere_in_the_bundle(file_page, bundle_dir):
    file_page.goto((bundle_dir / "index.html").as_uri())
    search_finds_nothing(file_page, DRAFT_WORD)


def test_the_bundle_searches_with_materials_own_index_and_no_pagefind(bundle_dir):
    assert (bundle_dir / "search" / "search_index.js").is_file() and not (bundle_dir / "pagefind").exists()


def test_a_page_of_every_kind_loads_from_file_urls(file_page, bundle_dir):
    pages = sorted(path.relative_to(bundle_dir).as_posix() for path in bundle_dir.rglob("*.html"))
    kinds = one_of_each_kind(pages)
    assert len(kinds) >= 10, kinds
    for path in kinds:
        file_page.goto((bundle_dir / path).as_uri())
        assert file_page.locator(".md-content h1").count() >= 1, path
