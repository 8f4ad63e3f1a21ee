"""Hostile content ends up inert: curator strings escaped once everywhere, bodies sanitised.

A site is built from a tree whose every string is an attack; the output (page HTML, <title>, the
header, the nav, meta and link tags, the search index, the feeds, the data files) is then parsed and
grepped.
"""
from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_tree import (
    ACTOR,
    ALSO,
    ATTRIBUTE_BREAKER,
    QUOTE,
    REGION,
    SOURCE,
    SPEAKER,
    SUMMARY,
    THEME,
    TITLE,
    build_hostile_site,
)
from markupsafe import escape
from served_search import fragments

from digest.site.bodies import BodyRenderer

DOUBLE_ESCAPED = ("&amp;lt;", "&amp;gt;", "&amp;amp;", "&amp;#", "&amp;quot;")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


def text(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


class Elements(HTMLParser):
    """Every start tag with its attributes (entities decoded), and the text of each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def elements(markup: str) -> Elements:
    parser = Elements()
    parser.feed(markup)
    return parser


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "xlink:href", "data")


def active_content(markup: str) -> list[str]:
    """Everything in a page that could run or load what content put there."""
    found = elements(markup)
    active = [f"<script>{s.strip()[:40]}" for s in found.scripts if "alert(" in s]
    for tag, attrs in found.tags:
        active += [f"<{tag} {name}>" for name in attrs if name.startswith("on")]
        for name in URL_ATTRIBUTES:
            scheme = re.sub(r"[\x00-\x20]", "", attrs.get(name, "")).lower()
            if scheme.startswith(("javascript:", "data:", "vbscript:")):
                active.append(f"<{tag} {name}={attrs[name][:30]}>")
        if tag in ("iframe", "object", "embed", "base", "style") or (
            tag == "form" and "evil" in attrs.get("action", "")
        ):
            active.append(f"<{tag}>")
    return active


def test_no_page_holds_anything_that_could_run(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        assert active_content(page.read_text(encoding="utf-8")) == [], page.relative_to(site)


def markup_and_plain_text(site: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Every piece of output that is HTML, and every piece that is plain text, by where it is."""
    markup = {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    plain = {}
    for location, fragment in fragments(site).items():
        plain[f"search: {location} title"] = fragment["meta"]["title"]
        plain[f"search: {location} text"] = fragment["content"]
    for path in site.rglob("feed.json"):
        for n, item in enumerate(json.loads(path.read_text(encoding="utf-8"))["items"]):
            markup[f"{path.relative_to(site)} item {n}"] = item.get("content_html", "")
            plain[f"{path.relative_to(site)} item {n} title"] = item["title"]
    for path in site.rglob("feed.xml"):
        for n, node in enumerate(ET.fromstring(path.read_bytes()).iter()):
            is_html = node.get("type") == "html" or node.tag.endswith(("content", "description"))
            (markup if is_html else plain)[f"{path.relative_to(site)} node {n}"] = node.text or ""
    return markup, plain


def test_nothing_is_escaped_twice(site):
    markup, plain = markup_and_plain_text(site)
    for where, value in markup.items():
        assert not [marker for marker in DOUBLE_ESCAPED if marker in value], where
    for where, value in plain.items():
        assert not re.search(r"&(?:lt|gt|amp|quot|#\d+);", value), where


def test_the_title_is_escaped_once_in_title_header_h1_and_nav(site):
    page = text(site, "articles/hostile/index.html")
    escaped = html.escape(TITLE, quote=False)
    assert f"<title>{html.escape(TITLE)} - Test digest</title>" in page
    header = re.search(
        r'<div class="md-header__topic" data-md-component="header-topic">\s*'
        r'<span class="md-ellipsis">\s*(.*?)\s*</span>',
        page,
        re.S,
    )
    assert header and html.unescape(header.group(1)) == TITLE
    assert f"<h1>{escaped}</h1>" in page
    nav = re.findall(
        r'<a href="[^"]*articles/hostile/" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>',
        text(site, "index.html"),
        re.S,
    )
    assert nav and {html.unescape(n) for n in nav} == {TITLE}


def test_curator_strings_read_back_as_typed_on_the_article_page(site):
    page = text(site, "articles/hostile/index.html")
    for value in (SUMMARY, REGION, ACTOR, THEME, SOURCE, SPEAKER, QUOTE, ALSO):
        assert str(escape(value)) in page, value


def test_registry_strings_are_escaped_on_their_pages(site):
    assert "&lt;script&gt;alert(10)&lt;/script&gt; desc" in text(site, "regions/middle-east/index.html")
    iraq = text(site, "regions/iraq/index.html")
    assert "&lt;img src=x onerror=alert(11)&gt;" in iraq
    assert f"<title>{html.escape(REGION)} - Test digest</title>" in iraq
    evil = text(site, "actors/evil/index.html")
    assert "&lt;/span&gt;&lt;script&gt;alert(12)&lt;/script&gt;" in evil
    assert str(escape(ATTRIBUTE_BREAKER)) in evil
    assert str(escape(ACTOR)) in text(site, "actors/other/index.html")
    assert "&lt;iframe src=javascript:alert(14)&gt;&lt;/iframe&gt;" in text(site, "themes/t/index.html")


def test_listings_escape_titles_and_summaries(site):
    for page in (
        "index.html",
        "regions/iraq/index.html",
        "actors/evil/index.html",
        "themes/t/index.html",
        "digest/2025-W03/index.html",
    ):
        markup = text(site, page)
        assert str(escape(TITLE)) in markup, page
        assert str(escape(SUMMARY)) in markup, page


def test_the_search_index_holds_titles_as_the_curator_wrote_them(site):
    """Pagefind's index holds plain text (its worker escapes titles before Material shows them as markup)."""
    docs = fragments(site)
    assert docs["articles/hostile/"]["meta"]["title"] == TITLE
    assert docs["regions/iraq/"]["meta"]["title"] == REGION
    assert docs["actors/evil/"]["meta"]["title"] == ACTOR
    assert docs["themes/t/"]["meta"]["title"] == THEME


def test_feed_autodiscovery_links_carry_names_as_text(site):
    links = [
        attrs
        for tag, attrs in elements(text(site, "actors/evil/index.html")).tags
        if tag == "link" and attrs.get("rel") == "alternate"
    ]
    assert links and all(attrs["href"].startswith(("../../", "feed", "statements.")) for attrs in links)
    assert any(ACTOR in attrs["title"] for attrs in links)


def test_feeds_carry_curator_text_as_text(site):
    atom_titles = []
    for path in sorted(site.rglob("feed.xml")):
        root = ET.fromstring(path.read_bytes())
        atom_titles += [node.text for node in root.iter() if node.tag.endswith("title")]
    assert TITLE in atom_titles
    for path in sorted([*site.rglob("feed.json"), *site.rglob("statements.json")]):
        feed = json.loads(path.read_text(encoding="utf-8"))
        for item in feed["items"]:
            assert "<script" not in item.get("content_html", ""), path
            assert active_content(item.get("content_html", "")) == [], path
    items = json.loads(text(site, "feed.json"))["items"]
    assert TITLE in [item["title"] for item in items]


def test_data_files_hold_the_values_as_typed(site):
    for path in sorted((site / "data").glob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))  # valid JSON whatever the strings hold
    articles = json.loads(text(site, "data/articles.json"))
    records = articles["articles"] if isinstance(articles, dict) else articles
    assert TITLE in [record["title"] for record in records]


def test_the_body_is_sanitised_in_the_built_page(site):
    page = text(site, "articles/hostile/index.html")
    body = page[page.index('<div class="digest-body">'):]
    body = body[: body.index("</div>")]
    assert "<strong>Bold</strong>, <em>italic</em>, <code>code</code>" in body
    assert '<a href="https://example.org/report" rel="noopener noreferrer">a source</a>' in body
    assert "alert(" not in body
    assert "evil.example" not in body


# The body sanitiser itself --------------------------------------------------------------------------

@pytest.mark.parametrize("markdown, expected", [
    ("<script>alert(1)</script>ok", "ok"),
    ('<a href="javascript:alert(1)">x</a>', '<p><a rel="noopener noreferrer">x</a></p>'),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', '<p><a rel="noopener noreferrer">x</a></p>'),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', '<p><a rel="noopener noreferrer">x</a></p>'),
    ('<a href=" javascript:alert(1)">x</a>', '<p><a rel="noopener noreferrer">x</a></p>'),
    ("[x](javascript:alert(1))", '<p><a rel="noopener noreferrer">x</a></p>'),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", '<p><a rel="noopener noreferrer">x</a></p>'),
    ('<img src="data:image/png;base64,AAA" onerror="alert(1)">', "<img>"),
    ('<p onclick="alert(1)" style="color:red">p</p>', "<p>p</p>"),
    ("<details open ontoggle=alert(1)><summary>s</summary>d</details>", "<details><summary>s</summary>d</details>"),
    ("<svg onload=alert(1)><circle/></svg>", "<p></p>"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "<p></p>"),
    ("<iframe src=https://evil.example></iframe>", ""),
    ("<style>body{}</style>t", "t"),
    ("<form action=https://evil.example><input name=x></form>", ""),
    ("<object data=x></object><embed src=x>", "<p></p>"),
    ('<meta http-equiv=refresh content="0;url=https://evil.example">', ""),
    ("<base href=https://evil.example/>", ""),
    ('<img src="&#x01;https://evil.example/ctl.png">', "<img>"),
    ('<img src="/&#x0A;/evil.example/nl.png">', "<img>"),
    ('<img src=" \t//evil.example/sp.png">', "<img>"),
    ('<div markdown="1">\n\n*x*\n\n</div>', "<div>\n<p><em>x</em></p>\n</div>"),
    ('<a id="main" href="#main">x</a>', '<p><a href="#main" rel="noopener noreferrer">x</a></p>'),
])
def test_hostile_html_in_a_body_is_made_inert(markdown, expected):
    assert BodyRenderer()(markdown) == expected


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ("**b** *i* `c`", "<p><strong>b</strong> <em>i</em> <code>c</code></p>"),
        ("- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
        ("> q", "<blockquote>\n<p>q</p>\n</blockquote>"),
        ("## Heading", "<h2>Heading</h2>"),
        (
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>",
        ),
        ("    code <b>", "<pre><code>code &lt;b&gt;</code></pre>"),
        (
            "<https://example.org>",
            '<p><a href="https://example.org" rel="noopener noreferrer">https://example.org</a></p>',
        ),
        (
            "[mail](mailto:desk@example.org)",
            '<p><a href="mailto:desk@example.org" rel="noopener noreferrer">mail</a></p>',
        ),
        ("![map](../images/map.png)", '<p><img src="../images/map.png" alt="map"></p>'),
    ],
)
def test_ordinary_formatting_survives(markdown, expected):
    assert BodyRenderer()(markdown) == expected


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ("~~gone~~", "<p><del>gone</del></p>"),
        (
            "Said so[^1].\n\n[^1]: In the second report.",
            '<p>Said so<sup><a href="#1" rel="noopener noreferrer">1</a></sup>.</p>\n'
            "<div><sup>1</sup>\n<p>In the second report.</p>\n</div>",
        ),
        ("Ceasefire\n: a pause in the fighting", "<dl>\n<dt>Ceasefire</dt>\n<dd>a pause in the fighting</dd>\n</dl>"),
        ("- a\n  - b", "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>"),
    ],
)
def test_commonmark_with_the_extras(markdown, expected):
    """Notes are CommonMark with strikethrough, tables, footnotes and definition lists; lists nest by
    their parent's indentation."""
    assert BodyRenderer()(markdown) == expected


def test_links_never_open_a_tab_that_can_reach_back():
    """target is dropped, and every link gets rel="noopener noreferrer" whatever it had."""
    assert BodyRenderer()('<a href="https://example.org" target="_blank" rel="opener">e</a>') == (
        '<p><a href="https://example.org" rel="noopener noreferrer">e</a></p>')


@pytest.mark.parametrize("markdown, expected", [
    ('![alt](https://example.org/i.png "t")', '<p><img title="t" alt="alt"></p>'),
    ('<img src="//tracker.example/pixel.gif" alt="a">', '<img alt="a">'),
    ('<img src="\\\\tracker.example/pixel.gif">', "<img>"),
    ('<img src=" HTTP://tracker.example/p.gif">', "<img>"),
])
def test_images_from_other_hosts_are_not_loaded(markdown, expected):
    """The built site asks no other host for anything: a pasted tracking pixel must not load."""
    assert BodyRenderer()(markdown) == expected
