"""The Arabic site in a browser: every kind of page has no axe-core violation in either palette and
no sideways scroll on a phone, reads right to left, and its pictures run right to left too."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browsing import Recorder, check_recorder, open_page, screenshot
from reader_pages import PAGES, PALETTES
from test_a11y import axe_violations, open_in_palette
from test_mobile import PHONE

SHOTS = {"home": ".digest-activity", "actor": ".digest-network", "region": ".digest-tree, .digest-activity"}
"""The Arabic pages to keep a screenshot of, at the top and scrolled to their picture."""


@pytest.fixture
def arabic_page(browser, arabic_site_url):
    recorder = Recorder({urlsplit(arabic_site_url).netloc})
    context, page = open_page(browser, recorder, viewport={"width": 1280, "height": 900})
    yield page
    context.close()
    check_recorder(recorder)


@pytest.fixture(params=PALETTES)
def arabic_phone(request, browser, arabic_site_url):
    recorder = Recorder({urlsplit(arabic_site_url).netloc})
    context, page = open_page(browser, recorder, color_scheme=PALETTES[request.param], **PHONE)
    yield page
    context.close()
    check_recorder(recorder)


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations_in_arabic(arabic_page, arabic_site_url, name, scheme):
    open_in_palette(arabic_page, arabic_site_url + PAGES[name], scheme)
    assert arabic_page.evaluate("[document.documentElement.lang, document.body.dir]") == ["ar", "rtl"]
    assert axe_violations(arabic_page) == []


@pytest.mark.parametrize("name", PAGES)
def test_no_arabic_page_scrolls_sideways_on_a_phone(arabic_phone, arabic_site_url, name):
    arabic_phone.goto(arabic_site_url + PAGES[name])
    width, client = arabic_phone.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width <= client == 375


def test_the_activity_chart_runs_from_the_right(arabic_page, arabic_site_url):
    arabic_page.goto(arabic_site_url)
    bars = arabic_page.locator(".digest-activity svg a")
    weeks = [bars.nth(i).get_attribute("href") for i in range(bars.count())]
    lefts = [bars.nth(i).locator(".digest-chart__bar").bounding_box()["x"] for i in range(bars.count())]
    by_position = [week for _, week in sorted(zip(lefts, weeks, strict=True), reverse=True)]
    assert by_position == sorted(weeks), "the oldest week is rightmost"


def test_an_actors_affiliations_sit_on_the_right(arabic_page, arabic_site_url):
    arabic_page.goto(arabic_site_url + PAGES["actor"])
    centre = arabic_page.locator(".digest-network__centre circle").bounding_box()["x"]
    group = arabic_page.locator('.digest-network svg a[href$="/islamic-resistance-in-iraq/"] circle')
    group = group.bounding_box()["x"]
    assert group > centre


@pytest.mark.parametrize("name", SHOTS)
def test_arabic_screenshots(arabic_page, arabic_site_url, name):
    arabic_page.goto(arabic_site_url + PAGES[name])
    screenshot(arabic_page, f"arabic-{name}")
    arabic_page.locator(SHOTS[name]).first.evaluate("e => e.scrollIntoView({block: 'center'})")
    arabic_page.wait_for_timeout(400)  # Material's header settles after a scroll
    screenshot(arabic_page, f"arabic-{name}-picture")
