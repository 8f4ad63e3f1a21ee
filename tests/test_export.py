"""The data export: it parses with the json and csv modules, matches the published articles exactly,
keeps Arabic intact, leaves drafts out, and the site and `digest export` write the same bytes."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from trees import article, content_tree, mkdocs_project, settings_for

from digest.cli import main
from digest.pipeline import build_data, build_site
from digest.shell.driver import build
from digest.site.export import ARTICLE_COLUMNS

ARTICLES = {
    "2025/01/nujaba-halts.md": article(
        "Nujaba halts attacks",
        "2025-01-16",
        "[golan-heights, Irak]",
        "actors: [النجباء, Kataib Hezbollah]\nthemes: [ceasefire]\n"
        "source: {name: The New Arab, url: 'https://www.newarab.com/news/x'}\n"
        "quotes:\n  - {speaker: Akram al-Kaabi, text: We are pausing.}\n  - {speaker: A researcher, text: It may not "
        "last.}\n"
        "also_published: [{name: Yahoo News, url: 'https://news.yahoo.com/x'}]\n",
    ).replace("source: The New Arab\n", "", 1),
    "2025/01/arabic.md": (
        "---\ntitle: 'الفصائل العراقية تعلق هجماتها، \"مؤقتاً\"'\ndate: 2025-01-15T21:30:00+03:00\nsource: العربي "
        "الجديد\n"
        'regions: [العراق]\nlanguage: ar\nsummary: |-\n  سطر أول، مع فاصلة\n  وسطر "ثانٍ"\n---\n'
    ),
    "2025/01/baghdad-talks.md": article(
        "Baghdad talks, again", "2025-01-09", "[iraq]", "actors: [Kata'ib Hezbollah]\n"
    ),
    "2025/01/secret.md": article(
        "Unfinished draft",
        "2025-01-15",
        "[iraq]",
        "actors: [Al-Nujaba]\ndraft: true\nquotes:\n  - {speaker: Akram al-Kaabi, text: Not yet said.}\n",
    ),
}
DATA = (
    "data/actors.json",
    "data/articles.csv",
    "data/articles.json",
    "data/quotes.csv",
    "data/quotes.json",
    "data/regions.json",
    "data/themes.json",
)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return content_tree(tmp_path_factory.mktemp("export"), ARTICLES)


@pytest.fixture(scope="module")
def files(root) -> dict[str, bytes]:
    return build_site(settings_for(root)).files


def records(files, name):
    return json.loads(files[f"data/{name}.json"].decode("utf-8"))


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_site_carries_every_data_file(files):
    assert tuple(path for path in files if path.startswith("data/")) == DATA


def test_articles_json_is_exactly_the_published_articles_newest_first(files):
    articles = records(files, "articles")
    assert [a["slug"] for a in articles] == ["nujaba-halts", "arabic", "baghdad-talks"]
    nujaba = articles[0]
    assert nujaba == {
        "slug": "nujaba-halts",
        "url": "articles/nujaba-halts/",
        "title": "Nujaba halts attacks",
        "date": "2025-01-16",
        "week": "2025-W03",
        "source_name": "The New Arab",
        "source_url": "https://www.newarab.com/news/x",
        "regions": ["golan-heights", "iraq"],
        "actors": ["harakat-al-nujaba", "kataib-hezbollah"],
        "themes": ["ceasefire"],
        "language": "en",
        "summary": "A summary in the curator's words.",
        "quotes": [
            {"speaker": "Akram al-Kaabi", "text": "We are pausing.", "actor": "akram-al-kaabi"},
            {"speaker": "A researcher", "text": "It may not last.", "actor": None},
        ],
        "also_published": [{"name": "Yahoo News", "url": "https://news.yahoo.com/x"}],
    }


def test_arabic_is_written_as_text_not_escapes(files):
    raw = files["data/articles.json"].decode("utf-8")
    assert 'الفصائل العراقية تعلق هجماتها، \\"مؤقتاً\\"' in raw and "\\u06" not in raw
    arabic = records(files, "articles")[1]
    assert (arabic["date"], arabic["language"], arabic["source_name"]) == ("2025-01-15", "ar", "العربي الجديد")
    assert arabic["summary"] == 'سطر أول، مع فاصلة\nوسطر "ثانٍ"'


def test_csv_has_the_same_rows_as_the_json(files):
    rows = csv_rows(files["data/articles.csv"])
    assert list(rows[0]) == list(ARTICLE_COLUMNS)
    expected = [
        {
            column: ";".join(value) if isinstance(value, list) else (value or "")
            for column, value in record.items()
            if column in ARTICLE_COLUMNS
        }
        for record in records(files, "articles")
    ]
    assert rows == expected
    assert rows[0]["actors"] == "harakat-al-nujaba;kataib-hezbollah"
    assert rows[1]["title"] == 'الفصائل العراقية تعلق هجماتها، "مؤقتاً"'


def test_csv_is_utf8_with_a_byte_order_mark_crlf_and_rfc4180_quotes(files):
    data = files["data/articles.csv"]
    assert data.startswith(b"\xef\xbb\xbfslug,url,title,")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert text.replace("\r\n", "").count("\n") == 1  # records end in CRLF; the one bare \n is inside a quoted summary
    assert '"Baghdad talks, again"' in text  # a comma: quoted
    assert '"الفصائل العراقية تعلق هجماتها، ""مؤقتاً"""' in text  # quotes doubled
    assert '"سطر أول، مع فاصلة\nوسطر ""ثانٍ"""' in text  # a line break inside a quoted cell stays as written


