"""Accessibility: axe-core finds nothing on each kind of page in both palettes, and Arabic reads right to left.

axe-core comes from npm (tests/package.json, installed by tests/install-deps.sh) and is injected
from disk, so the page still asks no other host for anything.
"""
from __future__ import annotations

import pytest
from browsing import REPO, assert_shown, screenshot
from reader_pages import PAGES, PALETTES

AXE = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"
SHOWN = {
    "home": ".digest-activity",
    "actor": ".digest-network",
    "region": ".digest-activity",
    "regions": ".digest-tree",
    "place": ".digest-map",
}
"""Pages to keep a screenshot of, scrolled to their picture."""


def open_in_palette(page, url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=PALETTES[scheme])
    page.goto(url)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme


def axe_violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run sh tests/install-deps.sh (it installs axe-core with npm)")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
    ]


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(page, site_url, name, scheme):
    open_in_palette(page, site_url + PAGES[name], scheme)
    assert axe_violations(page) == []
    if name in SHOWN:
        assert_shown(page, page.locator(SHOWN[name]).first)
        screenshot(page, f"{name}-{scheme}")


def test_the_palette_toggle_switches_to_the_other_scheme(page, site_url):
    open_in_palette(page, site_url, "default")
    page.get_by_title("Switch to dark mode").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


def test_pictures_have_a_name_and_a_text_alternative_on_request(page, site_url):
    page.goto(site_url + PAGES["actor"])
    for figure in page.locator("figure.digest-figure").all():
        svg = figure.locator("svg")
        title_id = svg.get_attribute("aria-labelledby").split()[0]
        assert figure.locator(f"#{title_id}").text_content()
        data = figure.locator("details.digest-figure__data")
        assert not data.locator("table").is_visible()
        data.locator("summary").click()
        assert data.locator("table tbody tr").count() > 0 and data.locator("table").is_visible()


def test_bars_and_nodes_are_reachable_by_keyboard(page, site_url):
    page.goto(site_url + PAGES["actor"])
    bar = page.locator(".digest-activity svg a").first
    bar.focus()
    assert page.evaluate("document.activeElement.closest('svg') !== null")
    assert bar.get_attribute("aria-label").startswith("Week 2025-W")
    node = page.locator(".digest-network svg a").first
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/actors/islamic-resistance-in-iraq/")


def test_arabic_article_is_laid_out_right_to_left(page, site_url):
    page.goto(site_url + PAGES["arabic-article"])
    article = page.locator("article.digest-article")
    assert article.get_attribute("lang") == "ar"
    box = article.bounding_box()
    for selector in ("h1", ".digest-summary", ".digest-body p"):
        element = article.locator(selector).first
        assert element.evaluate("e => getComputedStyle(e).direction") == "rtl", selector
        text_right = element.evaluate(
            "e => { const r = document.createRange(); r.selectNodeContents(e); return r.getBoundingClientRect().right }"
        )
        assert text_right == pytest.approx(box["x"] + box["width"], abs=2), f"{selector} starts at the right edge"
    facets = article.locator(".digest-facets")
    assert facets.evaluate("e => getComputedStyle(e).direction") == "ltr"


def test_arabic_aliases_run_right_to_left_on_an_english_page(page, site_url):
    page.goto(site_url + PAGES["actor"])
    alias = page.locator(".digest-aliases span[lang='ar']").first
    assert alias.evaluate("e => getComputedStyle(e).direction") == "rtl"
