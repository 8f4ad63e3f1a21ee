"""Listings: an article's entry, a registry entry's name link and an activity chart's bar and row
are rendered once per build and placed, with each page's own link, on every page that shows them;
the repository's templates write the entry every listing shows."""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import jinja2
import pytest
from trees import REPO

from digest.model import Actor, Article, Region, Source
from digest.site.activity import Activity, WeekBar
from digest.site.listings import Listings
from digest.site.render import PageLinks, environment
from digest.site.urls import Links

LINKS = Links(directory_urls=True)


def published(slug: str, title: str, language: str = "en", summary: str = "What happened.") -> Article:
    return Article(slug=slug, title=title, published=dt.datetime(2025, 1, 24, tzinfo=dt.UTC),
                   source=Source("Reuters"), regions=("iraq",), summary=summary, path=f"{slug}.md", language=language)


def counting_listings(macros: str) -> tuple[Listings, list[str]]:
    """Listings over a one-template environment whose entry macro records each article it renders."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"_macros.j2": macros}), autoescape=True)
    rendered: list[str] = []
    env.globals["seen"] = lambda slug: rendered.append(slug) or ""
    return Listings(env), rendered


ENTRY = (
    '{% macro article_entry(a, summaries, href) %}{{ seen(a.slug) }}<li><a href="{{ href }}">{{ a.title }}</a></li>'
    "{% endmacro %}"
)


def test_an_entry_is_rendered_once_and_linked_from_each_page():
    listings, rendered = counting_listings(ENTRY)
    first, second = published("first", "Talks <resume>"), published("second", "A vote")
    on_region = listings.listing([first, second], PageLinks("regions/iraq.md", LINKS))
    on_older_page = listings.listing([first], PageLinks("regions/iraq/page/2.md", LINKS))
    on_related = listings.listing([first], PageLinks("articles/second.md", LINKS))
    assert rendered == ["first", "second"]
    assert on_region == ('<li><a href="../../articles/first/">Talks &lt;resume&gt;</a></li>\n'
                         '<li><a href="../../articles/second/">A vote</a></li>')
    assert on_older_page == '<li><a href="../../../../articles/first/">Talks &lt;resume&gt;</a></li>'
    assert on_related == '<li><a href="../first/">Talks &lt;resume&gt;</a></li>'


def test_entries_with_and_without_summaries_are_rendered_apart():
    listings, rendered = counting_listings(
        '{% macro article_entry(a, summaries, href) %}{{ seen(a.slug) }}<li><a href="{{ href }}">{{ a.title }}</a>'
        "{% if summaries %} {{ a.summary }}{% endif %}</li>{% endmacro %}"
    )
    article = published("first", "Talks", summary="Both sides met.")
    link = PageLinks("index.md", LINKS)
    assert listings.listing([article], link) == '<li><a href="articles/first/">Talks</a> Both sides met.</li>'
    assert listings.listing([article], link, summaries=False) == '<li><a href="articles/first/">Talks</a></li>'
    assert listings.listing([article], link) == '<li><a href="articles/first/">Talks</a> Both sides met.</li>'
    assert rendered == ["first", "first"]


def test_an_entry_macro_that_places_no_link_is_a_template_problem():
    listings, _ = counting_listings('{% macro article_entry(a, summaries, href) %}<li>{{ a.title }}</li>{% endmacro %}')
    message = "_macros.j2: the article_entry macro must place its href"
    with pytest.raises(jinja2.TemplateRuntimeError, match=re.escape(message)):
        listings.listing([published("first", "Talks")], PageLinks("index.md", LINKS))


def test_the_repository_entry_carries_language_date_source_and_summary():
    env = environment(REPO / "templates" / "pages")
    listings = Listings(env)
    arabic = published("talks", "محادثات", language="ar", summary="ملخص")
    assert listings.listing([arabic], PageLinks("themes/security.md", LINKS)) == (
        '<li lang="ar" dir="rtl"><a class="digest-list__title" href="../../articles/talks/">محادثات</a>'
        '<span class="digest-list__meta" lang="en" dir="ltr"><time datetime="2025-01-24">24 January 2025</time>'
        ' · <span>Reuters</span></span><span class="digest-list__summary">ملخص</span></li>'
    )


def test_a_name_link_is_rendered_once_and_linked_from_each_page():
    listings, rendered = counting_listings(
        '{% macro name_link(entry, href) %}{{ seen(entry.slug) }}<a href="{{ href }}">{{ entry.name }}</a>'
        "{% endmacro %}"
    )
    regions = {"iraq": Region("iraq", "Iraq"), "gaza": Region("gaza", "Gaza & the Strip")}
    on_article = listings.name_links(["iraq", "gaza"], regions, "region", PageLinks("articles/x.md", LINKS))
    on_region = listings.name_links(["gaza"], regions, "region", PageLinks("regions/iraq.md", LINKS))
    assert on_article == (
        '<a href="../../regions/iraq/">Iraq</a>, <a href="../../regions/gaza/">Gaza &amp; the Strip</a>'
    )
    assert on_region == '<a href="../gaza/">Gaza &amp; the Strip</a>'
    # in its own section a link is the same from every page as deep, but from its own entry's later pages
    assert listings.name_links(["iraq"], regions, "region", PageLinks("regions/gaza.md", LINKS)) == (
        '<a href="../iraq/">Iraq</a>'
    )
    assert listings.name_links(["iraq", "gaza"], regions, "region", PageLinks("regions/iraq/page/2.md", LINKS)) == (
        '<a href="../../">Iraq</a>, <a href="../../../gaza/">Gaza &amp; the Strip</a>'
    )
    assert listings.name_links(["gaza"], regions, "region", PageLinks("themes/security.md", LINKS)) == (
        '<a href="../../regions/gaza/">Gaza &amp; the Strip</a>'
    )
    assert rendered == ["iraq", "gaza"]


def test_the_repository_name_link_marks_arabic_names():
    listings = Listings(environment(REPO / "templates" / "pages"))
    actors = {"hamas": Actor("hamas", "حماس", "armed-group")}
    assert listings.name_links(["hamas"], actors, "actor", PageLinks("index.md", LINKS)) == (
        '<a href="actors/hamas/" lang="ar" dir="rtl">حماس</a>'
    )


def week_bar(week: str, count: str, y: str) -> WeekBar:
    return WeekBar(week, week, "13–19 January 2025", count, f"{week}: {count}", count, "10", y, "4", "8", "9", "6")


def test_a_week_bar_is_rendered_once_for_every_chart_that_draws_it_alike():
    listings, rendered = counting_listings(
        '{% macro week_bar(bar, plot, href) %}{{ seen(bar.week) }}<a href="{{ href }}"><rect y="{{ bar.y }}"'
        ' height="{{ plot[3] - plot[1] }}"/></a>{% endmacro %}'
        '{% macro week_row(bar, href) %}{{ seen(bar.week + " row") }}<tr><td><a href="{{ href }}">{{ bar.name }}</a>'
        "</td><td>{{ bar.count }}</td></tr>{% endmacro %}"
    )
    plot = SimpleNamespace(plot=(40, 10, 600, 110))
    same, taller = week_bar("2025-W03", "4", "60"), week_bar("2025-W04", "4", "20")
    on_actor = Activity(plot, (same, taller))
    on_region = Activity(plot, (same, week_bar("2025-W04", "4", "50")))  # another scale: another bar
    assert listings.week_bars(on_actor, PageLinks("actors/x.md", LINKS)) == (
        '<a href="../../digest/2025-W03/"><rect y="60" height="100"/></a>\n'
        '<a href="../../digest/2025-W04/"><rect y="20" height="100"/></a>'
    )
    assert listings.week_bars(on_region, PageLinks("regions/iraq/page/2.md", LINKS)).startswith(
        '<a href="../../../../digest/2025-W03/"><rect y="60" height="100"/></a>\n'
    )
    assert listings.week_rows(on_region, PageLinks("regions/iraq.md", LINKS)) == (
        '<tr><td><a href="../../digest/2025-W04/">2025-W04</a></td><td>4</td></tr>\n'
        '<tr><td><a href="../../digest/2025-W03/">2025-W03</a></td><td>4</td></tr>'
    )
    assert rendered == ["2025-W03", "2025-W04", "2025-W04", "2025-W04 row", "2025-W03 row"]


def test_a_month_of_the_line_of_months_is_rendered_once_and_linked_from_each_page_of_the_listing():
    listings, rendered = counting_listings(
        '{% macro month_link(month, href) %}{{ seen(month.short) }}<a href="{{ href }}">{{ month.short }}</a>'
        "{% endmacro %}"
    )
    months = [SimpleNamespace(target=f"regions/iraq/page/{page}.md#month-2025-0{m}", title=f"{m}", short=f"M{m}")
              for page, m in ((2, 2), (3, 1))]
    on_second = listings.month_links(months, PageLinks("regions/iraq/page/2.md", LINKS))
    on_third = listings.month_links(months, PageLinks("regions/iraq/page/3.md", LINKS))
    assert on_second == '<a href="#month-2025-02">M2</a> <a href="../3/#month-2025-01">M1</a>'
    assert on_third == '<a href="../2/#month-2025-02">M2</a> <a href="#month-2025-01">M1</a>'
    assert rendered == ["M2", "M1"]


def test_the_repository_week_link_names_the_week_and_its_dates_once_for_all_its_articles():
    listings = Listings(environment(REPO / "templates" / "pages"))
    rendered = []
    listings._render = lambda macro, args, render=listings._render: rendered.append(args) or render(macro, args)
    on_article = listings.week_link("2025-W03", PageLinks("articles/x.md", LINKS))
    on_other = listings.week_link("2025-W03", PageLinks("articles/y.md", LINKS))
    assert on_article == on_other == (
        '<a href="../../digest/2025-W03/">2025-W03</a> (<time datetime="2025-W03">13–19 January 2025</time>)'
    )
    assert listings.week_link("2025-W03", PageLinks("digest/2025-W04.md", LINKS)).startswith('<a href="../2025-W03/">')
    assert rendered == [("2025-W03",)]