def test_drafts_are_in_no_data_file(files):
    for path in DATA:
        text = files[path].decode("utf-8-sig")
        assert "secret" not in text and "Unfinished draft" not in text and "Not yet said" not in text, path


def test_quotes_are_every_published_quote_with_its_speaker_actor_and_place(files):
    assert records(files, "quotes") == [
        {
            "speaker": "Akram al-Kaabi",
            "actor": "akram-al-kaabi",
            "text": "We are pausing.",
            "language": "en",
            "date": "2025-01-16",
            "article": "nujaba-halts",
            "url": "articles/nujaba-halts/#quote-1",
        },
        {
            "speaker": "A researcher",
            "actor": None,
            "text": "It may not last.",
            "language": "en",
            "date": "2025-01-16",
            "article": "nujaba-halts",
            "url": "articles/nujaba-halts/#quote-2",
        },
    ]
    text = files["data/quotes.csv"].decode("utf-8")
    assert text == (
        "\ufeffspeaker,actor,text,language,date,article,url\r\n"
        "Akram al-Kaabi,akram-al-kaabi,We are pausing.,en,2025-01-16,nujaba-halts,articles/nujaba-halts/#quote-1\r\n"
        "A researcher,,It may not last.,en,2025-01-16,nujaba-halts,articles/nujaba-halts/#quote-2\r\n"
    )


def test_actors_carry_aliases_and_relations_both_ways(files):
    actors = {a["slug"]: a for a in records(files, "actors")}
    nujaba = actors["harakat-al-nujaba"]
    assert nujaba["aliases"] == ["Al-Nujaba", "النجباء"]
    assert (nujaba["member_of"], nujaba["members"]) == (["islamic-resistance-in-iraq"], ["akram-al-kaabi"])
    assert (nujaba["aligned_with"], nujaba["aligned_by"]) == ([], ["kataib-hezbollah"])
    assert (nujaba["kind"], nujaba["based_in"], nujaba["url"], nujaba["articles"]) == (
        "armed-group",
        "iraq",
        "actors/harakat-al-nujaba/",
        1,
    )
    assert actors["islamic-resistance-in-iraq"]["members"] == ["harakat-al-nujaba", "kataib-hezbollah"]
    assert nujaba["trend"] == {
        "direction": "new",
        "recent": 1,
        "earlier": 0,
        "to_week": "2025-W03",
        "sentence": "new: 1 article in the 4 weeks to 2025-W03, none before",
    }


