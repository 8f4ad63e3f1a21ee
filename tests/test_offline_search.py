"""The offline bundle's lunr index: which words it holds, one entry per page, what a result shows."""

from digest.site.offline_search import TEASER_CHARACTERS, fold, offline_index, pages, teaser, words


def test_fold_drops_case_harakat_accents_and_hamza_seats():
    assert fold("النُّجَبَاء") == "النجباء"
    assert fold("تعلّق") == "تعلق"
    assert fold("أكرم الكعبي") == "اكرم الكعبي"
    assert fold("Déjà Vu") == "deja vu"


def test_words_are_runs_of_letters_and_digits_without_tags_entities_or_stop_words():
    assert words("<p>The Al-Nujaba halt &amp; its <b>end</b>, in 2025.</p>") == ["al", "nujaba", "halt", "end", "2025"]
    assert words("حركة النُّجَبَاء") == ["حركة", "النجباء"]


def test_a_pages_sections_are_joined_into_one_entry_titled_as_the_page():
    docs = [
        {"location": "actors/a.html", "title": "A", "text": "<p>First.</p>"},
        {"location": "actors/a.html#ties", "title": "Ties", "text": ""},
        {"location": "actors/a.html#more", "title": "More", "text": "Second."},
        {"location": "b.html", "title": "B", "text": "Other."},
    ]
    assert pages(docs) == [
        {"location": "actors/a.html", "title": "A", "text": "<p>First.</p> Second."},
        {"location": "b.html", "title": "B", "text": "Other."},
    ]


def test_a_teaser_is_the_plain_text_after_the_title_cut_at_a_word():
    assert teaser("Iraq", "Iraq <p>State &amp; country.</p>") == "State & country."
    long = teaser("T", "T " + "word " * 200)
    assert long.endswith(" …") and len(long) <= TEASER_CHARACTERS + 2 and "wor …" not in long


def test_the_index_refers_to_pages_by_their_place_and_holds_title_and_text_words():
    index = offline_index({"docs": [
        {"location": "a.html", "title": "Nujaba halts", "text": "Nujaba halts <p>Truce holds.</p>"},
        {"location": "b.html", "title": "Talks", "text": "<p>Baghdad talks.</p>"},
    ]})
    assert index["pages"] == [["a.html", "Nujaba halts", "Truce holds."], ["b.html", "Talks", "Baghdad talks."]]
    postings = dict(index["index"]["invertedIndex"])
    assert set(postings["nujaba"]["title"]) == {"0"} and set(postings["baghdad"]["text"]) == {"1"}
    assert "the" not in postings
