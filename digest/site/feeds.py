"""Feeds: the Index -> {site path: bytes} for Atom (feed.xml) and JSON Feed 1.1 (feed.json).

One feed for the whole digest, one per region, actor and theme that has articles, one of the
weekly digests, and one of each quoted actor's statements (statements.xml beside its feed.xml).
Knows nothing of MkDocs or files. No clock: every date comes from the articles (a feed's date is
its newest item's), so the same content gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import io
import posixpath
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from feedgenerator import Atom1Feed, SimplerXMLGenerator

from digest.group.index import Index
from digest.group.statements import Statement
from digest.memo import Memo
from digest.model import Article, Source
from digest.site.dates import long_date, week_label
from digest.site.json_text import indented
from digest.site.languages import language_attrs, script_attrs, text_language, ui_attrs
from digest.site.statements import quote_id
from digest.site.urls import SECTIONS, Links, feed_path, page_src
from digest.words import ENGLISH, Words

DEFAULT_FEED_ITEMS = 50
STATEMENT_TITLE = 90
"""The most characters of a quote in its item's title (after the speaker's name); the content has it all."""
ATOM_TYPE = "application/atom+xml"
JSON_FEED_TYPE = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FORMATS = (("xml", ATOM_TYPE, "Atom"), ("json", JSON_FEED_TYPE, "JSON Feed"))
"""(file extension, media type, name) of each format every feed is written in."""
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry (YAML lets a curator type them as escapes); the Atom writer refuses them."""
GROUPS = (("region", "regions", "by_region"), ("actor", "actors", "by_actor"), ("theme", "themes", "by_theme"))
"""(page kind, registry attribute, Index attribute) of each kind of group that has feeds."""
JSON_ITEM_INDENT = b"\n    "
"""Where an item's lines start in a JSON Feed document (indent 2): two levels down, in "items"."""


@dataclass(frozen=True)
class Feed:
    """What one feed follows; written twice, as Atom and as JSON Feed, beside the page it follows."""

    kind: str | None
    """'region', 'actor', 'theme', 'week' (the weekly digest), or None for the whole digest."""
    slug: str | None
    page: str
    """Source of the page the feed follows: 'regions/iraq.md'."""
    title: str
    name: str
    """What readers follow, for links: 'Iraq', 'the whole digest'."""
    description: str
    articles: tuple[Article, ...] = ()
    weeks: tuple[tuple[str, tuple[Article, ...]], ...] = ()
    """The weekly digest's items: (week key, its articles), newest week first."""
    statements: tuple[Statement, ...] = ()
    """An actor's statements feed's items, newest first; its file is statements.xml, not feed.xml."""

    def path(self, extension: str) -> str:
        return feed_path(self.kind, self.slug, extension, "statements" if self.statements else "feed")

    @property
    def place(self) -> str:
        """Where on its page the feed's items are: an actor's statements feed follows its section
        (and so has an id of its own beside the actor's articles feed)."""
        return "#statements" if self.statements else ""


class Catalogue:
    """Every feed the site has, and which feeds each page announces."""

    def __init__(self, index: Index, site_name: str, words: Words = ENGLISH):
        self.registries = index.registries
        self.words = words
        self.feeds = tuple(_feeds(index, site_name, words))
        self._by_page = {feed.page: feed for feed in self.feeds if not feed.statements}
        self._statements = {feed.page: feed for feed in self.feeds if feed.statements}

    def own(self, src: str) -> Feed | None:
        """The feed that follows the same thing as the page built from src, if there is one."""
        return self._by_page.get(src)

    def statements(self, src: str) -> Feed | None:
        """The statements feed of the actor whose page is built from src, if it has one."""
        return self._statements.get(src)

    def alternates(self, src: str) -> list[dict[str, str]]:
        """<link rel="alternate"> attributes for a page: its own feed, an actor's statements, the
        weekly digest's on week pages, then the whole digest's; site paths for the theme to make relative."""
        in_weeks = posixpath.dirname(src) == SECTIONS["week"]
        candidates = (self.own(src), self.statements(src), self.own(page_src("week")) if in_weeks else None,
                      self.own(page_src("home")))
        # keyed by path: no hashing of articles
        feeds = {feed.path("xml"): feed for feed in candidates if feed is not None}
        return [{"href": feed.path(ext), "type": media, "title": f"{feed.title} ({name})"}
                for feed in feeds.values() for ext, media, name in FORMATS]


