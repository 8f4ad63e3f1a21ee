"""JSON as the site writes it (feeds, data files): UTF-8, indented by two spaces, keys sorted, through
orjson, whose C writer indents, where Python's json falls back to pure Python as soon as it is asked to
indent (a third of a second at 3,000 articles, against a fifth of that).

It writes what json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) writes for the site's
values: text, whole numbers, lists and mappings with text keys (the site writes no float). Text cannot
hold a lone surrogate, which orjson refuses: YAML and UTF-8 files cannot carry one.
"""
from __future__ import annotations

from typing import Any

import orjson


def indented(value: Any) -> bytes:
    """The value as indented JSON, without a final line break."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
