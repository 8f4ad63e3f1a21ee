"""Relative links between pages, and where the later pages of a long listing go."""
import posixpath

from hypothesis import given
from hypothesis import strategies as st

from digest.site.urls import Links, page_src, relative

SEGMENT = st.sampled_from(["regions", "iraq", "page", "2", "articles", "a-b", "feed.xml", "index.html"])
FOLDER = st.lists(SEGMENT, max_size=4).map(lambda parts: "/".join(parts) + "/" if parts else "")
TARGET = st.lists(SEGMENT, max_size=4).flatmap(
    lambda parts: st.sampled_from(["/".join(parts) + "/" if parts else "", "/".join([*parts, "x.html"])]))


def reference(folder: str, target: str) -> str:
    """What relative() must equal: posixpath.relpath, with a trailing slash for folders."""
    path = posixpath.relpath("/" + target, "/" + folder)
    if target.endswith("/") or not target:
        return "./" if path == "." else path + "/"
    return path


@given(FOLDER, TARGET)
def test_relative_equals_relpath(folder, target):
    assert relative(folder, target) == reference(folder, target)


def test_links_between_pages_for_both_url_styles():
    served, bundled = Links(directory_urls=True), Links(directory_urls=False)
    assert served.href("regions/iraq.md", "articles/x.md") == "../../articles/x/"
    assert served.href("index.md", "regions/iraq.md") == "regions/iraq/"
    assert served.href("regions/iraq/page/2.md", "regions/iraq.md") == "../../"
    assert served.href("regions/iraq.md", "regions/iraq/page/2.md") == "page/2/"
    assert bundled.href("regions/iraq.md", "articles/x.md") == "../articles/x.html"
    assert bundled.href("regions/iraq/page/2.md", "regions/iraq.md") == "../../iraq.html"


def test_first_page_keeps_the_contract_url_and_later_pages_sit_below_it():
    assert page_src("region", "iraq") == "regions/iraq.md"
    assert page_src("region", "iraq", 1) == "regions/iraq.md"
    assert page_src("actor", "hamas", 3) == "actors/hamas/page/3.md"
    assert Links().dest(page_src("theme", "ceasefire", 2)) == "themes/ceasefire/page/2/"
