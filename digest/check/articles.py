"""Raw content -> the valid model plus every problem. Every check runs; nothing stops early."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from digest.check.aliases import AliasTable
from digest.check.fields import Fields, found, slug_problem
from digest.check.placeholders import is_placeholder, placeholder_problems
from digest.check.registries import CheckedRegistries, check_registries
from digest.model import Article, Content, Quote, Source
from digest.problems import ContentError, Problem, errors_in
from digest.read.tree import RawArticle, RawContent

ARTICLE_FIELDS = (
    "title", "date", "source", "regions", "summary", "actors", "themes",
    "language", "quotes", "also_published", "draft", "slug",
)
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
DATE_FORMS = "YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00"
DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")
YEARS = (1000, 2999)
"""Outside these a date is a typo, and week arithmetic near year 1 or 9999 would overflow."""


def validate(raw: RawContent, today: dt.date | None = None) -> tuple[Content, list[Problem]]:
    """The content that is valid, and every problem (errors and warnings), sorted."""
    checked = check_registries(raw)
    problems = list(raw.problems) + checked.problems
    articles = []
    slug_lines = {}
    for raw_article in raw.articles:
        checker = Fields(raw_article.path, raw_article.front)
        article = _article(raw_article, checker, checked, today or dt.date.today())
        problems += checker.problems
        if article is not None:
            articles.append(article)
            slug_lines[article.path] = raw_article.front.lines.get(("slug",), 1)
    problems += _duplicate_slugs(articles, slug_lines)
    articles.sort(key=lambda a: a.newest_first)
    return Content(checked.registries, tuple(articles)), sorted(problems)


def validated(raw: RawContent, today: dt.date | None = None) -> tuple[Content, list[Problem]]:
    """Like validate(), but raises ContentError with every problem when any is an error."""
    content, problems = validate(raw, today)
    if errors_in(problems):
        raise ContentError(problems)
    return content, problems


def _article(raw: RawArticle, checker: Fields, checked: CheckedRegistries, today: dt.date) -> Article | None:
    fields = checker.mapping(raw.front.value, (), "the front matter")
    if fields is None:
        return None
    checker.unknown_keys(fields, (), ARTICLE_FIELDS, "the front matter")
    before = len(checker.problems)
    title = checker.text(fields, "title", (), required=True)
    published = _published(fields, checker, today)
    source = _source(fields, checker)
    regions = _references(fields, "regions", checker, checked.tables["regions"], "region", required=True)
    actors = _references(fields, "actors", checker, checked.tables["actors"], "actor")
    themes = _references(fields, "themes", checker, checked.tables["themes"], "theme")
    summary = checker.text(fields, "summary", (), required=True)
    language = _language(fields, checker)
    quotes = _quotes(fields, checker, checked.tables["actors"])
    also = tuple(
        _link(item, where, checker)
        for item, where in checker.mapping_list(fields, "also_published", (), "name: and url:")
    )
    draft = checker.boolean(fields, "draft", (), default=False)
    for where, message, warning in placeholder_problems(fields, draft):
        checker.problem(where, message, warning)
    slug = _slug(fields, raw, checker)
    if any(not p.warning for p in checker.problems[before:]):
        return None
    return Article(
        slug=slug, title=title, published=published, source=source, regions=regions, summary=summary,
        path=raw.path, actors=actors, themes=themes, language=language, quotes=quotes,
        also_published=tuple(a for a in also if a is not None), draft=draft, body=raw.body,
    )


def _published(fields: dict, checker: Fields, today: dt.date) -> dt.datetime | None:
    if not checker.present(fields, "date", (), True, DATE_FORMS):
        return None
    value = fields["date"]
    text = str(value).strip()
    if isinstance(value, (bool, list, dict)) or not DATE_SHAPE.fullmatch(text):
        checker.problem(("date",), f"'date' must be {DATE_FORMS}, got {found(value)}")
        return None
    try:
        published = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:  # the shape is right, so a part is out of range: 2025-02-30, 25:00
        checker.problem(("date",), f"'date' {text} is not a valid date: it does not exist")
        return None
    if not YEARS[0] <= published.year <= YEARS[1]:
        checker.problem(
            ("date",), f"'date' {text} is not a plausible date: expected a year from {YEARS[0]} to {YEARS[1]}"
        )
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    if published.date() > today:
        checker.problem(("date",), f"'date' {text} is in the future", warning=True)
    return published


def _source(fields: dict, checker: Fields) -> Source | None:
    value = fields.get("source")
    if isinstance(value, dict):
        name = checker.text(value, "name", ("source",), required=True)
        checker.unknown_keys(value, ("source",), ("name", "url"), "'source'")
        url = checker.url(value, "url", ("source",))
        return Source(name, url) if name else None
    if isinstance(value, list):
        checker.problem(
            ("source",),
            f"'source' must be a name or a mapping like {{name: The New Arab, url: https://...}}, got {found(value)}",
        )
        return None
    name = checker.text(fields, "source", (), required=True)
    return Source(name) if name else None


def _references(
    fields: dict, key: str, checker: Fields, table: AliasTable, what: str, required: bool = False
) -> tuple[str, ...]:
    """The slugs named, in order; naming one entry twice (two of its aliases) is a warning at the second."""
    named: dict[str, str] = {}
    """slug -> the reference that first named it."""
    for name, where in checker.text_list(fields, key, (), required):
        if is_placeholder(name):
            continue  # reported once, by placeholder_problems
        slug = table.resolve(name)
        if slug is None:
            checker.problem(where, f"unknown {what} '{name}'{table.suggest(name)}")
        elif slug in named:
            again = f"is '{slug}' ({table.names[slug]}) again, already listed as '{named[slug]}'"
            checker.problem(where, f"{what} '{name}' {again}: list it once", warning=True)
        else:
            named[slug] = name
    return tuple(named)


def _language(fields: dict, checker: Fields) -> str:
    language = checker.text(fields, "language", ()) or "en"
    if not LANGUAGE_TAG.match(language):
        checker.problem(("language",), f"'language' must be a language tag such as en, ar or fr-CA, got '{language}'")
    return language


def _quotes(fields: dict, checker: Fields, actors: AliasTable) -> tuple[Quote, ...]:
    quotes = []
    for item, where in checker.mapping_list(fields, "quotes", (), "speaker: and text:"):
        checker.unknown_keys(item, where, ("speaker", "text"), "a quote")
        speaker = checker.text(item, "speaker", where, required=True)
        text = checker.text(item, "text", where, required=True)
        if speaker and text:
            quotes.append(Quote(speaker, text, actors.resolve(speaker)))
    return tuple(quotes)


def _link(item: dict, where: tuple, checker: Fields) -> Source | None:
    checker.unknown_keys(item, where, ("name", "url"), "'also_published'")
    name = checker.text(item, "name", where, required=True)
    url = checker.url(item, "url", where, required=True)
    return Source(name, url) if name and url else None


def _slug(fields: dict, raw: RawArticle, checker: Fields) -> str:
    slug = checker.text(fields, "slug", ())
    if slug is not None:
        checker.slug(slug, ("slug",), "'slug'")
        return slug
    reason = slug_problem(raw.stem)
    if reason:
        checker.problems.append(
            Problem(raw.path, 1, f"the file name '{raw.stem}' {reason}: rename the file or set 'slug:'")
        )
    return raw.stem


def _duplicate_slugs(articles: list[Article], lines: dict[str, int]) -> list[Problem]:
    """Each article whose slug another also has, at its 'slug:' line (or line 1 for a file name)."""
    by_slug: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_slug[article.slug].append(article)
    problems = []
    for slug, same in by_slug.items():
        for article in same if len(same) > 1 else ():
            others = ", ".join(a.path for a in same if a is not article)
            problems.append(Problem(article.path, lines[article.path], f"slug '{slug}' is also used by {others}"))
    return problems
