"""Faults cost the curator nothing: a failed build keeps the last site, no command writes into the
content tree, and the same content builds to byte-identical files whatever the hash seed."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from trees import REPO, article, content_tree, mkdocs_project

from digest import cli
from digest.shell.driver import build

GOOD = {
    "2025/01/talks.md": article("Baghdad talks", "2025-01-09"),
    "2025/01/halt.md": article("Nujaba halts attacks", "2025-01-16"),
}
BROKEN = "---\ntitle: Broken\ndate: 2025-02-30\nsource: S\nregions: [Irakk]\nsummary: S\n---\n"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder -> a digest of its bytes (and nothing else is there)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with a good site already built into site/ (and its compiled templates kept in .cache/)."""
    root = content_tree(tmp_path, GOOD)
    build(mkdocs_project(root), site_dir=root / "site", strict=True)
    return root


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, env=ENV, capture_output=True, text=True, timeout=300
    )


def broken_templates(root: Path, template: str, line: str) -> None:
    """Copy the page templates into the project, append a broken line to one, and use them."""
    shutil.copytree(REPO / "templates" / "pages", root / "templates" / "pages")
    with (root / "templates" / "pages" / template).open("a", encoding="utf-8") as file:
        file.write(line + "\n")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(str(REPO / "templates" / "pages"), "templates/pages"),
        encoding="utf-8",
    )