def test_regions_and_themes(files):
    regions = {r["slug"]: r for r in records(files, "regions")}
    assert list(regions) == sorted(regions)
    assert (regions["syria"]["parent"], regions["syria"]["children"], regions["syria"]["aliases"]) == (
        "levant",
        ["golan-heights"],
        ["سوريا"],
    )
    assert regions["middle-east"]["articles"] == 3  # sub-regions' articles included, drafts not
    themes = {t["slug"]: t for t in records(files, "themes")}
    assert themes["armed-factions"]["aliases"] == ["militias"]
    assert themes["armed-factions"]["trend"]["direction"] == "none"
    assert (themes["ceasefire"]["articles"], themes["ceasefire"]["url"]) == (1, "themes/ceasefire/")


def test_urls_are_absolute_under_site_url_and_html_for_the_offline_bundle(root):
    def urls(**settings):
        data = build_data(replace(settings_for(root), **settings), ("json",))
        return json.loads(data["data/articles.json"])[0]["url"], json.loads(data["data/themes.json"])[0]["url"]

    assert urls() == ("articles/nujaba-halts/", "themes/armed-factions/")
    assert urls(site_url="https://example.org/digest") == (
        "https://example.org/digest/articles/nujaba-halts/",
        "https://example.org/digest/themes/armed-factions/",
    )
    assert urls(directory_urls=False) == ("articles/nujaba-halts.html", "themes/armed-factions.html")


def test_the_same_content_gives_the_same_bytes(root, files):
    assert build_site(settings_for(root)).files == files


def test_mkdocs_build_publishes_the_data_and_the_home_page_links_it(root, tmp_path):
    site = tmp_path / "site"
    build(mkdocs_project(root), site_dir=site, strict=True)
    articles = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    assert articles[0]["url"] == "https://example.org/digest/articles/nujaba-halts/"
    home = (site / "index.html").read_text(encoding="utf-8")
    for name in ("articles.csv", "articles.json", "regions.json", "actors.json", "themes.json"):
        assert f'href="data/{name}"' in home, name
    assert 'href="data/"' in home and (site / "data" / "index.html").is_file()
    assert "no-such" not in (site / "data" / "index.html").read_text(encoding="utf-8")


def test_export_command_writes_what_the_site_publishes(root, tmp_path, capsys):
    config = mkdocs_project(root)
    site_files = build_site(replace(settings_for(root), site_url="https://example.org/digest/")).files
    out = tmp_path / "out"
    assert main(["export", "-f", str(config), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p).name for p in DATA)
    for path in DATA:
        assert (out / Path(path).name).read_bytes() == site_files[path], path
    assert f"to {out}" in capsys.readouterr().out


def test_export_format_csv_writes_only_the_csv_and_default_out_is_dist_data(root):
    assert main(["export", "-f", str(mkdocs_project(root)), "--format", "csv"]) == 0
    assert sorted(p.name for p in (root / "dist" / "data").iterdir()) == ["articles.csv", "quotes.csv"]


def test_export_never_writes_into_the_content_tree(root, capsys):
    before = sorted(root.joinpath("content").rglob("*"))
    assert main(["export", "-f", str(mkdocs_project(root)), "--out", str(root / "content" / "data")]) == 1
    assert "inside the content folder" in capsys.readouterr().err
    assert sorted(root.joinpath("content").rglob("*")) == before


def test_export_of_bad_content_reports_problems_and_writes_nothing(tmp_path, capsys):
    root = content_tree(tmp_path, {"bad.md": article(regions="[Irakk]")})
    out = tmp_path / "out"
    assert main(["export", "-f", str(mkdocs_project(root)), "--out", str(out)]) == 1
    assert "content/articles/bad.md:5: unknown region 'Irakk'; did you mean 'iraq' (Iraq)?" in capsys.readouterr().err
    assert not out.exists()
