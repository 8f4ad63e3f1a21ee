"""Subscribing as a reader would: the visible feed line on a page leads to a feed that parses."""
import feedparser
from browsing import screenshot


def test_region_page_shows_a_subscribe_line_whose_links_serve_the_feeds(page, site_url):
    page.goto(site_url + "regions/iraq/")
    line = page.locator(".digest-feeds")
    assert line.is_visible()
    assert "Follow Iraq in a feed reader" in line.inner_text()
    screenshot(page, "feeds-region")
    atom, json_feed = (line.locator("a").nth(i).get_attribute("href") for i in range(2))
    response = page.request.get(site_url + "regions/iraq/" + atom)
    assert response.ok
    parsed = feedparser.parse(response.body())
    assert not parsed.bozo and parsed.feed.title.startswith("Iraq")
    response = page.request.get(site_url + "regions/iraq/" + json_feed)
    assert response.ok and response.json()["version"] == "https://jsonfeed.org/version/1.1"


def test_home_page_offers_the_whole_digest(page, site_url):
    page.goto(site_url)
    assert page.locator(".digest-feeds").is_visible()
    assert (
        page.locator('head link[rel="alternate"][type="application/atom+xml"]').first.get_attribute("href")
        == "feed.xml"
    )
    screenshot(page, "feeds-home")
