"""Candidate quotes: quoted passages of six words or more, each with the nearest named speaker."""

from digest.curate.quotes import Person, Quote, candidate_quotes


def people(text: str, *names: str) -> list[Person]:
    return [Person(text.index(name), text.index(name) + len(name), name) for name in names]


def test_the_speaker_is_the_person_named_nearest_in_the_paragraph():
    text = 'Akram al-Kaabi said: “We are pausing our operations for now.” In Tehran, Fuad Hussein said nothing.'
    assert candidate_quotes(text, people(text, "Akram al-Kaabi", "Fuad Hussein")) == [
        Quote("We are pausing our operations for now.", "Akram al-Kaabi")
    ]


def test_short_quoted_phrases_are_no_quotes_and_nobody_named_gives_no_speaker():
    text = 'The so-called "axis" met. "This truce will not last very long," an official said.'
    assert candidate_quotes(text, []) == [Quote("This truce will not last very long", None)]


def test_he_stands_for_the_last_person_named_before_it():
    text = 'Fuad Hussein spoke first.\n\nLater, "the talks will go on after the holiday," he said.'
    assert candidate_quotes(text, people(text, "Fuad Hussein")) == [
        Quote("the talks will go on after the holiday", "Fuad Hussein")
    ]
