"""The two map keys of a region: 'iso' (an ISO 3166-1 code) and 'coordinates' ([latitude, longitude]).

Both are optional; an entry without them stays valid and is placed on maps by its name, or not at all.
"""

from __future__ import annotations

import difflib
from typing import Any

import pycountry

from digest.check.aliases import normalise
from digest.check.fields import Fields, found
from digest.words import ENGLISH

COORDINATES_RULE = "[latitude, longitude] in decimal degrees, like [33.31, 44.37]"
_CODES = {c.alpha_2: c for c in pycountry.countries} | {c.alpha_3: c for c in pycountry.countries}
_NAMES = {
    normalise(name): c
    for c in pycountry.countries
    for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""))
    if name
}


def iso_code(checker: Fields, fields: dict, slug: str, names: tuple[str, ...]) -> str | None:
    """The entry's ISO 3166-1 code as alpha-3, or None; names (the entry's name and aliases) help
    the did-you-mean when the code is unknown."""
    value = fields.get("iso")
    if value is None:
        return None
    where = (slug, "iso")
    if not isinstance(value, str) or not value.strip():
        checker.problem(where, f"'iso' of '{slug}' must be an ISO 3166-1 code such as IQ or IRQ, got {found(value)}")
        return None
    code = value.strip().upper()
    country = _CODES.get(code)
    if country is None:
        checker.problem(
            where, f"unknown ISO 3166-1 code '{value.strip()}' in 'iso' of '{slug}'{_suggest(value.strip(), names)}"
        )
        return None
    return country.alpha_3


def _suggest(value: str, names: tuple[str, ...]) -> str:
    """'; did you mean 'IQ' (Iraq)?': the country the value or the entry's names name, else the closest codes."""
    named = [_NAMES[normalise(n)] for n in (value, *names) if normalise(n) in _NAMES]
    form = "alpha_3" if len(value) == 3 else "alpha_2"
    codes = [getattr(c, form) for c in named]
    if not codes:  # a typo: the codes that differ only in the last letter, else the closest
        upper = value.upper()
        pool = sorted(c for c in _CODES if len(c) == len(upper))
        codes = [c for c in pool if c[:-1] == upper[:-1]] or difflib.get_close_matches(upper, pool, n=3, cutoff=0.6)
    codes = list(dict.fromkeys(codes))[:3]
    if not codes:
        return ""
    return "; did you mean " + " or ".join(f"'{c}' ({_CODES[c].name})" for c in codes) + "?"


def coordinates(checker: Fields, fields: dict, slug: str) -> tuple[float, float] | None:
    """The entry's (latitude, longitude), or None; a pair out of range says so, and whether it reads
    right the other way round."""
    value = fields.get("coordinates")
    if value is None:
        return None
    where = (slug, "coordinates")
    if not (isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value)):
        checker.problem(
            where,
            f"'coordinates' of '{slug}' must be {COORDINATES_RULE}, got {_shape(value)}",
        )
        return None
    latitude, longitude = (float(v) for v in value)
    if not -90 <= latitude <= 90:
        swapped = (
            f"; did you mean [{_degrees(longitude)}, {_degrees(latitude)}] (latitude first)?"
            if -90 <= longitude <= 90
            else ""
        )
        checker.problem(
            (*where, 0),
            f"latitude {_degrees(latitude)} in 'coordinates' of '{slug}' is out of range (-90 to 90){swapped}",
        )
        return None
    if not -180 <= longitude <= 180:
        checker.problem(
            (*where, 1), f"longitude {_degrees(longitude)} in 'coordinates' of '{slug}' is out of range (-180 to 180)"
        )
        return None
    return (latitude, longitude)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _shape(value: Any) -> str:
    if isinstance(value, list) and len(value) != 2:
        return ENGLISH.ngettext("a list of %(num)s value", "a list of %(num)s values", len(value))
    if isinstance(value, list):
        return "a list whose values are not both numbers"
    return found(value)


def _degrees(value: float) -> str:
    return f"{value:g}"
