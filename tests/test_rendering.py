"""Rendering pages from the templates: a template's own error, or an expression of it that fails on
the content, is a TemplateFailure at its line; any other error is the code's and passes as it is."""

from __future__ import annotations

import dataclasses
import re
import shutil

import pytest
from trees import REPO, article, content_tree, settings_for

from digest.pipeline import build_site
from digest.site.bodies import BodyRenderer
from digest.site.render import TemplateFailure


@pytest.fixture
def settings(tmp_path):
    root = content_tree(tmp_path, {"a.md": article("Baghdad talks", "2025-01-09")})
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates" / "pages", templates)
    return dataclasses.replace(settings_for(root), templates_dir=templates)


def appended(settings, template: str, line: str) -> int:
    """Append a line to one of the settings' templates; returns its line number."""
    path = settings.templates_dir / template
    text = path.read_text(encoding="utf-8") + line + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.splitlines())


def failure(settings) -> TemplateFailure:
    with pytest.raises(TemplateFailure) as raised:
        build_site(settings)
    return raised.value


def test_an_expression_that_fails_on_the_content_is_named_at_its_line(settings):
    line = appended(settings, "article.md.j2", "{{ article.title + 1 }}")
    found = failure(settings)
    assert (found.path, found.line) == (settings.templates_dir / "article.md.j2", line)
    assert found.message == 'TypeError: can only concatenate str (not "int") to str'


def test_an_undefined_attribute_is_named_at_its_line(settings):
    line = appended(settings, "theme.md.j2", "{{ theme.no_such_field }}")
    found = failure(settings)
    assert (found.path, found.line) == (settings.templates_dir / "theme.md.j2", line)
    assert found.message == "'digest.model.Theme object' has no attribute 'no_such_field'"


def test_a_syntax_error_is_named_at_its_line(settings):
    line = appended(settings, "week.md.j2", "{% for %}")
    found = failure(settings)
    assert (found.path, found.line) == (settings.templates_dir / "week.md.j2", line)
    assert found.message == "Expected an expression, got 'end of statement block'"


def test_an_error_of_the_code_is_not_taken_for_a_template_problem(settings, monkeypatch):
    """An OSError, say, is no expression failing on the content, even when a template called the code."""

    def broken(self, text):
        raise OSError("disk gone")

    monkeypatch.setattr(BodyRenderer, "__call__", broken)
    with pytest.raises(OSError, match="disk gone"):
        build_site(settings)


def test_a_type_error_outside_the_templates_is_the_codes(settings, monkeypatch):
    def broken(self, spec, context, render):
        raise TypeError("a bug")

    monkeypatch.setattr("digest.site.render.Renderer.template_text", broken)
    with pytest.raises(TypeError, match="a bug"):
        build_site(settings)


@pytest.mark.parametrize(
    ("language", "kind", "headings"),
    [
        ("en", "Armed group", ["Armed groups", "People"]),
        ("ar", "جماعة مسلحة", ["الجماعات المسلحة", "الأشخاص"]),
    ],
)
def test_actor_kinds_are_named_from_the_one_table_in_the_site_language(tmp_path, language, kind, headings):
    root = content_tree(tmp_path, {"one.md": article(extra="actors: [Al-Nujaba, Akram al-Kaabi]\n")})
    pages = build_site(dataclasses.replace(settings_for(root), language=language)).pages
    assert f'<p class="digest-kind">{kind}</p>' in pages["actors/harakat-al-nujaba.md"]
    assert re.findall(r"<h2>([^<]+)</h2>", pages["actors/index.md"].split('id="coverage"')[0]) == headings
