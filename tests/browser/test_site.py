"""The served site, at the root and under a sub-path as GitHub Pages serves a project site: pages,
navigation, search and every link and asset, with no request off the site and none that fails."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin

import pytest
from browsing import SUBPATH, expect_result, one_of_each_kind, screenshot, search
from example import IRAQ, NEWEST_TITLE, NUJABA, NUJABA_ARTICLES, PUBLISHED, SEARCHES
from site_links import refs


@pytest.fixture(params=["root", "subpath"])
def served(request) -> tuple[object, str, str]:
    """(page, base URL, screenshot prefix) for the site at / and under /digest-fork/."""
    if request.param == "root":
        return request.getfixturevalue("page"), request.getfixturevalue("site_url"), ""
    return request.getfixturevalue("subpath_page"), request.getfixturevalue("subpath_url"), "subpath-"


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


@pytest.fixture(scope="session")
def subpath_crawl(subpath_url: str) -> tuple[list[str], list[str]]:
    """Every page reachable from the sub-path's home and what did not resolve: (pages, broken)."""
    pages, broken, seen, queue = [], [], {subpath_url}, [subpath_url]
    while queue:
        url = queue.pop(0)
        status, kind, body = fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        pages.append(url)
        for ref in refs(body.decode("utf-8")):
            if not ref.local:
                continue
            target = urldefrag(urljoin(url, ref.url)).url
            if not target.startswith(subpath_url):
                broken.append(f"{url}: {ref.url} leaves /{SUBPATH}/")
            elif target not in seen:
                seen.add(target)
                queue.append(target)
    return pages, broken


def test_home_page(served):
    page, base, prefix = served
    page.goto(base)
    assert page.title() == "Home - " + page.locator(".md-content h1").first.inner_text()
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert [t.strip() for t in tabs] == ["Home", "Weekly digest", "Regions", "Actors", "Network", "Themes"]
    latest = page.locator(".md-content a[href*='articles/']").first.inner_text()
    assert latest == NEWEST_TITLE
    screenshot(page, f"{prefix}home")


@pytest.mark.parametrize("kind", ["title word", "Latin alias", "Arabic alias"])
def test_search(served, kind):
    page, base, prefix = served
    query, title = SEARCHES[kind]
    page.goto(base)
    search(page, query)
    expect_result(page, title)
    if kind == "title word":
        screenshot(page, f"{prefix}search-result")


def test_region_page_lists_its_articles_and_leads_to_them(served):
    page, base, prefix = served
    page.goto(base + "regions/iraq/")
    links = page.locator(".md-content a[href*='articles/']")
    hrefs = [
        href.rstrip("/").rsplit("/", 1)[-1]
        for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ]
    assert hrefs == [slug for slug, _ in IRAQ]
    links.first.click()
    (slug, title), *_ = IRAQ
    page.wait_for_url(base + f"articles/{slug}/")
    assert page.locator(".md-content h1").first.inner_text() == title
    screenshot(page, f"{prefix}article")


def test_actor_page_shows_aliases_in_both_scripts_and_its_articles(page, site_url):
    page.goto(site_url + "actors/harakat-al-nujaba/")
    assert page.locator(".md-content h1").first.inner_text() == NUJABA
    assert page.locator("[dir=rtl]:text-is('النجباء')").count() >= 1
    assert page.locator(".md-content .digest-list a[href*='articles/']").count() == NUJABA_ARTICLES
    screenshot(page, "actor")


def test_every_link_and_asset_resolves_under_the_subpath(subpath_crawl, subpath_url):
    pages, broken = subpath_crawl
    assert broken == []
    articles = sorted(url for url in pages if "/articles/" in url)
    assert articles == [subpath_url + f"articles/{slug}/" for slug in PUBLISHED]


def test_a_page_of_every_kind_loads_in_the_browser_under_the_subpath(subpath_page, subpath_crawl, subpath_url):
    """The crawl above checked every link and asset of every page; this runs one page of each kind."""
    pages, _ = subpath_crawl
    kinds = one_of_each_kind([url.removeprefix(subpath_url) for url in pages])
    assert len(kinds) >= 10, kinds
    for path in kinds:
        subpath_page.goto(subpath_url + path)
        assert subpath_page.locator(".md-content h1").count() >= 1, path


def test_a_missing_page_gets_the_404_page_with_its_assets(subpath_page, subpath_url):
    missing = subpath_url + "articles/no-such-article/"
    subpath_page.recorder.expected_failures.add(missing)
    response = subpath_page.goto(missing)
    assert response.status == 404
    assert "404" in subpath_page.locator(".md-content h1").inner_text()
    stylesheets = [url for url in subpath_page.recorder.requests if url.endswith(".css")]
    assert stylesheets and all(url.startswith(subpath_url) for url in stylesheets)
    subpath_page.locator(".md-header__button.md-logo").click()
    subpath_page.wait_for_url(subpath_url)
