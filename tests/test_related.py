"""Related articles: shared actors count most, then themes, then regions; ties go to the nearest in time."""
import datetime as dt

from trees import article, content_tree, settings_for

from digest.group.index import RELATED_LIMIT, RELATED_WINDOW, build_index
from digest.pipeline import check


def related_slugs(root) -> dict[str, list[str]]:
    content, _ = check(settings_for(root))
    return {slug: [a.slug for a in items] for slug, items in build_index(content).related.items()}


def test_a_shared_actor_outweighs_a_shared_theme_and_a_shared_region(tmp_path):
    root = content_tree(tmp_path, {
        "base.md": article("Base", "2025-01-10", "[iraq]", "actors: [kataib-hezbollah]\nthemes: [ceasefire]\n"),
        "same-actor.md": article("Same actor", "2025-01-01", "[syria]", "actors: [kataib-hezbollah]\n"),
        "same-theme.md": article("Same theme", "2025-01-09", "[syria]", "themes: [ceasefire]\n"),
        "same-region.md": article("Same region", "2025-01-11", "[iraq]"),
        "nothing.md": article("Nothing shared", "2025-01-10", "[golan-heights]"),
    })
    assert related_slugs(root)["base"] == ["same-actor", "same-theme", "same-region"]


def test_ties_go_to_the_nearest_in_time(tmp_path):
    root = content_tree(tmp_path, {
        "base.md": article("Base", "2025-01-10", "[iraq]"),
        "far.md": article("Far", "2024-06-01", "[iraq]"),
        "near-before.md": article("Near before", "2025-01-08", "[iraq]"),
        "near-after.md": article("Near after", "2025-01-11", "[iraq]"),
    })
    assert related_slugs(root)["base"] == ["near-after", "near-before", "far"]


def test_an_actor_named_everywhere_pairs_each_article_with_its_neighbours_in_time(tmp_path):
    """The top actor is in a third of real coverage: candidates come from a window around each
    article, so the work grows with the number of articles, not with its square."""
    start = dt.date(2024, 1, 1)
    articles = {
        f"a{i:03d}.md": article(
            f"Report {i}", (start + dt.timedelta(days=i)).isoformat(), "[iraq]", "actors: [kataib-hezbollah]\n"
        )
        for i in range(200)
    }
    related = related_slugs(content_tree(tmp_path, articles))
    assert related["a100"] == ["a101", "a099", "a102", "a098", "a103"]
    for slug, others in related.items():
        assert len(others) == RELATED_LIMIT
        assert all(abs(int(slug[1:]) - int(other[1:])) <= RELATED_WINDOW for other in others), (slug, others)
