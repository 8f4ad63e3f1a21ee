"""The site's JSON (site/json_text.py) is what json.dumps writes, indented and sorted, for every kind of value the
site writes, text from anywhere included."""

from __future__ import annotations

import json

from digest.site.json_text import indented

VALUES = {
    "title": "الفصائل العراقية «تعلّق» هجماتها — \u2028 \x7f \x1f \t \"quoted\" \\ </script>",
    "count": 3000,
    "none": None,
    "flags": [True, False],
    "empty": {"list": [], "mapping": {}},
    "nested": [{"b": 1, "a": [1, 2, {"z": "", "y": "😀"}]}],
}


def test_the_site_s_json_is_what_json_dumps_writes_indented_and_sorted():
    expected = json.dumps(VALUES, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    assert indented(VALUES) == expected
    assert json.loads(indented(VALUES)) == VALUES
