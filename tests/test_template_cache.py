"""Compiled templates kept between builds (site/template_cache.py): a second build compiles nothing,
gives the same pages, and a changed template, another language or an unusable folder are handled."""

from __future__ import annotations

import dataclasses
import shutil

import jinja2
import pytest
from trees import REPO, article, content_tree, settings_for

from digest.pipeline import build_site
from digest.site.render import TemplateFailure
from digest.site.template_cache import template_cache
from digest.words import words_for


@pytest.fixture
def settings(tmp_path):
    root = content_tree(tmp_path, {"a.md": article("Baghdad talks", "2025-01-09")})
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates" / "pages", templates)
    return dataclasses.replace(settings_for(root), templates_dir=templates, template_cache=tmp_path / ".cache")


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The names of the templates compiled from here on."""
    names: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return names


def test_a_second_build_compiles_no_template_and_gives_the_same_pages(settings, compiled):
    first = build_site(settings).pages
    assert "article.md.j2" in compiled
    compiled.clear()
    assert build_site(settings).pages == first
    assert compiled == []
    assert first == build_site(dataclasses.replace(settings, template_cache=None)).pages


def test_a_changed_template_is_compiled_again(settings, compiled):
    build_site(settings)
    compiled.clear()
    week = settings.templates_dir / "week.md.j2"
    week.write_text(week.read_text(encoding="utf-8") + "<p>Changed</p>\n", encoding="utf-8")
    pages = build_site(settings).pages
    assert compiled == ["week.md.j2"]
    assert pages["digest/2025-W02.md"].endswith("<p>Changed</p>\n")


def test_each_language_has_its_own_compiled_templates(settings):
    """LiteralWords writes the site language's words into the compiled code."""
    build_site(settings)
    arabic = dataclasses.replace(settings, language="ar")
    assert build_site(arabic).pages == build_site(dataclasses.replace(arabic, template_cache=None)).pages
    names = {path.name.rsplit("-", 1)[1] for path in settings.template_cache.iterdir()}
    assert len(names) == 2


def test_a_template_failure_from_a_cached_template_is_still_named_at_its_line(settings):
    build_site(settings)
    path = settings.templates_dir / "week.md.j2"
    path.write_text(path.read_text(encoding="utf-8") + "{{ articles[0].title + 1 }}\n", encoding="utf-8")
    for _ in range(2):  # compiled, then loaded from the cache
        with pytest.raises(TemplateFailure) as raised:
            build_site(settings)
        assert (raised.value.path, raised.value.line) == (path, len(path.read_text(encoding="utf-8").splitlines()))


def test_a_folder_that_cannot_be_made_means_no_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert template_cache(blocker / "cache", words_for("en")) is None
