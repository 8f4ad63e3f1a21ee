"""Names in a text: runs of capitalised words, outside the spans already known, with place words noted."""

from digest.curate.names import find_names


def texts(text: str, **options) -> list[tuple[str, bool]]:
    return [(name.text, name.place) for name in find_names(text, **options)]


def test_capitalised_runs_are_names_and_a_place_word_before_one_marks_a_place():
    text = "The envoy met Fuad Hussein in Baghdad on Monday."
    assert texts(text) == [("Fuad Hussein", False), ("Baghdad", True)]


def test_known_spans_and_derived_words_are_left_out():
    text = "Iraqi officials met Fuad Hussein and Ali Smith."
    start = text.index("Fuad Hussein")
    found = texts(text, known=[(start, start + len("Fuad Hussein"))], derived=lambda run: run == "Iraqi")
    assert found == [("Ali Smith", False)]
