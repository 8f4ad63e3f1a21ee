"""A literal message is translated when the template compiles: the page reads as with gettext, and the
compiled template holds the translation instead of a call."""

from __future__ import annotations

import pytest
from trees import REPO

from digest.site.render import environment
from digest.words import words_for

TEMPLATES = REPO / "templates" / "pages"


@pytest.fixture
def arabic():
    return environment(TEMPLATES, words_for("ar"))


def test_a_literal_message_is_its_translation_in_the_compiled_template(arabic):
    source = arabic.compile('<h2>{{ _("Regions") }}</h2>', raw=True)
    assert "المناطق" in source
    assert "context.call" not in source
    assert arabic.from_string('<h2>{{ _("Regions") }}</h2>').render() == "<h2>المناطق</h2>"


def test_a_folded_message_is_markup_as_gettext_gives_it(arabic):
    template = arabic.from_string('{{ _("Notes") ~ x }}|{% macro m(e=_("Notes")) %}{{ e }}{% endmacro %}{{ m() }}')
    assert template.render(x="<b>") == "ملاحظات&lt;b&gt;|ملاحظات"


def test_messages_with_variables_or_a_percent_sign_stay_calls(arabic):
    source = arabic.compile('{{ _("Week") }}{{ _("%(name)s, page %(number)s", name=n, number=2) }}{{ _("100%%") }}',
                            raw=True)
    assert source.count("context.call") == 2
    page = arabic.from_string('{{ _("%(name)s, page %(number)s", name=n, number="٢") }}|{{ _("100%%") }}')
    assert page.render(n="<x>") == "&lt;x&gt;، الصفحة ٢|100%"


def test_an_attribute_named_underscore_is_not_a_message(arabic):
    class Thing:
        def _(self, text):
            return text.upper()

    assert arabic.from_string('{{ thing._("Regions") }}').render(thing=Thing()) == "REGIONS"
