from digest.check.aliases import AliasTable, normalise


def table() -> AliasTable:
    aliases = AliasTable()
    aliases.add_slug("kataib-hezbollah", "Kata'ib Hezbollah")
    aliases.add_slug("iraq", "Iraq")
    for alias in ("Kata'ib Hezbollah", "Kataib Hezbollah", "كتائب حزب الله"):
        assert aliases.add_alias("kataib-hezbollah", alias) is None
    aliases.add_alias("iraq", "Iraq")
    return aliases


def test_case_apostrophes_hyphens_and_dots_are_ignored():
    aliases = table()
    for reference in (
        "Kata'ib Hezbollah",
        "kataib hezbollah",
        "KATA’IB-HEZBOLLAH",
        "kataib-hezbollah",
        "Kata.ib Hezbollah",
    ):
        assert aliases.resolve(reference) == "kataib-hezbollah", reference


def test_arabic_harakat_tatweel_and_hamza_are_ignored():
    aliases = table()
    assert aliases.resolve("كتائب حزب الله") == "kataib-hezbollah"
    assert aliases.resolve("كَتَائِبُ حِزْبِ اللّٰه") == "kataib-hezbollah"
    assert aliases.resolve("كتـــائب حزب الله") == "kataib-hezbollah"
    assert normalise("أكرم") == normalise("اكرم")


def test_latin_accents_are_ignored():
    assert normalise("Irák") == normalise("irak")


def test_unknown_reference_suggests_closest_entry():
    aliases = table()
    assert aliases.resolve("Irakk") is None
    assert aliases.suggest("Irakk") == "; did you mean 'iraq' (Iraq)?"
    assert aliases.suggest("zzzzzz") == ""


def test_an_alias_belongs_to_one_entry():
    aliases = table()
    assert aliases.add_alias("iraq", "kataib hezbollah") == "kataib-hezbollah"
