"""`digest import`: raw article in, draft and kept text out, with suggestions, unknown names and reprints."""
from __future__ import annotations

import io
import re
from pathlib import Path

from test_extract import RAW_ARTICLE, SAVED_PAGE
from trees import REPO, article, content_tree, mkdocs_project

from digest.cli import main
from digest.read.yaml_lines import load, split_front_matter
from digest.shell.driver import build

REGISTRIES = {
    name: (REPO / "content" / f"{name}.yml").read_text(encoding="utf-8") for name in ("regions", "actors", "themes")
}


def run(root: Path, *args: str) -> int:
    return main([args[0], "--content", str(root / "content"), "-f", str(mkdocs_project(root)), *args[1:]])


def example_tree(root: Path, articles: dict[str, str] | None = None) -> Path:
    """A tree with the repository's example registries and the given articles."""
    return content_tree(root, articles or {}, **REGISTRIES)


def front(path: Path) -> dict:
    return load(split_front_matter(path.read_text(encoding="utf-8")).text).value


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def written(out: str) -> list[str]:
    return re.findall(r"^wrote (\S+)", out, flags=re.MULTILINE)


def test_a_raw_article_becomes_a_draft_that_check_accepts(tmp_path, capsys):
    root = example_tree(tmp_path)
    assert run(root, "import", str(RAW_ARTICLE)) == 0
    out = capsys.readouterr().out
    draft, kept = (root / path for path in written(out))
    assert draft.name == "armed-factions-in-iraq-pause-drone-launches-as-the-gaza-ceasefire-begins.md"
    assert kept.name == "armed-factions-in-iraq-pause-drone-launches-as-the-gaza-ceasefire-begins.source.txt"
    fields = front(draft)
    assert fields["draft"] is True and fields["summary"].startswith("TODO:")
    assert {"harakat-al-nujaba", "kataib-hezbollah", "islamic-resistance-in-iraq", "fuad-hussein"} <= set(
        fields["actors"]
    )
    assert {"iraq", "israel", "gaza", "golan-heights"} <= set(fields["regions"])
    assert fields["regions"][0] == "iraq" and fields["themes"][0] == "ceasefire"
    assert [(q["speaker"], " ".join(q["text"].split()[:4])) for q in fields["quotes"]] == [
        ("Akram al-Kaabi", "We are stopping our"),
        ("Akram al-Kaabi", "If the fighting starts"),
        ("Fuad Hussein", "We are working to"),
        ("Samira Haddad", "A pause is not"),
        ("Samira Haddad", "Everything now depends on"),
        ("Samira Haddad", "The coming weeks will"),
    ]
    assert all(q["text"] in RAW_ARTICLE.read_text(encoding="utf-8") for q in fields["quotes"])
    assert "not in actors.yml: Samira Haddad (3 mentions)" in out
    assert "check: no date found" in out and "check: no source found" in out
    text = kept.read_text(encoding="utf-8")
    for clutter in ("Cet article", "LEAVE A REPLY", "Please enter", "SHARE:", "spot_img", "Views:", "[AFP]"):
        assert clutter not in text
    assert run(root, "check") == 0
    err = capsys.readouterr().err
    assert "warning: 'summary' is still a placeholder" in err and "warning: 'source.name' is still a placeholder" in err


def test_a_saved_page_gives_dated_path_source_and_suggestions(tmp_path, capsys):
    root = example_tree(tmp_path)
    page = tmp_path / "saved.html"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    assert run(root, "import", str(page)) == 0
    out = capsys.readouterr().out
    path = "content/articles/2025/01/armed-groups-pledge-to-hold-fire-while-the-truce-lasts.md"
    assert f"wrote {path} (draft)" in out
    fields = front(root / path)
    assert fields["source"] == {"name": "The Daily Example", "url": "https://daily.example.org/news/armed-groups-hold-fire"}
    assert str(fields["date"]) == "2025-01-18"
    assert fields["quotes"] == [
        {"speaker": "Akram al-Kaabi", "text": "We will watch what the occupation does and answer any breach in kind"}
    ]
    assert {"harakat-al-nujaba", "kataib-hezbollah", "akram-al-kaabi"} <= set(fields["actors"])
    assert "check:" not in out


