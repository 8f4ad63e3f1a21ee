"""The activity chart and the region tree: their pictures carry the numbers the index holds."""
from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest
from trees import article, content_tree, settings_for

from digest.pictures.charts import AXIS_FONT, activity_chart, region_tree, text_width
from digest.pipeline import build_site

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

WEEK_LINK = re.compile(r"digest/(\d{4}-W\d\d)/")


@pytest.fixture
def site(tmp_path):
    """Six articles over four ISO weeks of 2025 (W02: 2, W03: 1, W04: none, W05: 3)."""
    articles = {
        "a1.md": article("One", "2025-01-06", "[iraq]"),
        "a2.md": article("Two", "2025-01-08", "[golan-heights]"),
        "a3.md": article("Three", "2025-01-16", "[iraq]"),
        "a4.md": article("Four", "2025-01-28", "[golan-heights]"),
        "a5.md": article("Five", "2025-01-29", "[golan-heights]"),
        "a6.md": article("Six", "2025-02-02T23:30:00+00:00", "[iraq]"),
    }
    return build_site(settings_for(content_tree(tmp_path, articles)))


def svg_of(page: str, css_class: str) -> ET.Element:
    """The first inline SVG of a page whose figure has the class, parsed as XML."""
    start = page.index('<svg', page.index(f'class="digest-figure {css_class}'))
    return ET.fromstring(page[start: page.index("</svg>", start) + len("</svg>")])


def bars(page: str) -> dict[str, tuple[int, float]]:
    """Week -> (count in the bar's accessible name, bar height) for every bar of the activity chart."""
    found = {}
    for link in svg_of(page, "digest-activity").iter("a"):
        week = WEEK_LINK.search(link.get("href")).group(1)
        count = int(re.search(r": (\d+) articles?$", link.get("aria-label")).group(1))
        rect = next(r for r in link.iter("rect") if r.get("class") == "digest-chart__bar")
        found[week] = (count, float(rect.get("height")))
    return found


def table_rows(page: str) -> list[tuple[str, str, str]]:
    """(week, datetime, count) rows of the chart's text alternative, in page order."""
    figure = page[page.index('class="digest-figure digest-activity'):]
    table = figure[figure.index("<tbody>"): figure.index("</tbody>")]
    return re.findall(
        r'<tr><td><a href="[^"]+">([^<]+)</a></td><td><time datetime="([^"]+)">[^<]+</time></td><td>(\d+)</td></tr>',
        table,
    )


def test_home_bars_match_the_week_counts_and_link_to_existing_week_pages(site):
    found = bars(site.pages["index.md"])
    assert {week: count for week, (count, _) in found.items()} == {"2025-W02": 2, "2025-W03": 1, "2025-W05": 3}
    assert found["2025-W05"][1] == pytest.approx(3 * found["2025-W03"][1], rel=0.01)
    assert found["2025-W02"][1] == pytest.approx(2 * found["2025-W03"][1], rel=0.01)
    assert all(f"digest/{week}.md" in site.pages for week in found)


def test_region_chart_counts_its_sub_regions_on_the_whole_digest_axis(site):
    page = site.pages["regions/syria.md"]  # its articles are all in golan-heights
    assert {week: count for week, (count, _) in bars(page).items()} == {"2025-W02": 1, "2025-W05": 2}
    labels = [t.text for t in svg_of(page, "digest-activity").iter("text") if not (t.text or "").isdigit()]
    assert labels == ["6 Jan", "13 Jan", "20 Jan", "27 Jan"], "the axis spans the digest's weeks, not the region's"


def test_text_alternative_lists_the_same_weeks_newest_first(site):
    page = site.pages["regions/iraq.md"]
    assert table_rows(page) == [
        ("2025-W05", "2025-W05", "1"),
        ("2025-W03", "2025-W03", "1"),
        ("2025-W02", "2025-W02", "1"),
    ]
    svg = svg_of(page, "digest-activity")
    assert svg.get("viewBox") == "0 0 600 166"
    assert svg.find("title").text == "Articles per week"
    assert "3 articles from 6 January 2025 to 2 February 2025" in svg.find("desc").text


def test_pages_without_articles_have_no_chart(site):
    assert not site.index.by_actor["akram-al-kaabi"]
    assert "digest-activity" not in site.pages["actors/akram-al-kaabi.md"]


def index_of(tmp_path, dates: list[str], regions: list[str] | None = None):
    articles = {
        f"a{i}.md": article(f"Article {i}", day, f"[{(regions or ['iraq'] * len(dates))[i]}]")
        for i, day in enumerate(dates)
    }
    return build_site(settings_for(content_tree(tmp_path, articles))).index


def test_long_spans_are_labelled_by_month_with_the_year_where_it_changes(tmp_path):
    index = index_of(tmp_path, ["2023-01-02", "2024-12-30"])
    chart = activity_chart(index.articles, index)
    labels = [tick.label for tick in chart.x_ticks]
    assert all(re.fullmatch(rf"({'|'.join(MONTHS)})( \d{{4}})?", label) for label in labels), labels
    assert labels[0].endswith("2023") and any(label.endswith("2024") for label in labels)
    assert len(chart.bars) == 2 and chart.bars[0].x < 60 < 560 < chart.bars[1].x


@pytest.mark.parametrize("dates", [["2025-01-06"], ["2025-01-06", "2025-03-03"], ["2021-01-04", "2025-12-29"]])
def test_axis_labels_never_overlap_at_the_largest_size(tmp_path, dates):
    index = index_of(tmp_path, dates)
    ticks = activity_chart(index.articles, index).x_ticks
    assert ticks
    for a, b in itertools.pairwise(ticks):
        assert b.label_at - a.label_at >= (text_width(a.label, AXIS_FONT) + text_width(b.label, AXIS_FONT)) / 2
    assert all(
        text_width(t.label, AXIS_FONT) / 2 <= t.label_at <= 600 - text_width(t.label, AXIS_FONT) / 2 for t in ticks
    )


def test_region_tree_shows_each_region_with_its_count_depth_first(site):
    page = site.pages["regions/index.md"]
    rows = []
    for link in svg_of(page, "digest-tree").iter("a"):
        slug = re.search(r"([a-z-]+)/$", link.get("href")).group(1)
        texts = [t.text for t in link.iter("text")]
        dot = next(link.iter("circle"))
        rows.append((slug, texts[0], int(texts[1]), float(dot.get("cx"))))
    assert [(slug, label, count) for slug, label, count, _ in rows] == [
        ("middle-east", "Middle East", 6), ("iraq", "Iraq", 3), ("levant", "Levant", 3),
        ("syria", "Syria", 3), ("golan-heights", "Golan Heights", 3),
    ]
    depth = {slug: x for slug, _, _, x in rows}
    assert depth["middle-east"] < depth["iraq"] == depth["levant"] < depth["syria"] < depth["golan-heights"]
    assert page.count('class="digest-tree__branch"') == 4, "one connector per region with a parent"


def test_region_tree_bars_grow_with_the_count(tmp_path):
    tree = region_tree(index_of(tmp_path, ["2025-01-06"] * 4, ["iraq", "iraq", "iraq", "syria"]))
    widths = {row.slug: row.bar_width for row in tree.rows}
    assert widths["middle-east"] == pytest.approx(widths["iraq"] * 4 / 3, rel=0.01)
    assert widths["iraq"] == pytest.approx(widths["syria"] * 3, rel=0.01)
    assert tree.height >= len(tree.rows) * 26
