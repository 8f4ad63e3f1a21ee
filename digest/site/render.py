"""The page catalogue (pages.py) -> {page source path: page source}, through the Jinja2 templates in
templates/pages.

Each page source is Markdown for MkDocs: a front matter block (title, search exclusion) and the
template's output, which is mostly compact HTML (link-heavy Markdown is slow to convert).
Writes nothing but Jinja's compiled templates, where asked to (template_cache.py); knows nothing of MkDocs.
"""
from __future__ import annotations

import functools
import html
import json
import re
import traceback
from collections.abc import Callable, Iterable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.meta
import jinja2.nodes
from markupsafe import Markup

from digest.group.index import Index, lineage, week_of
from digest.group.trends import Trends
from digest.memo import Memo, file_stamp
from digest.pictures.charts import svg_number
from digest.site.bodies import BodyRenderer
from digest.site.dates import (
    long_date,
    time_tag,
    week_name,
    week_span,
    week_tag,
    week_title,
)
from digest.site.languages import language_attrs, script_attrs, svg_lang, ui_attrs
from digest.site.listings import Listings
from digest.site.literal_words import LiteralWords
from digest.site.pages import PageSpec
from digest.site.sentences import trend_word
from digest.site.template_cache import template_cache
from digest.site.urls import Links, entry_folder, page_src, relative, top, up
from digest.words import ENGLISH, Words

if TYPE_CHECKING:
    from digest.site.feeds import Catalogue

YAML_REFUSED = re.compile("[\x7f-\x9f\ufffe\uffff]")
"""MkDocs reads the JSON front matter as YAML, which refuses these characters (and reads U+0085 as a
line break) unless they are escaped; JSON leaves them as they are. (A pattern, not str.translate:
translate looks up every character of every page's front matter.)"""


class PageLinks:
    """Links from one page, for templates: link.region('iraq') -> '../iraq/'."""

    def __init__(self, src: str, links: Links):
        self.src, self._links, self._folder = src, links, links.folder(src)
        self.up, self.top = up(self._folder), top(self._folder)
        """The way to the site's root ('../../') and the page's first folder ('regions'; '' for the root)."""
        self.entry_folder = entry_folder(self._folder)
        """The page's second folder: the entry it is a page of ('iraq' for regions/iraq/ and
        regions/iraq/page/2/); None for a page in its section's own folder."""

    def to(self, target: str) -> str:
        """To a page source or a site file, and to a place in it ('regions/iraq.md#month-2025-01');
        a place on this page is its fragment alone."""
        target, mark, place = target.partition("#")
        if place and target == self.src:
            return mark + place
        return relative(self._folder, self._links.dest(target)) + mark + place

    def section(self, kind: str) -> str:
        return self.to(page_src(kind))

    def article(self, slug: str) -> str:
        return self.to(page_src("article", slug))

    def entry(self, kind: str, slug: str) -> str:
        """A registry entry's page by its page kind: link.entry('region', 'iraq')."""
        return self.to(page_src(kind, slug))

    def region(self, slug: str) -> str:
        return self.to(page_src("region", slug))

    def actor(self, slug: str) -> str:
        return self.to(page_src("actor", slug))

    def theme(self, slug: str) -> str:
        return self.to(page_src("theme", slug))

    def week(self, key: str) -> str:
        return self.to(page_src("week", key))


