"""Trends, New this week and the data, as readers see them: served, and opened from file:// with .html links."""
from __future__ import annotations

from browsing import Recorder, check_recorder, open_page, screenshot


def names(page) -> list[str]:
    return page.locator("table.digest-trends tbody td:first-child").all_inner_texts()


def column(page, index: int) -> list[int]:
    return [int(text) for text in page.locator(f"table.digest-trends tbody td:nth-child({index})").all_inner_texts()]


def test_region_page_shows_the_trend_with_its_counts(page, site_url):
    page.goto(site_url + "regions/gaza/")
    line = page.locator(".digest-trend__line")
    assert line.inner_text().startswith(("↑ more coverage:", "↓ less coverage:", "→ steady:", "★ new:"))
    assert "in the 4 weeks to 2025-W07" in line.inner_text()
    assert page.locator(".digest-weeks__week").count() == 8
    assert "not of events" in page.locator(".digest-trend__note").inner_text()
    page.locator("#coverage").scroll_into_view_if_needed()
    screenshot(page, "trend-region")


def test_actor_page_shows_the_trend(page, site_url):
    page.goto(site_url + "actors/hamas/")
    assert (
        "more coverage: 6 articles in the 4 weeks to 2025-W07, 2 in the 4 weeks before"
        in page.locator(".digest-trend__line").inner_text()
    )
    page.locator("#coverage").scroll_into_view_if_needed()
    screenshot(page, "trend-actor")


def test_week_page_shows_new_this_week_with_working_links(page, site_url):
    page.goto(site_url + "digest/2025-W05/")
    news = page.locator("#new-this-week ~ dl.digest-news >> nth=0")
    assert "Rafah" in news.inner_text()
    screenshot(page, "trend-week")
    news.get_by_role("link", name="Rafah").click()
    assert page.locator("h1").inner_text() == "Rafah"


def test_index_table_sorts_by_any_column_and_back(page, site_url):
    page.goto(site_url + "actors/")
    built = names(page)
    changes = column(page, 4)
    assert changes == sorted(changes, reverse=True)  # the built order: biggest rise first
    page.get_by_role("button", name="Last 4 weeks").click()
    assert column(page, 2) == sorted(column(page, 2), reverse=True)
    assert page.locator("th[aria-sort]").inner_text().startswith("Last 4 weeks")
    page.get_by_role("button", name="Actor").click()
    assert names(page) == sorted(names(page), key=str.casefold)
    page.get_by_role("button", name="Change").click()
    assert names(page) == built
    page.get_by_role("button", name="Change").click()
    assert column(page, 4) == sorted(column(page, 4))
    page.locator("#coverage").scroll_into_view_if_needed()
    screenshot(page, "trend-index-sorted")


def test_home_page_links_the_data(page, site_url):
    page.goto(site_url)
    page.locator(".digest-data-link").get_by_role("link", name="about the data").click()
    assert page.locator("h1").inner_text() == "Data"
    screenshot(page, "trend-data-page")
    response = page.request.get(site_url + "data/articles.json")
    assert response.ok and response.json()[0]["slug"]


def test_offline_trends_sort_and_data_links_work_from_file(browser, bundle_dir):
    """In the offline bundle (`digest bundle`, unzipped), opened from file://."""
    offline_site = bundle_dir
    recorder = Recorder(set(), allow_file=True)
    context, page = open_page(browser, recorder, viewport={"width": 1280, "height": 900})
    try:
        page.goto((offline_site / "regions" / "index.html").as_uri())
        page.get_by_role("button", name="Region").click()
        assert names(page) == sorted(names(page), key=str.casefold)
        page.goto((offline_site / "index.html").as_uri())
        href = page.locator(".digest-data-link").get_by_role("link", name="JSON").first.get_attribute("href")
        assert href == "data/articles.json" and (offline_site / href).is_file()
        page.locator(".digest-data-link").get_by_role("link", name="about the data").click()
        assert page.url.endswith("/data/index.html")
        page.goto((offline_site / "digest" / "2025-W05.html").as_uri())
        page.locator("#new-this-week ~ dl.digest-news >> nth=0").get_by_role("link", name="Rafah").click()
        assert page.url.endswith("/regions/rafah.html")
        page.locator(".digest-trend__note a").click()
        assert page.url.endswith("/data/index.html#trends")
    finally:
        context.close()
    check_recorder(recorder)
