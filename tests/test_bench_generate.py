"""The benchmark's synthetic content stays valid, deterministic and in the shapes it promises."""
import re
import sys
from collections import Counter

from trees import REPO, settings_for

from digest.group.index import lineage
from digest.pipeline import check

sys.path.insert(0, str(REPO / "bench"))
from generate import generate


def files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_generated_content_is_valid_deterministic_and_shaped_like_real_coverage(tmp_path):
    generate(tmp_path / "content", 300)
    generate(tmp_path / "again", 300)
    assert files(tmp_path / "content") == files(tmp_path / "again")
    content, _ = check(settings_for(tmp_path))
    registries = content.registries
    assert (len(registries.regions), len(registries.actors), len(registries.themes)) == (40, 300, 25)
    assert max(len(list(lineage(registries, slug))) for slug in registries.regions) == 5
    assert any(any(ord(c) > 0x600 for c in alias) for actor in registries.actors.values() for alias in actor.aliases)
    assert sum(bool(a.member_of or a.aligned_with) for a in registries.actors.values()) > 80
    published = content.published
    assert 290 <= len(published) <= 300 and len(content.articles) == 300
    assert (published[-1].date.year, published[0].date.year) == (2023, 2024)
    top = Counter(slug for a in published for slug in a.actors).most_common(1)[0][1]
    assert 0.25 <= top / len(published) <= 0.45
    assert all(40 <= len(a.summary.split()) <= 80 for a in published if a.language == "en")
    assert all(150 <= len(a.body.split()) <= 400 for a in published)


def test_words_recur_like_news_with_a_long_tail(tmp_path):
    """Common words make much of the text and rare ones keep coming: at 300 articles (about 110,000
    words) thousands of distinct words, not a few hundred, nor one new word per token."""
    generate(tmp_path / "content", 300)
    content, _ = check(settings_for(tmp_path))
    counts = Counter(re.findall(r"\w+", " ".join(f"{a.summary} {a.body}" for a in content.articles).lower()))
    tokens = sum(counts.values())
    assert 8_000 <= len(counts) <= tokens / 5
    assert 0.35 <= sum(n for _, n in counts.most_common(30)) / tokens <= 0.6
