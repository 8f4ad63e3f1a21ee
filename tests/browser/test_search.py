"""Search finds what curators wrote, in Latin and Arabic script, with no request off the site."""
from browsing import result_titles, screenshot, search


def test_actor_found_by_arabic_alias(page, site_url):
    page.goto(site_url)
    search(page, "النجباء")
    assert any("Nujaba" in title for title in result_titles(page)), result_titles(page)
    screenshot(page, "search-arabic")


def test_actor_found_by_latin_alias(page, site_url):
    page.goto(site_url)
    search(page, "Kataib")
    assert any("Hezbollah" in title for title in result_titles(page)), result_titles(page)