def _feeds(index: Index, site_name: str, words: Words) -> Iterator[Feed]:
    if not index.articles:
        return
    _ = words.gettext
    yield Feed(
        None,
        None,
        page_src("home"),
        site_name,
        _("the whole digest"),
        _("Every published article, newest first."),
        index.articles,
    )
    yield Feed("week", None, page_src("week"), _("Weekly digest · %(site)s", site=site_name), _("the weekly digest"),
               _("One entry per ISO week, listing that week's articles."), weeks=tuple(index.by_week.items()))
    for kind, registry, groups in GROUPS:
        entries = getattr(index.registries, registry)
        for slug, articles in getattr(index, groups).items():
            if articles:
                entry = entries[slug]
                description = _text(entry.description or _group_description(kind, entry.name, words))
                yield Feed(
                    kind,
                    slug,
                    page_src(kind, slug),
                    _text(f"{entry.name} · {site_name}"),
                    entry.name,
                    description,
                    articles,
                )
    for slug, statements in index.statements.items():
        if statements:
            yield _statements_feed(index.registries.actors[slug].name, slug, bool(index.members[slug]),
                                   statements, site_name, words)


def _statements_feed(
    name: str, slug: str, members: bool, statements: tuple[Statement, ...], site_name: str, words: Words
) -> Feed:
    """An actor's statements: its own quotes and, for a group, its members' (index.statements)."""
    _ = words.gettext
    if members:
        follows = _("statements by %(name)s and its members", name=name)
        description = _("What %(name)s and its members said, as the digest's articles quote it, newest first.",
                        name=name)
    else:
        follows = _("statements by %(name)s", name=name)
        description = _("What %(name)s said, as the digest's articles quote it, newest first.", name=name)
    title = _text(_("%(name)s: statements · %(site)s", name=name, site=site_name))
    page = page_src("actor", slug)
    return Feed("actor", slug, page, title, _text(follows), _text(description), statements=statements)


def _group_description(kind: str, name: str, words: Words) -> str:
    """What a region's, actor's or theme's feed carries, for one without a description of its own."""
    if kind == "region":
        return words.gettext("Articles about %(name)s and its sub-regions, newest first.", name=name)
    if kind == "actor":
        return words.gettext("Articles that name %(name)s, newest first.", name=name)
    return words.gettext("Articles on %(name)s, newest first.", name=name)


@dataclass(frozen=True)
class Tag:
    name: str
    scheme: str | None
    """The section page of the tag's kind ('https://.../regions/'); None when links are relative."""


@dataclass(frozen=True)
class Item:
    """One feed entry, an article or a week, before it is written in either format."""

    id: str
    url: str
    title: str
    date: dt.datetime
    summary: str
    html: str
    language: str
    source: Source | None = None
    """Who reported it: the entry's author; its url is the original report."""
    tags: tuple[Tag, ...] = ()


@dataclass(frozen=True)
class Entry:
    """An item written in both formats, once per build, for every feed that carries it."""

    date: dt.datetime
    atom: bytes
    """The Atom <entry> element, in UTF-8 as every feed file has it."""
    json: bytes
    """The JSON Feed item, indented as it sits in a feed's "items", in UTF-8."""

    @classmethod
    def of(cls, item: Item) -> Entry:
        return cls(item.date, _atom_entry(item), _json_entry(item))


