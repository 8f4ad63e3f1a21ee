"""Typed fields: how a value is named in a message, where in a document it is, which slugs are allowed."""

from digest.check.fields import found, slug_problem, where_in


def test_a_value_is_named_with_its_type_and_when_plain_itself():
    assert found("iraq") == "text 'iraq'"
    assert found(12) == "a number '12'"
    assert found(["a"]) == "a list"
    assert found("x" * 50) == f"text '{'x' * 37}...'"


def test_where_in_names_the_entry_or_the_field():
    assert where_in(()) == ""
    assert where_in(("quotes", 1)) == " in entry 2 of 'quotes'"
    assert where_in((0,)) == " in entry 1"
    assert where_in(("source", "url")) == " in 'url'"


def test_slugs_are_lowercase_words_and_index_is_reserved():
    assert slug_problem("golan-heights") is None
    assert slug_problem("index") == "is reserved for the section's own page"
    assert slug_problem("Golan Heights") == (
        "may contain only lowercase letters, digits and hyphens, like 'golan-heights'"
    )