def test_standard_input_is_read_with_dash(tmp_path, capsys, monkeypatch):
    root = example_tree(tmp_path)
    text = (
        "Kata'ib Hezbollah denies role in Anbar blast\n\n"
        "Kata'ib Hezbollah said on Monday it had no part in the blast in Anbar, and blamed \"outside hands\".\n"
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert run(root, "import", "-") == 0
    [draft, kept] = written(capsys.readouterr().out)
    fields = front(root / draft)
    assert fields["title"] == "Kata'ib Hezbollah denies role in Anbar blast"
    assert fields["actors"] == ["kataib-hezbollah"] and fields["regions"] == ["anbar"]
    assert (root / kept).read_text(encoding="utf-8").startswith("Extracted by digest import from standard input")


def test_arabic_text_is_matched_by_arabic_aliases(tmp_path, capsys):
    root = example_tree(tmp_path)
    source = tmp_path / "arabic.txt"
    source.write_text(
        "النجباء تعلق عملياتها\n\nأعلنت حركة النجباء وكتائب حزب الله تعليق عملياتها ضد إسرائيل دعماً لوقف إطلاق "
        "النار في غزة، وقالت إن مقاتليها في العراق على أهبة الاستعداد.\n",
        encoding="utf-8",
    )
    assert run(root, "import", str(source)) == 0
    [draft, _] = written(capsys.readouterr().out)
    fields = front(root / draft)
    assert fields["language"] == "ar"
    assert {"harakat-al-nujaba", "kataib-hezbollah", "israel"} <= set(fields["actors"])
    assert {"gaza", "iraq", "israel"} <= set(fields["regions"]) and "ceasefire" in fields["themes"]
    assert re.fullmatch(r"[a-z0-9-]+\.md", Path(draft).name)


def test_several_inputs_at_once_and_one_failure_does_not_stop_the_others(tmp_path, capsys):
    root = example_tree(tmp_path)
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(
        "Qatar hosts new round of talks\n\nQatar hosted a new round of talks in Doha on the second phase.\n",
        encoding="utf-8",
    )
    second.write_text(
        "Egypt reopens Rafah crossing\n\nEgypt reopened the Rafah crossing for the wounded on Saturday.\n",
        encoding="utf-8",
    )
    assert run(root, "import", str(first), str(tmp_path / "missing.txt"), str(second)) == 1
    captured = capsys.readouterr()
    assert len(written(captured.out)) == 4
    assert f"digest: {tmp_path / 'missing.txt'}: No such file or directory" in captured.err


def test_import_never_overwrites_and_touches_no_other_file(tmp_path, capsys):
    root = example_tree(tmp_path, {"2025/01/existing.md": article("Existing", regions="[iraq]")})
    source = tmp_path / "story.txt"
    source.write_text("Baghdad hosts talks on the factions\n\nOfficials met in Baghdad.\n", encoding="utf-8")
    before = files_under(root / "content")
    assert run(root, "import", str(source)) == 0
    after = files_under(root / "content")
    new = sorted(set(after) - set(before))
    assert [Path(p).name for p in new] == [
        "baghdad-hosts-talks-on-the-factions.md",
        "baghdad-hosts-talks-on-the-factions.source.txt",
    ]
    assert {k: after[k] for k in before} == before
    capsys.readouterr()
    assert run(root, "import", str(source)) == 1
    assert (
        "the slug 'baghdad-hosts-talks-on-the-factions' is already used by content/articles/" in capsys.readouterr().err
    )
    assert files_under(root / "content") == after


def test_a_reprint_of_an_article_in_the_tree_is_reported_with_the_yaml_to_add(tmp_path, capsys):
    existing = article("Iraqi factions halt attacks on Israel after the Gaza ceasefire deal", "2025-01-16")
    root = example_tree(tmp_path, {"2025/01/iraqi-factions.md": existing})
    page = tmp_path / "saved.html"
    page.write_text(
        SAVED_PAGE.replace(
            "Armed groups pledge to hold fire while the truce lasts",
            "Iraqi factions halt attacks on Israel following Gaza ceasefire",
        ),
        encoding="utf-8",
    )
    assert run(root, "import", str(page)) == 0
    out = capsys.readouterr().out
    assert "looks like a reprint of content/articles/2025/01/iraqi-factions.md (the titles are 84% alike)" in out
    assert (
        "    also_published:\n      - name: The Daily Example\n        url: https://daily.example.org/news/armed-groups-hold-fire\n"
        in out
    )


def test_bad_registries_stop_the_import_before_anything_is_written(tmp_path, capsys):
    root = content_tree(tmp_path, {}, themes="ceasefire: {name: Ceasefire, aliases: truce}\n")
    source = tmp_path / "story.txt"
    source.write_text("A title\n\nSome text.\n", encoding="utf-8")
    before = files_under(root / "content")
    assert run(root, "import", str(source)) == 1
    assert "content/themes.yml:1: 'aliases' must be a list" in capsys.readouterr().err
    assert files_under(root / "content") == before


def test_kept_texts_never_reach_the_site(tmp_path, capsys):
    published = article("Talks in Baghdad", "2025-01-10", extra="actors: [iraqi-government]\n")
    root = example_tree(
        tmp_path, {"2025/01/talks.md": published, "2025/01/talks.source.txt": "A distinctive kept sentence zqxv.\n"}
    )
    source = tmp_path / "story.txt"
    source.write_text("Another story in Baghdad\n\nAnother distinctive kept sentence wqzj.\n", encoding="utf-8")
    assert run(root, "import", str(source)) == 0
    site = tmp_path / "site"
    build(mkdocs_project(root), site_dir=site, strict=True)
    files = [p for p in site.rglob("*") if p.is_file()]
    assert (site / "articles" / "talks" / "index.html").is_file()
    assert not [p for p in files if p.name.endswith(".txt")]
    assert not [p for p in files if b"zqxv" in p.read_bytes() or b"wqzj" in p.read_bytes()]
