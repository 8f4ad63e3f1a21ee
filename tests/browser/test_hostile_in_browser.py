"""The hostile tree in a real browser: nothing runs, and titles read as typed in the page and in search."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browsing import Recorder, check_recorder, open_page, screenshot, search, serve
from hostile_tree import TITLE, build_hostile_site


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    site = build_hostile_site(tmp_path_factory.mktemp("hostile-browser"))
    for base in serve(site):
        yield base + "/"


@pytest.fixture
def hostile_page(browser, hostile_url):
    recorder = Recorder({urlsplit(hostile_url).netloc})
    context, page = open_page(browser, recorder, viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
    check_recorder(recorder)
    assert dialogs == [], f"content ran a script: {dialogs}"


def test_the_article_page_runs_nothing_and_shows_the_title_as_typed(hostile_page, hostile_url):
    hostile_page.goto(hostile_url + "articles/hostile/")
    assert hostile_page.title() == f"{TITLE} - Test digest"
    assert hostile_page.locator("article.digest-article h1").inner_text() == TITLE
    assert hostile_page.locator("[data-md-component=header-topic] .md-ellipsis").inner_text().strip() == TITLE
    hostile_page.mouse.move(400, 300)  # hover handlers, if any had survived
    screenshot(hostile_page, "hostile-article")


def test_search_shows_the_hostile_title_as_text(hostile_page, hostile_url):
    hostile_page.goto(hostile_url)
    search(hostile_page, "Ordinary")
    titles = hostile_page.locator(".md-search-result__item h1").all_inner_texts()
    assert TITLE in [title.strip() for title in titles]
    screenshot(hostile_page, "hostile-search")
