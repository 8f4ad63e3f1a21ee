"""What the example content (content/) holds, written out by hand from its files: what its pages must show.

Change it with the example: a test that fails after an edit to content/ says which page changed.
"""

PUBLISHED = (
    "ahmed-al-sharaa-named-interim-president",
    "displaced-gazans-return-north",
    "fifth-exchange-gaunt-hostages",
    "fourth-exchange-and-rafah-crossing-reopens",
    "fuad-hussein-factions-disarm-reuters",
    "gaza-ceasefire-deal-announced",
    "gaza-ceasefire-takes-effect-first-exchange",
    "hamas-postpones-hostage-release",
    "houthis-limit-attacks-to-israeli-linked-ships",
    "iraq-parliament-passes-three-contested-laws",
    "iraqi-factions-suspend-attacks-on-israel",
    "israel-launches-jenin-operation",
    "israeli-troops-remain-in-syria-buffer-zone",
    "israeli-unrwa-ban-takes-effect",
    "lebanon-elects-joseph-aoun-president",
    "nawaf-salam-designated-prime-minister",
    "nujaba-statement-arabic-note",
    "south-lebanon-withdrawal-deadline-passes",
    "trump-netanyahu-white-house-gaza-proposal",
    "us-redesignates-houthis-terrorist-organisation",
)
"""Every article but the draft (pmf-future-debate)."""
NEWEST_TITLE = "Hamas postpones the next hostage release, citing Israeli violations"
"""The newest article (10 February 2025), first on the home page."""

IRAQ = (
    (
        "iraq-parliament-passes-three-contested-laws",
        "Iraqi parliament passes amnesty, personal status and property laws in one vote",
    ),
    ("iraqi-factions-suspend-attacks-on-israel", "Iraqi factions halt attacks on Israel after the Gaza ceasefire deal"),
    (
        "nujaba-statement-arabic-note",
        "ملاحظة بالعربية: فصائل عراقية تعلّق هجماتها على إسرائيل بعد اتفاق وقف إطلاق النار في غزة",
    ),
    (
        "fuad-hussein-factions-disarm-reuters",
        "Iraqi foreign minister says Baghdad is trying to persuade factions to disarm or join state forces",
    ),
)
"""(slug, title) of the articles on Iraq's page, newest first; the parliament vote is in Baghdad, Kirkuk and
the Kurdistan Region, all in Iraq; the two of 16 January in slug order."""
IRAQ_NEWEST_FIRST_ACTOR = ("iraqi-parliament", "Iraqi Council of Representatives")
"""The first actor the newest Iraq article names ('Iraqi parliament', an alias), and its name."""

NUJABA = "Harakat Hezbollah al-Nujaba"
NUJABA_ARTICLES = 2
"""The English report of the factions' pause and the curators' Arabic note on it."""

SEARCHES = {
    "title word": ("Jenin", "Israel launches a large military operation in Jenin"),
    "Latin alias": ("Al-Nujaba", NUJABA),
    "Arabic alias": ("النجباء", NUJABA),
    "Arabic alias with harakat": ("النُّجَبَاء", NUJABA),
    "word only in notes": ("serious", NEWEST_TITLE),
    "region": ("Kirkuk", "Kirkuk"),
    "region's Arabic alias": ("العراق", "Iraq"),
    "theme's Arabic alias": ("هدنة", "Ceasefire"),
}
"""Query kind -> (query, a page title the results must include)."""

DRAFT_WORD = "messages"
"""A word only the draft (pmf-future-debate) says: no page has it, nor a word it starts with."""
