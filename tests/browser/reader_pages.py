"""The pages of the example site that every reader check visits: one of each kind."""

PAGES = {
    "home": "",
    "article": "articles/iraqi-factions-suspend-attacks-on-israel/",
    "arabic-article": "articles/nujaba-statement-arabic-note/",
    "region": "regions/iraq/",
    "regions": "regions/",
    "place": "regions/baghdad/",
    "actor": "actors/harakat-al-nujaba/",
    "theme": "themes/ceasefire/",
    "week": "digest/2025-W03/",
    "network": "network/",
}
PALETTES = {"default": "light", "slate": "dark"}
"""Material's palette scheme -> the colour scheme the browser reports; mkdocs.yml picks the
palette from prefers-color-scheme until the reader flips the toggle."""