def test_mkdocs_build_on_bad_content_exits_1_with_problem_lines_and_keeps_the_site(project):
    site, content = snapshot(project / "site"), snapshot(project / "content")
    (project / "content" / "articles" / "broken.md").write_text(BROKEN, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "ERROR   -  digest: the content has problems:" in lines
    assert "content/articles/broken.md:3: 'date' 2025-02-30 is not a valid date: it does not exist" in lines
    assert "content/articles/broken.md:5: unknown region 'Irakk'; did you mean 'iraq' (Iraq)?" in lines
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(project / "site") == site
    assert snapshot(project / "content") == {
        **content,
        "articles/broken.md": snapshot(project / "content")["articles/broken.md"],
    }


def test_mkdocs_build_with_a_broken_template_names_it_and_keeps_the_site(project):
    site = snapshot(project / "site")
    broken_templates(project, "article.md.j2", "{{ article.no_such_field }}")
    result = mkdocs_build(project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "ERROR   -  digest: a page template has a problem:" in lines
    line = len((project / "templates" / "pages" / "article.md.j2").read_text(encoding="utf-8").splitlines())
    assert (
        f"templates/pages/article.md.j2:{line}: 'digest.model.Article object' has no attribute 'no_such_field'" in lines
    )
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == site


def test_a_template_expression_that_fails_on_the_content_is_named_at_its_line(project):
    broken_templates(project, "article.md.j2", "{{ article.title + 1 }}")
    result = mkdocs_build(project)
    line = len((project / "templates" / "pages" / "article.md.j2").read_text(encoding="utf-8").splitlines())
    assert result.returncode == 1
    assert (
        f'templates/pages/article.md.j2:{line}: TypeError: can only concatenate str (not "int") to str'
        in result.stderr.splitlines()
    )
    assert "Traceback" not in result.stderr


def test_a_template_syntax_error_is_named_at_its_line(project):
    broken_templates(project, "theme.md.j2", "{% if %}")
    result = mkdocs_build(project)
    line = len((project / "templates" / "pages" / "theme.md.j2").read_text(encoding="utf-8").splitlines())
    assert result.returncode == 1
    assert (
        f"templates/pages/theme.md.j2:{line}: Expected an expression, got 'end of statement block'"
        in result.stderr.splitlines()
    )


def test_digest_build_on_bad_content_exits_1_and_keeps_the_site(project, capsys, monkeypatch):
    site = snapshot(project / "site")
    (project / "content" / "articles" / "broken.md").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(project)
    assert cli.main(["build"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "content/articles/broken.md:3: 'date' 2025-02-30 is not a valid date: it does not exist",
        "content/articles/broken.md:5: unknown region 'Irakk'; did you mean 'iraq' (Iraq)?",
    ]
    assert snapshot(project / "site") == site
    assert sorted(p.name for p in project.iterdir()) == [".cache", "content", "mkdocs.yml", "site"]


def test_digest_build_that_fails_in_mkdocs_keeps_the_site_and_leaves_nothing_behind(project, capsys, monkeypatch):
    site = snapshot(project / "site")
    broken_templates(project, "region.md.j2", "{{ region.no_such_field }}")
    monkeypatch.chdir(project)
    assert cli.main(["build"]) == 1
    err = capsys.readouterr().err
    assert f"digest: the build failed; {project / 'site'} is unchanged" in err
    assert "templates/pages/region.md.j2:" in err and "has no attribute 'no_such_field'" in err
    assert snapshot(project / "site") == site
    assert sorted(p.name for p in project.iterdir()) == [".cache", "content", "mkdocs.yml", "site", "templates"]


def test_digest_build_replaces_the_whole_site_at_once(project, capsys, monkeypatch):
    (project / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
    for leftover in ("site.building", "site.old"):  # an earlier build that was interrupted
        (project / leftover).mkdir()
        (project / leftover / "x").write_text("x", encoding="utf-8")
    (project / "content" / "articles" / "2025" / "01" / "halt.md").unlink()
    monkeypatch.chdir(project)
    assert cli.main(["build"]) == 0
    assert capsys.readouterr().out.strip() == f"built {project / 'site'}"
    assert not (project / "site" / "stale.html").exists()
    assert not (project / "site" / "articles" / "halt").exists()
    assert (project / "site" / "articles" / "talks" / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir()) == [".cache", "content", "mkdocs.yml", "site"]


def test_no_command_writes_into_the_content_tree(project, capsys, monkeypatch):
    (project / "content" / "articles" / "broken.md").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(project)
    broken = snapshot(project / "content")
    assert (cli.main(["check"]), cli.main(["build"]), mkdocs_build(project).returncode) == (1, 1, 1)
    assert snapshot(project / "content") == broken
    (project / "content" / "articles" / "broken.md").unlink()
    good = snapshot(project / "content")
    assert (cli.main(["check"]), cli.main(["build"]), mkdocs_build(project).returncode) == (0, 0, 0)
    assert snapshot(project / "content") == good


def test_a_5_mb_body_is_valid_and_builds(tmp_path):
    """Scale, not speed: bench/hostile.py measures the time."""
    paragraph = "The factions said the pause would hold while talks went on. " * 20
    body = (
        "\n\n".join(f"## Part {i}\n\n{paragraph}" if i % 10 == 0 else paragraph for i in range(4_500))
        + "\n\nLAST PARAGRAPH\n"
    )
    assert len(body.encode()) >= 5_000_000
    root = content_tree(tmp_path, {"long.md": article("A long read", body=body)})
    build(mkdocs_project(root), site_dir=root / "site", strict=True)
    page = (root / "site" / "articles" / "long" / "index.html").read_text(encoding="utf-8")
    assert "<p>LAST PARAGRAPH</p>" in page
    assert page.count("<h2") >= 450


def test_the_same_content_builds_byte_identical_sites_whatever_the_hash_seed_or_the_day(tmp_path):
    """The example content, built twice in fresh processes with different PYTHONHASHSEED values, on
    what MkDocs takes for different days (SOURCE_DATE_EPOCH): no clock reaches the output."""
    builds = {}
    for seed, day in (("1", "1737000000"), ("2024", "1740000000")):
        env = {**ENV, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": day}
        site = tmp_path / f"site-{seed}"
        builds[seed] = (
            site,
            subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
    for _, process in builds.values():
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    first, second = (snapshot(site) for site, _ in builds.values())
    assert len(first) > 50
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
