"""Maps as a reader meets them: countries you can point at and reach with Tab, and a picture that
does not mirror in a right-to-left page while its legend does."""
from __future__ import annotations

from reader_pages import PAGES


def test_a_country_on_the_map_is_a_link_you_can_tab_to(page, site_url):
    page.goto(site_url + PAGES["regions"])
    syria = page.locator(".digest-map__links a[aria-label^='Syria: ']")
    assert syria.locator("use").get_attribute("href").startswith("#digest-map-")
    picture = page.locator(".digest-map__picture")
    assert picture.get_attribute("role") == "img"
    assert picture.locator("a").count() == 0, "no link inside the image"
    syria.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Syria: ")
    page.keyboard.press("Enter")
    page.wait_for_url("**/regions/syria/")


def test_pointing_at_a_country_follows_its_link(page, site_url):
    page.goto(site_url + PAGES["regions"])
    box = page.locator(".digest-map__links a[aria-label^='Egypt: '] use").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/regions/egypt/")


def test_in_a_right_to_left_page_the_map_keeps_its_sides_and_the_legend_turns(page, site_url):
    page.goto(site_url + PAGES["regions"])
    page.evaluate("document.documentElement.dir = document.body.dir = 'rtl'")  # as Material sets them in Arabic
    picture = page.locator(".digest-map__picture")
    assert picture.evaluate("s => getComputedStyle(s).direction") == "ltr"
    label = page.locator(".digest-map__label[text-anchor='start']").first
    dot = label.evaluate("t => t.previousElementSibling.getBoundingClientRect().right")
    assert label.bounding_box()["x"] >= dot, "a name written to the right of its dot stays there"
    legend = page.locator(".digest-map__legend")
    assert legend.evaluate("l => getComputedStyle(l).direction") == "rtl"
    first, second = (legend.locator("li").nth(i).bounding_box()["x"] for i in (0, 1))
    assert first > second, "the legend starts at the right"
