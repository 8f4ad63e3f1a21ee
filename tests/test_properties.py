"""Property-based: whatever a curator's files hold, the core answers with a site or a clean list of problems.

Hypothesis writes random front matter (YAML built from random values, YAML-like text, mutations of a
valid article, raw bytes), random registries and random references into a content tree, and runs the
whole core on it (read, validate, resolve, index, render). Every outcome must be a Site, or a
ContentError whose problems each name a file that exists and a line inside it, on one line.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from trees import ACTORS, REGIONS, THEMES, article, content_tree, settings_for

from digest.check.aliases import AliasTable, normalise
from digest.check.articles import ARTICLE_FIELDS, validate
from digest.pipeline import build_site
from digest.problems import ContentError, Problem
from digest.read.tree import read_content

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WHOLE_CORE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CHARACTERS = st.characters(blacklist_categories=("Cs",))
"""Anything a UTF-8 file can hold."""
YAML_ISH = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(":-[]{},&*!|>'\"%@`#?~ \t\n")),
        st.sampled_from(list("abciraqـكتائب\u064e\u0301")),
        CHARACTERS,
    ),
    max_size=120,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    CHARACTERS.map(str),
    st.text(CHARACTERS, max_size=30),
    st.dates().map(str),
    st.datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=3)))).map(lambda d: d.isoformat()),
    st.sampled_from(
        ["iraq", "Irak", "العراق", "Kata'ib Hezbollah", "ceasefire", "2025-01-16", "2025-02-30", "yes", "../x", "index"]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(CHARACTERS, max_size=8), inner, max_size=4),
    max_leaves=12,
)
FRONT_MATTER = st.dictionaries(
    st.one_of(st.sampled_from((*ARTICLE_FIELDS, "speaker", "text", "name", "url")), st.text(CHARACTERS, max_size=10)),
    VALUES,
    max_size=14,
)
VALID = {"title": "T", "date": "2025-01-16", "source": "S", "regions": ["iraq"], "summary": "S"}
DATES = st.one_of(
    st.dates().map(str),
    st.sampled_from(
        ["0001-01-01", "0001-01-07T00:00:00+14:00", "1000-01-01", "2999-12-31T23:59:59-12:00", "9999-12-31"]
    ),
    st.datetimes(
        timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=14)), dt.timezone(dt.timedelta(hours=-12))])
    ).map(dt.datetime.isoformat),
)
"""Any date, the edges of the calendar and of the plausible years included."""
FIELD_VALUES = st.one_of(
    VALUES,
    DATES,
    st.lists(st.sampled_from(["iraq", "Golan", "سوريا", "Al-Nujaba", "militias", "ceasefire", "nowhere"]), max_size=4),
    st.lists(
        st.fixed_dictionaries({"speaker": VALUES, "text": VALUES})
        | st.fixed_dictionaries({"name": VALUES, "url": VALUES}),
        max_size=3,
    ),
    st.fixed_dictionaries(
        {"name": VALUES},
        optional={"url": st.sampled_from(["https://example.org/x", "javascript:alert(1)", "http://a"])},
    ),
)
NEAR_VALID = st.tuples(
    st.one_of(st.just(VALID["date"]), DATES), st.dictionaries(st.sampled_from(ARTICLE_FIELDS), FIELD_VALUES, max_size=3)
).map(lambda drawn: {**VALID, "date": drawn[0], **drawn[1]})
"""A valid article with a few fields replaced: most reach indexing and rendering."""
REFERENCE = st.text(
    alphabet=st.one_of(st.sampled_from(list("iraqsyrgolnhtz -'’.ـ\u064e\u0651\u0301")), CHARACTERS),
    min_size=0,
    max_size=20,
)


def dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=None, sort_keys=False)


def outcome(root: Path) -> list[Problem]:
    """Run the whole core; return the problems (warnings of a site that built, or the errors)."""
    try:
        return build_site(settings_for(root)).warnings
    except ContentError as error:
        assert error.problems, "a ContentError must carry its problems"
        return error.problems


def assert_clean(root: Path, problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        path = root / problem.path
        assert path.is_file(), problem
        lines = path.read_bytes().count(b"\n") + 1
        assert 1 <= problem.line <= lines, problem
        assert problem.message and "\n" not in str(problem), problem


def tree_with(files: dict[str, bytes | str], **registries: str):
    """A temporary content tree holding the test registries (or the given ones) and the files."""
    folder = tempfile.TemporaryDirectory()
    root = content_tree(Path(folder.name), {}, **registries)
    for relative, data in files.items():
        path = root / "content" / "articles" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder, root


@PROPERTY
@given(FRONT_MATTER, st.text(CHARACTERS, max_size=200))
def test_random_front_matter_gives_a_site_or_problems(fields, body):
    folder, root = tree_with({"a.md": f"---\n{dump(fields)}---\n{body}"})
    with folder:
        assert_clean(root, outcome(root))


@WHOLE_CORE
@given(st.lists(NEAR_VALID, min_size=1, max_size=3))
def test_nearly_valid_articles_give_a_site_or_problems(articles):
    folder, root = tree_with({f"a{i}.md": f"---\n{dump(fields)}---\n" for i, fields in enumerate(articles)})
    with folder:
        assert_clean(root, outcome(root))


@PROPERTY
@given(YAML_ISH)
def test_yaml_like_text_gives_a_site_or_problems(front):
    folder, root = tree_with({"a.md": f"---\n{front}\n---\nBody\n"})
    with folder:
        assert_clean(root, outcome(root))


@PROPERTY
@given(st.data())
def test_a_valid_article_mutated_gives_a_site_or_problems(data):
    text = article("A report", extra="actors: [Al-Nujaba]\nquotes:\n  - {speaker: Akram al-Kaabi, text: Words.}\n")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(YAML_ISH.map(lambda t: t[:3])) + text[at + cut :]
    folder, root = tree_with({"a.md": text})
    with folder:
        assert_clean(root, outcome(root))


@PROPERTY
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_a_site_or_problems(data):
    folder, root = tree_with({"a.md": b"---\ntitle: T\n" + data})
    with folder:
        assert_clean(root, outcome(root))


@PROPERTY
@given(
    st.text(CHARACTERS, min_size=1, max_size=12).filter(
        lambda n: "/" not in n and "\x00" not in n and n not in (".", "..")
    )
)
def test_any_file_name_gives_a_site_or_problems(name):
    folder, root = tree_with({f"{name}.md": article()})
    with folder:
        assert_clean(root, outcome(root))


@WHOLE_CORE
@given(
    st.lists(REFERENCE, min_size=1, max_size=4),
    st.lists(REFERENCE, max_size=4),
    st.lists(REFERENCE, max_size=4),
    REFERENCE,
)
def test_random_references_resolve_or_are_named_unknown(regions, actors, themes, speaker):
    fields = {"title": "T", "date": "2025-01-16", "source": "S", "regions": regions, "actors": actors, "themes": themes,
              "summary": "S", "quotes": [{"speaker": speaker or "x", "text": "Words."}]}
    folder, root = tree_with({"a.md": f"---\n{dump(fields)}---\n"})
    with folder:
        problems = outcome(root)
        assert_clean(root, problems)
        for problem in problems:
            assert problem.message.startswith(("unknown ", "each entry of", "'")), problem


REGISTRY_ENTRY = st.fixed_dictionaries(
    {"name": VALUES},
    optional={
        "parent": VALUES,
        "aliases": VALUES,
        "kind": st.one_of(st.sampled_from(["state", "person", "militia"]), VALUES),
        "member_of": VALUES,
        "aligned_with": VALUES,
        "based_in": VALUES,
        "description": VALUES,
    },
)
REGISTRY = st.dictionaries(
    st.one_of(
        st.sampled_from(["iraq", "syria", "kataib-hezbollah", "ceasefire", "index"]), st.text(CHARACTERS, max_size=10)
    ),
    st.one_of(REGISTRY_ENTRY, VALUES),
    max_size=6,
)


@WHOLE_CORE
@given(REGISTRY, REGISTRY, REGISTRY)
def test_random_registries_give_a_site_or_problems(regions, actors, themes):
    folder, root = tree_with({"a.md": article()}, regions=dump(regions), actors=dump(actors), themes=dump(themes))
    with folder:
        assert_clean(root, outcome(root))


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), REFERENCE), max_size=12), REFERENCE)
def test_the_alias_table_resolves_what_it_was_given_and_nothing_else(aliases, reference):
    table = AliasTable()
    for slug in ("a", "b", "c"):
        table.add_slug(slug, slug.upper())
        assert table.add_alias(slug, slug.upper()) is None
    owners = {"a": "a", "b": "b", "c": "c"}  # each entry's slug and name ('A') are taken first
    for slug, alias in aliases:
        owner = table.add_alias(slug, alias)
        if normalise(alias):
            owners.setdefault(normalise(alias), slug)
            assert owner == (None if owners[normalise(alias)] == slug else owners[normalise(alias)])
    for key, slug in owners.items():
        assert table.resolve(key) == slug
    assert table.resolve(reference) in (None, "a", "b", "c")
    suggestion = table.suggest(reference)
    assert suggestion == "" or suggestion.startswith("; did you mean '")


@PROPERTY
@given(FRONT_MATTER)
def test_validation_never_reports_outside_the_file(fields):
    """validate() directly, with the test registries: same promise, without rendering."""
    folder, root = tree_with({"a.md": f"---\n{dump(fields)}---\n"}, regions=REGIONS, actors=ACTORS, themes=THEMES)
    with folder:
        content, problems = validate(read_content(root / "content", root), dt.date(2025, 3, 1))
        assert_clean(root, problems)
        assert all(a.slug and a.regions for a in content.articles)
