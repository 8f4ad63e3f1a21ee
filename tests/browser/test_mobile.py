"""Phones: at 375 px no page scrolls sideways, and the pictures shrink to fit yet stay readable."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browsing import Recorder, assert_shown, check_recorder, open_page, screenshot
from reader_pages import PAGES, PALETTES

PHONE = {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SMALLEST_TEXT = 11
"""Pixels: the smallest text a picture may show on a phone."""


@pytest.fixture(params=PALETTES)
def phone(request, browser, site_url):
    """A page in a 375 px wide phone in one palette; fails on page errors or foreign requests."""
    recorder = Recorder({urlsplit(site_url).netloc})
    context, page = open_page(browser, recorder, color_scheme=PALETTES[request.param], **PHONE)
    page.scheme = request.param
    yield page
    context.close()
    check_recorder(recorder)


@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways(phone, site_url, name):
    phone.goto(site_url + PAGES[name])
    width, client = phone.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width <= client == 375


@pytest.mark.parametrize("name", PAGES)
def test_pictures_fit_and_their_text_stays_readable(phone, site_url, name):
    phone.goto(site_url + PAGES[name])
    pictures = phone.locator("svg.digest-chart")
    for i in range(pictures.count()):
        svg = pictures.nth(i)
        assert svg.get_attribute("viewBox")
        frame = svg.evaluate(
            "s => (s.closest('.digest-figure__scroll') || s.parentElement).getBoundingClientRect().right"
        )
        assert frame <= 375, "a picture wider than the screen sits in its own scrolling frame"
        sizes = svg.evaluate("s => Array.from(s.querySelectorAll('text, tspan')).filter(t => t.textContent.trim())"
                             ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)")
        assert sizes and min(sizes) >= SMALLEST_TEXT, f"{name}: text at {min(sizes):.1f}px"


@pytest.mark.parametrize("name", ["home", "actor", "regions"])
def test_a_phone_shows_the_last_picture_whole(phone, site_url, name):
    phone.goto(site_url + PAGES[name])
    assert_shown(phone, phone.locator("figure.digest-figure").last)
    screenshot(phone, f"phone-{name}-{phone.scheme}")