class _Environment(jinja2.Environment):
    """Jinja2's environment with each template's globals in one dict. Jinja2 chains them to the
    environment's (collections.ChainMap), which every page's context, include and import walks
    again (some 0.1 s of CPU at 3,000 articles); digest sets its globals before any template
    loads, as make_globals asks."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


def environment(
    templates_dir: Path, words: Words = ENGLISH, compiled: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    """Templates with digest's words in the site's language: {{ _("...") }}, {% trans %} and ngettext
    through Jinja2's i18n extension, dates and numbers through Babel; compiled templates kept in
    `compiled` (site/template_cache.py) between builds."""
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # an environment lives for one build: no template file is checked again per page
        extensions=["jinja2.ext.i18n", LiteralWords],
        bytecode_cache=compiled,
    )
    env.policies["ext.i18n.trimmed"] = True  # a {% trans %} block's line breaks are not part of its message
    env.install_gettext_translations(words.translations, newstyle=True)
    env.literal_gettext = words.translations.gettext  # type: ignore[attr-defined]
    # `_` straight to the newstyle gettext: the extension's own `_` looks gettext up in the context
    # again on each of the build's some 45,000 calls (no page context overrides gettext)
    env.globals["_"] = env.globals["gettext"]
    worded = {"long_date": long_date, "week_span": week_span, "time_tag": time_tag, "week_tag": week_tag,
              "week_name": week_name, "week_title": week_title, "trend_word": trend_word}
    env.filters.update({name: functools.partial(write, words=words) for name, write in worded.items()})
    env.filters.update(week_of=week_of, num=svg_number, number=words.number)
    site = words.language
    env.filters.update(
        script_attrs=_markup(lambda text, within=site: script_attrs(text, within)),
        svg_lang=_markup(lambda text: svg_lang(text, site)),
        named=lambda text: _named(text, script_attrs(text, site)),
        language_attrs=_markup(lambda language: language_attrs(language, site)),
        ui_attrs=_markup(lambda within: ui_attrs(within, site)),
    )
    return env


def _named(text: str, attrs: str) -> Markup | str:
    """A name inside a block of the site's words: in a span with its own lang and dir where it needs
    them (the block keeps the site's alignment), else as it is."""
    return Markup(f"<span{attrs}>{html.escape(text, quote=False)}</span>") if attrs else text


def _markup(attrs: Callable[..., str]) -> Callable[..., Markup]:
    """Attributes built from fixed words and validated language tags are safe to insert as they are."""
    return lambda *args: Markup(attrs(*args))


CONTENT_ERRORS = (ArithmeticError, AttributeError, LookupError, TypeError, ValueError)
"""What a template expression raises when it does not fit the content (`article.title + 1`)."""


class TemplateFailure(Exception):
    """A page template failed: its own error (syntax, an undefined name), or one of its expressions
    on the content. Where: the innermost template line the error passed through."""

    def __init__(self, error: Exception, template: Path):
        path, line = getattr(error, "filename", None), getattr(error, "lineno", None)
        if path is None:
            frames = _template_frames(error)
            path, line = (frames[-1].filename, frames[-1].lineno) if frames else (template, 1)
        self.path, self.line = Path(path), line or 1
        self.message = getattr(error, "message", None) or f"{type(error).__name__}: {error}"
        super().__init__(f"{self.path}:{self.line}: {self.message}")


def _yaml_safe(text: str) -> str:
    return YAML_REFUSED.sub(lambda refused: f"\\u{ord(refused.group()):04x}", text)


def page_body(page: str) -> str:
    """What MkDocs reads as a page's Markdown, after its front matter: the page's HTML (render_page)."""
    return page[page.index("\n---\n", 3) + 5:].lstrip("\n")


def page_meta(page: str) -> dict[str, Any]:
    """A page's front matter (render_page writes it as JSON, which YAML reads the same)."""
    return json.loads(page[4 : page.index("\n---\n", 3)])


def _template_frames(error: BaseException) -> list[traceback.FrameSummary]:
    return [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]


SHARED_NAMES = frozenset({"link", "registries", "body", "title", "lineage", "site_name"})
"""The names of a page's context, besides its PageSpec context, that a reused page may depend on:
links follow from the page's source and the settings, the rest from the settings and the registries
(memo.BuildCache.output_for empties the memo when those or the templates change)."""


class Renderer:
    def __init__(
        self, templates_dir: Path, links: Links, site_name: str, bodies: Memo | None = None, pages: Memo | None = None,
        words: Words = ENGLISH, template_cache_dir: Path | None = None,
    ):
        self.templates_dir = templates_dir
        self.words = words
        compiled = template_cache(template_cache_dir, words) if template_cache_dir else None
        self.env = environment(templates_dir, words, compiled)
        listings = Listings(self.env, words.gettext(", "))
        self.env.globals.update(
            listing=listings.listing, name_links=listings.name_links, week_link=listings.week_link,
            week_bars=listings.week_bars, week_rows=listings.week_rows, month_links=listings.month_links,
        )
        self.links = links
        self.site_name = site_name
        self.body = BodyRenderer(bodies)
        self.pages = pages if pages is not None else Memo(keep=False)
        self._reads: dict[str, frozenset[str]] = {}

    def render(
        self, specs: Iterable[PageSpec], index: Index, trends: Trends, feeds: Catalogue,
        searched: Callable[[str, str], None] | None = None,
    ) -> dict[str, str]:
        """The pages of specs, keyed by source path, in sorted order; searched is called with each
        page readers search (PageSpec.searched: source path, text) as soon as it is made."""
        pages = {}
        for spec in specs:
            pages[spec.src] = self.render_page(spec, index, trends, feeds)
            if searched is not None and spec.searched:
                searched(spec.src, pages[spec.src])
        return dict(sorted(pages.items()))

    def render_page(self, spec: PageSpec, index: Index, trends: Trends, feeds: Catalogue) -> str:
        context = {
            "index": index,
            "registries": index.registries,
            "link": PageLinks(spec.src, self.links),
            "trends": trends,
            "body": self.body,
            "title": spec.title,
            "site_name": self.site_name,
            "lineage": lambda slug: list(lineage(index.registries, slug)),
            "feed": feeds.own(spec.src),
            "statements_feed": feeds.statements(spec.src),
            **spec.context,
        }
        try:
            text = self.template_text(spec, context, lambda: self.env.get_template(spec.template).render(context))
        except jinja2.TemplateError as error:
            raise TemplateFailure(error, self.templates_dir / spec.template) from error
        except CONTENT_ERRORS as error:
            if not _template_frames(error):
                raise  # not the template's: a bug in the code
            raise TemplateFailure(error, self.templates_dir / spec.template) from error
        # MkDocs and Material put the title into <title>, the header, the nav and the search index
        # as HTML, unescaped: it must be HTML already, or a curator's '<' would become markup.
        meta: dict[str, Any] = {"title": html.escape(spec.title)}
        if not spec.searched:
            meta["search"] = {"exclude": True}
        alternates = feeds.alternates(spec.src) if feeds else []
        if alternates:
            meta["feeds"] = alternates  # for <link rel="alternate"> in the theme's <head>
        return f"---\n{_yaml_safe(json.dumps(meta, ensure_ascii=False, sort_keys=True))}\n---\n\n{text}"

    def template_text(self, spec: PageSpec, context: dict[str, Any], render: Callable[[], str]) -> str:
        """render(), or what it gave the last build when the context names the page's template reads
        (SHARED_NAMES aside) are unchanged: after one article edit
        (mkdocs serve) most pages are not rendered again. A template reading something that cannot be
        compared (the index, the trends) is always rendered."""
        if not self.pages.keep:
            return render()
        # a name read but not in the context is the template's own ({% set %} in a branch)
        names = sorted((self.reads(spec.template) - SHARED_NAMES) & context.keys())
        key = (spec.src, spec.template, spec.title, tuple((name, context[name]) for name in names))
        if not _hashable(key):
            return render()
        return self.pages.get(key, render)

    def reads(self, template: str) -> frozenset[str]:
        """The context names a template and the templates it includes read.

        Imported macros see only their arguments."""
        if template not in self._reads:
            source, filename, _ = self.env.loader.get_source(self.env, template)
            # kept with the pages: a serve rebuild parses no template again unless one changed
            names, includes = self.pages.get(("reads", source), lambda: _reads(self.env, source, template, filename))
            self._reads[template] = names.union(*(self.reads(include) for include in includes))
        return self._reads[template]


def _reads(
    env: jinja2.Environment, source: str, name: str, filename: str | None
) -> tuple[frozenset[str], tuple[str, ...]]:
    """The names a template's source reads from its context, and the templates it includes."""
    tree = env.parse(source, name, filename)
    includes = tuple(
        node.template.value
        for node in tree.find_all(jinja2.nodes.Include)
        if isinstance(node.template, jinja2.nodes.Const)
    )
    return frozenset(jinja2.meta.find_undeclared_variables(tree)), includes


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def templates_stamp(templates_dir: Path) -> tuple:
    """Every template file with its modification time and size: rendered pages are only reused
    while this stays the same."""
    files = sorted(p for p in templates_dir.rglob("*") if p.is_file())
    return tuple(file_stamp(p) for p in files)