class FeedWriter:
    """Writes a Catalogue's feeds. Links are absolute from site_url; without it, relative to the feed."""

    def __init__(self, catalogue: Catalogue, site_name: str, links: Links, site_url: str | None = None,
                 limit: int = DEFAULT_FEED_ITEMS, memo: Memo | None = None):
        self.catalogue = catalogue
        self.site_name = site_name
        self.links = links
        self.site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.limit = limit
        self.memo = memo if memo is not None else Memo(keep=False)
        """Feeds written by the last build (mkdocs serve), by what they show; emptied by the caller
        when the settings or the registries change."""
        self._entries: dict[tuple[str, str], Entry] = {}
        """This build's article entries by (article slug, its address in the feed): an article is
        written once however many feeds carry it (with relative links, once per feed depth)."""

    def files(self) -> dict[str, bytes]:
        """Every feed file by site path, in sorted order."""
        files = {}
        for feed in self.catalogue.feeds:
            shown = ("feed", feed.path("xml"), feed.title, feed.name, feed.description,
                     feed.articles[: self.limit], feed.weeks[: self.limit], feed.statements[: self.limit])
            files.update(self.memo.get(shown, partial(self.write, feed)))
        return dict(sorted(files.items()))

    def write(self, feed: Feed) -> dict[str, bytes]:
        """The feed as Atom and as JSON Feed, by site path."""
        entries = self.entries(feed)
        return {feed.path("xml"): self.atom(feed, entries), feed.path("json"): self.json_feed(feed, entries)}

    def entries(self, feed: Feed) -> list[Entry]:
        """The feed's newest items, newest first, at most `limit` of them."""
        if feed.kind == "week":
            return [Entry.of(self.week_item(key, articles, feed)) for key, articles in feed.weeks[: self.limit]]
        if feed.statements:
            return [Entry.of(self.statement_item(statement, feed)) for statement in feed.statements[: self.limit]]
        return [self.article_entry(article, feed) for article in feed.articles[: self.limit]]

    def article_entry(self, article: Article, feed: Feed) -> Entry:
        """An article's entry depends on the feed only through the article's address in it."""
        key = (article.slug, self.url(page_src("article", article.slug), feed))
        if key not in self._entries:
            self._entries[key] = Entry.of(self.article_item(article, feed))
        return self._entries[key]

    def url(self, target: str, feed: Feed) -> str:
        """The address of a page source or site file as written in the feed's files."""
        if self.site_url:
            return self.site_url + self.links.dest(target)
        return self.links.href(feed.path("xml"), target)

    def id(self, src: str) -> str:
        """A page's id: its address in the served site (directory URLs, whatever this build's mode),
        so it changes neither with the title nor in the bundle. Without site_url, a URN of that path."""
        canonical = Links(directory_urls=True).dest(src)
        return self.site_url + canonical if self.site_url else "urn:digest:" + canonical

    def article_item(self, article: Article, feed: Feed) -> Item:
        src = page_src("article", article.slug)
        return Item(
            id=self.id(src),
            url=self.url(src, feed),
            title=_text(article.title),
            date=article.published,
            summary=_text(article.summary),
            html=_text(self.article_html(article)),
            language=article.language,
            source=Source(_text(article.source.name), article.source.url),
            tags=self.tags(article),
        )

    def tags(self, article: Article) -> tuple[Tag, ...]:
        """The article's regions, actors and themes, by name."""
        return tuple(self._tags[registry][slug] for _, registry, _ in GROUPS for slug in getattr(article, registry))

    @functools.cached_property
    def _tags(self) -> dict[str, dict[str, Tag]]:
        """Every registry entry's tag by registry and slug: the same in every entry and feed."""
        tags = {}
        for kind, registry, _ in GROUPS:
            scheme = self.site_url + self.links.dest(page_src(kind)) if self.site_url else None
            entries = getattr(self.catalogue.registries, registry)
            tags[registry] = {slug: Tag(_text(entry.name), scheme) for slug, entry in entries.items()}
        return tags

    def article_html(self, article: Article) -> str:
        source = _escape(article.source.name)
        if article.source.url:
            source = f'<a href="{html.escape(article.source.url)}">{source}</a>'
        words = self.catalogue.words
        date = long_date(article.published, words)
        reported = words.gettext("Reported by %(source)s on %(date)s.", source=source, date=date)
        return (f"<p{script_attrs(article.summary, words.language)}>{_escape(article.summary)}</p>\n"
                f"<p{ui_attrs(article.language, words.language)}>{reported}</p>")

    def statement_item(self, statement: Statement, feed: Feed) -> Item:
        """A quote: its id and link are its place on its article's page."""
        article, quote = statement.article, statement.quote
        words = self.catalogue.words
        src, place = page_src("article", article.slug), "#" + quote_id(statement.number)
        speaker = self.catalogue.registries.actors[quote.actor].name
        language = text_language(quote.text, article.language)
        url = self.url(src, feed) + place
        title = (f'<a href="{html.escape(url)}"{language_attrs(article.language, words.language)}>'
                 f"{_escape(article.title)}</a>")
        attribution = words.gettext(
            "— %(speaker)s, in %(article)s, reported by %(source)s on %(date)s.", speaker=_escape(speaker),
            article=title, source=_escape(article.source.name), date=long_date(article.published, words),
        )
        shortened = textwrap.shorten(quote.text, STATEMENT_TITLE, placeholder=" …")
        return Item(
            id=self.id(src) + place,
            url=url,
            title=_text(words.gettext("%(speaker)s: “%(quote)s”", speaker=speaker, quote=shortened)),
            date=article.published,
            summary=_text(quote.text),
            html=_text(f"<blockquote><p>{_escape(quote.text)}</p></blockquote>\n"
                       f"<p{ui_attrs(language, words.language)}>{attribution}</p>"),
            language=language,
            source=Source(_text(article.source.name), article.source.url),
            tags=self.tags(article),
        )

    def week_item(self, key: str, articles: tuple[Article, ...], feed: Feed) -> Item:
        src = page_src("week", key)
        words = self.catalogue.words
        count = len(articles)
        lines = "".join(
            f'<li{script_attrs(a.title, words.language)}>'
            f'<a href="{html.escape(self.url(page_src("article", a.slug), feed))}">'
            f"{_escape(a.title)}</a>"
            f" · {_escape(a.source.name)} · {long_date(a.published, words)}<br>{_escape(a.summary)}</li>\n"
            for a in articles
        )
        titles = words.gettext("; ").join(a.title for a in articles)
        heading = words.ngettext("%(num)s article this week:", "%(num)s articles this week:", count)
        return Item(
            id=self.id(src),
            url=self.url(src, feed),
            title=week_label(key, words, titled=True),
            date=articles[0].published,  # the week's newest article: the item changes when the week does
            summary=_text(
                words.ngettext("%(num)s article: %(titles)s", "%(num)s articles: %(titles)s", count, titles=titles)
            ),
            html=_text(f"<p>{_escape(heading)}</p>\n<ul>\n{lines}</ul>"),
            language=words.language,
        )

    def atom(self, feed: Feed, entries: list[Entry]) -> bytes:
        atom = _AtomFeed(
            max(entry.date for entry in entries),  # a feed has at least one entry: no clock
            title=feed.title,
            link=self.url(feed.page, feed) + feed.place,
            description=feed.description,
            author_name=self.site_name,
            feed_url=self.url(feed.path("xml"), feed),
            feed_guid=self.id(feed.page) + feed.place,
            language=self.catalogue.words.language,  # the feed's own words: its title and description
        )
        own = atom.writeString("utf-8").removesuffix("</feed>")  # the entries go last, as Atom1Feed.write puts them
        return own.encode() + b"".join(entry.atom for entry in entries) + b"</feed>"

    def json_feed(self, feed: Feed, entries: list[Entry]) -> bytes:
        data = {
            "version": JSON_FEED_VERSION,
            "title": feed.title,
            "description": feed.description,
            "language": self.catalogue.words.language,
            "authors": [{"name": self.site_name}],
            "items": [],
        }
        if self.site_url:
            data["home_page_url"] = self.url(feed.page, feed) + feed.place
            data["feed_url"] = self.url(feed.path("json"), feed)
        # the items go where they would have been written: no string holds a raw line break
        before, after = (indented(data) + b"\n").split(b'\n  "items": []')
        items = (b"," + JSON_ITEM_INDENT).join(entry.json for entry in entries)
        return before + b'\n  "items": [' + JSON_ITEM_INDENT + items + b"\n  ]" + after


