"""The TODO: placeholders a draft may keep and a published article may not."""

from digest.check.placeholders import is_placeholder, placeholder, placeholder_problems


def test_a_placeholder_is_text_starting_todo():
    assert placeholder("write the summary") == "TODO: write the summary"
    assert is_placeholder("  TODO: later") and not is_placeholder("Later, TODO: maybe") and not is_placeholder(None)
    assert not is_placeholder(["TODO: a list is no placeholder"])


def test_every_placeholder_is_found_where_it_is():
    fields = {
        "title": "TODO: title",
        "summary": "Done.",
        "source": {"name": "TODO: outlet", "url": "https://example.org/a"},
        "regions": ["iraq", "TODO: region"],
        "quotes": [{"speaker": "A", "text": "TODO: the words"}],
    }
    assert [where for where, _, _ in placeholder_problems(fields, draft=True)] == [
        ("title",), ("source", "name"), ("regions", 1), ("quotes", 0, "text")
    ]


def test_a_draft_is_warned_and_a_published_article_is_refused():
    fields = {"summary": "TODO: write it"}
    assert list(placeholder_problems(fields, draft=True)) == [
        (("summary",), "'summary' is still a placeholder (TODO: ...): write it before publishing", True)
    ]
    assert list(placeholder_problems(fields, draft=False)) == [
        (("summary",), "'summary' is still a placeholder (TODO: ...): write it, or set 'draft: true'", False)
    ]
