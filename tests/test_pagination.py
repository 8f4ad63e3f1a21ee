"""Long listings are paged: no region, actor or theme page grows with the whole digest."""
import datetime as dt
import json
import posixpath
import re

import pytest
from trees import REPO, article, content_tree, settings_for

from digest.pipeline import build_site
from digest.site.pages import PAGE_SIZE, Pager
from digest.site.render import PageLinks, environment
from digest.site.urls import Links

COUNT = 2 * PAGE_SIZE + 7


@pytest.fixture
def big(tmp_path):
    """COUNT articles in Iraq, every one naming Kata'ib Hezbollah, one a day, newest last."""
    start = dt.date(2024, 1, 1)
    return content_tree(
        tmp_path,
        {
            f"a{i:03d}.md": article(
                f"Report {i}", (start + dt.timedelta(days=i)).isoformat(), "[iraq]", "actors: [kataib-hezbollah]\n"
            )
            for i in range(COUNT)
        },
    )


def listed(text: str) -> list[str]:
    return re.findall(r'class="digest-list__title" href="[^"]*articles/([^/"]+)/"', text)


def meta(text: str) -> dict:
    return json.loads(text.split("\n")[1])


def test_newest_first_in_pages_of_page_size(big):
    pages = build_site(settings_for(big)).pages
    first, second, last = (
        pages[src] for src in ("regions/iraq.md", "regions/iraq/page/2.md", "regions/iraq/page/3.md")
    )
    assert listed(first) == [f"a{i:03d}" for i in range(COUNT - 1, COUNT - 1 - PAGE_SIZE, -1)]
    assert listed(second)[0] == f"a{COUNT - 1 - PAGE_SIZE:03d}"
    assert listed(last) == [f"a{i:03d}" for i in range(6, -1, -1)]
    assert "regions/iraq/page/4.md" not in pages
    assert "<h2>Sub-regions</h2>" not in first and "Iraq" in first  # the region's own page, at its contract URL
    assert "regions/middle-east/page/3.md" in pages and "actors/kataib-hezbollah/page/3.md" in pages


def test_later_pages_stay_out_of_search_and_the_pager_links_every_other_page(big):
    pages = build_site(settings_for(big)).pages
    assert "search" not in meta(pages["regions/iraq.md"])
    second = meta(pages["regions/iraq/page/2.md"])
    assert second["title"] == "Iraq, page 2" and second["search"] == {"exclude": True}
    sources = ["regions/iraq.md", "regions/iraq/page/2.md", "regions/iraq/page/3.md"]
    links = Links()
    for src in sources:
        pager = pages[src].split('<nav class="digest-pager"')[1].split("</nav>")[0]
        targets = {
            posixpath.normpath(posixpath.join(links.folder(src), href)) + "/"
            for href in re.findall(r'href="([^"]+)"', pager)
        }
        assert targets == {links.dest(other) for other in sources if other != src}, src
    assert 'aria-current="page">2<' in pages["regions/iraq/page/2.md"]


def test_a_short_listing_has_one_page_and_no_pager(tmp_path):
    root = content_tree(tmp_path, {"one.md": article("One", "2025-01-01", "[iraq]")})
    pages = build_site(settings_for(root)).pages
    assert "regions/iraq/page/2.md" not in pages
    assert "digest-pager" not in pages["regions/iraq.md"]


def test_an_entrys_activity_chart_counts_all_its_articles_not_only_its_first_page(big):
    """107 articles, one a day from Monday 1 January 2024 (2024-W01) to Tuesday 16 April (2024-W16):
    fifteen weeks of seven and two in the last, on the entry's own page as on every later page's entry."""
    pages = build_site(settings_for(big)).pages
    for src in ("regions/iraq.md", "regions/middle-east.md", "actors/kataib-hezbollah.md"):
        figure = pages[src].split('<figure class="digest-figure digest-activity"')[1].split("</figure>")[0]
        desc = re.search(r'<desc id="digest-activity-desc">([^<]*)</desc>', figure).group(1)
        assert desc == ("107 articles from 1 January 2024 to 21 April 2024; the busiest week, "
                        "8–14 April 2024, had 7."), src
        rows = re.findall(r'<tr><td><a href="[^"]+">(2024-W\d\d)</a></td><td>.*?</td><td>(\d+)</td></tr>', figure)
        assert rows == [("2024-W16", "2")] + [(f"2024-W{week:02d}", "7") for week in range(15, 0, -1)], src


@pytest.mark.parametrize(
    ("number", "count", "shown"),
    [
        (1, 3, (1, 2, 3)),
        (4, 8, (1, 2, 3, 4, 5, 6, 7, 8)),  # a single page left out shows as its number
        (2, 7, (1, 2, 3, 4, None, 7)),
        (7, 60, (1, None, 5, 6, 7, 8, 9, None, 60)),
        (60, 60, (1, None, 58, 59, 60)),
    ],
)
def test_the_pager_shows_the_first_and_last_pages_and_those_near_this_one(number, count, shown):
    assert Pager("region", "iraq", number, count, count * PAGE_SIZE).numbers == shown


def test_a_pager_of_many_pages_marks_the_pages_it_leaves_out():
    pager = Pager("region", "iraq", 7, 60, 60 * PAGE_SIZE)
    env = environment(REPO / "templates" / "pages")
    html = env.get_template("_pager.j2").render(pager=pager, link=PageLinks(pager.src(7), Links()))
    items = re.findall(
        r'<a href="([^"]+)"(?: rel="\w+")?>([^<]+)</a>|aria-current="page">(\d+)<|(digest-pager__gap)', html
    )
    shown = [label or current or "…" for _, label, current, _ in items]
    assert shown == ["← Newer", "1", "…", "5", "6", "7", "8", "9", "…", "60", "Older →"]
    hrefs = {label: href for href, label, _, _ in items if label}
    assert hrefs["1"] == "../../" and hrefs["5"] == "../5/" and hrefs["60"] == "../60/"
