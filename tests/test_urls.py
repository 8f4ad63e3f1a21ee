import pytest

from digest.site.urls import Links, feed_path, page_src


def test_page_sources():
    assert page_src("home") == "index.md"
    assert page_src("region") == "regions/index.md"
    assert page_src("article", "x") == "articles/x.md"
    assert page_src("week", "2025-W03") == "digest/2025-W03.md"
    assert feed_path() == "feed.xml"
    assert feed_path("region", "iraq", "json") == "regions/iraq/feed.json"


@pytest.mark.parametrize("directory_urls, source, target, expected", [
    (True, "index.md", "regions/iraq.md", "regions/iraq/"),
    (True, "regions/iraq.md", "articles/x.md", "../../articles/x/"),
    (True, "regions/index.md", "regions/iraq.md", "iraq/"),
    (True, "articles/x.md", "index.md", "../../"),
    (True, "index.md", "index.md", "./"),
    (True, "regions/iraq.md", "regions/iraq/feed.xml", "feed.xml"),
    (False, "index.md", "regions/iraq.md", "regions/iraq.html"),
    (False, "regions/iraq.md", "articles/x.md", "../articles/x.html"),
    (False, "articles/x.md", "index.md", "../index.html"),
    (False, "regions/iraq.md", "regions/index.md", "index.html"),
])
def test_relative_links(directory_urls, source, target, expected):
    assert Links(directory_urls).href(source, target) == expected