class _AtomFeed(Atom1Feed):
    """Pelican's Atom writer for a feed's own elements: its entries are written beforehand (_atom_entry)
    and go after them; its <updated> is the newest entry's."""

    def __init__(self, updated: dt.datetime, **kwargs):
        super().__init__(**kwargs)
        self.updated = updated

    def latest_post_date(self) -> dt.datetime:
        return self.updated


class _AtomEntry(Atom1Feed):
    """Pelican's Atom writer for entries, plus what the digest's carry: their language, the original
    report as a rel="via" link, and categories with the scheme of their kind."""

    def item_attributes(self, item: dict) -> dict[str, str]:
        return {"xml:lang": item["language"]}

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        if item["via"]:
            handler.addQuickElement("link", "", {"href": item["via"], "rel": "via"})
        for tag in item["tags"]:
            handler.ignorableWhitespace(_category(tag))  # XMLGenerator writes this text unchanged


@functools.lru_cache(maxsize=4096)
def _category(tag: Tag) -> str:
    """A tag's <category> element, written once: the same tags recur in hundreds of entries."""
    out = io.StringIO()
    handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    handler.addQuickElement("category", "", {"term": tag.name, **({"scheme": tag.scheme} if tag.scheme else {})})
    return out.getvalue()


def _atom_entry(item: Item) -> bytes:
    writer = _AtomEntry(title=None, link=None, description=None)
    writer.add_item(
        title=item.title,
        link=item.url,
        description=_escape(item.summary),  # Atom1Feed writes the summary as HTML
        content=item.html,
        author_name=item.source.name if item.source else None,
        pubdate=item.date,  # also the entry's <updated>, and the newest one the feed's
        unique_id=item.id,
        language=item.language,
        via=item.source.url if item.source else None,
        tags=item.tags,
    )
    out = io.StringIO()
    writer.write_items(SimplerXMLGenerator(out, "utf-8", short_empty_elements=True))  # as Atom1Feed.write does
    return out.getvalue().encode()


def _json_entry(item: Item) -> bytes:
    return indented(_json_item(item)).replace(b"\n", JSON_ITEM_INDENT)


def _json_item(item: Item) -> dict:
    data = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "summary": item.summary,
        "content_html": item.html,
        "date_published": item.date.isoformat(),
        "language": item.language,
    }
    if item.source is not None:
        data["authors"] = [{"name": item.source.name}]
        if item.source.url:
            data["external_url"] = item.source.url
    if item.tags:
        data["tags"] = list(dict.fromkeys(tag.name for tag in item.tags))
    return data


def _text(value: str) -> str:
    return XML_ILLEGAL.sub("", value)


def _escape(text: str) -> str:
    """Text as HTML element content (quotes need no escaping there)."""
    return html.escape(text, quote=False)
