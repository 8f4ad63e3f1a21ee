"""The alias matcher: normalise semantics over word runs, longest match, acronyms, Arabic script."""
from __future__ import annotations

from digest.curate.mentions import Matcher, ranked

ALIASES = [
    ("kataib-hezbollah", "Kata'ib Hezbollah"),
    ("kataib-hezbollah", "كتائب حزب الله"),
    ("hezbollah", "Hezbollah"),
    ("hezbollah", "حزب الله"),
    ("harakat-al-nujaba", "Al-Nujaba"),
    ("harakat-al-nujaba", "النجباء"),
    ("iraq", "Iraq"),
    ("iraq", "العراق"),
    ("united-states", "United States"),
    ("united-states", "US"),
    ("united-states", "U.S."),
    ("golan-heights", "Golan Heights"),
    ("golan-heights", "Golan"),
]


def slugs(text: str) -> list[str]:
    return [m.slug for m in Matcher(ALIASES).find(text)]


def test_case_apostrophes_hyphens_and_spacing_are_ignored():
    text = "Kata’ib Hezbollah, KATAIB-HEZBOLLAH, kataib hezbollah and Kata'ib  Hezbollah"
    assert slugs(text) == ["kataib-hezbollah"] * 4


def test_the_longest_match_wins():
    assert slugs("Kata'ib Hezbollah and Hezbollah; the Golan Heights, the Golan") == [
        "kataib-hezbollah",
        "hezbollah",
        "golan-heights",
        "golan-heights",
    ]


def test_possessives_and_offsets():
    text = "Iraq’s factions"
    [mention] = Matcher(ALIASES).find(text)
    assert (mention.slug, text[mention.start : mention.end]) == ("iraq", "Iraq")


def test_words_are_not_matched_inside_longer_words():
    assert slugs("Iraqi officials and Golanese farmers") == []


def test_acronyms_match_only_in_capitals():
    assert slugs("they told us. The US and the U.S. agreed") == ["united-states", "united-states"]


def test_runs_do_not_cross_commas_or_lines():
    assert (
        slugs("United, States") == [] and slugs("United\nStates") == [] and slugs("United States") == ["united-states"]
    )


def test_arabic_script_with_harakat_tatweel_and_prefixes():
    text = "قالت كَتَائِبُ حِزْبِ اللّٰه إن والنجباء وكتـــائب حزب الله باقية في العراق وللعراق"
    assert slugs(text) == ["kataib-hezbollah", "harakat-al-nujaba", "kataib-hezbollah", "iraq", "iraq"]


def test_ranked_by_mentions_then_first_mention():
    matcher = Matcher(ALIASES)
    found = matcher.find("Golan. Iraq. Al-Nujaba in Iraq. The Golan Heights. Al-Nujaba")
    assert ranked(found) == [("golan-heights", 2), ("iraq", 2), ("harakat-al-nujaba", 2)]


def test_known_prefix_finds_inflections():
    matcher = Matcher(ALIASES)
    assert matcher.known_prefix("iraqi") == 4
    assert matcher.known_prefix("baghdad") == 0


def test_an_alias_keeps_its_first_owner():
    matcher = Matcher([("a", "Same Name"), ("b", "same-name")])
    assert [m.slug for m in matcher.find("Same Name")] == ["a"]
