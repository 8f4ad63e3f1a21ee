"""Article validation: every rule of the contract, each problem at its line, in the curator's words."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from trees import article, content_tree, mkdocs_project

from digest import cli
from digest.check.articles import validate
from digest.read.tree import read_content

TODAY = dt.date(2025, 3, 1)
PATH = "content/articles/a.md"
FIELDS = {
    "title": "title: A report",
    "date": "date: 2025-01-16",
    "source": "source: The New Arab",
    "regions": "regions: [iraq]",
    "summary": "summary: A summary.",
}


def front(*lines: str, body: str = "Notes.\n") -> str:
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


def checked(tmp_path: Path, articles: dict[str, str], **registries: str):
    root = content_tree(tmp_path, articles, **registries)
    return validate(read_content(root / "content", root), TODAY)


def problems(tmp_path: Path, articles: dict[str, str], **registries: str) -> list[str]:
    return [str(p) for p in checked(tmp_path, articles, **registries)[1]]


def one(tmp_path: Path, text: str) -> list[str]:
    return problems(tmp_path, {"a.md": text})


# Valid shapes --------------------------------------------------------------------------------------

def test_a_full_article_is_read_into_the_model(tmp_path):
    text = front(
        "title: Nujaba halts attacks", "date: 2025-01-16T09:30:00+03:00",
        "source: {name: The New Arab, url: 'https://www.newarab.com/news/x'}",
        "regions: [Golan]", "actors:", "  - النجباء", "  - kataib hezbollah", "themes: [militias]",
        "summary: A summary.", "language: ar", "quotes:", "  - {speaker: Akram al-Kaabi, text: We pause.}",
        "  - {speaker: A researcher, text: It may not last.}",
        "also_published: [{name: Reprint, url: 'https://example.org/r'}]", "draft: false", "slug: nujaba-halts",
    )
    content, found = checked(tmp_path, {"2025/x.md": text})
    assert found == []
    [a] = content.articles
    assert (a.slug, a.regions, a.actors, a.themes, a.language) == (
        "nujaba-halts", ("golan-heights",), ("harakat-al-nujaba", "kataib-hezbollah"), ("armed-factions",), "ar")
    assert a.published == dt.datetime(2025, 1, 16, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert (a.source.name, a.source.url) == ("The New Arab", "https://www.newarab.com/news/x")
    assert [(q.speaker, q.actor) for q in a.quotes] == [("Akram al-Kaabi", "akram-al-kaabi"), ("A researcher", None)]


def test_a_bare_date_is_midnight_utc_and_the_body_may_be_empty(tmp_path):
    content, found = checked(tmp_path, {"a.md": article(body="")})
    assert found == []
    assert content.articles[0].published == dt.datetime(2025, 1, 16, tzinfo=dt.UTC)
    assert content.articles[0].body == ""


def test_a_future_date_is_valid_with_a_warning(tmp_path):
    content, found = checked(tmp_path, {"a.md": article(date="2025-03-02")})
    assert [str(p) for p in found] == [f"{PATH}:3: warning: 'date' 2025-03-02 is in the future"]
    assert len(content.articles) == 1


@pytest.mark.parametrize(
    "value", ["2025-01-16T09:30:00+03:00", "2025-01-16T09:30:00Z", "2025-01-16 09:30", "2025-01-16T09:30:00.5-05:00"]
)
def test_iso_date_times_with_or_without_offset_are_valid(tmp_path, value):
    assert one(tmp_path, article(date=value)) == []


# Required fields -----------------------------------------------------------------------------------

@pytest.mark.parametrize("field, message", [
    ("title", "'title' is required"),
    ("date", "'date' is required: YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00"),
    ("source", "'source' is required"),
    ("regions", "'regions' is required: give a list with at least one entry"),
    ("summary", "'summary' is required"),
])
def test_each_required_field_missing(tmp_path, field, message):
    lines = [line for key, line in FIELDS.items() if key != field]
    assert one(tmp_path, front(*lines)) == [f"{PATH}:2: {message}"]


@pytest.mark.parametrize("field, message", [
    ("title", "'title' is empty"),
    ("date", "'date' is empty: YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00"),
    ("source", "'source' is empty"),
    ("regions", "'regions' is empty: give a list with at least one entry"),
    ("summary", "'summary' is empty"),
])
def test_each_required_field_left_empty_is_named_at_its_line(tmp_path, field, message):
    lines = [f"{key}:" if key == field else line for key, line in FIELDS.items()]
    line = 2 + list(FIELDS).index(field)
    assert one(tmp_path, front(*lines)) == [f"{PATH}:{line}: {message}"]


def test_blank_text_is_empty(tmp_path):
    assert one(tmp_path, article(title="'   '")) == [f"{PATH}:2: 'title' is empty"]


def test_an_empty_regions_list(tmp_path):
    assert one(tmp_path, article(regions="[]")) == [f"{PATH}:5: 'regions' is empty: give at least one entry"]


def test_optional_fields_left_empty_count_as_absent(tmp_path):
    assert one(tmp_path, article(extra="actors:\nthemes:\nquotes:\nlanguage:\ndraft:\n")) == []


# Wrong types, for every field -------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, message",
    [
        ("title: [A, report]", "'title' must be text, got a list"),
        ("title: {a: report}", "'title' must be text, got a mapping"),
        ("title: yes", "'title' must be text, got true/false (yes, no, on and off are too): put the value in quotes"),
        (
            "date: [2025-01-16]",
            "'date' must be YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00, got a list",
        ),
        (
            "date: 16/01/2025",
            "'date' must be YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00, got text "
            "'16/01/2025'",
        ),
        (
            "date: 2025",
            "'date' must be YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00, got a number '2025'",
        ),
        (
            "source: [The New Arab]",
            "'source' must be a name or a mapping like {name: The New Arab, url: https://...}, got a list",
        ),
        ("source: {url: 'https://example.org'}", "'name' is required in 'source'"),
        ("source: {name: [X]}", "'name' must be text, got a list"),
        ("regions: iraq", "'regions' must be a list (like [a, b] or '- a' lines), got text 'iraq'"),
        ("regions: {iraq: 1}", "'regions' must be a list (like [a, b] or '- a' lines), got a mapping"),
        ("regions: [[iraq]]", "each entry of 'regions' must be a name, got a list"),
        ("regions: [true]", "each entry of 'regions' must be a name, got true/false"),
        ("summary: [one, two]", "'summary' must be text, got a list"),
        ("summary: {a: b}", "'summary' must be text, got a mapping"),
    ],
)
def test_wrong_types_of_required_fields(tmp_path, line, message):
    key = line.split(":")[0]
    lines = [line if k == key else text for k, text in FIELDS.items()]
    number = 2 + list(FIELDS).index(key)
    assert one(tmp_path, front(*lines)) == [f"{PATH}:{number}: {message}"]


@pytest.mark.parametrize(
    "extra, message",
    [
        ("actors: Al-Nujaba", "'actors' must be a list (like [a, b] or '- a' lines), got text 'Al-Nujaba'"),
        ("actors: {a: b}", "'actors' must be a list (like [a, b] or '- a' lines), got a mapping"),
        ("themes: 12", "'themes' must be a list (like [a, b] or '- a' lines), got a number '12'"),
        ("themes: [{a: b}]", "each entry of 'themes' must be a name, got a mapping"),
        ("language: [en]", "'language' must be text, got a list"),
        (
            "language: english language",
            "'language' must be a language tag such as en, ar or fr-CA, got 'english language'",
        ),
        ("quotes: {speaker: A, text: B}", "'quotes' must be a list of entries with speaker: and text:, got a mapping"),
        ("quotes: We pause.", "'quotes' must be a list of entries with speaker: and text:, got text 'We pause.'"),
        ("quotes: [We pause.]", "each entry of 'quotes' must have speaker: and text:, got text 'We pause.'"),
        ("quotes: [{speaker: [A], text: B}]", "'speaker' must be text, got a list"),
        (
            "also_published: {name: X, url: 'https://example.org'}",
            "'also_published' must be a list of entries with name: and url:, got a mapping",
        ),
        (
            "also_published: ['https://example.org']",
            "each entry of 'also_published' must have name: and url:, got text 'https://example.org'",
        ),
        ("also_published: [{url: 'https://example.org'}]", "'name' is required in entry 1 of 'also_published'"),
        ("also_published: [{name: X}]", "'url' is required in entry 1 of 'also_published'"),
        ('draft: "yes"', "'draft' must be true or false, got text 'yes'"),
        ("draft: 1", "'draft' must be true or false, got a number '1'"),
        ("draft: [true]", "'draft' must be true or false, got a list"),
        ("slug: [a]", "'slug' must be text, got a list"),
        ("slug: {a: b}", "'slug' must be text, got a mapping"),
    ],
)
def test_wrong_types_of_optional_fields(tmp_path, extra, message):
    assert one(tmp_path, article(extra=extra + "\n")) == [f"{PATH}:7: {message}"]


def test_a_quote_without_text_or_speaker(tmp_path):
    text = article(extra="quotes:\n  - speaker: Akram al-Kaabi\n  - text: Words without a speaker.\n")
    assert one(tmp_path, text) == [
        f"{PATH}:8: 'text' is required in entry 1 of 'quotes'",
        f"{PATH}:9: 'speaker' is required in entry 2 of 'quotes'",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/x",
        "www.example.org",
        "https:// example.org",
    ],
)
def test_links_must_be_web_addresses(tmp_path, url):
    text = article(extra=f"also_published: [{{name: Reprint, url: '{url}'}}]\n").replace(
        "source: The New Arab", f"source: {{name: The New Arab, url: '{url}'}}")
    message = f"must be a web address starting with http:// or https://, got '{url}'"
    assert one(tmp_path, text) == [f"{PATH}:4: 'url' {message}", f"{PATH}:7: 'url' {message}"]


def test_unknown_fields_are_warnings_with_a_suggestion(tmp_path):
    text = article(extra="actor: [Al-Nujaba]\nquotes:\n  - {speaker: A, txt: B, text: C}\nsource_url: x\n")
    assert one(tmp_path, text) == [
        f"{PATH}:7: warning: unknown field 'actor' in the front matter; did you mean 'actors'?",
        f"{PATH}:9: warning: unknown field 'txt' in a quote; did you mean 'text'?",
        f"{PATH}:10: warning: unknown field 'source_url' in the front matter; did you mean 'source'?",
    ]


def test_the_front_matter_must_be_a_mapping(tmp_path):
    assert one(tmp_path, front("- title", "- date")) == [
        f"{PATH}:2: the front matter must be a mapping of fields (name: value), got a list"
    ]
    assert one(tmp_path, front("Just a sentence.")) == [
        f"{PATH}:2: the front matter must be a mapping of fields (name: value), got text 'Just a sentence.'"
    ]


# Dates ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "value, message",
    [
        (
            "yesterday",
            "'date' must be YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00, got text "
            "'yesterday'",
        ),
        (
            "2025-1-16",
            "'date' must be YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00, got text "
            "'2025-1-16'",
        ),
        (
            "2025-01-16 at noon",
            "'date' must be YYYY-MM-DD or an ISO 8601 date-time such as 2025-01-19T08:30:00+02:00, got text "
            "'2025-01-16 at noon'",
        ),
        ("2025-02-30", "'date' 2025-02-30 is not a valid date: it does not exist"),
        ("2025-13-01", "'date' 2025-13-01 is not a valid date: it does not exist"),
        ("2025-01-16T25:00:00", "'date' 2025-01-16T25:00:00 is not a valid date: it does not exist"),
        ("0001-01-01", "'date' 0001-01-01 is not a plausible date: expected a year from 1000 to 2999"),
        (
            "9999-12-31T23:00:00-05:00",
            "'date' 9999-12-31T23:00:00-05:00 is not a plausible date: expected a year from 1000 to 2999",
        ),
    ],
)
def test_dates_that_are_not_dates(tmp_path, value, message):
    assert one(tmp_path, article(date=value)) == [f"{PATH}:3: {message}"]


# References -------------------------------------------------------------------------------------

def test_unknown_references_in_flow_lists_are_named_at_the_field_line_with_suggestions(tmp_path):
    text = article(regions="[iraq, Irakk]", extra="actors: [Nujabaa]\nthemes: [ceasfire, nothing-like-it]\n")
    assert one(tmp_path, text) == [
        f"{PATH}:5: unknown region 'Irakk'; did you mean 'iraq' (Iraq)?",
        f"{PATH}:7: unknown actor 'Nujabaa'; did you mean 'harakat-al-nujaba' (Harakat al-Nujaba)?",
        f"{PATH}:8: unknown theme 'ceasfire'; did you mean 'ceasefire' (Ceasefire)?",
        f"{PATH}:8: unknown theme 'nothing-like-it'",
    ]


def test_unknown_references_in_block_lists_are_named_at_the_item_line(tmp_path):
    text = front(
        "title: T", "date: 2025-01-16", "source: S", "regions:", "  - iraq", "  - Syrai", "summary: S",
        "actors:", "  - Al-Nujaba", "  - Kataib Hezbolah", "themes:", "  - militias", "  - ceasfire",
    )
    assert one(tmp_path, text) == [
        f"{PATH}:7: unknown region 'Syrai'; did you mean 'syria' (Syria)?",
        f"{PATH}:11: unknown actor 'Kataib Hezbolah'; did you mean 'kataib-hezbollah' (Kata'ib Hezbollah)?",
        f"{PATH}:14: unknown theme 'ceasfire'; did you mean 'ceasefire' (Ceasefire)?",
    ]


def test_references_resolve_by_alias_in_any_script_case_and_punctuation(tmp_path):
    latin = article(regions="[IRAK, الجولان]", extra="actors: [\"KATA'IB-HEZBOLLAH\"]\nthemes: [Militias]\n")
    arabic = article(date="2025-01-15", extra="actors: [كَتَائِبُ حِزْبِ اللّٰه]\n")
    content, found = checked(tmp_path, {"a.md": latin, "b.md": arabic})
    assert found == []
    a, b = content.articles
    assert (a.regions, a.actors, b.actors) == (("iraq", "golan-heights"), ("kataib-hezbollah",), ("kataib-hezbollah",))


def test_one_entry_named_twice_by_two_aliases_is_a_warning_at_the_second(tmp_path):
    text = front(
        "title: T", "date: 2025-01-16", "source: S", "regions: [Golan, iraq, الجولان]", "summary: S",
        "actors:", "  - Al-Nujaba", "  - kataib-hezbollah", "  - النجباء", "themes: [militias, armed-factions]",
    )
    content, found = checked(tmp_path, {"a.md": text})
    assert [str(p) for p in found] == [
        f"{PATH}:5: warning: region 'الجولان' is 'golan-heights' (Golan Heights) again, already listed as 'Golan':"
        " list it once",
        f"{PATH}:10: warning: actor 'النجباء' is 'harakat-al-nujaba' (Harakat al-Nujaba) again, already listed as"
        " 'Al-Nujaba': list it once",
        f"{PATH}:11: warning: theme 'armed-factions' is 'armed-factions' (Armed factions) again, already listed as"
        " 'militias': list it once",
    ]
    assert content.articles[0].actors == ("harakat-al-nujaba", "kataib-hezbollah")


# Slugs ------------------------------------------------------------------------------------------

def test_duplicate_slugs_name_both_files(tmp_path):
    found = problems(tmp_path, {
        "2025/01/talks.md": article("One"),
        "2025/02/talks.md": article("Two"),
        "other.md": article("Three", extra="slug: talks\n"),
    })
    assert found == [
        "content/articles/2025/01/talks.md:1: slug 'talks' is also used by content/articles/2025/02/talks.md, "
        "content/articles/other.md",
        "content/articles/2025/02/talks.md:1: slug 'talks' is also used by content/articles/2025/01/talks.md, "
        "content/articles/other.md",
        "content/articles/other.md:7: slug 'talks' is also used by content/articles/2025/01/talks.md, "
        "content/articles/2025/02/talks.md",
    ]


def test_a_draft_and_a_published_article_may_not_share_a_slug(tmp_path):
    found = problems(tmp_path, {"a.md": article(), "b.md": article(extra="slug: a\ndraft: true\n")})
    assert found == [
        "content/articles/a.md:1: slug 'a' is also used by content/articles/b.md",
        "content/articles/b.md:7: slug 'a' is also used by content/articles/a.md",
    ]


@pytest.mark.parametrize(
    "slug",
    [
        "../etc",
        "a/b",
        "..",
        "./x",
        "x\\\\y",
        "A-Report",
        "a report",
        "a%2Fb",
        "a?b",
        "a#b",
        "ترامب",
        "a.html",
        '"a\\nb"',
    ],
)
def test_slugs_that_could_escape_the_site_or_break_a_url(tmp_path, slug):
    text = article(extra=f"slug: {slug}\n")
    [problem] = one(tmp_path, text)
    assert problem.startswith(f"{PATH}:7: 'slug' '")
    assert problem.endswith("' may contain only lowercase letters, digits and hyphens, like 'golan-heights'")


def test_the_slug_index_is_reserved(tmp_path):
    assert one(tmp_path, article(extra="slug: index\n")) == [
        f"{PATH}:7: 'slug' 'index' is reserved for the section's own page"]


@pytest.mark.parametrize("name", ["Bad Name.md", "UPPER.md", "café.md", "a.b.md"])
def test_a_file_name_that_is_not_a_slug(tmp_path, name):
    assert problems(tmp_path, {name: article()}) == [
        f"content/articles/{name}:1: the file name '{name[:-3]}' may contain only lowercase letters, digits and "
        "hyphens, "
        "like 'golan-heights': rename the file or set 'slug:'"
    ]


def test_a_file_named_index(tmp_path):
    assert problems(tmp_path, {"2025/index.md": article()}) == [
        "content/articles/2025/index.md:1: the file name 'index' is reserved for the section's own page: rename the "
        "file or set 'slug:'"
    ]


def test_a_file_name_that_is_not_a_slug_is_fine_with_a_slug_field(tmp_path):
    content, found = checked(tmp_path, {"Bad Name.md": article(extra="slug: bad-name\n")})
    assert (found, content.articles[0].slug) == ([], "bad-name")


def test_slugs_may_have_any_hyphens_the_contract_allows(tmp_path):
    content, found = checked(tmp_path, {"2025-01-16--talks.md": article(), "b.md": article(extra="slug: -x-\n")})
    assert found == []
    assert sorted(a.slug for a in content.articles) == ["-x-", "2025-01-16--talks"]


# Text that hides things -------------------------------------------------------------------------

def test_an_invisible_control_character_is_a_warning_at_its_line(tmp_path):
    content, found = checked(tmp_path, {"a.md": article(title='"Bell\\a here"')})
    assert [str(p) for p in found] == [
        f"{PATH}:2: warning: 'title' contains the invisible control character U+0007: remove it"
    ]
    assert content.articles[0].title == "Bell\a here"


# Several broken files at once, through the command line -----------------------------------------

BROKEN = {
    "no-front.md": "Just notes.\n",
    "tabs.md": "---\ntitle: T\nquotes:\n\t- speaker: A\n---\n",
    "types.md": article(title="[A]", date="2025-02-30", regions="[Irakk]", extra='draft: "yes"\n'),
    "missing.md": front("title: T", "date: 2025-01-16"),
}
EXPECTED = [
    "content/articles/missing.md:2: 'regions' is required: give a list with at least one entry",
    "content/articles/missing.md:2: 'source' is required",
    "content/articles/missing.md:2: 'summary' is required",
    "content/articles/no-front.md:1: no front matter: the file must start with a line '---', then the fields, then "
    "'---'",
    "content/articles/tabs.md:4: a tab is used for indentation; YAML allows only spaces",
    "content/articles/types.md:2: 'title' must be text, got a list",
    "content/articles/types.md:3: 'date' 2025-02-30 is not a valid date: it does not exist",
    "content/articles/types.md:5: unknown region 'Irakk'; did you mean 'iraq' (Iraq)?",
    "content/articles/types.md:7: 'draft' must be true or false, got text 'yes'",
    "content/themes.yml:2: 'name' is required in 'truce'",
]


def broken_project(tmp_path: Path) -> Path:
    root = content_tree(tmp_path, BROKEN, themes="ceasefire: {name: Ceasefire}\ntruce: {aliases: [hudna]}\n")
    mkdocs_project(root)
    return root


def test_every_problem_of_every_file_in_one_run(tmp_path, capsys, monkeypatch):
    root = broken_project(tmp_path)
    monkeypatch.chdir(root)
    assert cli.main(["check"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == EXPECTED
    assert captured.out == ""


def test_digest_check_as_a_command_exits_1_without_a_traceback(tmp_path):
    root = broken_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "digest.cli", "check"], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == EXPECTED
    assert "Traceback" not in result.stderr + result.stdout


def test_a_content_tree_given_with_content_is_checked_and_shown_relative_to_the_project(tmp_path, capsys, monkeypatch):
    root = broken_project(tmp_path / "project")
    other = content_tree(tmp_path / "project" / "other", {"x.md": "no front matter\n"})
    monkeypatch.chdir(root)
    assert cli.main(["check", "--content", str(other / "content")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "other/content/articles/x.md:1: no front matter: the file must start with a line '---', then the fields, "
        "then '---'"
    ]


def test_check_refuses_a_folder_that_is_not_a_content_tree(tmp_path, capsys):
    from trees import mkdocs_project

    from digest.cli import main

    (tmp_path / "content").mkdir()
    (tmp_path / "elsewhere").mkdir()
    config = mkdocs_project(tmp_path)
    assert main(["check", "-f", str(config), "--content", str(tmp_path / "elsewhere")]) == 1
    assert "holds no articles/ folder and no registries: is it the content folder?" in capsys.readouterr().err
